import { fromRows } from '../../src/core/linalg/matrix.ts';
import { BallastError } from '../../src/domain/errors.ts';
import type { OptimizationInputs } from '../../src/domain/optimize/problem.ts';

/** docs/conventions.md's two-asset example: μ = (.10, .08), Σ = diag(.04, .01), rf = .02 (×`riskScale`). */
export function financeExample(riskScale = 1): OptimizationInputs {
  return {
    assets: ['A', 'B'],
    expectedReturnsAnnual: Float64Array.from([0.1, 0.08]),
    covarianceAnnual: fromRows([
      [0.04 * riskScale, 0],
      [0, 0.01 * riskScale],
    ]),
    riskFreeRateAnnual: 0.02,
  };
}

/** Runs `fn` and returns the BallastError it throws (fails the test otherwise). */
export function thrown(fn: () => unknown): BallastError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

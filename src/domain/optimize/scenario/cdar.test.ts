import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Matrix } from '../../../core/linalg/matrix.ts';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import { returnsMatrixArbitrary, seededReturns } from '../../../../test/helpers/matrices.ts';
import { thrown } from '../../../../test/helpers/optimize.ts';
import { uncompoundedDrawdowns as drawdowns } from '../../measures/drawdown.ts';
import { tailRisk } from '../../measures/tail-risk.ts';
import { TOLERANCES } from '../../../../test/helpers/tolerances.ts';
import type { DrawdownObjective } from '../objectives.ts';
import { optimize } from '../optimize.ts';
import type { OptimizationInputs } from '../problem.ts';

/** Tolerances: constraint checks and LP optimum vs candidate portfolios (conventions table). */
const CHECK_TOLERANCE = TOLERANCES.constraintCheck;

type WithoutScenarios<T> = T extends unknown ? Omit<T, 'scenarios'> : never;

/** A drawdown objective on `returns` (12 periods a year) through the one entry point. */
function cdarOf(returns: Matrix, objective: WithoutScenarios<DrawdownObjective>) {
  return optimize(highs, {
    inputs: inputsFor(returns),
    objective: { ...objective, scenarios: { returns, periodsPerYear: 12 } },
  });
}

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

function inputsFor(returns: Matrix): OptimizationInputs {
  const n = returns.cols;
  const mu = new Float64Array(n);
  for (let t = 0; t < returns.rows; t++)
    for (let j = 0; j < n; j++) mu[j] = mu[j]! + (12 * returns.data[t * n + j]!) / returns.rows;
  return {
    assets: Array.from({ length: n }, (_, j) => `A${j}`),
    expectedReturnsAnnual: mu,
    covarianceAnnual: { rows: n, cols: n, data: new Float64Array(n * n) },
    riskFreeRateAnnual: 0,
  };
}

/** Max drawdown of a fixed portfolio, by the definition (peak includes the start value 0). */
function maxDrawdownOf(returns: Matrix, w: readonly number[]): number {
  let c = 0;
  let peak = 0;
  let worst = 0;
  for (let t = 0; t < returns.rows; t++) {
    for (let j = 0; j < returns.cols; j++) c += returns.data[t * returns.cols + j]! * w[j]!;
    peak = Math.max(peak, c);
    worst = Math.max(worst, peak - c);
  }
  return worst;
}

describe('drawdowns', () => {
  it('measures from the running peak of cumulative sums, the start counting as a peak (hand check)', () => {
    // c = −1, 1, 0.5, 2, 0 ⇒ peaks 0, 1, 1, 2, 2 ⇒ D = 1, 0, 0.5, 0, 2.
    expect(Array.from(drawdowns([-1, 2, -0.5, 1.5, -2]))).toEqual([1, 0, 0.5, 0, 2]);
  });
});

describe('drawdown objectives', () => {
  it('min max-drawdown beats every single asset and equal weights, and min CDaR ≤ its CDaR', () => {
    fc.assert(
      fc.property(returnsMatrixArbitrary({ minRows: 5, maxRows: 60, maxCols: 6 }), (returns) => {
        const mdd = cdarOf(returns, { kind: 'minMaxDrawdown' });
        const n = returns.cols;
        // long-only and fully invested, recomputed from the weights
        const w = Array.from(mdd.weightsVector);
        expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(CHECK_TOLERANCE);
        for (const v of w) expect(v).toBeGreaterThanOrEqual(-CHECK_TOLERANCE);
        const candidates = [
          new Array<number>(n).fill(1 / n),
          ...Array.from({ length: n }, (_, j) =>
            Array.from({ length: n }, (_, i) => (i === j ? 1 : 0)),
          ),
        ];
        for (const c of candidates)
          expect(mdd.objectiveValue).toBeLessThanOrEqual(
            maxDrawdownOf(returns, c) + CHECK_TOLERANCE,
          );
        expect(
          Math.abs(mdd.objectiveValue - maxDrawdownOf(returns, Object.values(mdd.weights))),
        ).toBeLessThanOrEqual(1e-12);
        const cdar = cdarOf(returns, { kind: 'minCdar', confidence: 0.8 });
        const mddWeights = Object.values(mdd.weights);
        const mddReturns = Array.from({ length: returns.rows }, (_, t) =>
          mddWeights.reduce((s, w, j) => s + w * returns.data[t * n + j]!, 0),
        );
        const mddCdar = tailRisk(drawdowns(mddReturns), 0.8).conditionalValueAtRisk;
        expect(cdar.riskMeasures.cdar!).toBeLessThanOrEqual(mddCdar + CHECK_TOLERANCE);
        expect(cdar.riskMeasures.cdar!).toBeLessThanOrEqual(cdar.riskMeasures.maxDrawdown! + 1e-15);
      }),
      { numRuns: 40 },
    );
  });

  it('maximises return under a drawdown cap and honours a CDaR cap', () => {
    const returns = seededReturns({ t: 120, n: 5, seed: 17, factor: 0.5 });
    const floor = cdarOf(returns, { kind: 'minMaxDrawdown' }).objectiveValue;
    const capped = cdarOf(returns, { kind: 'maxReturnDrawdown', maxDrawdown: floor * 1.5 });
    expect(maxDrawdownOf(returns, Array.from(capped.weightsVector))).toBeLessThanOrEqual(
      floor * 1.5 + CHECK_TOLERANCE,
    );
    expect(capped.objectiveValue).toBe(capped.expectedReturnAnnual);
    const cdarCap = cdarOf(returns, { kind: 'maxReturnDrawdown', maxCdar: floor, confidence: 0.9 });
    expect(cdarCap.riskMeasures.cdar!).toBeLessThanOrEqual(floor + CHECK_TOLERANCE);
    const limited = cdarOf(returns, { kind: 'minCdar', maxDrawdown: floor * 1.01 });
    expect(limited.riskMeasures.maxDrawdown!).toBeLessThanOrEqual(floor * 1.01 + CHECK_TOLERANCE);
    expect(
      thrown(() => cdarOf(returns, { kind: 'maxReturnDrawdown', maxDrawdown: floor * 0.5 })).code,
    ).toBe('INFEASIBLE');
    expect(thrown(() => cdarOf(returns, { kind: 'maxReturnDrawdown' })).code).toBe('INVALID_INPUT');
    expect(thrown(() => cdarOf(returns, { kind: 'minCdar', maxDrawdown: -1 })).code).toBe(
      'INVALID_INPUT',
    );
  });
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Matrix } from '../../../core/linalg/matrix.ts';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import { returnsMatrixArbitrary, seededReturns } from '../../../../test/helpers/matrices.ts';
import { thrown } from '../../../../test/helpers/optimize.ts';
import type { OptimizationInputs } from '../problem.ts';
import { optimizeSemivariance, semivariance } from './semivariance.ts';

/**
 * Tolerances: constraint checks 1e-9; optimality against candidate portfolios and against
 * a first-order check along feasible directions 1e-12 relative.
 */
const CHECK_TOLERANCE = 1e-9;
const OPTIMALITY_RELATIVE = 1e-12;

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

function inputsFor(returns: Matrix): OptimizationInputs {
  const n = returns.cols;
  return {
    assets: Array.from({ length: n }, (_, j) => `A${j}`),
    expectedReturnsAnnual: new Float64Array(n).fill(0.05),
    covarianceAnnual: { rows: n, cols: n, data: new Float64Array(n * n) },
    riskFreeRateAnnual: 0,
  };
}

function semivarianceOf(returns: Matrix, w: readonly number[], b = 0): number {
  const r = Array.from({ length: returns.rows }, (_, t) =>
    w.reduce((s, wj, j) => s + wj * returns.data[t * returns.cols + j]!, 0),
  );
  return semivariance(r, new Array<number>(r.length).fill(b));
}

describe('min semivariance', () => {
  it('is no worse than any single asset, equal weights or nearby feasible portfolios', () => {
    fc.assert(
      fc.property(
        returnsMatrixArbitrary({ minRows: 20, maxRows: 80, maxCols: 6 }),
        fc.double({ min: -0.02, max: 0.02, noNaN: true }),
        (returns, b) => {
          const r = optimizeSemivariance(highs, {
            inputs: inputsFor(returns),
            scenarios: returns,
            periodsPerYear: 12,
            benchmark: b,
          });
          expect(r.constraintsChecked.every((c) => c.ok)).toBe(true);
          const w = Object.values(r.weights);
          const f = r.objectiveValue;
          expect(Math.abs(f - semivarianceOf(returns, w, b))).toBeLessThanOrEqual(
            1e-15 + 1e-13 * f,
          );
          const n = returns.cols;
          const slack = OPTIMALITY_RELATIVE * Math.max(f, 1e-300) + 1e-18;
          const candidates = [
            new Array<number>(n).fill(1 / n),
            ...Array.from({ length: n }, (_, j) =>
              Array.from({ length: n }, (_, i) => (i === j ? 1 : 0)),
            ),
          ];
          for (const c of candidates) {
            expect(f).toBeLessThanOrEqual(semivarianceOf(returns, c, b) + slack);
            // Small steps towards each candidate stay feasible (convex set) and must not help.
            const step = w.map((v, i) => v + 1e-3 * (c[i]! - v));
            expect(f).toBeLessThanOrEqual(semivarianceOf(returns, step, b) + slack);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('accepts a benchmark series and a return target, and rejects a bad benchmark', () => {
    const returns = seededReturns({ t: 50, n: 4, seed: 8, factor: 0.3 });
    const inputs = {
      ...inputsFor(returns),
      expectedReturnsAnnual: Float64Array.of(0.02, 0.04, 0.06, 0.08),
    };
    const base = { inputs, scenarios: returns, periodsPerYear: 12 };
    const series = Array.from({ length: 50 }, (_, t) => 0.001 * Math.sin(t));
    const r = optimizeSemivariance(highs, { ...base, benchmark: series, targetReturnAnnual: 0.07 });
    expect(r.expectedReturnAnnual).toBeGreaterThanOrEqual(0.07 - CHECK_TOLERANCE);
    expect(r.riskMeasures.semideviation).toBeCloseTo(Math.sqrt(r.objectiveValue), 15);
    expect(thrown(() => optimizeSemivariance(highs, { ...base, benchmark: [0, 1] })).code).toBe(
      'INVALID_INPUT',
    );
    expect(
      thrown(() => optimizeSemivariance(highs, { ...base, targetReturnAnnual: 0.5 })).code,
    ).toBe('INFEASIBLE');
  });
});

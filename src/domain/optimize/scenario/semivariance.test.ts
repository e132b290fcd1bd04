import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Matrix } from '../../../core/linalg/matrix.ts';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import { returnsMatrixArbitrary, seededReturns } from '../../../../test/helpers/matrices.ts';
import { thrown } from '../../../../test/helpers/optimize.ts';
import { TOLERANCES } from '../../../../test/helpers/tolerances.ts';
import type { SemivarianceObjective } from '../objectives.ts';
import { optimize } from '../optimize.ts';
import type { OptimizationInputs } from '../problem.ts';

/**
 * Tolerances: constraint checks 1e-9; optimality against candidate portfolios and against
 * a first-order check along feasible directions 1e-12 relative.
 */
const CHECK_TOLERANCE = TOLERANCES.constraintCheck;
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

/** (1/T) Σ_t min(r_tᵀw − b, 0)², by the definition. */
function semivarianceOf(returns: Matrix, w: readonly number[], b = 0): number {
  let sum = 0;
  for (let t = 0; t < returns.rows; t++) {
    const r = w.reduce((s, wj, j) => s + wj * returns.data[t * returns.cols + j]!, 0);
    sum += Math.min(r - b, 0) ** 2;
  }
  return sum / returns.rows;
}

/** Min semivariance of `returns` (12 periods a year) through the one entry point. */
function minSemivariance(
  returns: Matrix,
  spec: Omit<SemivarianceObjective, 'kind' | 'scenarios'> & { inputs?: OptimizationInputs } = {},
) {
  const { inputs, ...objective } = spec;
  return optimize(highs, {
    inputs: inputs ?? inputsFor(returns),
    objective: {
      kind: 'minSemivariance',
      scenarios: { returns, periodsPerYear: 12 },
      ...objective,
    },
  });
}

describe('min semivariance', () => {
  it('is no worse than any single asset, equal weights or nearby feasible portfolios', () => {
    fc.assert(
      fc.property(
        returnsMatrixArbitrary({ minRows: 20, maxRows: 80, maxCols: 6 }),
        fc.double({ min: -0.02, max: 0.02, noNaN: true }),
        (returns, b) => {
          const r = minSemivariance(returns, { benchmark: b });
          const w = Array.from(r.weightsVector);
          // long-only and fully invested, recomputed from the weights
          expect(Math.abs(w.reduce((a, v) => a + v, 0) - 1)).toBeLessThanOrEqual(CHECK_TOLERANCE);
          for (const v of w) expect(v).toBeGreaterThanOrEqual(-CHECK_TOLERANCE);
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
    const series = Array.from({ length: 50 }, (_, t) => 0.001 * Math.sin(t));
    const r = minSemivariance(returns, { inputs, benchmark: series, targetReturnAnnual: 0.07 });
    // μᵀw recomputed from the weights: 0.02·w1 + 0.04·w2 + 0.06·w3 + 0.08·w4 ≥ 0.07
    const achieved = [0.02, 0.04, 0.06, 0.08].reduce((s, m, j) => s + m * r.weightsVector[j]!, 0);
    expect(achieved).toBeGreaterThanOrEqual(0.07 - CHECK_TOLERANCE);
    expect(r.riskMeasures.semideviation).toBeCloseTo(Math.sqrt(r.objectiveValue), 15);
    expect(thrown(() => minSemivariance(returns, { inputs, benchmark: [0, 1] })).code).toBe(
      'INVALID_INPUT',
    );
    expect(thrown(() => minSemivariance(returns, { inputs, targetReturnAnnual: 0.5 })).code).toBe(
      'INFEASIBLE',
    );
  });
});

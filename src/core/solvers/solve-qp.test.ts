import { beforeAll, describe, expect, it } from 'vitest';
import { fromRows } from '../linalg/matrix.ts';
import { budgetQp, factorCovariance, maxAbsDifference } from '../../../test/helpers/qp-problems.ts';
import { quadprogMinVariance } from '../../../test/helpers/quadprog-oracle.ts';
import { loadHighs, type HighsRuntime } from './highs.ts';
import { solveProblem } from './solve-qp.ts';
import { denseConstraints } from './sparse-constraints.ts';
import type { SolverProblem } from './types.ts';

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

describe('solveProblem', () => {
  it('uses the dense active set for a box + budget QP and agrees with quadprog to 1e-12', () => {
    const cov = factorCovariance({ n: 60, seed: 11 });
    const r = solveProblem(highs, budgetQp({ cov }));
    expect(r.status).toBe('optimal');
    expect(r.solver).toBe('dense-active-set');
    expect(maxAbsDifference(r.x!, quadprogMinVariance({ cov }).weights)).toBeLessThan(1e-12);
  });

  it('polishes HiGHS to the exact solution (raw HiGHS is only ~1e-6 accurate)', () => {
    const cov = factorCovariance({ n: 60, seed: 11 });
    const exact = quadprogMinVariance({ cov }).weights;
    const polished = solveProblem(highs, budgetQp({ cov }), { method: 'highs' });
    expect(polished.solver).toBe('highs-qp+polish');
    expect(maxAbsDifference(polished.x!, exact)).toBeLessThan(1e-12);
    const raw = solveProblem(highs, budgetQp({ cov }), { method: 'highs', polish: false });
    expect(raw.solver).toBe('highs-qp');
    expect(maxAbsDifference(raw.x!, exact)).toBeGreaterThan(0);
  });

  it('starts the dense kernel from a HiGHS phase-1 point when there are several rows', () => {
    const cov = factorCovariance({ n: 8, seed: 5 });
    const mu = [0.04, 0.06, 0.08, 0.05, 0.07, 0.03, 0.09, 0.02];
    const problem: SolverProblem = {
      ...budgetQp({ cov }),
      constraints: denseConstraints({
        rows: [new Array<number>(8).fill(1), mu, [1, 1, 1, 0, 0, 0, 0, 0]],
        lower: [1, 0.07, -Infinity],
        upper: [1, Infinity, 0.4],
      }),
    };
    const dense = solveProblem(highs, problem);
    const viaHighs = solveProblem(highs, problem, { method: 'highs' });
    expect(dense.solver).toBe('dense-active-set');
    expect(maxAbsDifference(dense.x!, viaHighs.x!)).toBeLessThan(1e-10);
  });

  it('warm-starts the kernel from a feasible point and ignores an infeasible one', () => {
    // A min-variance QP with a linear tilt (as a parametric search solves it step by step):
    // the warm start from the untilted solution must reach the same optimum as quadprog.
    const cov = factorCovariance({ n: 40, seed: 7 });
    const base = budgetQp({ cov });
    const first = solveProblem(highs, base);
    const tilt = Float64Array.from({ length: 40 }, (_, i) => (i % 3) * 0.002);
    const tilted = { ...base, linear: tilt };
    const warm = solveProblem(highs, tilted, { start: first.x! });
    expect(warm.message).toBe('optimal (warm start)');
    const exact = quadprogMinVariance({ cov, linear: tilt }).weights;
    expect(maxAbsDifference(warm.x!, exact)).toBeLessThan(1e-12);
    // Σw = 2 breaks the budget row: not a feasible start, so the cold path answers.
    const cold = solveProblem(highs, tilted, { start: new Float64Array(40).fill(0.05) });
    expect(cold.message).not.toContain('warm start');
    expect(maxAbsDifference(cold.x!, exact)).toBeLessThan(1e-12);
  });

  it('falls back to HiGHS + polish for a singular covariance', () => {
    // Two identical assets and a third: Σ singular; the minimum variance is still well defined.
    const cov = fromRows([
      [0.04, 0.04, 0],
      [0.04, 0.04, 0],
      [0, 0, 0.01],
    ]);
    const r = solveProblem(highs, budgetQp({ cov, lower: -1 }));
    expect(r.status).toBe('optimal');
    expect(r.solver).toContain('highs-qp');
    expect(r.message).toContain('dense active set: singular');
    // Optimum: a + b = 0.2, c = 0.8 (variance 0.04·0.2² + 0.01·0.8² = 0.008).
    expect(r.x![0]! + r.x![1]!).toBeCloseTo(0.2, 9);
    expect(r.x![2]).toBeCloseTo(0.8, 9);
    const strict = solveProblem(highs, budgetQp({ cov, lower: -1 }), {
      method: 'dense-active-set',
    });
    expect(strict.status).toBe('failed');
  });

  it('reports infeasibility found in phase 1 or the greedy start', () => {
    const cov = factorCovariance({ n: 4, seed: 2 });
    expect(solveProblem(highs, budgetQp({ cov, upper: 0.2 })).status).toBe('infeasible');
    const twoRows: SolverProblem = {
      ...budgetQp({ cov }),
      constraints: denseConstraints({
        rows: [
          [1, 1, 1, 1],
          [1, 0, 0, 0],
        ],
        lower: [1, 2],
        upper: [1, 3],
      }),
    };
    expect(solveProblem(highs, twoRows).status).toBe('infeasible');
  });

  it('passes LPs and MILPs straight to HiGHS', () => {
    const lp: SolverProblem = {
      n: 2,
      linear: Float64Array.from([-1, -2]),
      lower: new Float64Array(2),
      upper: Float64Array.from([1, 1]),
    };
    expect(solveProblem(highs, lp).solver).toBe('highs-lp');
    expect(solveProblem(highs, { ...lp, integer: [true, false] }).solver).toBe('highs-mip');
  });
});

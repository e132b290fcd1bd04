import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRows } from '../linalg/matrix.ts';
import { denseConstraints, rowActivities } from '../solvers/sparse-constraints.ts';
import type { SolverProblem } from '../solvers/types.ts';
import { budgetQp, factorCovariance, maxAbsDifference } from '../../../test/helpers/qp-problems.ts';
import { quadprogMinVariance } from '../../../test/helpers/quadprog-oracle.ts';
import { activeSetQp } from './active-set.ts';
import { boxRowStart, toDenseQp } from './dense-qp.ts';

function run(problem: SolverProblem, start?: Float64Array) {
  const qp = toDenseQp(problem)!;
  return activeSetQp(qp, { start: start ?? boxRowStart(qp)! });
}

/** Largest violation of the KKT conditions: stationarity, primal feasibility, dual signs. */
function kktViolation(problem: SolverProblem, r: ReturnType<typeof run>): number {
  const x = r.x!;
  const z = r.columnDuals!;
  const y = r.rowDuals!;
  let worst = 0;
  for (let j = 0; j < problem.n; j++) {
    const atLower = x[j] === problem.lower[j];
    const atUpper = x[j] === problem.upper[j];
    worst = Math.max(worst, problem.lower[j]! - x[j]!, x[j]! - problem.upper[j]!);
    if (!atLower && !atUpper) worst = Math.max(worst, Math.abs(z[j]!));
    if (atLower) worst = Math.max(worst, -z[j]!);
    if (atUpper) worst = Math.max(worst, z[j]!);
  }
  const c = problem.constraints!;
  rowActivities(c, x).forEach((v, i) => {
    worst = Math.max(worst, c.lower[i]! - v, v - c.upper[i]!);
    if (c.lower[i] !== c.upper[i]) {
      const atLower = Math.abs(v - c.lower[i]!) < 1e-12;
      worst = Math.max(
        worst,
        atLower ? -y[i]! : Math.abs(v - c.upper[i]!) < 1e-12 ? y[i]! : Math.abs(y[i]!),
      );
    }
  });
  return worst;
}

describe('activeSetQp', () => {
  it('solves the two-asset minimum variance by hand', () => {
    // min ½(0.04a² + 0.01b²) s.t. a + b = 1: 0.04a = 0.01b → a = 0.2, b = 0.8; λ = 0.008.
    const r = run(
      budgetQp({
        cov: fromRows([
          [0.04, 0],
          [0, 0.01],
        ]),
      }),
    );
    expect(r.status).toBe('optimal');
    expect(r.x![0]).toBeCloseTo(0.2, 15);
    expect(r.x![1]).toBeCloseTo(0.8, 15);
    expect(r.rowDuals![0]).toBeCloseTo(0.008, 15);
  });

  it('pins a variable at its upper bound with the right multiplier sign', () => {
    // Same problem with b ≤ 0.7: b = 0.7, a = 0.3; λ = 0.04·0.3 = 0.012, z_b = 0.007 − 0.012 < 0.
    const r = run(
      budgetQp({
        cov: fromRows([
          [0.04, 0],
          [0, 0.01],
        ]),
        upper: 0.7,
      }),
    );
    expect(r.x![0]).toBeCloseTo(0.3, 15);
    expect(r.x![1]).toBe(0.7);
    expect(r.columnDuals![1]).toBeCloseTo(-0.005, 15);
  });

  it('matches quadprog (exact dual active set) on seeded factor covariances', () => {
    for (const n of [5, 30, 80]) {
      const cov = factorCovariance({ n, seed: 7 + n });
      const r = run(budgetQp({ cov }));
      expect(r.status).toBe('optimal');
      expect(maxAbsDifference(r.x!, quadprogMinVariance({ cov }).weights)).toBeLessThan(1e-12);
    }
  });

  it('satisfies the KKT conditions on random problems with a linear term and caps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (n, seed, cap) => {
          const upper = Math.max(cap, 1.5 / n);
          const cov = factorCovariance({ n, seed });
          const linear = Float64Array.from({ length: n }, (_, i) => 0.01 * Math.sin(seed + i));
          const problem = budgetQp({ cov, upper, linear });
          const r = run(problem);
          expect(r.status).toBe('optimal');
          expect(kktViolation(problem, r)).toBeLessThan(1e-12);
          const q = quadprogMinVariance({ cov, upper, linear });
          expect(maxAbsDifference(r.x!, q.weights)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('handles long-short bounds and extra inequality rows from a feasible start', () => {
    const cov = factorCovariance({ n: 6, seed: 3 });
    const mu = [0.05, 0.07, 0.02, 0.09, 0.04, 0.06];
    const problem: SolverProblem = {
      n: 6,
      hessian: cov,
      linear: new Float64Array(6),
      lower: new Float64Array(6).fill(-0.5),
      upper: new Float64Array(6).fill(1),
      constraints: denseConstraints({
        rows: [new Array<number>(6).fill(1), mu],
        lower: [1, 0.075],
        upper: [1, Infinity],
      }),
    };
    const r = run(problem, Float64Array.from([0, 0, 0, 1, 0, 0]));
    expect(r.status).toBe('optimal');
    expect(kktViolation(problem, r)).toBeLessThan(1e-12);
    expect(rowActivities(problem.constraints!, r.x!)[1]).toBeCloseTo(0.075, 12);
  });

  it('reports an infeasible start, a singular free block and the iteration cap', () => {
    const problem = budgetQp({
      cov: fromRows([
        [1, 1],
        [1, 1],
      ]),
      lower: -1,
    });
    const qp = toDenseQp(problem)!;
    expect(activeSetQp(qp, { start: Float64Array.from([2, 0]) }).status).toBe('infeasible-start');
    expect(activeSetQp(qp, { start: Float64Array.from([0.5, 0.5]) }).status).toBe('singular');
    const big = toDenseQp(budgetQp({ cov: factorCovariance({ n: 20, seed: 1 }) }))!;
    expect(activeSetQp(big, { start: boxRowStart(big)!, maxIterations: 1 }).status).toBe(
      'iteration-limit',
    );
  });
});

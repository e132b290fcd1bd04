import { describe, expect, it } from 'vitest';
import { fromRows } from '../linalg/matrix.ts';
import { budgetQp } from '../../../test/helpers/qp-problems.ts';
import { denseConstraints } from '../solvers/sparse-constraints.ts';
import { boxRowStart, toDenseQp } from './dense-qp.ts';
import { isFeasible, near, polishKkt, quadraticObjective } from './kkt-polish.ts';

const cov = fromRows([
  [0.04, 0],
  [0, 0.01],
]);

describe('polishKkt', () => {
  it('moves a 1e-7-accurate point onto the exact KKT point', () => {
    // Exact: (0.2, 0.8) (0.04a = 0.01b, a + b = 1).
    const p = polishKkt(budgetQp({ cov }), Float64Array.from([0.2000001, 0.7999999]));
    expect(p.accepted).toBe(true);
    expect(p.reason).toBe('kkt');
    expect(p.x[0]).toBeCloseTo(0.2, 15);
    expect(p.x[1]).toBeCloseTo(0.8, 15);
    expect(p.rowDuals![0]).toBeCloseTo(0.008, 15);
  });

  it('keeps the input when the guessed active set gives an infeasible point', () => {
    // With b ≤ 0.7 the optimum is (0.3, 0.7); a guess leaving b free overshoots to 0.8.
    const problem = budgetQp({ cov, upper: 0.7 });
    const x = Float64Array.from([0.3000002, 0.6999998]);
    const p = polishKkt(problem, x);
    expect(p.accepted).toBe(false);
    expect(p.reason).toBe('infeasible');
    expect(p.x).toBe(x);
  });

  it('skips systems above the size limit', () => {
    expect(polishKkt(budgetQp({ cov }), Float64Array.from([0.2, 0.8]), { maxSize: 1 }).reason).toBe(
      'too large',
    );
  });

  it('evaluates objective and feasibility helpers', () => {
    const problem = budgetQp({ cov, linear: Float64Array.from([1, 0]) });
    expect(quadraticObjective(problem, [0.5, 0.5])).toBeCloseTo(0.5 + 0.5 * (0.01 + 0.0025), 15);
    expect(isFeasible(problem, [0.5, 0.5])).toBe(true);
    expect(isFeasible(problem, [0.6, 0.5])).toBe(false);
    expect(near(1, Infinity, 1)).toBe(false);
  });
});

describe('boxRowStart', () => {
  it('fills the least risky variables first and lands on the row', () => {
    const qp = toDenseQp(budgetQp({ cov, upper: 0.7 }))!;
    expect(Array.from(boxRowStart(qp)!)).toEqual([0.30000000000000004, 0.7]);
  });

  it('returns undefined for more than one row or an unreachable row', () => {
    const two = toDenseQp({
      ...budgetQp({ cov }),
      constraints: denseConstraints({
        rows: [
          [1, 1],
          [1, 0],
        ],
        lower: [1, 0],
        upper: [1, 1],
      }),
    })!;
    expect(boxRowStart(two)).toBeUndefined();
    expect(boxRowStart(toDenseQp(budgetQp({ cov, upper: 0.4 }))!)).toBeUndefined();
  });

  it('declines problems the dense kernel does not fit', () => {
    const lp = budgetQp({ cov });
    expect(toDenseQp({ ...lp, hessian: fromRows([[1]]) })).toBeUndefined();
    expect(toDenseQp({ ...lp, integer: [true, false] })).toBeUndefined();
  });
});

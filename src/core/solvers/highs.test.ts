import { beforeAll, describe, expect, it } from 'vitest';
import { fromRows } from '../linalg/matrix.ts';
import { loadHighs, solve, type HighsRuntime } from './highs.ts';
import { denseConstraints } from './sparse-constraints.ts';

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

const inf = Infinity;
const f = (...v: number[]): Float64Array => Float64Array.from(v);

describe('solve (HiGHS wrapper)', () => {
  it('caches the runtime', async () => {
    expect(await loadHighs()).toBe(highs);
  });

  it('solves a two-variable LP at the vertex found by hand', () => {
    // max x + y s.t. x + 2y ≤ 4, 3x + y ≤ 6, x, y ≥ 0. Vertices: (0,2) → 2, (2,0) → 2 and the
    // intersection x + 2y = 4, 3x + y = 6 → (8/5, 6/5) → 2.8, the optimum.
    const r = solve(highs, {
      n: 2,
      linear: f(-1, -1),
      lower: f(0, 0),
      upper: f(inf, inf),
      constraints: denseConstraints({
        rows: [
          [1, 2],
          [3, 1],
        ],
        lower: [-inf, -inf],
        upper: [4, 6],
      }),
    });
    expect(r.status).toBe('optimal');
    expect(r.solver).toBe('highs-lp');
    expect(r.x?.[0]).toBeCloseTo(1.6, 9);
    expect(r.x?.[1]).toBeCloseTo(1.2, 9);
    expect(r.objective).toBeCloseTo(-2.8, 9);
    expect(r.solveMs).toBeGreaterThanOrEqual(0);
  });

  it('solves a QP whose KKT point is checked by hand', () => {
    // min x² + y² − 2x − 5y s.t. x + y ≤ 1, x ≥ 0. Optimum (0, 1): ∇ = (2x − 2, 2y − 5) = (−2, −3)
    // = Aᵀy + z with row dual y = −3 (upper side active) and reduced cost z_x = 1 ≥ 0.
    const r = solve(highs, {
      n: 2,
      hessian: fromRows([
        [2, 0],
        [0, 2],
      ]),
      linear: f(-2, -5),
      lower: f(0, -inf),
      upper: f(inf, inf),
      constraints: denseConstraints({ rows: [[1, 1]], lower: [-inf], upper: [1] }),
    });
    expect(r.status).toBe('optimal');
    expect(r.solver).toBe('highs-qp');
    expect(r.x?.[0]).toBeCloseTo(0, 6);
    expect(r.x?.[1]).toBeCloseTo(1, 6);
    expect(r.objective).toBeCloseTo(-4, 6);
    expect(r.rowDuals?.[0]).toBeCloseTo(-3, 5);
    expect(r.columnDuals?.[0]).toBeCloseTo(1, 5);
  });

  it('accepts a Hessian on the leading variables only', () => {
    // min ½·2·x² + t s.t. t ≥ x − 3... here: min x² − 4x + t, t ≥ 0, t ≥ 1 − x → x = 2, t = 0.
    const r = solve(highs, {
      n: 2,
      hessian: fromRows([[2]]),
      linear: f(-4, 1),
      lower: f(-inf, 0),
      upper: f(inf, inf),
      constraints: denseConstraints({ rows: [[1, 1]], lower: [1], upper: [inf] }),
    });
    expect(r.status).toBe('optimal');
    expect(r.x?.[0]).toBeCloseTo(2, 6);
    expect(r.x?.[1]).toBeCloseTo(0, 6);
  });

  it('solves a small MILP enumerated by hand', () => {
    // max 5x + 4y s.t. 6x + 4y ≤ 24, x + 2y ≤ 6, x, y ∈ ℤ₊. LP optimum (3, 1.5) = 21; integer
    // candidates on the boundary: (4,0) = 20, (3,1) = 19, (2,2) = 18 → (4, 0).
    const r = solve(highs, {
      n: 2,
      linear: f(-5, -4),
      lower: f(0, 0),
      upper: f(inf, inf),
      integer: [true, true],
      constraints: denseConstraints({
        rows: [
          [6, 4],
          [1, 2],
        ],
        lower: [-inf, -inf],
        upper: [24, 6],
      }),
    });
    expect(r.status).toBe('optimal');
    expect(r.solver).toBe('highs-mip');
    expect(Array.from(r.x ?? [], (v) => v + 0)).toEqual([4, 0]);
    expect(r.objective).toBeCloseTo(-20, 9);
    expect(r.rowDuals).toBeUndefined();
  });

  it('detects an infeasible problem', () => {
    const r = solve(highs, {
      n: 1,
      linear: f(1),
      lower: f(-inf),
      upper: f(inf),
      constraints: denseConstraints({ rows: [[1], [1]], lower: [2, -inf], upper: [inf, 1] }),
    });
    expect(r.status).toBe('infeasible');
    expect(r.x).toBeUndefined();
  });

  it('detects infeasible variable bounds', () => {
    const r = solve(highs, { n: 1, linear: f(1), lower: f(1), upper: f(0) });
    expect(r.status).toBe('infeasible');
  });

  it('detects an unbounded LP', () => {
    const r = solve(highs, {
      n: 2,
      linear: f(-1, 0),
      lower: f(0, 0),
      upper: f(inf, 1),
      constraints: denseConstraints({ rows: [[1, -1]], lower: [-inf], upper: [inf] }),
    });
    expect(r.status).toBe('unbounded');
  });

  it('detects an unbounded QP (linear direction of zero curvature)', () => {
    const r = solve(highs, {
      n: 2,
      hessian: fromRows([
        [1, 0],
        [0, 0],
      ]),
      linear: f(0, -1),
      lower: f(-inf, 0),
      upper: f(inf, inf),
    });
    expect(r.status).toBe('unbounded');
  });

  it('returns failed for non-finite coefficients without calling HiGHS', () => {
    const r = solve(highs, { n: 1, linear: f(Number.NaN), lower: f(0), upper: f(1) });
    expect(r.status).toBe('failed');
    expect(r.message).toContain('linear');
  });

  it('reports a time limit status from the options', () => {
    const r = solve(
      highs,
      { n: 1, linear: f(1), lower: f(0), upper: f(1) },
      { timeLimitSeconds: 10, highsOptions: { presolve: 'off' } },
    );
    expect(r.status).toBe('optimal');
    expect(r.x?.[0]).toBe(0);
  });

  it('maps an iteration limit to its status', () => {
    const r = solve(
      highs,
      {
        n: 2,
        linear: f(-1, -1),
        lower: f(0, 0),
        upper: f(inf, inf),
        constraints: denseConstraints({
          rows: [
            [1, 2],
            [3, 1],
          ],
          lower: [-inf, -inf],
          upper: [4, 6],
        }),
      },
      { highsOptions: { simplex_iteration_limit: 0, presolve: 'off' } },
    );
    expect(r.status).toBe('iteration_limit');
  });

  it('returns failed when HiGHS rejects an option', () => {
    const r = solve(
      highs,
      { n: 1, linear: f(1), lower: f(0), upper: f(1) },
      { highsOptions: { no_such_option: 1 } },
    );
    expect(r.status).toBe('failed');
  });

  it('rejects inconsistent shapes as a programming error', () => {
    expect(() => solve(highs, { n: 2, linear: f(1), lower: f(0), upper: f(1) })).toThrow(
      RangeError,
    );
  });
});

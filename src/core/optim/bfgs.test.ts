import { describe, expect, it } from 'vitest';
import { bfgs } from './bfgs.ts';

const rosenbrock = (x: Float64Array): number =>
  100 * ((x[1] ?? 0) - (x[0] ?? 0) ** 2) ** 2 + (1 - (x[0] ?? 0)) ** 2;

describe('BFGS with numeric gradients', () => {
  it('finds the Rosenbrock minimum (1, 1) from (−1.2, 1)', () => {
    const r = bfgs(rosenbrock, [-1.2, 1], { maxIterations: 500 });
    expect(r.ok).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
  });

  it('solves a convex quadratic ½xᵀAx − bᵀx: x* = A⁻¹b', () => {
    // A = [[4, 1], [1, 3]], b = (1, 2) → x* = (1/11, 7/11) (hand: det 11, A⁻¹ = [[3, −1], [−1, 4]]/11).
    const f = (x: Float64Array): number => {
      const [a = 0, b = 0] = x;
      return 0.5 * (4 * a * a + 2 * a * b + 3 * b * b) - (a + 2 * b);
    };
    const r = bfgs(f, [5, -5]);
    expect(r.ok).toBe(true);
    expect(r.x[0]).toBeCloseTo(1 / 11, 6);
    expect(r.x[1]).toBeCloseTo(7 / 11, 6);
  });

  it('stops with maxIterations when the budget runs out', () => {
    const r = bfgs(rosenbrock, [-1.2, 1], { maxIterations: 2 });
    expect(r).toMatchObject({ ok: false, reason: 'maxIterations', iterations: 2 });
  });

  it('reports lineSearchFailed when no step along −H∇f decreases f', () => {
    const f = (x: Float64Array): number => ((x[0] ?? 0) === 0 ? 1 : NaN);
    const r = bfgs(f, [0]);
    expect(r).toMatchObject({ ok: false, reason: 'lineSearchFailed', f: 1 });
  });

  it('reports a non-finite start', () => {
    expect(bfgs(() => Infinity, [1])).toMatchObject({ ok: false, reason: 'nonFiniteStart' });
  });
});

import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelder-mead.ts';

/** Rosenbrock's banana, minimum 0 at (1, 1). */
const rosenbrock = (x: Float64Array): number =>
  100 * ((x[1] ?? 0) - (x[0] ?? 0) ** 2) ** 2 + (1 - (x[0] ?? 0)) ** 2;

describe('Nelder–Mead', () => {
  it('finds the Rosenbrock minimum (1, 1) from (−1.2, 1)', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1]);
    expect(r.ok).toBe(true);
    expect(r.reason).toBe('converged');
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
    expect(r.f).toBeLessThan(1e-12);
    expect(r.evaluations).toBeGreaterThan(r.iterations);
  });

  it('minimises a shifted quadratic in four dimensions with a per-coordinate step', () => {
    const c = [1, -2, 3, 0.5];
    const f = (x: Float64Array): number =>
      c.reduce((s, ci, i) => s + (i + 1) * ((x[i] ?? 0) - ci) ** 2, 0);
    const r = nelderMead(f, [0, 0, 0, 0], { initialStep: [1, 1, 1, 1], xTolerance: 1e-9 });
    expect(r.ok).toBe(true);
    c.forEach((ci, i) => expect(r.x[i]).toBeCloseTo(ci, 7));
  });

  it('treats non-finite values as +∞ so a reparameterised boundary is never crossed', () => {
    // f is defined only for x > 0; the minimum of x − ln x is at x = 1.
    const f = (x: Float64Array): number =>
      (x[0] ?? 0) > 0 ? (x[0] ?? 0) - Math.log(x[0] ?? 0) : NaN;
    const r = nelderMead(f, [3], { initialStep: 5 });
    expect(r.ok).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
  });

  it('returns status maxIterations (not a throw) when the budget runs out', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5 });
    expect(r.ok).toBe(false);
    expect(r.reason).toBe('maxIterations');
    expect(r.f).toBeLessThanOrEqual(rosenbrock(Float64Array.from([-1.2, 1])));
  });

  it('reports a non-finite start', () => {
    const r = nelderMead(() => NaN, [0]);
    expect(r).toMatchObject({ ok: false, reason: 'nonFiniteStart', iterations: 0 });
  });

  it('does not mutate the start point', () => {
    const x0 = Float64Array.from([-1.2, 1]);
    nelderMead(rosenbrock, x0);
    expect(Array.from(x0)).toEqual([-1.2, 1]);
  });
});

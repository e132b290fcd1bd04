import { describe, expect, it } from 'vitest';
import { at } from '../linalg/matrix.ts';
import { numericGradient, numericHessian, numericJacobian } from './finite-differences.ts';

// f(x, y) = x²y + eˣ sin y; ∇f = (2xy + eˣ sin y, x² + eˣ cos y);
// ∇²f = [[2y + eˣ sin y, 2x + eˣ cos y], [2x + eˣ cos y, −eˣ sin y]] (hand differentiation).
const f = (v: Float64Array): number => {
  const [x = 0, y = 0] = v;
  return x * x * y + Math.exp(x) * Math.sin(y);
};

describe('central finite differences', () => {
  const x = 0.7;
  const y = -1.3;
  it('gradient matches the analytic gradient to 1e-8', () => {
    const g = numericGradient(f, [x, y]);
    expect(g[0]).toBeCloseTo(2 * x * y + Math.exp(x) * Math.sin(y), 8);
    expect(g[1]).toBeCloseTo(x * x + Math.exp(x) * Math.cos(y), 8);
  });

  it('Hessian matches the analytic Hessian to 1e-6 and is symmetric', () => {
    const h = numericHessian(f, [x, y]);
    const cross = 2 * x + Math.exp(x) * Math.cos(y);
    expect(at(h, 0, 0)).toBeCloseTo(2 * y + Math.exp(x) * Math.sin(y), 6);
    expect(at(h, 1, 1)).toBeCloseTo(-Math.exp(x) * Math.sin(y), 6);
    expect(at(h, 0, 1)).toBeCloseTo(cross, 6);
    expect(at(h, 1, 0)).toBe(at(h, 0, 1));
  });

  it('uses the absolute step at a zero coordinate', () => {
    const g = numericGradient((v) => Math.sin(v[0] ?? 0), [0], { absoluteStep: 1e-6 });
    expect(g[0]).toBeCloseTo(1, 10);
  });

  it('Jacobian of (xy, x + y²) is [[y, x], [1, 2y]]', () => {
    const j = numericJacobian(
      (v) => Float64Array.from([(v[0] ?? 0) * (v[1] ?? 0), (v[0] ?? 0) + (v[1] ?? 0) ** 2]),
      [2, 3],
    );
    expect([j.rows, j.cols]).toEqual([2, 2]);
    expect(at(j, 0, 0)).toBeCloseTo(3, 8);
    expect(at(j, 0, 1)).toBeCloseTo(2, 8);
    expect(at(j, 1, 0)).toBeCloseTo(1, 8);
    expect(at(j, 1, 1)).toBeCloseTo(6, 8);
  });

  it('Jacobian over zero parameters is m × 0 (empty)', () => {
    expect(numericJacobian(() => new Float64Array(3), []).cols).toBe(0);
  });
});

/**
 * Central finite differences (Nocedal & Wright 2006, "Numerical Optimization", §8.1): gradient,
 * Hessian and Jacobian of functions over ℝⁿ. The step for coordinate i is
 * hᵢ = max(relativeStep·|xᵢ|, absoluteStep); truncation error is O(h²), rounding error
 * O(ε·|f|/h) for gradients and O(ε·|f|/h²) for Hessians, hence the defaults
 * ε^{1/3} ≈ 6e-6 (gradient/Jacobian) and ε^{1/4} ≈ 1e-4 (Hessian).
 */

import { matrix, type Matrix } from '../linalg/matrix.ts';
import type { Objective } from './types.ts';

/** Step rule of the finite differences: hᵢ = max(relativeStep·|xᵢ|, absoluteStep). */
export interface StepOptions {
  readonly relativeStep?: number;
  readonly absoluteStep?: number;
}

function steps(x: Float64Array, options: StepOptions, defaultRelative: number): Float64Array {
  const rel = options.relativeStep ?? defaultRelative;
  const abs = options.absoluteStep ?? defaultRelative * 1e-2;
  return x.map((v) => Math.max(rel * Math.abs(v), abs));
}

function shifted(x: Float64Array, moves: readonly (readonly [number, number])[]): Float64Array {
  const y = Float64Array.from(x);
  for (const [i, d] of moves) y[i] = y[i]! + d;
  return y;
}

/** Gradient ∇f(x) by central differences: (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / 2hᵢ. 2n evaluations. */
export function numericGradient(
  f: Objective,
  x: ArrayLike<number>,
  options: StepOptions = {},
): Float64Array {
  const x0 = Float64Array.from(x);
  const h = steps(x0, options, 6e-6);
  return x0.map((_, i) => {
    const hi = h[i]!;
    return (f(shifted(x0, [[i, hi]])) - f(shifted(x0, [[i, -hi]]))) / (2 * hi);
  });
}

/**
 * Hessian ∇²f(x) (n × n, symmetric) by central differences: diagonal
 * (f(x+hᵢ) − 2f(x) + f(x−hᵢ))/hᵢ², off-diagonal
 * (f(x+hᵢ+hⱼ) − f(x+hᵢ−hⱼ) − f(x−hᵢ+hⱼ) + f(x−hᵢ−hⱼ))/(4hᵢhⱼ). 2n² + 1 evaluations.
 */
export function numericHessian(
  f: Objective,
  x: ArrayLike<number>,
  options: StepOptions = {},
): Matrix {
  const x0 = Float64Array.from(x);
  const n = x0.length;
  const h = steps(x0, options, 1e-4);
  const f0 = f(x0);
  const out = matrix(n, n);
  for (let i = 0; i < n; i++) {
    const hi = h[i]!;
    out.data[i * n + i] =
      (f(shifted(x0, [[i, hi]])) - 2 * f0 + f(shifted(x0, [[i, -hi]]))) / (hi * hi);
    for (let j = 0; j < i; j++) {
      const hj = h[j]!;
      const value =
        (f(
          shifted(x0, [
            [i, hi],
            [j, hj],
          ]),
        ) -
          f(
            shifted(x0, [
              [i, hi],
              [j, -hj],
            ]),
          ) -
          f(
            shifted(x0, [
              [i, -hi],
              [j, hj],
            ]),
          ) +
          f(
            shifted(x0, [
              [i, -hi],
              [j, -hj],
            ]),
          )) /
        (4 * hi * hj);
      out.data[i * n + j] = value;
      out.data[j * n + i] = value;
    }
  }
  return out;
}

/**
 * Jacobian of a vector function g: ℝⁿ → ℝᵐ by central differences, as an m × n matrix with
 * J[k, i] = ∂g_k/∂xᵢ. 2n evaluations of g (each returning m values).
 */
export function numericJacobian(
  g: (x: Float64Array) => Float64Array,
  x: ArrayLike<number>,
  options: StepOptions = {},
): Matrix {
  const x0 = Float64Array.from(x);
  const n = x0.length;
  const h = steps(x0, options, 6e-6);
  let out: Matrix | undefined;
  for (let i = 0; i < n; i++) {
    const hi = h[i]!;
    const up = g(shifted(x0, [[i, hi]]));
    const down = g(shifted(x0, [[i, -hi]]));
    out ??= matrix(up.length, n);
    for (let k = 0; k < up.length; k++) out.data[k * n + i] = (up[k]! - down[k]!) / (2 * hi);
  }
  return out ?? matrix(0, n);
}

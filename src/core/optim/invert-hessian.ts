/**
 * Inverse of a symmetric positive-definite matrix through its Cholesky factor A = LLᵀ
 * (Golub & Van Loan 2013, §4.2): A⁻¹ = L⁻ᵀL⁻¹. Used to turn the Hessian of a negative
 * log-likelihood at its minimum into the asymptotic covariance of the estimates. A Hessian
 * that is not positive definite (a saddle, a flat direction, a boundary optimum) is reported,
 * not inverted.
 */

import { matrix, type Matrix } from '../linalg/matrix.ts';

/** Result of {@link invertPositiveDefinite}: the inverse, or the failing pivot. */
export type InverseResult =
  | { readonly ok: true; readonly inverse: Matrix }
  | {
      readonly ok: false;
      readonly reason: 'notPositiveDefinite' | 'notSquare';
      readonly pivot: number;
    };

/** A⁻¹ for symmetric positive-definite `a` (only the lower triangle is read). */
export function invertPositiveDefinite(a: Matrix): InverseResult {
  const n = a.rows;
  if (a.cols !== n) return { ok: false, reason: 'notSquare', pivot: -1 };
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a.data[j * n + j]!;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! ** 2;
    if (!(d > 0) || !Number.isFinite(d))
      return { ok: false, reason: 'notPositiveDefinite', pivot: j };
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a.data[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / ljj;
    }
  }
  // Solve L Y = I column by column (Y = L⁻¹, lower triangular), then A⁻¹ = Yᵀ Y.
  const y = new Float64Array(n * n);
  for (let c = 0; c < n; c++) {
    for (let i = c; i < n; i++) {
      let s = i === c ? 1 : 0;
      for (let k = c; k < i; k++) s -= l[i * n + k]! * y[k * n + c]!;
      y[i * n + c] = s / l[i * n + i]!;
    }
  }
  const inverse = matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += y[k * n + i]! * y[k * n + j]!;
      inverse.data[i * n + j] = s;
      inverse.data[j * n + i] = s;
    }
  }
  return { ok: true, inverse };
}

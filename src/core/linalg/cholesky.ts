/**
 * Cholesky factorisation A = L·Lᵀ of a symmetric positive-definite matrix.
 *
 * Reference: Golub & Van Loan, "Matrix Computations" (4th ed.), Algorithm 4.2.1 (the
 * row-oriented Cholesky–Banachiewicz ordering, so every inner product runs over two
 * contiguous rows of the row-major factor).
 */

import type { Matrix } from './matrix.ts';

/** Why a factorisation stopped: a pivot that is not > 0, or a non-finite value. */
export type CholeskyFailure = 'not-positive-definite' | 'not-finite';

/**
 * Outcome of {@link cholesky}: the lower factor, or the reason and the 0-based pivot row at
 * which the factorisation broke down (the leading `pivot` × `pivot` block is positive definite).
 */
export type CholeskyResult =
  | { readonly ok: true; readonly lower: Matrix }
  | { readonly ok: false; readonly reason: CholeskyFailure; readonly pivot: number };

/**
 * Lower-triangular L with A = L·Lᵀ (upper triangle of `lower` is zero). Only the lower
 * triangle of `a` is read, so `a` is assumed symmetric. Fails (as data, never by throwing)
 * when a pivot A_jj − Σ_k L_jk² is ≤ 0 or not finite. Throws RangeError if `a` is not square.
 * O(n³/3) flops.
 */
export function cholesky(a: Matrix): CholeskyResult {
  const n = a.rows;
  if (a.cols !== n) throw new RangeError(`cholesky: matrix is ${a.rows}×${a.cols}, not square`);
  const src = a.data;
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = src[ri + j]!;
      for (let k = 0; k < j; k++) s -= l[ri + k]! * l[rj + k]!;
      if (i === j) {
        if (!Number.isFinite(s)) return { ok: false, reason: 'not-finite', pivot: i };
        if (s <= 0) return { ok: false, reason: 'not-positive-definite', pivot: i };
        l[ri + i] = Math.sqrt(s);
      } else {
        l[ri + j] = s / l[rj + j]!;
      }
    }
  }
  return { ok: true, lower: { rows: n, cols: n, data: l } };
}

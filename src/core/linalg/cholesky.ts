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
 * A faster implementation of {@link cholesky} for large matrices with the same arithmetic (the
 * same factor, bit for bit, and the same failures); undefined when it cannot run.
 */
export type CholeskyKernel = (a: Matrix) => CholeskyResult | undefined;

/** Smallest order handed to the registered {@link CholeskyKernel}. */
export const CHOLESKY_KERNEL_MIN = 64;

let kernel: CholeskyKernel | undefined;

/**
 * Registers (or with undefined removes) the {@link CholeskyKernel} used for matrices of order
 * {@link CHOLESKY_KERNEL_MIN} and above: the Node entry points register the WebAssembly one
 * (data/wasm/cholesky-wasm.ts); this module stays free of platform code.
 */
export function useCholeskyKernel(implementation: CholeskyKernel | undefined): void {
  kernel = implementation;
}

/**
 * Lower-triangular L with A = L·Lᵀ (upper triangle of `lower` is zero). Only the lower
 * triangle of `a` is read, so `a` is assumed symmetric. Fails (as data, never by throwing)
 * when a pivot A_jj − Σ_k L_jk² is ≤ 0 or not finite. Throws RangeError if `a` is not square.
 * O(n³/3) flops.
 */
export function cholesky(a: Matrix): CholeskyResult {
  const n = a.rows;
  if (a.cols !== n) throw new RangeError(`cholesky: matrix is ${a.rows}×${a.cols}, not square`);
  if (kernel !== undefined && n >= CHOLESKY_KERNEL_MIN) {
    const fast = kernel(a);
    if (fast !== undefined) return fast;
  }
  const src = a.data;
  const l = new Float64Array(n * n);
  // Rows in blocks of four: the entries left of the block's diagonal block share each load of
  // rows j and j+1 across eight running sums (same operations, same order as one at a time).
  for (let i0 = 0; i0 < n; i0 += 4) {
    if (i0 + 4 <= n) offDiagonalBlock(src, l, { n, i0 });
    else for (let i = i0; i < n; i++) offDiagonalRow(src, l, { n, i, until: i0 });
    for (let i = i0; i < Math.min(i0 + 4, n); i++) {
      const ri = i * n;
      for (let j = i0; j <= i; j++) {
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
  }
  return { ok: true, lower: { rows: n, cols: n, data: l } };
}

/**
 * L_ij for rows i0…i0+3 and every column j < i0, two columns at a time: each k step loads two
 * entries of rows j and j+1 and four of the block's rows for eight multiply-adds. Every sum
 * runs over k in increasing order, as one column at a time would, so the result is the same.
 */
function offDiagonalBlock(
  src: Float64Array,
  l: Float64Array,
  at: { readonly n: number; readonly i0: number },
): void {
  const { n, i0 } = at;
  const r0 = i0 * n;
  const r1 = r0 + n;
  const r2 = r1 + n;
  const r3 = r2 + n;
  // i0 is a multiple of four, so the columns j < i0 come in pairs.
  for (let j = 0; j < i0; j += 2) {
    const rj = j * n;
    const rk = rj + n;
    let s00 = src[r0 + j]!;
    let s10 = src[r1 + j]!;
    let s20 = src[r2 + j]!;
    let s30 = src[r3 + j]!;
    let s01 = src[r0 + j + 1]!;
    let s11 = src[r1 + j + 1]!;
    let s21 = src[r2 + j + 1]!;
    let s31 = src[r3 + j + 1]!;
    for (let k = 0; k < j; k++) {
      const a = l[rj + k]!;
      const b = l[rk + k]!;
      const x0 = l[r0 + k]!;
      s00 -= x0 * a;
      s01 -= x0 * b;
      const x1 = l[r1 + k]!;
      s10 -= x1 * a;
      s11 -= x1 * b;
      const x2 = l[r2 + k]!;
      s20 -= x2 * a;
      s21 -= x2 * b;
      const x3 = l[r3 + k]!;
      s30 -= x3 * a;
      s31 -= x3 * b;
    }
    const ljj = l[rj + j]!;
    const y0 = s00 / ljj;
    const y1 = s10 / ljj;
    const y2 = s20 / ljj;
    const y3 = s30 / ljj;
    l[r0 + j] = y0;
    l[r1 + j] = y1;
    l[r2 + j] = y2;
    l[r3 + j] = y3;
    const b = l[rk + j]!;
    const lkk = l[rk + j + 1]!;
    l[r0 + j + 1] = (s01 - y0 * b) / lkk;
    l[r1 + j + 1] = (s11 - y1 * b) / lkk;
    l[r2 + j + 1] = (s21 - y2 * b) / lkk;
    l[r3 + j + 1] = (s31 - y3 * b) / lkk;
  }
}

/** L_ij of row i for every column j < `until`. */
function offDiagonalRow(
  src: Float64Array,
  l: Float64Array,
  at: { readonly n: number; readonly i: number; readonly until: number },
): void {
  const { n, i, until } = at;
  const ri = i * n;
  for (let j = 0; j < until; j++) {
    const rj = j * n;
    let s = src[ri + j]!;
    for (let k = 0; k < j; k++) s -= l[ri + k]! * l[rj + k]!;
    l[ri + j] = s / l[rj + j]!;
  }
}

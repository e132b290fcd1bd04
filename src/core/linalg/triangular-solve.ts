/**
 * Substitution solves with triangular matrices (row-major, only the relevant triangle is
 * read). Reference: Golub & Van Loan, "Matrix Computations" (4th ed.), §3.1.
 * A zero on the diagonal yields ±Infinity/NaN in the result (no check: callers pass factors
 * whose diagonal they know to be non-zero, such as a successful {@link cholesky} factor).
 */

import type { Matrix } from './matrix.ts';

function checkShape(t: Matrix, b: Float64Array, name: string): number {
  const n = t.rows;
  if (t.cols !== n || b.length !== n) {
    throw new RangeError(
      `${name}: needs a square matrix and a matching vector (${t.rows}×${t.cols}, ${b.length})`,
    );
  }
  return n;
}

/** x with L·x = b, L lower triangular (forward substitution). */
export function solveLower(l: Matrix, b: Float64Array): Float64Array {
  const n = checkShape(l, b, 'solveLower');
  const d = l.data;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= d[ri + k]! * x[k]!;
    x[i] = s / d[ri + i]!;
  }
  return x;
}

/** x with U·x = b, U upper triangular (back substitution). */
export function solveUpper(u: Matrix, b: Float64Array): Float64Array {
  const n = checkShape(u, b, 'solveUpper');
  const d = u.data;
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= d[ri + k]! * x[k]!;
    x[i] = s / d[ri + i]!;
  }
  return x;
}

/**
 * x with Lᵀ·x = b for L lower triangular, without forming Lᵀ (column-oriented back
 * substitution: once x_i is known, its multiples are removed from the remaining rows).
 */
export function solveLowerTransposed(l: Matrix, b: Float64Array): Float64Array {
  const n = checkShape(l, b, 'solveLowerTransposed');
  const d = l.data;
  const x = Float64Array.from(b);
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    const xi = x[i]! / d[ri + i]!;
    x[i] = xi;
    for (let k = 0; k < i; k++) x[k] = x[k]! - d[ri + k]! * xi;
  }
  return x;
}

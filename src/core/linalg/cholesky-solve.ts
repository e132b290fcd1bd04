/**
 * Solve A·x = b given the Cholesky factor L of A (A = L·Lᵀ): L·y = b, then Lᵀ·x = y.
 * Reference: Golub & Van Loan, "Matrix Computations" (4th ed.), §4.2.
 */

import type { Matrix } from './matrix.ts';
import { solveLower, solveLowerTransposed } from './triangular-solve.ts';

/** x = A⁻¹·b where `lower` is the Cholesky factor of A (from {@link cholesky}). O(n²). */
export function choleskySolve(lower: Matrix, b: Float64Array): Float64Array {
  return solveLowerTransposed(lower, solveLower(lower, b));
}

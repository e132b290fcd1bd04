/**
 * Positive semi-definiteness: a tolerant test and the spectral projection onto the PSD cone
 * (Higham 1988, "Computing a nearest symmetric positive semidefinite matrix": in the
 * Frobenius norm the nearest PSD matrix to a symmetric A is V·max(Λ, 0)·Vᵀ).
 */

import { cholesky } from './cholesky.ts';
import type { Matrix } from './matrix.ts';
import { fromEigen, symmetricEigen } from './symmetric-eigen.ts';

/** Options of {@link isPositiveSemidefinite}. */
export interface PsdTestOptions {
  /**
   * Eigenvalues down to −δ count as zero, δ = `relativeTolerance` × tr(A) (an upper bound
   * of the largest eigenvalue of a PSD matrix). Default 1e-12: rounding in a covariance
   * built from data (≈ √n·ε·λ_max) stays far below it, and a real inconsistency (a
   * correlation matrix whose smallest eigenvalue is −0.01) far above it.
   */
  readonly relativeTolerance?: number;
}

/**
 * Whether the symmetric `a` is PSD up to the tolerance. Fast path: a Cholesky factorisation
 * of A + δ·I (O(n³/3)); only when it fails is the smallest eigenvalue computed (O(n³)).
 * A matrix with a non-finite entry is not PSD.
 */
export function isPositiveSemidefinite(a: Matrix, options: PsdTestOptions = {}): boolean {
  const n = a.rows;
  const d = a.data;
  for (let k = 0; k < d.length; k++) if (!Number.isFinite(d[k]!)) return false;
  if (n === 0) return true;
  let trace = 0;
  for (let i = 0; i < n; i++) trace += d[i * n + i]!;
  // tr(A) = Σλ: with a zero trace A is PSD only if every eigenvalue is 0, i.e. A = 0 (this
  // spares the O(n³) eigen fallback on an all-zero matrix, where the Cholesky shift δ is 0).
  if (trace === 0) return d.every((v) => v === 0);
  const delta = (options.relativeTolerance ?? 1e-12) * Math.max(Math.abs(trace), Number.MIN_VALUE);
  const shifted = Float64Array.from(d);
  for (let i = 0; i < n; i++) shifted[i * n + i] = shifted[i * n + i]! + delta;
  if (cholesky({ rows: n, cols: n, data: shifted }).ok) return true;
  return minEigenvalue(a) >= -delta;
}

/** The smallest eigenvalue of the symmetric `a` (NaN for an empty matrix). */
export function minEigenvalue(a: Matrix): number {
  return a.rows === 0 ? Number.NaN : symmetricEigen(a).values[0]!;
}

/**
 * V·max(Λ, floor)·Vᵀ: the nearest (Frobenius) symmetric matrix whose eigenvalues are all
 * ≥ `floor` (default 0, the nearest PSD matrix).
 */
export function clipEigenvalues(a: Matrix, floor = 0): Matrix {
  const { values, vectors } = symmetricEigen(a);
  return fromEigen(
    values.map((v) => Math.max(v, floor)),
    vectors,
  );
}

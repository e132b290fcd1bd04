/**
 * Eigen-decomposition of a real symmetric matrix, A = V·diag(λ)·Vᵀ, wrapping ml-matrix 6's
 * `EigenvalueDecomposition` (Householder tridiagonalisation + implicit QL, the EISPACK
 * tred2/tql2 pair; Golub & Van Loan §8.3) and its inverse {@link fromEigen}.
 */

import type { Matrix } from './matrix.ts';
import { mlMatrix } from './ml-matrix.ts';

/**
 * Eigenvalues in ASCENDING order (λ_0 ≤ λ_1 ≤ …) and the orthonormal eigenvectors as the
 * COLUMNS of `vectors`: column k belongs to `values[k]`.
 */
export interface SymmetricEigen {
  readonly values: Float64Array;
  readonly vectors: Matrix;
}

/**
 * Eigenvalues (ascending) and eigenvectors of the symmetric n × n matrix `a` (symmetry is
 * assumed, not checked). O(n³). Throws RangeError if `a` is not square.
 */
export function symmetricEigen(a: Matrix): SymmetricEigen {
  const n = a.rows;
  if (a.cols !== n) throw new RangeError(`symmetricEigen: ${a.rows}×${a.cols} is not square`);
  if (n === 0) return { values: new Float64Array(0), vectors: a };
  let scale = 0;
  for (let k = 0; k < a.data.length; k++) scale = Math.max(scale, Math.abs(a.data[k]!));
  if (!(scale > 0) || !Number.isFinite(scale)) scale = 1;
  // Scaled to max |a_ij| = 1 with entries below 1e-290 flushed: tred2/tql2 return NaN on
  // subnormal input, and the flush perturbs A by less than 1e-290·max |a_ij|.
  const scaled = a.data.map((v) => (Math.abs(v / scale) < 1e-290 ? 0 : v / scale));
  const { EigenvalueDecomposition, Matrix: MlMatrix } = mlMatrix();
  const evd = new EigenvalueDecomposition(MlMatrix.from1DArray(n, n, scaled), {
    assumeSymmetric: true,
  });
  const raw = evd.realEigenvalues.map((v) => v * scale);
  const v = evd.eigenvectorMatrix;
  const order = Array.from({ length: n }, (_, k) => k).sort((p, q) => raw[p]! - raw[q]!);
  const values = Float64Array.from(order, (k) => raw[k]!);
  const vectors = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = v.getRow(i);
    for (let k = 0; k < n; k++) vectors[i * n + k] = row[order[k]!]!;
  }
  return { values, vectors: { rows: n, cols: n, data: vectors } };
}

/**
 * V·diag(λ)·Vᵀ for eigenvalues λ (length n) and eigenvectors V as columns (n × n): the
 * matrix rebuilt from (possibly modified) eigenvalues, exactly symmetric. O(n³/2).
 */
export function fromEigen(values: ArrayLike<number>, vectors: Matrix): Matrix {
  const n = vectors.rows;
  if (vectors.cols !== n || values.length !== n) {
    throw new RangeError(
      `fromEigen: ${values.length} values for ${vectors.rows}×${vectors.cols} vectors`,
    );
  }
  const v = vectors.data;
  const scaled = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) scaled[i * n + k] = v[i * n + k]! * values[k]!;
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const si = i * n;
    for (let j = i; j < n; j++) {
      const vj = j * n;
      let s = 0;
      for (let k = 0; k < n; k++) s += scaled[si + k]! * v[vj + k]!;
      out[si + j] = s;
      out[vj + i] = s;
    }
  }
  return { rows: n, cols: n, data: out };
}

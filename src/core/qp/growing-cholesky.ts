/**
 * A Cholesky factor L (H_FF = L·Lᵀ) of the free-variable block of a Hessian that grows and
 * shrinks by one variable at a time, as a primal active-set method frees and fixes variables.
 *
 * - Append (bordering): l = L⁻¹h, d = √(h_new,new − lᵀl) — O(k²).
 * - Delete row/column q: the rows below q lose their entry in column q; the trailing block
 *   absorbs it by a rank-one update L₃₃L₃₃ᵀ + l₃₂l₃₂ᵀ (Givens-free "cholupdate") — O((k−q)²).
 *
 * Reference: Golub & Van Loan, "Matrix Computations" (4th ed.), §6.5.4 (updating Cholesky);
 * Gill, Golub, Murray & Saunders, "Methods for modifying matrix factorizations", Math. Comp.
 * 28 (1974).
 */

/** A growing/shrinking lower-triangular factor stored row-major with a fixed row stride. */
export class GrowingCholesky {
  /** Current order k of the factor. */
  size = 0;
  /** Pivot h_new,new − lᵀl of the last {@link append} (negative: the matrix is indefinite). */
  lastPivot = 0;
  /** Row stride (capacity); L_ij is `data[i * stride + j]`. */
  readonly stride: number;
  /** Factor storage (stride × stride); only the leading k × k lower triangle is meaningful. */
  readonly data: Float64Array;

  /** An empty factor that can grow to `capacity` rows. */
  constructor(capacity: number) {
    this.stride = Math.max(1, capacity);
    this.data = new Float64Array(this.stride * this.stride);
  }

  /** Replaces the factor by `lower` (k × k row-major, lower triangular, k ≤ capacity). */
  load(lower: Float64Array, k: number): void {
    const s = this.stride;
    this.data.fill(0);
    for (let i = 0; i < k; i++) this.data.set(lower.subarray(i * k, i * k + i + 1), i * s);
    this.size = k;
  }

  /**
   * Appends a row/column: `column[i]` = H(existing i, new) for i < k and `diagonal` = H(new,
   * new). Returns false (factor unchanged) when the new pivot is ≤ `relativePivot`·diagonal,
   * i.e. the grown block would be (numerically) singular.
   */
  append(column: Float64Array, diagonal: number, relativePivot = 1e-12): boolean {
    const k = this.size;
    const s = this.stride;
    const d = this.data;
    const row = k * s;
    let sum = 0;
    for (let i = 0; i < k; i++) {
      const ri = i * s;
      let v = column[i]!;
      for (let j = 0; j < i; j++) v -= d[ri + j]! * d[row + j]!;
      v /= d[ri + i]!;
      d[row + i] = v;
      sum += v * v;
    }
    const pivot = diagonal - sum;
    this.lastPivot = pivot;
    if (!(pivot > relativePivot * Math.abs(diagonal)) || !Number.isFinite(pivot)) return false;
    d[row + k] = Math.sqrt(pivot);
    this.size = k + 1;
    return true;
  }

  /** Removes row/column `q` (0 ≤ q < k), keeping L·Lᵀ equal to H_FF without variable q. */
  remove(q: number): void {
    const k = this.size;
    const s = this.stride;
    const d = this.data;
    const tail = k - q - 1;
    const v = new Float64Array(tail);
    for (let i = 0; i < tail; i++) v[i] = d[(q + 1 + i) * s + q]!;
    // Shift rows q+1… up by one and columns q+1… left by one.
    for (let i = q + 1; i < k; i++) {
      const src = i * s;
      const dst = (i - 1) * s;
      for (let j = 0; j < q; j++) d[dst + j] = d[src + j]!;
      for (let j = q + 1; j <= i; j++) d[dst + j - 1] = d[src + j]!;
    }
    // Rank-one update of the trailing block (rows/cols q…k−2) by v·vᵀ.
    for (let j = 0; j < tail; j++) {
      const jj = (q + j) * s + q + j;
      const ljj = d[jj]!;
      const r = Math.hypot(ljj, v[j]!);
      const c = r / ljj;
      const sn = v[j]! / ljj;
      d[jj] = r;
      for (let i = j + 1; i < tail; i++) {
        const ij = (q + i) * s + q + j;
        const lij = (d[ij]! + sn * v[i]!) / c;
        d[ij] = lij;
        v[i] = c * v[i]! - sn * lij;
      }
    }
    const last = (k - 1) * s;
    for (let j = 0; j < k; j++) d[last + j] = 0;
    this.size = k - 1;
  }

  /** In place b ← L⁻¹b on the first k entries (forward substitution). */
  solveLower(b: Float64Array): void {
    const k = this.size;
    const s = this.stride;
    const d = this.data;
    for (let i = 0; i < k; i++) {
      const ri = i * s;
      let v = b[i]!;
      for (let j = 0; j < i; j++) v -= d[ri + j]! * b[j]!;
      b[i] = v / d[ri + i]!;
    }
  }

  /** In place b ← L⁻ᵀb on the first k entries (column-oriented back substitution). */
  solveUpper(b: Float64Array): void {
    const s = this.stride;
    const d = this.data;
    for (let i = this.size - 1; i >= 0; i--) {
      const ri = i * s;
      const v = b[i]! / d[ri + i]!;
      b[i] = v;
      for (let j = 0; j < i; j++) b[j] = b[j]! - d[ri + j]! * v;
    }
  }
}

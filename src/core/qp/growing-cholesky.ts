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

/**
 * The loops of a {@link GrowingCholesky} run elsewhere (WebAssembly: data/wasm/growing-cholesky-
 * wasm.ts) on storage they own, with the same arithmetic as the JavaScript loops here — the
 * factor and every solution bit for bit the same.
 */
export interface GrowingCholeskyKernels {
  /** The factor (stride × stride, row-major). */
  readonly data: Float64Array;
  /** A vector of `stride` doubles the kernels read and write. */
  readonly vector: Float64Array;
  /** Row k of the factor from the column in `vector` (as {@link GrowingCholesky.append}); Σ L_ki². */
  appendRow(k: number): number;
  /** `vector` ← L⁻¹·`vector` on its first k entries. */
  solveLower(k: number): void;
  /** `vector` ← L⁻ᵀ·`vector` on its first k entries. */
  solveUpper(k: number): void;
  /** The rank-one update of {@link GrowingCholesky.remove} by `vector` from row/column q. */
  rankOneUpdate(q: number, tail: number): void;
}

/** Makes the kernels of a factor of `stride` rows, or undefined when they cannot run. */
export type GrowingCholeskyKernelFactory = (stride: number) => GrowingCholeskyKernels | undefined;

/** Smallest capacity for which a registered {@link GrowingCholeskyKernelFactory} is used. */
export const GROWING_KERNEL_MIN = 64;

let kernelFactory: GrowingCholeskyKernelFactory | undefined;

/**
 * Registers (or with undefined removes) the kernels of factors of {@link GROWING_KERNEL_MIN} rows
 * or more: the Node entry points register the WebAssembly ones; this module stays free of
 * platform code.
 */
export function useGrowingCholeskyKernels(factory: GrowingCholeskyKernelFactory | undefined): void {
  kernelFactory = factory;
}

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
  private readonly kernels: GrowingCholeskyKernels | undefined;

  /** An empty factor that can grow to `capacity` rows. */
  constructor(capacity: number) {
    this.stride = Math.max(1, capacity);
    this.kernels =
      kernelFactory !== undefined && this.stride >= GROWING_KERNEL_MIN
        ? kernelFactory(this.stride)
        : undefined;
    this.data = this.kernels?.data ?? new Float64Array(this.stride * this.stride);
  }

  /** Replaces the factor by `lower` (k × k row-major, lower triangular, k ≤ capacity). */
  load(lower: Float64Array, k: number): void {
    const s = this.stride;
    // Rows from `size` on are zero already (append and remove keep them so): only the old
    // factor's rows are cleared, so a new factor's untouched memory is never written.
    this.data.fill(0, 0, this.size * s);
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
    if (this.kernels !== undefined) {
      this.kernels.vector.set(column.subarray(0, k));
      sum = this.kernels.appendRow(k);
    } else {
      for (let i = 0; i < k; i++) {
        const ri = i * s;
        let v = column[i]!;
        for (let j = 0; j < i; j++) v -= d[ri + j]! * d[row + j]!;
        v /= d[ri + i]!;
        d[row + i] = v;
        sum += v * v;
      }
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
    const v = this.kernels?.vector ?? new Float64Array(tail);
    for (let i = 0; i < tail; i++) v[i] = d[(q + 1 + i) * s + q]!;
    // Shift rows q+1… up by one and columns q+1… left by one.
    for (let i = q + 1; i < k; i++) {
      const src = i * s;
      const dst = (i - 1) * s;
      d.copyWithin(dst, src, src + q);
      d.copyWithin(dst + q, src + q + 1, src + i + 1);
    }
    // Rank-one update of the trailing block (rows/cols q…k−2) by v·vᵀ.
    if (this.kernels !== undefined) this.kernels.rankOneUpdate(q, tail);
    else this.rankOneUpdate(q, tail, v);
    const last = (k - 1) * s;
    for (let j = 0; j < k; j++) d[last + j] = 0;
    this.size = k - 1;
  }

  /** The rank-one update of {@link remove} (JavaScript). */
  private rankOneUpdate(q: number, tail: number, v: Float64Array): void {
    const s = this.stride;
    const d = this.data;
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
  }

  /** In place b ← L⁻¹b on the first k entries (forward substitution). */
  solveLower(b: Float64Array): void {
    const k = this.size;
    if (this.kernels !== undefined) {
      this.kernels.vector.set(b.subarray(0, k));
      this.kernels.solveLower(k);
      b.set(this.kernels.vector.subarray(0, k));
      return;
    }
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
    if (this.kernels !== undefined) {
      const k = this.size;
      this.kernels.vector.set(b.subarray(0, k));
      this.kernels.solveUpper(k);
      b.set(this.kernels.vector.subarray(0, k));
      return;
    }
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

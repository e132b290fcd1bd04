/**
 * The cross-product (Gram) matrix Xᵀ·W·X of a T × n matrix X with optional row weights W =
 * diag(w): entry (i, j) = Σ_t w_t·x_ti·x_tj. The hot loop of every covariance estimator.
 *
 * Accumulates rank-4 updates of the upper triangle row block by row block (four rows of X
 * stay in L1 while the triangle streams once per block), then mirrors the upper triangle
 * into the lower one, so the result is exactly symmetric.
 */

import type { Matrix } from './matrix';

/** Options of {@link crossProduct}. */
export interface CrossProductOptions {
  /** Weight w_t of row t (length T); rows with weight 0 are skipped. Default: all 1. */
  readonly rowWeights?: ArrayLike<number>;
}

/**
 * n × n matrix Xᵀ·diag(w)·X for X (T × n). O(T·n²/2) multiply-adds. An empty X (T = 0)
 * gives the zero matrix. NaN in X propagates.
 */
export function crossProduct(x: Matrix, options: CrossProductOptions = {}): Matrix {
  const t = x.rows;
  const n = x.cols;
  const w = options.rowWeights;
  if (w !== undefined && w.length !== t) {
    throw new RangeError(`crossProduct: ${t} rows but ${w.length} row weights`);
  }
  const rows = w === undefined ? Array.from({ length: t }, (_, r) => r) : weighted(w);
  const weight = (r: number): number => (w === undefined ? 1 : w[r]!);
  const d = x.data;
  const out = new Float64Array(n * n);
  let b = 0;
  for (; b + 4 <= rows.length; b += 4) {
    const r0 = rows[b]!;
    const r1 = rows[b + 1]!;
    const r2 = rows[b + 2]!;
    const r3 = rows[b + 3]!;
    const o0 = r0 * n;
    const o1 = r1 * n;
    const o2 = r2 * n;
    const o3 = r3 * n;
    const w0 = weight(r0);
    const w1 = weight(r1);
    const w2 = weight(r2);
    const w3 = weight(r3);
    for (let i = 0; i < n; i++) {
      const a0 = w0 * d[o0 + i]!;
      const a1 = w1 * d[o1 + i]!;
      const a2 = w2 * d[o2 + i]!;
      const a3 = w3 * d[o3 + i]!;
      const base = i * n;
      for (let j = i; j < n; j++) {
        out[base + j] =
          out[base + j]! + a0 * d[o0 + j]! + a1 * d[o1 + j]! + a2 * d[o2 + j]! + a3 * d[o3 + j]!;
      }
    }
  }
  for (; b < rows.length; b++) {
    const r = rows[b]!;
    const o = r * n;
    const wr = weight(r);
    for (let i = 0; i < n; i++) {
      const a = wr * d[o + i]!;
      const base = i * n;
      for (let j = i; j < n; j++) out[base + j] = out[base + j]! + a * d[o + j]!;
    }
  }
  mirrorUpper(out, n);
  return { rows: n, cols: n, data: out };
}

function weighted(w: ArrayLike<number>): number[] {
  const rows: number[] = [];
  for (let r = 0; r < w.length; r++) if (w[r] !== 0) rows.push(r);
  return rows;
}

/** Copies the upper triangle of the n × n row-major `a` onto its lower triangle, in place. */
export function mirrorUpper(a: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j < i; j++) a[ri + j] = a[j * n + i]!;
  }
}

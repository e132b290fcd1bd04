/**
 * The cross-product (Gram) matrix Xᵀ·W·X of a T × n matrix X with optional row weights W =
 * diag(w): entry (i, j) = Σ_t w_t·x_ti·x_tj. The hot loop of every covariance estimator.
 *
 * X is first copied column-major (each column contiguous, rows with zero weight dropped),
 * then the upper triangle is filled by 4 × 2 register tiles: eight running dot products over
 * six contiguous streams, so each loaded value feeds more than one multiply-add. The lower
 * triangle is mirrored from the upper one, so the result is exactly symmetric.
 */

import type { Matrix } from './matrix.ts';

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
  const n = x.cols;
  const w = options.rowWeights;
  if (w !== undefined && w.length !== x.rows) {
    throw new RangeError(`crossProduct: ${x.rows} rows but ${w.length} row weights`);
  }
  const rows = activeRows(x.rows, w);
  const right = columnMajor(x, rows, undefined);
  const left = w === undefined ? right : columnMajor(x, rows, w);
  return gramOfColumns(left, right, { n, t: rows.length });
}

/**
 * n × n matrix LᵀR of two column-major T × n matrices (column j = `left[j·T, (j+1)·T)`): the
 * kernel of {@link crossProduct}, for callers that already hold their data column by column
 * (e.g. a centred panel). Pass the same array twice for XᵀX. Exactly symmetric when
 * `left === right` (the lower triangle mirrors the upper one).
 */
export function gramOfColumns(
  left: Float64Array,
  right: Float64Array,
  size: { readonly n: number; readonly t: number },
): Matrix {
  const { n, t } = size;
  const out = new Float64Array(n * n);
  const n4 = n - (n % 4);
  for (let i = 0; i < n4; i += 4) {
    const p0 = i * t;
    const p1 = p0 + t;
    const p2 = p1 + t;
    const p3 = p2 + t;
    let j = i;
    for (; j + 2 <= n; j += 2) {
      const q0 = j * t;
      const q1 = q0 + t;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      let s20 = 0;
      let s21 = 0;
      let s30 = 0;
      let s31 = 0;
      for (let r = 0; r < t; r++) {
        const b0 = right[q0 + r]!;
        const b1 = right[q1 + r]!;
        const a0 = left[p0 + r]!;
        s00 += a0 * b0;
        s01 += a0 * b1;
        const a1 = left[p1 + r]!;
        s10 += a1 * b0;
        s11 += a1 * b1;
        const a2 = left[p2 + r]!;
        s20 += a2 * b0;
        s21 += a2 * b1;
        const a3 = left[p3 + r]!;
        s30 += a3 * b0;
        s31 += a3 * b1;
      }
      const o = i * n + j;
      out[o] = s00;
      out[o + 1] = s01;
      out[o + n] = s10;
      out[o + n + 1] = s11;
      out[o + 2 * n] = s20;
      out[o + 2 * n + 1] = s21;
      out[o + 3 * n] = s30;
      out[o + 3 * n + 1] = s31;
    }
    if (j < n) for (let a = i; a < i + 4; a++) out[a * n + j] = dot(left, right, { a, b: j, t });
  }
  for (let a = n4; a < n; a++) {
    for (let b = a; b < n; b++) out[a * n + b] = dot(left, right, { a, b, t });
  }
  mirrorUpper(out, n);
  return { rows: n, cols: n, data: out };
}

/** Indices of the rows to accumulate (all, or those with a non-zero weight). */
function activeRows(t: number, w: ArrayLike<number> | undefined): Int32Array {
  if (w === undefined) return Int32Array.from({ length: t }, (_, r) => r);
  const rows: number[] = [];
  for (let r = 0; r < t; r++) if (w[r] !== 0) rows.push(r);
  return Int32Array.from(rows);
}

/** Column-major copy of the selected rows of X, each scaled by its weight when given. */
function columnMajor(x: Matrix, rows: Int32Array, w: ArrayLike<number> | undefined): Float64Array {
  const n = x.cols;
  const t = rows.length;
  const d = x.data;
  const out = new Float64Array(t * n);
  for (let k = 0; k < t; k++) {
    const r = rows[k]!;
    const scale = w === undefined ? 1 : w[r]!;
    const o = r * n;
    for (let c = 0; c < n; c++) out[c * t + k] = scale * d[o + c]!;
  }
  return out;
}

function dot(
  left: Float64Array,
  right: Float64Array,
  at: { readonly a: number; readonly b: number; readonly t: number },
): number {
  const { a, b, t } = at;
  let s = 0;
  for (let r = 0; r < t; r++) s += left[a * t + r]! * right[b * t + r]!;
  return s;
}

/** Copies the upper triangle of the n × n row-major `a` onto its lower triangle, in place. */
export function mirrorUpper(a: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j < i; j++) a[ri + j] = a[j * n + i]!;
  }
}

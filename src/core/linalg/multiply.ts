/**
 * Dense matrix products over row-major Float64Array (i-k-j loop order: the innermost loop
 * walks contiguous rows of B and C).
 */

import type { Matrix } from './matrix.ts';

/** C = A·B for A (m × k) and B (k × n). Throws RangeError on mismatched shapes. */
export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) {
    throw new RangeError(`matmul: ${a.rows}×${a.cols} times ${b.rows}×${b.cols}`);
  }
  const m = a.rows;
  const k = a.cols;
  const n = b.cols;
  const ad = a.data;
  const bd = b.data;
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let p = 0; p < k; p++) {
      const aip = ad[i * k + p]!;
      if (aip === 0) continue;
      const bp = p * n;
      for (let j = 0; j < n; j++) c[ci + j] = c[ci + j]! + aip * bd[bp + j]!;
    }
  }
  return { rows: m, cols: n, data: c };
}

/** y = A·x for A (m × n) and x of length n. Throws RangeError on mismatched shapes. */
export function matvec(a: Matrix, x: ArrayLike<number>): Float64Array {
  if (a.cols !== x.length) {
    throw new RangeError(`matvec: ${a.rows}×${a.cols} times a vector of length ${x.length}`);
  }
  const n = a.cols;
  const d = a.data;
  const y = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    const ri = i * n;
    let s = 0;
    for (let j = 0; j < n; j++) s += d[ri + j]! * x[j]!;
    y[i] = s;
  }
  return y;
}

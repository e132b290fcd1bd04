/** Column means of a T × n matrix (one observation per row). */

import type { Matrix } from '../linalg/matrix.ts';

/**
 * Mean of each column, x̄_j = (1/T)·Σ_t x_tj, accumulated row by row (contiguous reads).
 * NaN propagates; T = 0 gives NaN for every column.
 */
export function columnMeans(x: Matrix): Float64Array {
  const { rows: t, cols: n, data } = x;
  const sums = new Float64Array(n);
  for (let r = 0; r < t; r++) {
    const o = r * n;
    for (let j = 0; j < n; j++) sums[j] = sums[j]! + data[o + j]!;
  }
  for (let j = 0; j < n; j++) sums[j] = sums[j]! / t;
  return sums;
}

/** Column centring: subtract a per-column value from every row. */

import type { Matrix } from '../linalg/matrix.ts';
import { columnMeans } from './column-means.ts';

/**
 * A new T × n matrix with x_tj − c_j, where c defaults to the column means (so every column
 * of the result sums to ~0). `center` must have length n.
 */
export function centerColumns(x: Matrix, center: ArrayLike<number> = columnMeans(x)): Matrix {
  const { rows: t, cols: n, data } = x;
  if (center.length !== n) {
    throw new RangeError(`centerColumns: ${n} columns but ${center.length} centres`);
  }
  const out = new Float64Array(t * n);
  for (let r = 0; r < t; r++) {
    const o = r * n;
    for (let j = 0; j < n; j++) out[o + j] = data[o + j]! - center[j]!;
  }
  return { rows: t, cols: n, data: out };
}

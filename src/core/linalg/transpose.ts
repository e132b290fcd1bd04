/** Matrix transpose. */

import type { Matrix } from './matrix.ts';

/** Aᵀ (a new cols × rows matrix). */
export function transpose(a: Matrix): Matrix {
  const { rows, cols, data } = a;
  const t = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const ri = i * cols;
    for (let j = 0; j < cols; j++) t[j * rows + i] = data[ri + j]!;
  }
  return { rows: cols, cols: rows, data: t };
}

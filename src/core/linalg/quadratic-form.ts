/** The quadratic form xᵀ·A·y (xᵀ·A·x when `y` is omitted). */

import type { Matrix } from './matrix.ts';

/** xᵀ·A·y for A (m × n), x of length m and y of length n (y defaults to x). O(m·n). */
export function quadraticForm(a: Matrix, x: ArrayLike<number>, y: ArrayLike<number> = x): number {
  if (a.rows !== x.length || a.cols !== y.length) {
    throw new RangeError(
      `quadraticForm: ${a.rows}×${a.cols} with vectors ${x.length}, ${y.length}`,
    );
  }
  const n = a.cols;
  const d = a.data;
  let total = 0;
  for (let i = 0; i < a.rows; i++) {
    const ri = i * n;
    let s = 0;
    for (let j = 0; j < n; j++) s += d[ri + j]! * y[j]!;
    total += x[i]! * s;
  }
  return total;
}

import { describe, expect, it } from 'vitest';
import { crossProduct } from './cross-product.ts';
import { fromRows, toRows } from './matrix.ts';
import { matmul, matvec } from './multiply.ts';
import { quadraticForm } from './quadratic-form.ts';
import { transpose } from './transpose.ts';

// Tolerance: integer arithmetic, compared exactly; the weighted cross-product to 1e-15.

describe('matrix products', () => {
  const a = fromRows([
    [1, 2, 0],
    [3, -1, 4],
  ]);

  it('multiplies conforming matrices', () => {
    const b = fromRows([
      [1, 0],
      [0, 2],
      [5, 1],
    ]);
    expect(toRows(matmul(a, b))).toEqual([
      [1, 4],
      [23, 2],
    ]);
    expect(() => matmul(a, a)).toThrow(RangeError);
  });

  it('multiplies a matrix by a vector', () => {
    expect(Array.from(matvec(a, [1, 1, 1]))).toEqual([3, 6]);
    expect(() => matvec(a, [1, 1])).toThrow(RangeError);
  });

  it('transposes', () => {
    expect(toRows(transpose(a))).toEqual([
      [1, 3],
      [2, -1],
      [0, 4],
    ]);
  });

  it('evaluates quadratic and bilinear forms', () => {
    const s = fromRows([
      [2, 1],
      [1, 3],
    ]);
    // [1, 2]·S·[1, 2]ᵀ = 2 + 2·1·2 + 3·4 = 18; [1, 0]·S·[0, 1]ᵀ = 1.
    expect(quadraticForm(s, [1, 2])).toBe(18);
    expect(quadraticForm(s, [1, 0], [0, 1])).toBe(1);
    expect(() => quadraticForm(s, [1])).toThrow(RangeError);
  });

  it('forms Xᵀ·W·X for any shape (tiled, column-remainder and row-remainder paths)', () => {
    for (const [t, n] of [
      [1, 3],
      [5, 4],
      [9, 7],
      [6, 10],
    ] as const) {
      const x = fromRows(
        Array.from({ length: t }, (_, r) =>
          Array.from({ length: n }, (_, c) => ((r * 7 + c * 3) % 5) - 2 + 0.5 * c),
        ),
      );
      const w = Array.from({ length: t }, (_, r) => (r === 2 ? 0 : 1 / (r + 1)));
      const expected = toRows(matmul(transpose(x), matmul(diag(w), x)));
      const got = toRows(crossProduct(x, { rowWeights: w }));
      got.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i]![j]!, 13)));
      expect(toRows(crossProduct(x))).toEqual(toRows(matmul(transpose(x), x)));
    }
    expect(() => crossProduct(a, { rowWeights: [1] })).toThrow(RangeError);
  });
});

function diag(w: readonly number[]) {
  return fromRows(w.map((v, i) => w.map((_, j) => (i === j ? v : 0))));
}

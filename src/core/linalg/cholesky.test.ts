import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectMatrixClose } from '../../../test/helpers/matrices.ts';
import { cholesky } from './cholesky.ts';
import { choleskySolve } from './cholesky-solve.ts';
import { fromRows, matrix, toRows } from './matrix.ts';
import { matmul, matvec } from './multiply.ts';
import { transpose } from './transpose.ts';

// Tolerances: factors of small integer matrices exact to 1e-14; reconstruction of random SPD
// matrices to 1e-10 relative to their largest entry.

describe('cholesky', () => {
  it('factors the textbook example exactly', () => {
    // Wikipedia "Cholesky decomposition", example: L = [[2,0,0],[6,1,0],[-8,5,3]].
    const a = fromRows([
      [4, 12, -16],
      [12, 37, -43],
      [-16, -43, 98],
    ]);
    const result = cholesky(a);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expectMatrixClose(
        result.lower,
        [
          [2, 0, 0],
          [6, 1, 0],
          [-8, 5, 3],
        ],
        1e-14,
      );
    }
  });

  it('reports the pivot where an indefinite matrix breaks down', () => {
    expect(
      cholesky(
        fromRows([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toEqual({
      ok: false,
      reason: 'not-positive-definite',
      pivot: 1,
    });
    expect(cholesky(fromRows([[0]]))).toEqual({
      ok: false,
      reason: 'not-positive-definite',
      pivot: 0,
    });
  });

  it('reports a non-finite pivot as such', () => {
    expect(
      cholesky(
        fromRows([
          [1, 0],
          [0, Number.NaN],
        ]),
      ),
    ).toEqual({
      ok: false,
      reason: 'not-finite',
      pivot: 1,
    });
  });

  it('throws on a non-square matrix and factors the empty matrix', () => {
    expect(() => cholesky(matrix(2, 3))).toThrow(RangeError);
    expect(cholesky(matrix(0, 0)).ok).toBe(true);
  });

  it('reconstructs a random SPD matrix as L·Lᵀ (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 64, maxLength: 64 }),
        (n, values) => {
          const b = matrix(n, n, values.slice(0, n * n));
          const a = matmul(transpose(b), b);
          for (let i = 0; i < n; i++) a.data[i * n + i] = a.data[i * n + i]! + 0.1;
          const result = cholesky(a);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const scale = Math.max(...a.data.map(Math.abs));
          expectMatrixClose(
            matmul(result.lower, transpose(result.lower)),
            toRows(a),
            1e-10 * scale,
          );
        },
      ),
    );
  });

  it('solves A·x = b through the factor', () => {
    const a = fromRows([
      [4, 12, -16],
      [12, 37, -43],
      [-16, -43, 98],
    ]);
    const x = Float64Array.of(1, -2, 0.5);
    const b = matvec(a, x);
    const result = cholesky(a);
    if (!result.ok) throw new Error('expected SPD');
    const solved = choleskySolve(result.lower, b);
    solved.forEach((v, i) => expect(v).toBeCloseTo(x[i]!, 12));
  });
});

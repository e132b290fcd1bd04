import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectMatrixClose } from '../../../test/helpers/matrices.ts';
import { fromRows, identity, matrix, toRows } from './matrix.ts';
import { matmul } from './multiply.ts';
import { fromEigen, symmetricEigen } from './symmetric-eigen.ts';
import { transpose } from './transpose.ts';

// Tolerances: eigenvalues of the 2×2 example to 1e-14; reconstruction and orthonormality of
// random symmetric matrices to 1e-12.

describe('symmetricEigen', () => {
  it('returns eigenvalues in ascending order with eigenvectors as columns', () => {
    // [[2,1],[1,2]] has eigenvalues 1 (vector (1,−1)/√2) and 3 (vector (1,1)/√2).
    const { values, vectors } = symmetricEigen(
      fromRows([
        [2, 1],
        [1, 2],
      ]),
    );
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
    const v = toRows(vectors);
    expect(Math.abs(v[0]![1]! - v[1]![1]!)).toBeLessThan(1e-14);
    expect(Math.abs(v[0]![0]! + v[1]![0]!)).toBeLessThan(1e-14);
  });

  it('handles the empty matrix and rejects non-square input', () => {
    expect(symmetricEigen(matrix(0, 0)).values.length).toBe(0);
    expect(() => symmetricEigen(matrix(2, 1))).toThrow(RangeError);
    expect(() => fromEigen([1], identity(2))).toThrow(RangeError);
  });

  it('reconstructs a random symmetric matrix from an orthonormal basis (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 49, maxLength: 49 }),
        (n, values) => {
          const b = matrix(n, n, values.slice(0, n * n));
          const a = matrix(
            n,
            n,
            b.data.map((_, k) => b.data[k]! + b.data[(k % n) * n + Math.floor(k / n)]!),
          );
          const { values: lambda, vectors } = symmetricEigen(a);
          for (let k = 1; k < n; k++) expect(lambda[k]!).toBeGreaterThanOrEqual(lambda[k - 1]!);
          expectMatrixClose(fromEigen(lambda, vectors), toRows(a), 1e-12);
          expectMatrixClose(matmul(transpose(vectors), vectors), toRows(identity(n)), 1e-12);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { expect } from 'vitest';
import type { Matrix } from '../../src/core/linalg/matrix.ts';
import { symmetricEigen } from '../../src/core/linalg/symmetric-eigen.ts';

/** Largest |a_ij − b_ij| between a matrix and nested rows of the same shape. */
export function maxAbsDiff(actual: Matrix, expected: readonly (readonly number[])[]): number {
  expect([actual.rows, actual.cols]).toEqual([expected.length, expected[0]?.length ?? 0]);
  let worst = 0;
  expected.forEach((row, i) =>
    row.forEach((v, j) => {
      worst = Math.max(worst, Math.abs(actual.data[i * actual.cols + j]! - v));
    }),
  );
  return worst;
}

/** Asserts every entry of `actual` is within `tolerance` (absolute) of `expected`. */
export function expectMatrixClose(
  actual: Matrix,
  expected: readonly (readonly number[])[],
  tolerance: number,
): void {
  expect(maxAbsDiff(actual, expected)).toBeLessThanOrEqual(tolerance);
}

/** Asserts `a` is exactly symmetric and its smallest eigenvalue ≥ −tolerance·max(1, |λ_max|). */
export function expectSymmetricPsd(a: Matrix, tolerance = 1e-12): void {
  const n = a.rows;
  expect(a.cols).toBe(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) expect(a.data[i * n + j]).toBe(a.data[j * n + i]);
  }
  const { values } = symmetricEigen(a);
  const top = Math.max(1e-300, Math.abs(values[n - 1] ?? 0));
  expect(values[0]!).toBeGreaterThanOrEqual(-tolerance * top);
}

/** fast-check arbitrary of a T × n return matrix (|r| ≤ 0.2, optional common factor). */
export function returnsMatrixArbitrary(shape: {
  readonly minRows: number;
  readonly maxRows: number;
  readonly maxCols: number;
}): fc.Arbitrary<Matrix> {
  return fc
    .record({
      t: fc.integer({ min: shape.minRows, max: shape.maxRows }),
      n: fc.integer({ min: 1, max: shape.maxCols }),
      seed: fc.integer({ min: 1, max: 2 ** 31 - 2 }),
      factor: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ t, n, seed, factor }) => seededReturns({ t, n, seed, factor }));
}

/** Deterministic pseudo-random returns (Park-Miller LCG), with a common factor of weight `factor`. */
export function seededReturns(spec: {
  readonly t: number;
  readonly n: number;
  readonly seed: number;
  readonly factor?: number;
}): Matrix {
  let s = spec.seed;
  const uniform = (): number => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647 - 0.5;
  };
  const data = new Float64Array(spec.t * spec.n);
  for (let r = 0; r < spec.t; r++) {
    const common = uniform();
    for (let j = 0; j < spec.n; j++) {
      data[r * spec.n + j] =
        0.2 * ((spec.factor ?? 0) * common + (1 - (spec.factor ?? 0)) * uniform());
    }
  }
  return { rows: spec.t, cols: spec.n, data };
}

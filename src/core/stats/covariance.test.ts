import { describe, expect, it } from 'vitest';
import { expectMatrixClose } from '../../../test/helpers/matrices.ts';
import { fromRows } from '../linalg/matrix.ts';
import { centerColumns } from './center-columns.ts';
import { columnMeans } from './column-means.ts';
import { covariance } from './covariance.ts';

// Tolerance: hand arithmetic on small decimals to 1e-15 (a few ulps).

describe('sample moments', () => {
  // x = (1, 2, 3, 6), y = (2, 0, 4, 2): means 3 and 2; deviations (−2, −1, 0, 3) and
  // (0, −2, 2, 0); Σ dx² = 14, Σ dy² = 8, Σ dx·dy = 2 + 0 + 0 = 2.
  const x = fromRows([
    [1, 2],
    [2, 0],
    [3, 4],
    [6, 2],
  ]);

  it('computes column means', () => {
    expect(Array.from(columnMeans(x))).toEqual([3, 2]);
  });

  it('centres columns on their means or on given values', () => {
    expect(Array.from(centerColumns(x).data)).toEqual([-2, 0, -1, -2, 0, 2, 3, 0]);
    expect(Array.from(centerColumns(x, [1, 0]).data)).toEqual([0, 2, 1, 0, 2, 4, 5, 2]);
    expect(() => centerColumns(x, [1])).toThrow(RangeError);
  });

  it('divides by T − 1 by default and by T with ddof 0', () => {
    expectMatrixClose(
      covariance(x),
      [
        [14 / 3, 2 / 3],
        [2 / 3, 8 / 3],
      ],
      1e-15,
    );
    expectMatrixClose(
      covariance(x, { ddof: 0 }),
      [
        [14 / 4, 2 / 4],
        [2 / 4, 8 / 4],
      ],
      1e-15,
    );
  });

  it('refuses too few observations', () => {
    expect(() => covariance(fromRows([[1, 2]]))).toThrow(RangeError);
  });
});

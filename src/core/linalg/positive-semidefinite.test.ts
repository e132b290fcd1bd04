import { describe, expect, it } from 'vitest';
import { fromRows } from './matrix.ts';
import { isPositiveSemidefinite } from './positive-semidefinite.ts';

describe('isPositiveSemidefinite', () => {
  it('decides a zero-trace matrix without the eigen fallback: PSD only when it is zero', () => {
    expect(isPositiveSemidefinite({ rows: 3, cols: 3, data: new Float64Array(9) })).toBe(true);
    // eigenvalues ±0.1: not PSD
    expect(
      isPositiveSemidefinite(
        fromRows([
          [0, 0.1],
          [0.1, 0],
        ]),
      ),
    ).toBe(false);
  });

  it('accepts a covariance and refuses a matrix with a negative eigenvalue', () => {
    expect(
      isPositiveSemidefinite(
        fromRows([
          [0.04, 0.01],
          [0.01, 0.01],
        ]),
      ),
    ).toBe(true);
    // det = 0.0004 − 0.01 < 0
    expect(
      isPositiveSemidefinite(
        fromRows([
          [0.04, 0.1],
          [0.1, 0.01],
        ]),
      ),
    ).toBe(false);
  });
});

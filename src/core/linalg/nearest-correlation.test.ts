import { describe, expect, it } from 'vitest';
import { expectMatrixClose, expectSymmetricPsd } from '../../../test/helpers/matrices.ts';
import { covarianceToCorrelation, correlationToCovariance } from './correlation.ts';
import { fromRows, matrix, toRows } from './matrix.ts';
import { nearestCorrelation } from './nearest-correlation.ts';
import { isPositiveSemidefinite, minEigenvalue, clipEigenvalues } from './positive-semidefinite.ts';

// Tolerances: Higham's published 4-decimal values to 5e-5; a numpy transcription of the same
// algorithm (numpy 1.24.2 eigh, tolerance 1e-10) to 1e-8; unit diagonals exactly.

describe('nearestCorrelation', () => {
  it('reproduces the example of Higham (2002, §4)', () => {
    // A = tridiag(−1, 2, −1), 4 × 4; Higham reports the nearest correlation matrix
    // [1 −.8084 .1916 .1068; −.8084 1 −.6562 .1916; .1916 −.6562 1 −.8084; .1068 .1916 −.8084 1].
    const a = fromRows([
      [2, -1, 0, 0],
      [-1, 2, -1, 0],
      [0, -1, 2, -1],
      [0, 0, -1, 2],
    ]);
    const result = nearestCorrelation(a);
    expect(result.repaired).toBe(true);
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeGreaterThan(1);
    const paper = [
      [1, -0.8084, 0.1916, 0.1068],
      [-0.8084, 1, -0.6562, 0.1916],
      [0.1916, -0.6562, 1, -0.8084],
      [0.1068, 0.1916, -0.8084, 1],
    ];
    expectMatrixClose(result.correlation, paper, 5e-5);
    // numpy transcription (24 iterations): −0.8084124982, 0.1915875018, 0.106775049, −0.6562326948.
    expect(result.correlation.data[1]).toBeCloseTo(-0.8084124982, 8);
    expect(result.correlation.data[3]).toBeCloseTo(0.106775049, 8);
    expect(result.correlation.data[6]).toBeCloseTo(-0.6562326948, 8);
    expectSymmetricPsd(result.correlation);
  });

  it('returns a valid correlation matrix unchanged', () => {
    const c = fromRows([
      [1, 0.5],
      [0.5, 1],
    ]);
    const result = nearestCorrelation(c);
    expect(result).toMatchObject({ repaired: false, iterations: 0, converged: true });
    expect(toRows(result.correlation)).toEqual(toRows(c));
  });

  it('always returns PSD with a unit diagonal, even when stopped early', () => {
    const bad = fromRows([
      [1, 0.9, 0.9],
      [0.9, 1, -0.9],
      [0.9, -0.9, 1],
    ]);
    expect(isPositiveSemidefinite(bad)).toBe(false);
    const result = nearestCorrelation(bad, { maxIterations: 1 });
    expect(result.converged).toBe(false);
    expectSymmetricPsd(result.correlation);
    for (let i = 0; i < 3; i++) expect(result.correlation.data[i * 4]).toBe(1);
    const floored = nearestCorrelation(bad, { minEigenvalue: 1e-3 });
    expect(minEigenvalue(floored.correlation)).toBeGreaterThan(0);
    expect(() => nearestCorrelation(matrix(1, 2))).toThrow(RangeError);
  });
});

describe('positive semidefiniteness', () => {
  it('accepts singular PSD matrices and rejects indefinite or non-finite ones', () => {
    expect(
      isPositiveSemidefinite(
        fromRows([
          [1, 1],
          [1, 1],
        ]),
      ),
    ).toBe(true);
    expect(
      isPositiveSemidefinite(
        fromRows([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toBe(false);
    expect(isPositiveSemidefinite(fromRows([[Number.NaN]]))).toBe(false);
    expect(isPositiveSemidefinite(matrix(0, 0))).toBe(true);
    expect(minEigenvalue(matrix(0, 0))).toBeNaN();
  });

  it('clips eigenvalues to the nearest PSD matrix', () => {
    // [[1,2],[2,1]] = eigenvalues −1 and 3; clipping −1 to 0 gives 1.5·[[1,1],[1,1]].
    expectMatrixClose(
      clipEigenvalues(
        fromRows([
          [1, 2],
          [2, 1],
        ]),
      ),
      [
        [1.5, 1.5],
        [1.5, 1.5],
      ],
      1e-14,
    );
  });
});

describe('covariance ↔ correlation', () => {
  it('round-trips Σ = D·C·D', () => {
    // σ = (0.1, 0.2), ρ = 0.5 → Σ = [[0.01, 0.01], [0.01, 0.04]].
    const cov = correlationToCovariance(
      fromRows([
        [1, 0.5],
        [0.5, 1],
      ]),
      [0.1, 0.2],
    );
    expectMatrixClose(
      cov,
      [
        [0.01, 0.01],
        [0.01, 0.04],
      ],
      1e-17,
    );
    const { correlation, stdev } = covarianceToCorrelation(cov);
    expectMatrixClose(
      correlation,
      [
        [1, 0.5],
        [0.5, 1],
      ],
      1e-15,
    );
    expect(Array.from(stdev)).toEqual([0.1, 0.2]);
  });

  it('gives a zero-variance variable zero correlation and a unit diagonal', () => {
    const { correlation } = covarianceToCorrelation(
      fromRows([
        [0, 0],
        [0, 4],
      ]),
    );
    expect(toRows(correlation)).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(() => covarianceToCorrelation(matrix(1, 2))).toThrow(RangeError);
    expect(() => correlationToCovariance(matrix(2, 2), [1])).toThrow(RangeError);
  });
});

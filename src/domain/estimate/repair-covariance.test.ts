import { describe, expect, it } from 'vitest';
import { expectMatrixClose, expectSymmetricPsd } from '../../../test/helpers/matrices.ts';
import { covarianceToCorrelation } from '../../core/linalg/correlation.ts';
import { fromRows, toRows } from '../../core/linalg/matrix.ts';
import { covarianceFromCorrelation, repairCovariance } from './repair-covariance.ts';

// Tolerances: Higham's published 4-decimal correlations to 5e-5; variances kept to 1e-15
// relative; D·C·D of decimals to 1e-17.

describe('repairCovariance', () => {
  it('returns a PSD covariance unchanged and unreported', () => {
    const cov = fromRows([
      [0.01, 0.01],
      [0.01, 0.04],
    ]);
    const result = repairCovariance(cov);
    expect(result).toMatchObject({ repaired: false, iterations: 0, warnings: [] });
    expect(toRows(result.covariance)).toEqual(toRows(cov));
  });

  it('repairs to the nearest PSD correlation, keeps variances and reports it', () => {
    // Correlations 0.9, 0.9, −0.9 cannot coexist (smallest eigenvalue −0.8).
    const sd = [0.1, 0.2, 0.3];
    const c = [
      [1, 0.9, 0.9],
      [0.9, 1, -0.9],
      [0.9, -0.9, 1],
    ];
    const cov = fromRows(c.map((row, i) => row.map((v, j) => v * sd[i]! * sd[j]!)));
    const result = repairCovariance(cov);
    expect(result.repaired).toBe(true);
    expect(result.iterations).toBeGreaterThan(0);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.message).toMatch(
      /not positive semidefinite \(smallest eigenvalue -/,
    );
    expect(result.warnings[0]?.code).toBe('COVARIANCE_REPAIRED');
    expectSymmetricPsd(result.covariance);
    const { stdev } = covarianceToCorrelation(result.covariance);
    stdev.forEach((s, i) => expect(Math.abs(s - sd[i]!)).toBeLessThanOrEqual(1e-15 * sd[i]!));
  });

  it('builds Σ = D·C·D and repairs Higham’s example', () => {
    const ok = covarianceFromCorrelation(
      fromRows([
        [1, 0.5],
        [0.5, 1],
      ]),
      [0.1, 0.2],
    );
    expect(ok.repaired).toBe(false);
    expectMatrixClose(
      ok.covariance,
      [
        [0.01, 0.01],
        [0.01, 0.04],
      ],
      1e-17,
    );
    const higham = fromRows([
      [1, -1, 0, 0],
      [-1, 1, -1, 0],
      [0, -1, 1, -1],
      [0, 0, -1, 1],
    ]);
    // With unit σ the repaired covariance is the nearest correlation matrix of Higham (2002)
    // for tridiag(−1, 2, −1) — the off-diagonal part is the same, the diagonal is 1 anyway.
    const repaired = covarianceFromCorrelation(higham, [1, 1, 1, 1]);
    expect(repaired.repaired).toBe(true);
    expect(repaired.covariance.data[1]).toBeCloseTo(-0.8084, 4);
    expect(repaired.covariance.data[3]).toBeCloseTo(0.1068, 4);
  });

  it('rejects malformed input', () => {
    expect(() => repairCovariance(fromRows([[1, 2]]))).toThrow(/square/);
    expect(() => repairCovariance(fromRows([[-1]]))).toThrow(/variance/);
    expect(() => covarianceFromCorrelation(fromRows([[1]]), [0.1, 0.2])).toThrow(/volatility/);
    expect(() => covarianceFromCorrelation(fromRows([[1]]), [-0.1])).toThrow(/volatility/);
    expect(() => covarianceFromCorrelation(fromRows([[2]]), [0.1])).toThrow(/must be 1/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  expectMatrixClose,
  expectSymmetricPsd,
  seededReturns,
} from '../../../test/helpers/matrices.ts';
import { correlationToCovariance, covarianceToCorrelation } from '../../core/linalg/correlation.ts';
import { fromRows, toRows } from '../../core/linalg/matrix.ts';
import { covariance } from '../../core/stats/covariance.ts';
import { denoiseCovariance } from './denoise-covariance.ts';

// Tolerances: against a numpy 1.24.2 transcription (eigh, same clipping) to 1e-12 in
// correlation; variances kept to 1e-15 relative; hand values exactly or to 1e-15.

describe('denoiseCovariance', () => {
  const sd = [0.1, 0.2, 0.3];
  const c = fromRows([
    [1, 0.8, 0.7],
    [0.8, 1, 0.75],
    [0.7, 0.75, 1],
  ]);

  it('averages the eigenvalues below the Marchenko-Pastur edge (numpy reference)', () => {
    // n = 3, T = 1000: λ₊ = (1 + √0.003)² = 1.1125445115…; eigenvalues of C are 0.1919,
    // 0.3074 (noise) and 2.5007 (signal). numpy: V·diag(0.2496, 0.2496, 2.5007)·Vᵀ rescaled
    // to a unit diagonal has ρ12 = 0.7544364651160699, ρ13 = 0.7460954585566659,
    // ρ23 = 0.7499535651977791.
    const result = denoiseCovariance(correlationToCovariance(c, sd), { observations: 1000 });
    expect(result.lambdaPlus).toBeCloseTo((1 + Math.sqrt(0.003)) ** 2, 15);
    expect(result.signalEigenvalues).toBe(1);
    const { correlation, stdev } = covarianceToCorrelation(result.covariance);
    expectMatrixClose(
      correlation,
      [
        [1, 0.7544364651160699, 0.7460954585566659],
        [0.7544364651160699, 1, 0.7499535651977791],
        [0.7460954585566659, 0.7499535651977791, 1],
      ],
      1e-12,
    );
    stdev.forEach((s, i) => expect(Math.abs(s - sd[i]!)).toBeLessThan(1e-15));
    expect(result.warnings).toEqual([]);
  });

  it('leaves a matrix with at most one noise eigenvalue unchanged', () => {
    const cov = correlationToCovariance(c, sd);
    // T = 3: λ₊ = 4, all three eigenvalues are noise … but with noiseVariance 0.1 the edge is
    // 0.4, so only 0.1919 and 0.3074 are noise; with 0.2 only 0.1919 is.
    expect(
      toRows(denoiseCovariance(cov, { observations: 3, noiseVariance: 0.2 * 0.25 }).covariance),
    ).toEqual(toRows(cov));
  });

  it('sets every correlation to 0 when nothing is signal, keeping the variances', () => {
    const cov = correlationToCovariance(c, sd);
    const result = denoiseCovariance(cov, { observations: 3 });
    expect(result.signalEigenvalues).toBe(0);
    expect(result.warnings[0]?.message).toMatch(/no eigenvalue above/);
    expect(result.warnings[0]?.code).toBe('DENOISE_NO_SIGNAL');
    expectMatrixClose(
      result.covariance,
      [
        [0.01, 0, 0],
        [0, 0.04, 0],
        [0, 0, 0.09],
      ],
      1e-15,
    );
  });

  it('returns a PSD matrix with the input variances on random data', () => {
    const returns = seededReturns({ t: 60, n: 12, seed: 11, factor: 0.5 });
    const cov = covariance(returns);
    const result = denoiseCovariance(cov, { observations: 60 });
    expect(result.signalEigenvalues).toBeGreaterThanOrEqual(1);
    expectSymmetricPsd(result.covariance);
    for (let i = 0; i < 12; i++) {
      const v = cov.data[i * 12 + i]!;
      expect(Math.abs(result.covariance.data[i * 12 + i]! - v)).toBeLessThanOrEqual(1e-15 * v);
    }
  });

  it('rejects bad input', () => {
    const cov = correlationToCovariance(c, sd);
    expect(() => denoiseCovariance(fromRows([[1, 2]]), { observations: 5 })).toThrow(/square/);
    expect(() => denoiseCovariance(cov, { observations: 0 })).toThrow(/observations/);
    expect(() => denoiseCovariance(cov, { observations: 5, noiseVariance: 0 })).toThrow(
      /noiseVariance/,
    );
    expect(() => denoiseCovariance(fromRows([[-1]]), { observations: 5 })).toThrow(/variance/);
  });
});

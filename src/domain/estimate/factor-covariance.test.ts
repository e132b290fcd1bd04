import { describe, expect, it } from 'vitest';
import {
  expectMatrixClose,
  expectSymmetricPsd,
  seededReturns,
} from '../../../test/helpers/matrices.ts';
import { fromRows } from '../../core/linalg/matrix.ts';
import { covariance } from '../../core/stats/covariance.ts';
import { factorModelCovariance } from './factor-covariance.ts';

// Tolerances: hand arithmetic to 1e-18 absolute (entries ~1e-4); the variance identity on
// random data to 1e-14 relative.

describe('factorModelCovariance', () => {
  it('recovers exact loadings and residual variances (hand example)', () => {
    // f = (0.01, −0.01, 0.02, −0.02) (mean 0, Σf² = 1e-3 → Var f = 1e-3/3).
    // e = (1, 1, −1, −1)·1e-3 has mean 0 and Σ f·e = 0, so OLS gives exactly
    // r1 = 0.005 + 1.5·f + e → β1 = 1.5, σ²ε1 = 4e-6/3; r2 = −0.5·f → β2 = −0.5, σ²ε2 = 0.
    // Σ = [[2.25·1e-3/3 + 4e-6/3, −0.75·1e-3/3], [−0.75·1e-3/3, 0.25·1e-3/3]].
    const f = [0.01, -0.01, 0.02, -0.02];
    const e = [0.001, 0.001, -0.001, -0.001];
    const returns = fromRows(f.map((ft, t) => [0.005 + 1.5 * ft + e[t]!, -0.5 * ft]));
    const result = factorModelCovariance(returns, { factorReturns: fromRows(f.map((ft) => [ft])) });
    expect(result.betas.data[0]).toBeCloseTo(1.5, 13);
    expect(result.betas.data[1]).toBeCloseTo(-0.5, 13);
    expect(result.residualVariance[0]).toBeCloseTo(4e-6 / 3, 18);
    expect(result.residualVariance[1]).toBeCloseTo(0, 18);
    expectMatrixClose(
      result.covariance,
      [
        [(2.25 * 1e-3) / 3 + 4e-6 / 3, (-0.75 * 1e-3) / 3],
        [(-0.75 * 1e-3) / 3, (0.25 * 1e-3) / 3],
      ],
      1e-18,
    );
  });

  it('reproduces every sample variance on the diagonal and is PSD', () => {
    const returns = seededReturns({ t: 80, n: 6, seed: 5, factor: 0.6 });
    const factors = seededReturns({ t: 80, n: 2, seed: 9 });
    const result = factorModelCovariance(returns, { factorReturns: factors });
    const sample = covariance(returns);
    for (let i = 0; i < 6; i++) {
      const v = sample.data[i * 6 + i]!;
      expect(Math.abs(result.covariance.data[i * 6 + i]! - v)).toBeLessThanOrEqual(1e-14 * v);
    }
    expectSymmetricPsd(result.covariance);
    expect([result.betas.rows, result.betas.cols]).toEqual([2, 6]);
  });

  it('rejects collinear factors, misaligned rows and too short a window', () => {
    const returns = seededReturns({ t: 10, n: 3, seed: 2 });
    const one = seededReturns({ t: 10, n: 1, seed: 4 });
    const twice = fromRows(Array.from({ length: 10 }, (_, t) => [one.data[t]!, 2 * one.data[t]!]));
    expect(() => factorModelCovariance(returns, { factorReturns: twice })).toThrow(/collinear/);
    expect(() =>
      factorModelCovariance(returns, { factorReturns: seededReturns({ t: 9, n: 1, seed: 4 }) }),
    ).toThrow(/one per period/);
    expect(() =>
      factorModelCovariance(seededReturns({ t: 3, n: 2, seed: 2 }), {
        factorReturns: seededReturns({ t: 3, n: 2, seed: 4 }),
      }),
    ).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
  });
});

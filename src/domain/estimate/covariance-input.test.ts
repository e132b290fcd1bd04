import { describe, expect, it } from 'vitest';
import { expectMatrixClose, seededReturns } from '../../../test/helpers/matrices.ts';
import { fromRows, matrix, toRows } from '../../core/linalg/matrix.ts';
import { annualizeCovariance, annualizeCovarianceInPlace } from './annualize-covariance.ts';
import { assertReturnsMatrix, returnsMatrix } from './covariance-input.ts';
import { ledoitWolf } from './ledoit-wolf.ts';
import { ledoitWolfSingleFactor } from './ledoit-wolf-single-factor.ts';
import { oracleApproximatingShrinkage } from './oas.ts';
import { sampleCovariance } from './sample-covariance.ts';
import { semicovariance } from './semicovariance.ts';

// Tolerance: hand arithmetic on decimals to 1e-18 absolute (entries ≤ 1e-3).

describe('covariance inputs', () => {
  it('turns an aligned panel into a T × n matrix in id order', () => {
    const m = returnsMatrix({
      ids: ['A', 'B'],
      dates: ['2024-01-31', '2024-02-29', '2024-03-31'],
      columns: [Float64Array.of(0.01, 0.02, 0.03), Float64Array.of(-0.01, 0, 0.01)],
    });
    expect(toRows(m)).toEqual([
      [0.01, -0.01],
      [0.02, 0],
      [0.03, 0.01],
    ]);
    expect(() =>
      returnsMatrix({ ids: ['A'], dates: ['2024-01-31'], columns: [Float64Array.of(1, 2)] }),
    ).toThrow(/returns.A/);
  });

  it('names the first missing value and refuses too few rows or no asset', () => {
    const bad = fromRows([
      [0.01, 0.02],
      [0.03, Number.NaN],
    ]);
    expect(() => assertReturnsMatrix(bad, { estimator: 'x', minObservations: 2 })).toThrow(
      /returns\[1\]\[1\]/,
    );
    expect(() => sampleCovariance(fromRows([[0.01, 0.02]]))).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_DATA' }),
    );
    expect(() => sampleCovariance(matrix(3, 0))).toThrow(/at least one asset/);
  });

  it('annualises by the number of periods per year', () => {
    expect(
      toRows(
        annualizeCovariance(
          fromRows([
            [1e-4, 2e-5],
            [2e-5, 4e-4],
          ]),
          252,
        ),
      ),
    ).toEqual([
      [1e-4 * 252, 2e-5 * 252],
      [2e-5 * 252, 4e-4 * 252],
    ]);
    expect(() => annualizeCovariance(fromRows([[1]]), 0)).toThrow(/periodsPerYear/);
  });

  it('annualises in place to the same values, on the matrix it was given', () => {
    const m = fromRows([
      [1e-4, 2e-5],
      [2e-5, 4e-4],
    ]);
    const out = annualizeCovarianceInPlace(m, 52);
    expect(out).toBe(m);
    expect(toRows(out)).toEqual([
      [1e-4 * 52, 2e-5 * 52],
      [2e-5 * 52, 4e-4 * 52],
    ]);
    expect(() => annualizeCovarianceInPlace(fromRows([[1]]), Number.NaN)).toThrow(/periodsPerYear/);
  });

  it('warns that a covariance from fewer periods than assets is singular', () => {
    const returns = seededReturns({ t: 3, n: 5, seed: 8 });
    const [rank] = sampleCovariance(returns).warnings;
    expect(rank?.code).toBe('COVARIANCE_RANK_DEFICIENT');
    expect(rank?.message).toMatch(/3 observations for 5 assets.*shrinkage/);
    expect(rank?.details).toEqual({
      estimator: 'sample covariance',
      observations: 3,
      assets: 5,
      rank: 2,
    });
    expect(sampleCovariance(seededReturns({ t: 6, n: 5, seed: 8 })).warnings).toEqual([]);
  });
});

describe('single-asset and degenerate shrinkage', () => {
  it('returns the variance with no shrinkage for one asset', () => {
    // x = (0.01, 0.03): centred ±0.01, variance with divisor T = 1e-4 (scikit-learn's rule).
    const one = fromRows([[0.01], [0.03]]);
    for (const estimate of [
      ledoitWolf(one),
      oracleApproximatingShrinkage(one),
      ledoitWolfSingleFactor(one),
    ]) {
      expect(estimate.shrinkage).toBe(0);
      expect(estimate.covariance.data[0]).toBeCloseTo(1e-4, 18);
    }
  });

  it('reports a market with zero variance in the single-factor model', () => {
    // The two assets move exactly opposite, so the equal-weight market is constant.
    const result = ledoitWolfSingleFactor(
      fromRows([
        [0.01, -0.01],
        [-0.02, 0.02],
        [0.03, -0.03],
      ]),
    );
    expect(result.shrinkage).toBe(0);
    expect(result.warnings[0]?.message).toMatch(/zero variance/);
    expect(result.warnings[0]?.code).toBe('SHRINKAGE_TARGET_DEGENERATE');
  });

  it('shrinks fully when OAS meets a scaled identity sample', () => {
    // Two uncorrelated assets with equal variance: α = μ²/n, so the OAS denominator is 0.
    const result = oracleApproximatingShrinkage(
      fromRows([
        [0.01, 0.01],
        [-0.01, 0.01],
        [0.01, -0.01],
        [-0.01, -0.01],
      ]),
    );
    expect(result.shrinkage).toBe(1);
    expectMatrixClose(
      result.covariance,
      [
        [1e-4, 0],
        [0, 1e-4],
      ],
      1e-18,
    );
  });
});

describe('semicovariance', () => {
  it('uses a per-period benchmark and divides by all T periods', () => {
    // B = (0, 0.01, 0): drops d = [(−0.01, 0), (0, −0.01), (−0.02, −0.01)]
    // → Σ⁻ = [[0.0001 + 0.0004, 0.0002], [0.0002, 0.0001 + 0.0001]] / 3.
    const returns = fromRows([
      [-0.01, 0.02],
      [0.02, 0.0],
      [-0.02, -0.01],
    ]);
    const result = semicovariance(returns, { benchmark: [0, 0.01, 0] });
    expectMatrixClose(
      result.covariance,
      [
        [0.0005 / 3, 0.0002 / 3],
        [0.0002 / 3, 0.0002 / 3],
      ],
      1e-18,
    );
    expect(() => semicovariance(returns, { benchmark: [0] })).toThrow(/one value per period/);
    expect(() => semicovariance(returns, { benchmark: Number.NaN })).toThrow(/benchmark\[0\]/);
  });
});

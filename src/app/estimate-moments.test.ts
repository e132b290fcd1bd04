import { describe, expect, it } from 'vitest';
import type { AlignedTable } from '../domain/series/align-common.ts';
import { estimateMoments } from './estimate-moments.ts';

/**
 * A 2-asset, 4-month panel small enough to do by hand.
 *   A: 0.01, 0.03, −0.02, 0.02 → mean 0.01, deviations 0, 0.02, −0.03, 0.01
 *   B: 0.00, 0.02, 0.01, −0.01 → mean 0.005, deviations −0.005, 0.015, 0.005, −0.015
 * Sample (n − 1 = 3): var A = (0 + 4e-4 + 9e-4 + 1e-4)/3 = 1.4e-3/3,
 *   var B = (2.5e-5 + 2.25e-4 + 2.5e-5 + 2.25e-4)/3 = 5e-4/3,
 *   cov AB = (0 + 3e-4 − 1.5e-4 − 1.5e-4)/3 = 0.
 * Annual (× 12): μ = (0.12, 0.06); Σ = diag(5.6e-3, 2e-3).
 */
const panel: AlignedTable = {
  ids: ['A', 'B'],
  dates: ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30'],
  columns: [
    Float64Array.from([0.01, 0.03, -0.02, 0.02]),
    Float64Array.from([0, 0.02, 0.01, -0.01]),
  ],
};

describe('estimateMoments', () => {
  it('gives the hand-computed sample moments, periods per year inferred from month ends', () => {
    const { summary, moments } = estimateMoments({ table: panel }, {});
    expect(summary.frequency.periodsPerYear).toBe(12);
    expect(summary.mu.A).toBeCloseTo(0.12, 14);
    expect(summary.mu.B).toBeCloseTo(0.06, 14);
    expect(summary.covariance[0]![0]).toBeCloseTo(5.6e-3, 15);
    expect(summary.covariance[1]![1]).toBeCloseTo(2e-3, 15);
    expect(summary.covariance[0]![1]).toBeCloseTo(0, 15);
    expect(summary.method).toMatchObject({ mean: 'historical', covariance: 'sample(ddof=1)' });
    expect(summary.method.parameters).toEqual({ horizon: 1, periodsPerYear: 12 });
    expect(moments.assets).toEqual(['A', 'B']);
    expect(Array.from(moments.expectedReturnsAnnual)).toEqual([summary.mu.A, summary.mu.B]);
    expect(moments.riskFreeRateAnnual).toBeUndefined();
  });

  it('warns that 4 observations for 5 assets give a singular sample covariance, naming shrinkage', () => {
    const wide: AlignedTable = {
      ids: ['A', 'B', 'C', 'D', 'E'],
      dates: panel.dates,
      columns: [0, 1, 2, 3, 4].map((k) =>
        Float64Array.from([0.01 * k, 0.02, -0.01 * (k % 2), 0.005 * k + 0.001]),
      ),
    };
    const { summary } = estimateMoments({ table: wide }, {});
    const rank = summary.warnings.find((w) => w.code === 'COVARIANCE_RANK_DEFICIENT');
    expect(rank?.details).toMatchObject({ observations: 4, assets: 5, rank: 3 });
    expect(rank?.message).toMatch(/shrinkage/);
  });

  it('compounds the building blocks: (1 + π)(1 + r_real_rf)(1 + p) − 1', () => {
    const { summary } = estimateMoments(
      { table: panel },
      {
        mean: {
          method: 'building-block',
          inflationAnnual: 0.02,
          realRiskFreeAnnual: 0.01,
          premiumsAnnual: { a: 0.04, B: 0.02 },
        },
      },
    );
    expect(summary.mu.A).toBeCloseTo(1.02 * 1.01 * 1.04 - 1, 15); // 0.071408
    expect(summary.mu.B).toBeCloseTo(1.02 * 1.01 * 1.02 - 1, 15); // 0.050804
  });

  it('needs a premium for every asset and names the one missing', () => {
    expect(() =>
      estimateMoments(
        { table: panel },
        {
          mean: {
            method: 'building-block',
            inflationAnnual: 0.02,
            realRiskFreeAnnual: 0.01,
            premiumsAnnual: { A: 0.04 },
          },
        },
      ),
    ).toThrow(/premiumsAnnual\.B/);
  });

  it('puts rf into the Black-Litterman prior Π = δΣw + rf and into the moments', () => {
    const { summary, moments } = estimateMoments(
      { table: panel },
      { mean: { method: 'black-litterman' }, riskFreeRateAnnual: 0.02 },
    );
    // δ = 2.5, w = (½, ½): Π_A = 2.5 · 5.6e-3 / 2 + 0.02 = 0.027; Π_B = 2.5 · 2e-3 / 2 + 0.02 = 0.0225
    expect(summary.mu.A).toBeCloseTo(0.027, 14);
    expect(summary.mu.B).toBeCloseTo(0.0225, 14);
    expect(moments.riskFreeRateAnnual).toBe(0.02);
  });

  it('fits the factor covariance on the dates the factor file shares with the panel', () => {
    // One factor F = 0.01, 0.02, −0.01, 0.02 (mean 0.01; deviations 0, 0.01, −0.02, 0.01;
    // var F = 6e-4/3 = 2e-4). cov(A, F) = (0 + 2e-4 + 6e-4 + 1e-4)/3 = 3e-4,
    // cov(B, F) = (0 + 1.5e-4 − 1e-4 − 1.5e-4)/3 = −1e-4/3. With one factor the off-diagonal is
    // cov(A, F)·cov(B, F)/var F = 3e-4 · (−1e-4/3) / 2e-4 = −5e-5 a month, −6e-4 a year; the
    // diagonal keeps the sample variances (5.6e-3, 2e-3). The factor file has an extra day.
    const factorReturns = {
      text: 'date,mkt\n2024-01-31,0.01\n2024-02-29,0.02\n2024-03-31,-0.01\n2024-04-30,0.02\n2024-05-31,0.03\n',
      name: 'factors.csv',
    };
    const { summary, table } = estimateMoments(
      { table: panel },
      { covariance: { method: 'factor', factorReturns } },
    );
    expect(table.dates).toEqual(panel.dates);
    expect(summary.method.covariance).toBe('factor(k=1)');
    expect(summary.covariance[0]![1]).toBeCloseTo(-6e-4, 15);
    expect(summary.covariance[0]![0]).toBeCloseTo(5.6e-3, 15);
    expect(summary.covariance[1]![1]).toBeCloseTo(2e-3, 15);
    expect(summary.method.parameters.factorReturns).toMatchObject({ columns: ['MKT'] });
  });

  it('names an unknown factor column and an invalid λ by their fields', () => {
    expect(() =>
      estimateMoments(
        { table: panel },
        {
          covariance: {
            method: 'factor',
            factorReturns: { text: 'date,mkt\n2024-01-31,0.01\n' },
            factors: ['smb'],
          },
        },
      ),
    ).toThrow(/covariance\.factors.*columns: MKT/);
    expect(() =>
      estimateMoments({ table: panel }, { covariance: { method: 'ewma', lambda: 1.5 } }),
    ).toThrow(/^covariance\.lambda/);
  });
});

import { describe, expect, it } from 'vitest';
import { decomposeReturns } from '../series/decomposition.ts';
import { buildingBlockReturns, historicalBuildingBlocks } from './building-block.ts';

// Tolerances: annual returns to 1e-14; reconciliation of compounded blocks to 1e-13.
describe('building-block expected returns', () => {
  it('compounds inflation, real cash and premium exactly', () => {
    // 1.02 · 1.01 · 1.04 − 1 = 0.071408 (the additive sum would be 0.07).
    // Bonds: 1.02 · 1.01 = 1.0302; 1.0302 · 1.005 − 1 = 0.035351.
    const mu = buildingBlockReturns({
      assets: ['EQ', 'BOND'],
      inflationAnnual: 0.02,
      realRiskFreeAnnual: 0.01,
      premiumsAnnual: { EQ: 0.04, BOND: 0.005 },
    });
    expect(mu[0]).toBeCloseTo(0.071408, 14);
    expect(mu[1]).toBeCloseTo(0.035351, 14);
  });

  it('never assumes a premium that was not set, and rejects rates ≤ −1', () => {
    const base = { assets: ['EQ'], inflationAnnual: 0.02, realRiskFreeAnnual: 0.01 };
    expect(() => buildingBlockReturns({ ...base, premiumsAnnual: {} })).toThrow(
      /premiumsAnnual\.EQ/,
    );
    expect(() => buildingBlockReturns({ ...base, premiumsAnnual: { EQ: -1 } })).toThrow(/above −1/);
    expect(() =>
      buildingBlockReturns({ ...base, inflationAnnual: NaN, premiumsAnnual: { EQ: 0 } }),
    ).toThrow(/inflationAnnual/);
  });

  it('annualises a decomposed history so that the blocks reconcile to the geometric total', () => {
    const returns = [
      { date: '2024-01-31', value: 0.02 },
      { date: '2024-02-29', value: -0.01 },
      { date: '2024-03-31', value: 0.03 },
    ];
    const inflation = returns.map((p, i) => ({ date: p.date, value: [0.003, 0.004, 0.002][i]! }));
    const riskFree = returns.map((p) => ({ date: p.date, value: 0.004 }));
    const blocks = historicalBuildingBlocks(decomposeReturns({ returns, inflation, riskFree }), {
      periodsPerYear: 12,
    });
    // Total: (1.02 · 0.99 · 1.03)^(12/3) − 1; inflation: (1.003 · 1.004 · 1.002)^4 − 1.
    expect(blocks.totalAnnual).toBeCloseTo((1.02 * 0.99 * 1.03) ** 4 - 1, 13);
    expect(blocks.inflationAnnual).toBeCloseTo((1.003 * 1.004 * 1.002) ** 4 - 1, 13);
    expect(blocks.realRiskFreeAnnual).toBeCloseTo(
      1.004 ** 12 / (1.003 * 1.004 * 1.002) ** 4 - 1,
      13,
    );
    expect(() => historicalBuildingBlocks([], { periodsPerYear: 12 })).toThrow(
      /at least one period/,
    );
  });
});

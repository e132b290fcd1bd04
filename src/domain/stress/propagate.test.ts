import { describe, expect, it } from 'vitest';
import type { FundUniverse } from '../exposures/fund-types.ts';
import { propagateShocks, type PropagateInput } from './propagate.ts';

const fund = (exposures: Record<string, number>) => ({
  name: 'n',
  category: 'c',
  exposures,
  provenance: 'test',
  validatedBy: null,
});
const funds: FundUniverse = {
  funds: {
    SPY: fund({ us_large_equity: 1 }),
    SSO: fund({ us_large_equity: 2 }),
    RSSB: fund({ us_large_equity: 1, broad_ust: 1 }),
  },
};
const base: PropagateInput = {
  holdings: [
    { account: 'A', symbol: 'SPY', value: 5000 },
    { account: 'B', symbol: 'SSO', value: 2000 },
    { account: 'B', symbol: 'RSSB', value: 3000 },
  ],
  cashByAccount: new Map([['A', -1000]]),
  funds,
  exposureOrder: ['us_large_equity', 'broad_ust'],
  shocks: new Map([
    ['us_large_equity', -0.3],
    ['broad_ust', -0.1],
  ]),
};

describe('propagateShocks', () => {
  it('moves each position by value × Σ exposure × shock, levered funds included', () => {
    const r = propagateShocks(base);
    // SPY 5000 × 1 × −0.3 = −1500; SSO 2000 × 2 × −0.3 = −1200;
    // RSSB 3000 × (1 × −0.3 + 1 × −0.1) = −1200
    expect(r.byPosition.map((p) => [p.symbol, p.pnl, p.return])).toEqual([
      ['SPY', -1500, -0.3],
      ['SSO', -1200, -0.6],
      ['RSSB', -1200, -0.4],
    ]);
    // total value 5000 + 2000 + 3000 − 1000 = 9000; pnl −3900
    expect(r.totalValue).toBe(9000);
    expect(r.totalPnl).toBe(-3900);
    expect(r.totalReturn).toBeCloseTo(-3900 / 9000, 15);
    // us_large_equity: 5000 + 4000 + 3000 = 12 000 → −3600; broad_ust 3000 → −300
    expect(r.byExposure).toEqual([
      { exposure: 'us_large_equity', exposureValue: 12000, shock: -0.3, pnl: -3600 },
      { exposure: 'broad_ust', exposureValue: 3000, shock: -0.1, pnl: -300 },
    ]);
    // account A: 5000 − 1000 = 4000, −1500 → −37.5 %; B: 5000, −2400 → −48 %
    expect(r.byAccount).toEqual([
      { account: 'A', value: 4000, pnl: -1500, return: -0.375 },
      { account: 'B', value: 5000, pnl: -2400, return: -0.48 },
    ]);
  });

  it('gives unshocked exposures 0 and flags uncovered ones', () => {
    const r = propagateShocks({
      ...base,
      shocks: new Map([['us_large_equity', -0.3]]),
      uncovered: new Set(['broad_ust']),
    });
    const rssb = r.byPosition.find((p) => p.symbol === 'RSSB')!;
    expect(rssb.pnl).toBe(-900); // 3000 × −0.3; the Treasury leg contributes nothing
    expect(rssb.uncoveredExposures).toEqual(['broad_ust']);
    expect(r.byExposure[1]).toEqual({
      exposure: 'broad_ust',
      exposureValue: 3000,
      shock: null,
      pnl: null,
    });
    const noShock = propagateShocks({ ...base, shocks: new Map() });
    expect(noShock.totalPnl).toBe(0);
    expect(noShock.byExposure[0]!.shock).toBe(0);
  });

  it('refuses a position without a definition unless allowPartial', () => {
    const holdings = [...base.holdings, { account: 'A', symbol: 'XYZ', value: 100 }];
    expect(() => propagateShocks({ ...base, holdings })).toThrow(/no fund definition for XYZ/);
    const r = propagateShocks({ ...base, holdings, allowPartial: true });
    expect(r.unexplained).toEqual([
      expect.objectContaining({ account: 'A', symbol: 'XYZ', value: 100 }),
    ]);
    expect(r.totalValue).toBe(9100); // it still counts in value, with no P&L
    expect(r.totalPnl).toBe(-3900);
  });

  it('rejects a non-positive total value and reports null returns for empty values', () => {
    expect(() => propagateShocks({ ...base, cashByAccount: new Map([['A', -10000]]) })).toThrow(
      /must be > 0/,
    );
    const r = propagateShocks({
      ...base,
      holdings: [...base.holdings, { account: 'C', symbol: 'SPY', value: 0 }],
      cashByAccount: new Map([['C', 0]]),
    });
    expect(r.byPosition.at(-1)!.return).toBeNull();
    expect(r.byAccount.find((a) => a.account === 'C')!.return).toBeNull();
  });

  it('lists exposures outside the given order after it', () => {
    const r = propagateShocks({ ...base, exposureOrder: ['broad_ust'] });
    expect(r.byExposure.map((e) => e.exposure)).toEqual(['broad_ust', 'us_large_equity']);
  });
});

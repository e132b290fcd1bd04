import { describe, expect, it } from 'vitest';
import type { FundUniverse } from '../exposures/fund-types.ts';
import {
  heldExposures,
  historicalScenario,
  hypotheticalScenario,
  type StressPortfolio,
} from './scenario.ts';

const def = (exposures: Record<string, number>) => ({
  name: 'n',
  category: 'c',
  exposures,
  provenance: 'test',
  validatedBy: null,
});
const funds: FundUniverse = {
  funds: { SSO: def({ us_large_equity: 2 }), IEF: def({ broad_ust: 1 }) },
};
const portfolio: StressPortfolio = {
  holdings: [
    { account: 'A', symbol: 'SSO', value: 1000 },
    { account: 'A', symbol: 'IEF', value: 2000 },
  ],
  cashByAccount: new Map([['A', 1000]]),
  funds,
  universe: {
    exposures: [
      { id: 'us_large_equity', category: 'equity_beta' },
      { id: 'broad_ust', category: 'nominal_fixed_income' },
      { id: 'gold', category: 'real_assets' },
    ],
    durations: new Map([['broad_ust', { years: 7, source: 'test' }]]),
  },
};

describe('scenarios', () => {
  it('lists the exposures held through fund definitions', () => {
    expect([...heldExposures(portfolio)]).toEqual(['us_large_equity', 'broad_ust']);
  });

  it('runs hypothetical shocks end to end', () => {
    const r = hypotheticalScenario(portfolio, {
      name: 'x',
      specs: [
        { target: 'equity', kind: 'return', size: -0.2, text: 'equity=-0.2' },
        // +100 bp = 0.01 of yield
        { target: 'rates', kind: 'yield', size: 0.01, text: 'rates=+100bp' },
      ],
    });
    // SSO 1000 × 2 × −0.2 = −400; IEF 2000 × (−7 × 0.01) = −140; total value 4000
    expect(r.shocks).toEqual({ us_large_equity: -0.2, broad_ust: -0.07 });
    expect(r.totalPnl).toBeCloseTo(-540, 10);
    expect(r.totalReturn).toBeCloseTo(-540 / 4000, 14);
    expect(r.kind).toBe('hypothetical');
  });

  it('replays a window and refuses missing data unless allowPartial', () => {
    const series = new Map([
      [
        'us_large_equity',
        [
          { date: '2022-01-31', value: -0.1 },
          { date: '2022-02-28', value: -0.05 },
        ],
      ],
    ]);
    const input = {
      name: 'w',
      window: { from: '2021-12-31', to: '2022-02-15' },
      frequency: 'monthly' as const,
      series,
      source: 'test data',
    };
    expect(() => historicalScenario(portfolio, input)).toThrow(
      /no test data data for the whole window for broad_ust/,
    );
    const r = historicalScenario({ ...portfolio, allowPartial: true }, input);
    // (0.9)(0.95) − 1 = −0.145; SSO 1000 × 2 × −0.145 = −290; broad_ust contributes nothing
    expect(r.shocks.us_large_equity).toBeCloseTo(-0.145, 14);
    expect(r.totalPnl).toBeCloseTo(-290, 10);
    expect(r.uncovered.map((u) => u.exposure)).toEqual(['broad_ust']);
    expect(r.window).toEqual({
      from: '2021-12-31',
      to: '2022-02-15',
      effectiveFrom: '2021-12-31',
      effectiveTo: '2022-02-28',
    });
    expect(r.rules.us_large_equity).toBe('2 monthly returns compounded (test data)');
  });
});

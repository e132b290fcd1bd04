import { afterAll, describe, expect, it } from 'vitest';
import { demo } from './demo.ts';
import { testDeps } from './test-helpers.ts';

const deps = testDeps();
afterAll(() => deps.close());

describe('demo use case', () => {
  it('reconciles cash, holdings, exposures and the equity shock with hand arithmetic', async () => {
    const doc = await demo({}, deps);
    // MARGIN: 60000 − 9540 − 17120 − 13681 + 350.20 + 7210 − 10025 + 214.80 − 16320 − 4.15
    //         + 3525 − 6930 − 3525 − 38.62 − 52.40 = −5936.17; IRA: 20000 − 8730 + 3380 − 7250
    //         − 4185 = 3215 (the same derivation as test/cli/demo.test.ts)
    expect(doc.positions.cash).toEqual({ IRA: 3215, MARGIN: -5936.17 });
    // Last trade prices of the ledger
    const mv = {
      BND: 200 * 72.5,
      DBMF: 356.12 * 27.9,
      NTSX: 400 * 34.2,
      RSSB: 1100 * 23.1,
      RSST: 500 * 20.05,
      UPRO: 210 * 58.75,
    };
    expect(Object.fromEntries(doc.holdings.map((h) => [h.symbol, h.marketValue]))).toEqual(
      Object.fromEntries(Object.entries(mv).map(([s, v]) => [s, Math.round(v * 100) / 100])),
    );
    const total = Object.values(mv).reduce((s, x) => s + x, 0) + 3215 - 5936.17;
    expect(doc.exposures.totalValue).toBeCloseTo(total, 2);
    // Equity per $ (config/funds.yaml): RSSB 0.95, NTSX 0.9, UPRO 3, RSST 1.125; −30 % of it
    const equity = 0.95 * mv.RSSB + 0.9 * mv.NTSX + 3 * mv.UPRO + 1.125 * mv.RSST;
    expect(doc.risk.stress.totalPnl).toBeCloseTo(-0.3 * equity, 2);
    expect(doc.risk.stress.byAccount.find((a) => a.account === 'IRA')?.pnl).toBe(0);
    expect(doc.risk.largestContributions[0]!.exposure).toBe('us_large_equity');
    expect(doc.risk.covariance).toMatch(/^ledoit-wolf.*57 monthly real exposure returns/);
  });
});

/**
 * `portfolioSummary` on a small ledger with a few stored closes (today 2024-06-20, the test
 * clock's date); every expected number is hand arithmetic on the rows and closes below.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { portfolioAppend } from './portfolio-append.ts';
import { portfolioCreate } from './portfolio-create.ts';
import { portfolioSummary } from './portfolio-summary.ts';

const HEADER = 'date,type,symbol,quantity,price,amount,fees,account,lots';
const LEDGER = [
  HEADER,
  '2024-01-02,deposit,,,,10000,,A,', //        line 2
  '2024-01-02,buy,LEV,50,100,,,A,', //          line 3: L3, 5 000
  '2024-01-03,buy,BOND,40,100,,,A,', //         line 4: L4, 4 000
  '2024-03-01,dividend,BOND,,,20,,A,', //       line 5
  '2024-04-01,sell,LEV,10,110,,,A,L3', //       line 6: 1 100 for a basis of 1 000
  '2024-06-14,deposit,,,,1000,,A,', //          line 7
  '2024-06-14,fee,,,,5,,A,', //                 line 8: an expense, not a flow
].join('\n');

/** LEV: 2× US large-cap equity per $1; BOND: 1× Treasuries. */
const FUNDS = {
  text: [
    'funds:',
    '  LEV:',
    '    name: Test 2x fund',
    '    category: Leveraged Equity',
    '    exposures: { us_large_equity: 2.0 }',
    '    provenance: hand-written test definition',
    '    validatedBy: null',
    '  BOND:',
    '    name: Test Treasury fund',
    '    category: Bonds',
    '    exposures: { broad_ust: 1.0 }',
    '    provenance: hand-written test definition',
    '    validatedBy: null',
  ].join('\n'),
  name: 'funds.yaml',
};

let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps();
  await portfolioCreate({ name: 'main' }, deps);
  await portfolioAppend({ portfolio: 'main', csv: { text: LEDGER, name: 'ledger.csv' } }, deps);
});
afterEach(async () => {
  await deps.close();
});

async function storeCloses(closes: Record<string, [string, number][]>): Promise<void> {
  const store = await deps.store();
  for (const [symbol, rows] of Object.entries(closes))
    await store.upsertPriceBars(
      symbol,
      rows.map(([date, close]) => ({ date, close, dividend: 0, split: 1 })),
      { source: 'stooq', fetchedAt: '2024-06-20T22:00:00.000Z' },
    );
}

describe('portfolioSummary', () => {
  it('sums value, cost, gains, income and leverage, and measures changes at stored closes', async () => {
    await storeCloses({
      LEV: [
        ['2024-05-20', 105],
        ['2024-06-18', 115],
        ['2024-06-20', 120],
      ],
      BOND: [
        ['2024-05-20', 98],
        ['2024-06-18', 99],
        ['2024-06-20', 100],
      ],
    });
    const doc = await portfolioSummary({ portfolio: 'main', funds: FUNDS }, deps);
    // cash: 10 000 − 5 000 − 4 000 + 20 + 1 100 + 1 000 − 5 = 3 115
    // LEV 40 × 120 = 4 800 (basis 4 000), BOND 40 × 100 = 4 000 (basis 4 000)
    expect(doc).toMatchObject({
      portfolio: 'main',
      asOf: '2024-06-20',
      lotMethod: 'fifo',
      totalValue: 11915, // 4 800 + 4 000 + 3 115
      cash: { byAccount: { A: 3115 }, total: 3115 },
      costBasis: 8000,
      marketValue: 8800,
      unrealizedGain: 800,
      realized: { shortTerm: 100, longTerm: 0, total: 100 }, // 1 100 − 1 000, held 3 months
      income: { dividends: 20, interest: 0, fees: 5 },
      netContributions: 11000,
    });
    // economic: LEV 4 800 × 2 = 9 600 US equity, BOND 4 000 Treasuries → 13 600 / 11 915
    expect(doc.leverage.gross).toBeCloseTo(13600 / 11915, 11);
    expect(doc.leverage.net).toBeCloseTo(13600 / 11915, 11);
    expect(doc.leverage.unexplained).toEqual([]);
    expect(doc.changes.to).toBe('2024-06-20');
    // one day, from 2024-06-18 (06-19 closed): 40 × 115 + 40 × 99 + 3 115 = 11 675 → +240
    expect(doc.changes.oneDay).toMatchObject({
      from: '2024-06-18',
      to: '2024-06-20',
      valueFrom: 11675,
      valueTo: 11915,
      flows: 0,
      change: 240,
    });
    expect(doc.changes.oneDay.return).toBeCloseTo(240 / 11675, 14);
    // one month, from 2024-05-20: cash then 10 000 − 9 000 + 20 + 1 100 = 2 120;
    // 40 × 105 + 40 × 98 + 2 120 = 10 240. The $1 000 deposit of 06-14 is netted out (the $5
    // fee is a loss): 11 915 − 10 240 − 1 000 = 675; Modified Dietz over 31 days with the
    // deposit in for 7: 675 / (10 240 + 1 000 × 7/31)
    expect(doc.changes.oneMonth).toMatchObject({
      from: '2024-05-20',
      valueFrom: 10240,
      flows: 1000,
      change: 675,
    });
    expect(doc.changes.oneMonth.return).toBeCloseTo(675 / (10240 + (1000 * 7) / 31), 14);
    // nothing stored on 2024-03-20; 2023 is before the ledger
    expect(doc.changes.threeMonths).toEqual({
      from: '2024-03-20',
      to: '2024-06-20',
      change: null,
      return: null,
      reason: 'no stored close on 2024-03-20 for BOND, LEV',
    });
    expect(doc.changes.yearToDate).toMatchObject({ from: '2023-12-29', change: null });
    expect(doc.changes.oneYear).toMatchObject({ from: '2023-06-20', change: null });
    expect(doc.valuation.prices).toEqual([
      { symbol: 'BOND', price: 100, source: 'stored close (stooq)', date: '2024-06-20' },
      { symbol: 'LEV', price: 120, source: 'stored close (stooq)', date: '2024-06-20' },
    ]);
    expect(doc.valuation.pricing?.storedCloses).toEqual({ used: 2, of: 2 });
    expect(doc.warnings).toEqual([]);
  });

  it('values at the last trades and measures no change when the store holds no close', async () => {
    const doc = await portfolioSummary({ portfolio: 'main', funds: FUNDS }, deps);
    // LEV 40 × 110 (2024-04-01) + BOND 40 × 100 (2024-01-03) + 3 115 = 11 515
    expect(doc.totalValue).toBe(11515);
    expect(doc.valuation.prices.map((p) => [p.symbol, p.price, p.source, p.date])).toEqual([
      ['BOND', 100, 'last trade price (ledger)', '2024-01-03'],
      ['LEV', 110, 'last trade price (ledger)', '2024-04-01'],
    ]);
    expect(doc.valuation.pricing).toBeUndefined();
    // the last six sessions: 06-12, 13, 14, 17, 18, 20 (06-19 closed)
    expect(doc.changes.to).toBeNull();
    expect(doc.changes.oneDay).toEqual({
      from: null,
      to: null,
      change: null,
      return: null,
      reason:
        'no trading day from 2024-06-12 to 2024-06-20 has a stored close for every position held (2024-06-20: none for BOND, LEV)',
    });
  });

  it('answers for an empty portfolio, with no leverage and no change', async () => {
    await portfolioCreate({ name: 'empty' }, deps);
    const doc = await portfolioSummary({ portfolio: 'empty' }, deps);
    expect(doc).toMatchObject({
      totalValue: 0,
      cash: { byAccount: {}, total: 0 },
      costBasis: 0,
      leverage: { gross: null, net: null },
    });
    expect(doc.leverage.reason).toMatch(/not positive/);
    expect(doc.changes.oneYear).toMatchObject({ change: null, reason: 'the ledger is empty' });
  });
});

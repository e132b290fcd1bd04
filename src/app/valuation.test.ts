/**
 * Valuation from the store, through the use cases: the latest stored close on or before the
 * as-of date, after the prices file and before the holdings file's price and the ledger's last
 * trade, with provenance and age (`portfolio-input.ts`, `portfolio-pricing.ts`). Every expected
 * value is hand arithmetic on the closes written below.
 */

import { afterAll, describe, expect, it } from 'vitest';
import type { OwnedDeps } from './create-deps.ts';
import { demo } from './demo.ts';
import { exposures } from './exposures.ts';
import { rebalance } from './rebalance.ts';
import { risk } from './risk.ts';
import { stress } from './stress.ts';
import { testDeps } from './test-helpers.ts';

const TODAY = '2024-06-20';
const FETCHED = '2024-06-19T22:00:00.000Z';
const opened: OwnedDeps[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

/** Deps over a fresh store (today 2024-06-20) holding `closes` by symbol, from `stooq`. */
async function withCloses(closes: Record<string, [string, number][]>): Promise<OwnedDeps> {
  const deps = testDeps(TODAY);
  opened.push(deps);
  const store = await deps.store();
  for (const [symbol, rows] of Object.entries(closes))
    await store.upsertPriceBars(
      symbol,
      rows.map(([date, close]) => ({ date, close, dividend: 0, split: 1 })),
      { source: 'stooq', fetchedAt: FETCHED },
    );
  return deps;
}

// RSSB and BND carry a price column; GLD does not.
const HOLDINGS = {
  text: [
    'symbol,quantity,cost_basis,acquired,account,price',
    'RSSB,100,2000,2024-01-10,IRA,25',
    'BND,50,3600,2024-01-10,IRA,70',
    'GLD,10,1800,2024-01-10,IRA,',
    'CASH,500,,,IRA,',
  ].join('\n'),
  name: 'h.csv',
};

const STORE = {
  // 2024-06-21 is after the as-of date: never used
  RSSB: [
    ['2024-06-17', 26],
    ['2024-06-18', 27],
    ['2024-06-21', 99],
  ],
  // seven weeks old on 2024-06-20
  GLD: [['2024-05-01', 200]],
} satisfies Record<string, [string, number][]>;

describe('valuation reads the latest stored close on or before the as-of date', () => {
  it('values RSSB at its stored 27 (not the file 25), BND at the file 70, GLD at its stale 200', async () => {
    const deps = await withCloses(STORE);
    const doc = await exposures({ holdings: HOLDINGS }, deps);
    // RSSB 100 × 27 = 2 700 (close of 2024-06-18; the 2024-06-21 close is after today)
    // BND 50 × 70 = 3 500 (nothing stored: the holdings file's price)
    // GLD 10 × 200 = 2 000 (stored close of 2024-05-01) ; cash 500 → 8 700
    expect(doc.totalValue).toBe(8700);
    expect(doc.positions.map((p) => [p.symbol, p.price, p.priceSource])).toEqual([
      ['BND', 70, 'holdings file h.csv'],
      ['GLD', 200, 'stored close (stooq)'],
      ['RSSB', 27, 'stored close (stooq)'],
    ]);
    expect(doc.pricing).toEqual({
      asOf: TODAY,
      precedence: [
        'prices file',
        'stored close on or before the as-of date',
        'holdings file price',
        'last trade price (ledger)',
      ],
      storedCloses: { used: 2, of: 3 },
      closes: [
        // 2024-05-01 → 2024-06-20: 30 + 20 = 50 days; sessions after 1 May: 21 in May (2–3,
        // 6–10, 13–17, 20–24, 28–31; 27 May Memorial Day closed) + 13 in June (3–7, 10–14,
        // 17, 18, 20; 19 June closed) = 34
        {
          symbol: 'GLD',
          price: 200,
          date: '2024-05-01',
          source: 'stooq',
          fetchedAt: FETCHED,
          ageDays: 50,
          ageTradingDays: 34,
        },
        // 2024-06-18 → 2024-06-20: 2 days; one session (the 20th; the 19th closed)
        {
          symbol: 'RSSB',
          price: 27,
          date: '2024-06-18',
          source: 'stooq',
          fetchedAt: FETCHED,
          ageDays: 2,
          ageTradingDays: 1,
        },
      ],
    });
    expect(doc.warnings).toEqual([
      expect.objectContaining({
        code: 'STALE_PRICE',
        message: expect.stringContaining('GLD 2024-05-01 (34 trading days)'),
      }),
    ]);
  });

  it('takes the close on or before an earlier as-of date (RSSB 26 as of 2024-06-17)', async () => {
    const deps = await withCloses(STORE);
    const doc = await exposures({ holdings: HOLDINGS, asOf: '2024-06-17' }, deps);
    // RSSB 100 × 26 + BND 3 500 + GLD 2 000 + cash 500 = 8 600; GLD is 32 sessions old then
    expect(doc.totalValue).toBe(8600);
    expect(doc.pricing?.asOf).toBe('2024-06-17');
    expect(doc.pricing?.closes.map((c) => [c.symbol, c.date])).toEqual([
      ['GLD', '2024-05-01'],
      ['RSSB', '2024-06-17'],
    ]);
  });

  it('lets a prices file win over a stored close', async () => {
    const deps = await withCloses(STORE);
    const doc = await exposures(
      { holdings: HOLDINGS, prices: { text: 'symbol,price\nRSSB,30\n', name: 'p.csv' } },
      deps,
    );
    // RSSB 100 × 30 (prices file) + 3 500 + 2 000 + 500 = 9 000; only GLD from the store
    expect(doc.totalValue).toBe(9000);
    expect(doc.pricing?.storedCloses).toEqual({ used: 1, of: 3 });
  });

  it('leaves the document as before when nothing is stored (no pricing, no warnings)', async () => {
    const deps = await withCloses({});
    const doc = await exposures({ holdings: HOLDINGS }, deps);
    // RSSB 100 × 25 + BND 3 500 + cash 500 = 6 500; GLD has no price at all
    expect(doc.totalValue).toBe(6500);
    expect('pricing' in doc).toBe(false);
    expect('warnings' in doc).toBe(false);
    expect(doc.unexplained[0]).toMatchObject({ symbol: 'GLD', marketValue: null });
  });

  it('prefers a stored close to the last trade price of a ledger', async () => {
    const deps = await withCloses({ SPY: [['2024-06-20', 545]] });
    const doc = await exposures(
      {
        transactions: {
          text: 'date,type,symbol,quantity,price,amount,fees,account,lots\n2024-01-02,deposit,,,,1000,,,\n2024-01-03,buy,SPY,1,470,,,,\n2024-01-03,buy,GLD,1,180,,,,\n',
        },
      },
      deps,
    );
    // cash 1 000 − 470 − 180 = 350; SPY 1 × 545 (stored); GLD 1 × 180 (last trade) → 1 075
    expect(doc.totalValue).toBe(1075);
    expect(doc.positions.map((p) => p.priceSource)).toEqual([
      'last trade price (ledger)',
      'stored close (stooq)',
    ]);
  });
});

describe('every portfolio use case values through the store', () => {
  it('stress: the P&L of −30 % on equities is taken on the stored value', async () => {
    const deps = await withCloses({ SPY: [['2024-06-20', 400]] });
    const doc = await stress(
      {
        holdings: {
          text: 'symbol,quantity,cost_basis,acquired,account,price\nSPY,10,4000,2024-01-10,A,500\n',
        },
        shocks: [{ target: 'equity', kind: 'return', size: -0.3 }],
      },
      deps,
    );
    // 10 × 400 (stored) = 4 000; SPY is 1.0 us_large_equity: −0.3 × 4 000 = −1 200
    const s = doc.scenarios[0]!;
    expect('error' in s ? undefined : s.totalPnl).toBe(-1200);
    expect(doc.pricing?.closes.map((c) => c.symbol)).toEqual(['SPY']);
  });

  it('risk: the NAV is the stored value', async () => {
    const deps = await withCloses({ SPY: [['2024-06-20', 400]] });
    const doc = await risk(
      {
        holdings: {
          text: 'symbol,quantity,cost_basis,acquired,account,price\nSPY,10,4000,2024-01-10,A,500\n',
        },
        source: 'sample',
      },
      deps,
    );
    expect(doc.nav).toBe(4000);
    expect(doc.pricing?.storedCloses).toEqual({ used: 1, of: 1 });
  });

  it('rebalance: buys a target it does not hold at its stored close', async () => {
    const deps = await withCloses({ BND: [['2024-06-18', 72]] });
    const doc = await rebalance(
      {
        holdings: {
          text: 'symbol,quantity,cost_basis,acquired,account,price\nSPY,10,4000,2024-01-10,A,500\n',
        },
        weights: { SPY: 0.5, BND: 0.5 },
      },
      deps,
    );
    // total 5 000; BND target 2 500 / 72 = 34.7 → 34 whole shares at 72; SPY sells 5 of 10
    expect(doc.trades.map((t) => [t.side, t.symbol, t.quantity, t.price, t.priceSource])).toEqual([
      ['sell', 'SPY', 5, 500, 'holdings file input'],
      ['buy', 'BND', 34, 72, 'stored close (stooq)'],
    ]);
    expect(doc.pricing?.storedCloses).toEqual({ used: 0, of: 1 });
    expect(doc.pricing?.closes.map((c) => c.symbol)).toEqual(['BND']);
  });

  it('demo: says how many funds it valued at stored closes, and values them there', async () => {
    const deps = await withCloses({ RSSB: [['2024-06-20', 24]], NTSX: [['2024-06-18', 35]] });
    const doc = await demo({}, deps);
    expect(doc.valuation).toBe(
      'Offline valuation: 2 of 6 funds at stored closes of 2024-06-18 to 2024-06-20 (from stooq, the latest on or before 2024-06-20); the other 4 at the last trade price in the demo ledger (labelled per line).',
    );
    // RSSB 1 100 × 24 = 26 400; NTSX 400 × 35 = 14 000 (the demo ledger's quantities)
    const mv = Object.fromEntries(doc.holdings.map((h) => [h.symbol, h.marketValue]));
    expect(mv['RSSB']).toBe(26_400);
    expect(mv['NTSX']).toBe(14_000);
    expect(doc.exposures.pricing?.storedCloses).toEqual({ used: 2, of: 6 });
  });

  it('demo: says so when nothing is stored', async () => {
    const deps = await withCloses({});
    const doc = await demo({}, deps);
    expect(doc.valuation).toBe(
      "Offline valuation: the store holds no close for the demo's 6 funds on or before 2024-06-20, so each fund is valued at the last trade price in the demo ledger (labelled per line).",
    );
    expect('pricing' in doc).toBe(false);
  });
});

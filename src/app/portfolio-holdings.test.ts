/**
 * `portfolioHoldings` on a small ledger with two stored closes; every expected number is hand
 * arithmetic on the rows and closes below.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import { portfolioAppend } from './portfolio-append.ts';
import { portfolioCreate } from './portfolio-create.ts';
import { portfolioHoldings } from './portfolio-holdings.ts';

const HEADER = 'date,type,symbol,quantity,price,amount,fees,account,lots';
const LEDGER = [
  HEADER,
  '2023-03-01,deposit,,,,20000,,A,', //           line 2
  '2023-03-01,buy,VTI,10,100,,1,A,', //            line 3: L3, basis 1 000 + 1 fee = 1 001
  '2024-02-29,buy,VTI,5,120,,,A,', //              line 4: L4 on a leap day, basis 600
  '2024-03-15,buy,BND,20,70,,,A,', //              line 5: L5, basis 1 400
  '2024-06-03,sell,VTI,4,150,,,A,L3', //           line 6: 4 of L3
  '2024-06-04,deposit,,,,1000,,B,', //             line 7
  '2024-06-04,buy,GLD,2,180,,,B,', //              line 8: L8, basis 360
  '2025-01-10,sell,BND,5,72,,,A,', //              line 9: 5 of L5 (FIFO)
  '2025-02-03,sell,TLT,10,90,,,C,', //             line 10: a short, L10
].join('\n');

const FETCHED = '2025-02-28T22:00:00.000Z';
let deps: ReturnType<typeof testDeps>;

beforeEach(async () => {
  deps = testDeps({ now: '2025-02-28T21:00:00.000Z' });
  await portfolioCreate({ name: 'main' }, deps);
  await portfolioAppend({ portfolio: 'main', csv: { text: LEDGER, name: 'ledger.csv' } }, deps);
  const store = await deps.store();
  const bars = (rows: [string, number][]) =>
    rows.map(([date, close]) => ({ date, close, dividend: 0, split: 1 }));
  // VTI: 130 on Thursday 2025-02-27 (the 999 of 2025-03-03 is after the as-of date)
  await store.upsertPriceBars(
    'VTI',
    bars([
      ['2025-02-27', 130],
      ['2025-03-03', 999],
    ]),
    { source: 'stooq', fetchedAt: FETCHED },
  );
  await store.upsertPriceBars('GLD', bars([['2025-02-28', 200]]), {
    source: 'stooq',
    fetchedAt: FETCHED,
  });
});
afterEach(async () => {
  await deps.close();
});

describe('portfolioHoldings: lots priced, terms, totals and realised gains by year', () => {
  it('prices every lot and states its term as of the as-of date', async () => {
    const doc = await portfolioHoldings({ portfolio: 'main', asOf: '2025-02-28' }, deps);
    expect(doc).toMatchObject({
      portfolio: 'main',
      asOf: '2025-02-28',
      ledgerAsOf: '2025-02-28',
      lotMethod: 'fifo',
      unpriced: [],
    });
    expect(doc.termRule).toMatch(/^long-term when held more than one year, by calendar/);
    const [a, b, c] = doc.accounts;
    expect(doc.accounts.map((x) => x.account)).toEqual(['A', 'B', 'C']);
    const [bnd, vti] = a!.positions;
    // BND: 20 − 5 sold = 15 left of L5, basis 1 400 − 1 400 × 5/20 = 1 050 (70 a share); no
    // close stored: the last trade, 72 on 2025-01-10 → 15 × 72 = 1 080, gain 30. Bought
    // 2024-03-15: long-term from 2025-03-16, 16 days after 2025-02-28.
    expect(bnd).toEqual({
      symbol: 'BND',
      quantity: 15,
      costBasis: 1050,
      price: 72,
      priceSource: 'last trade price (ledger)',
      priceDate: '2025-01-10',
      marketValue: 1080,
      unrealizedGain: 30,
      lots: [
        {
          id: 'L5',
          acquired: '2024-03-15',
          quantity: 15,
          costPerShare: 70,
          costBasis: 1050,
          price: 72,
          priceSource: 'last trade price (ledger)',
          priceDate: '2025-01-10',
          marketValue: 1080,
          unrealizedGain: 30,
          term: 'short',
          daysUntilLongTerm: 16,
        },
      ],
    });
    // VTI at its stored close 130 of 2025-02-27.
    // L3: 10 − 4 = 6 shares, basis 1 001 − 1 001 × 4/10 = 1 001 − 400.40 = 600.60 (100.10 a
    //     share), 6 × 130 = 780, gain 179.40; bought 2023-03-01 → long-term since 2024-03-02.
    // L4: 5 × 120 = 600, 5 × 130 = 650, gain 50; bought on the leap day 2024-02-29: its
    //     anniversary is 2025-02-28 — still short-term that day, long-term the next (1 day).
    expect(vti).toMatchObject({
      symbol: 'VTI',
      quantity: 11,
      costBasis: 1200.6,
      price: 130,
      priceSource: 'stored close (stooq)',
      priceDate: '2025-02-27',
      marketValue: 1430,
      unrealizedGain: 229.4,
    });
    expect(
      vti!.lots.map((l) => [
        l.id,
        l.quantity,
        l.costPerShare,
        l.costBasis,
        l.marketValue,
        l.unrealizedGain,
        l.term,
        l.daysUntilLongTerm,
      ]),
    ).toEqual([
      ['L3', 6, 100.1, 600.6, 780, 179.4, 'long', 0],
      ['L4', 5, 120, 600, 650, 50, 'short', 1],
    ]);
    // cash A: 20 000 − 1 001 − 600 − 1 400 + 4 × 150 + 5 × 72 = 17 959
    // A: basis 1 050 + 600.60 + 600 = 2 250.60; value 1 080 + 780 + 650 = 2 510; gain 259.40
    expect(a!.totals).toEqual({
      cash: 17959,
      costBasis: 2250.6,
      marketValue: 2510,
      unrealizedGain: 259.4,
      value: 20469,
    });
    // GLD in B: 2 × 180 = 360, stored close 200 → 400, gain 40; bought 2024-06-04, long-term
    // from 2025-06-05: 31 (to 31 March) + 30 + 31 + 5 = 97 days away. Cash 1 000 − 360 = 640.
    expect(b!.positions[0]?.lots[0]).toMatchObject({
      id: 'L8',
      marketValue: 400,
      unrealizedGain: 40,
      term: 'short',
      daysUntilLongTerm: 97,
    });
    expect(b!.totals).toEqual({
      cash: 640,
      costBasis: 360,
      marketValue: 400,
      unrealizedGain: 40,
      value: 1040,
    });
    // C: short 10 TLT at 90 → basis −900 (minus the proceeds), valued at its last trade 90:
    // −900, gain 0; a short lot is short-term and never turns long.
    expect(c!.positions[0]?.lots[0]).toMatchObject({
      id: 'L10',
      quantity: -10,
      costPerShare: 90,
      costBasis: -900,
      marketValue: -900,
      unrealizedGain: 0,
      term: 'short',
      daysUntilLongTerm: null,
    });
    expect(c!.totals).toEqual({
      cash: 900,
      costBasis: -900,
      marketValue: -900,
      unrealizedGain: 0,
      value: 0,
    });
    // overall: cash 17 959 + 640 + 900 = 19 499; basis 2 250.60 + 360 − 900 = 1 710.60;
    // value 2 510 + 400 − 900 = 2 010; gain 259.40 + 40 + 0 = 299.40; total 21 509
    expect(doc.totals).toEqual({
      cash: 19499,
      costBasis: 1710.6,
      marketValue: 2010,
      unrealizedGain: 299.4,
      value: 21509,
    });
    // realised: 2024 — L3, 4 × 150 = 600 − 400.40 = 199.60, held 2023-03-01 → 2024-06-03: long;
    // 2025 — L5, 5 × 72 = 360 − 350 = 10, held 2024-03-15 → 2025-01-10: short.
    expect(doc.realizedByYear).toEqual([
      { year: 2024, shortTerm: 0, longTerm: 199.6, total: 199.6 },
      { year: 2025, shortTerm: 10, longTerm: 0, total: 10 },
    ]);
    expect(doc.pricing?.closes.map((x) => [x.symbol, x.price, x.date])).toEqual([
      ['GLD', 200, '2025-02-28'],
      ['VTI', 130, '2025-02-27'],
    ]);
  });

  it('turns the leap-day lot long-term the next day; defaults the as-of date to today', async () => {
    const today = await portfolioHoldings({ portfolio: 'main' }, deps);
    expect(today.asOf).toBe('2025-02-28'); // the clock's date
    expect(today.ledgerAsOf).toBe('2025-02-03'); // the last transaction, as positions says
    const next = await portfolioHoldings({ portfolio: 'main', asOf: '2025-03-01' }, deps);
    const l4 = next.accounts[0]!.positions[1]!.lots[1]!;
    expect([l4.id, l4.term, l4.daysUntilLongTerm]).toEqual(['L4', 'long', 0]);
  });

  it('replays only up to asOf, with the lot method given', async () => {
    // On 2024-06-03 with HIFO: the sale lists L3, so L3 still gives 4; BND's 20 are whole;
    // GLD is not bought yet and account B not seen.
    const doc = await portfolioHoldings(
      { portfolio: 'main', asOf: '2024-06-03', lotMethod: 'hifo' },
      deps,
    );
    expect(doc.ledgerAsOf).toBe('2024-06-03');
    expect(doc.lotMethod).toBe('hifo');
    expect(doc.accounts.map((x) => x.account)).toEqual(['A']);
    expect(doc.accounts[0]!.positions.map((p) => [p.symbol, p.quantity])).toEqual([
      ['BND', 20],
      ['VTI', 11],
    ]);
    expect(doc.realizedByYear).toEqual([
      { year: 2024, shortTerm: 0, longTerm: 199.6, total: 199.6 },
    ]);
    const bad = await rejection(portfolioHoldings({ portfolio: 'main', asOf: '2025-02-30' }, deps));
    expect([bad.code, bad.details['field']]).toEqual(['INVALID_INPUT', 'asOf']);
    const ghost = await rejection(portfolioHoldings({ portfolio: 'ghost' }, deps));
    expect(ghost.code).toBe('NOT_FOUND');
  });
});

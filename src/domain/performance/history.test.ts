import { describe, expect, it } from 'vitest';
import { ledgerRows } from '../../../test/helpers/transactions.ts';
import { createNyseCalendar } from '../calendar/trading-calendar.ts';
import type { BallastError } from '../errors.ts';
import { portfolioHistory, symbolsToPrice } from './history.ts';
import { dailyReturns, totalPoints } from './returns.ts';
import { closes, SCENARIO, SCENARIO_CLOSES } from '../../../test/helpers/performance-scenario.ts';

const nyse = createNyseCalendar();

describe('portfolioHistory: holdings through time, valued each day', () => {
  const h = portfolioHistory({
    transactions: SCENARIO,
    prices: new Map([['X', SCENARIO_CLOSES]]),
    calendar: nyse,
    to: '2024-03-11',
  });

  it('starts at the close before the first transaction with nothing, then values each day by hand', () => {
    expect(h.days.map((d) => d.date)).toEqual([
      '2024-03-01',
      '2024-03-04',
      '2024-03-05',
      '2024-03-06',
      '2024-03-07',
      '2024-03-08',
      '2024-03-11',
    ]);
    // Values: 0; 500 cash + 10 × 50; 500 + 10 × 55; 1000 + 10 × 60; 1000 + 20 × 30;
    // 1010 + 20 × 31; 1170 (1010 + 5 × 32) + 15 × 32.
    expect(h.days.map((d) => d.value)).toEqual([0, 1000, 1050, 1600, 1600, 1630, 1650]);
    expect(h.days.map((d) => d.flow)).toEqual([0, 1000, 0, 500, 0, 0, 0]);
    expect(h.days[6]!.accounts[0]).toEqual({
      account: 'DEFAULT',
      cash: 1170,
      holdings: [{ symbol: 'X', quantity: 15, price: 32, value: 480 }],
      value: 1650,
      flow: 0,
    });
    expect(h.flags).toEqual([]);
  });

  it('chain-links daily returns between flows (flows at the start of the day)', () => {
    const r = dailyReturns(totalPoints(h.days)).map((p) => p.value);
    // 1000/(0 + 1000), 1050/1000, 1600/(1050 + 500), 1600/1600, 1630/1600, 1650/1630, each − 1.
    const expected = [0, 0.05, 1600 / 1550 - 1, 0, 1630 / 1600 - 1, 1650 / 1630 - 1];
    r.forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 14));
  });

  it('starts later with --from: the base is the close of the day before', () => {
    const later = portfolioHistory({
      transactions: SCENARIO,
      prices: new Map([['X', SCENARIO_CLOSES]]),
      calendar: nyse,
      from: '2024-03-09', // a Saturday → first day Monday the 11th, base Friday the 8th
      to: '2024-03-11',
    });
    expect(later.days.map((d) => [d.date, d.value, d.flow])).toEqual([
      ['2024-03-08', 1630, 0],
      ['2024-03-11', 1650, 0],
    ]);
  });
});

describe('portfolioHistory: missing prices are carried or taken from trades, and flagged', () => {
  it('carries the last close forward across a split (divided by the ratio) and flags the run', () => {
    const gappy = SCENARIO_CLOSES.filter((p) => p.date !== '2024-03-07' && p.date !== '2024-03-08');
    const h = portfolioHistory({
      transactions: SCENARIO,
      prices: new Map([['X', gappy]]),
      calendar: nyse,
      to: '2024-03-11',
    });
    // 7th: 60 (close of the 6th) / 2 = 30 → 1000 + 20 × 30 = 1600; 8th: 1010 + 20 × 30 = 1610.
    expect(h.days[4]!.value).toBe(1600);
    expect(h.days[5]!.value).toBe(1610);
    expect(h.flags).toEqual([
      {
        kind: 'carriedClose',
        symbol: 'X',
        from: '2024-03-07',
        to: '2024-03-08',
        priceDate: '2024-03-06',
      },
    ]);
  });

  it('uses the last trade price before the first close, flagged lastTrade', () => {
    const late = SCENARIO_CLOSES.filter((p) => p.date >= '2024-03-05');
    const h = portfolioHistory({
      transactions: SCENARIO,
      prices: new Map([['X', late]]),
      calendar: nyse,
      to: '2024-03-05',
    });
    expect(h.days[1]!.value).toBe(1000); // 500 + 10 × 50 (the trade price)
    expect(h.flags).toEqual([
      {
        kind: 'lastTrade',
        symbol: 'X',
        from: '2024-03-04',
        to: '2024-03-04',
        priceDate: '2024-03-04',
      },
    ]);
  });

  it('fails with DATA_UNAVAILABLE when a holding has no price at all', () => {
    const rows = ledgerRows([
      { type: 'transfer_in', date: '2024-03-04', symbol: 'Y', quantity: 3, costPerShare: 10 },
    ]);
    expect(() =>
      portfolioHistory({ transactions: rows, prices: new Map(), calendar: nyse, to: '2024-03-05' }),
    ).toThrow(expect.objectContaining({ code: 'DATA_UNAVAILABLE' }) as BallastError);
  });

  it('rejects bad input: empty ledger, from after to, nothing in range, bad closes', () => {
    const prices = new Map([['X', SCENARIO_CLOSES]]);
    const code = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        return (e as BallastError).code;
      }
      return 'none';
    };
    expect(
      code(() => portfolioHistory({ transactions: [], prices, calendar: nyse, to: '2024-03-05' })),
    ).toBe('INSUFFICIENT_DATA');
    expect(
      code(() =>
        portfolioHistory({
          transactions: SCENARIO,
          prices,
          calendar: nyse,
          from: '2024-03-08',
          to: '2024-03-05',
        }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      code(() =>
        portfolioHistory({ transactions: SCENARIO, prices, calendar: nyse, to: '2024-03-02' }),
      ),
    ).toBe('INSUFFICIENT_DATA');
    const bad = new Map([['X', closes({ '2024-03-05': 55, '2024-03-04': 50 })]]);
    expect(
      code(() =>
        portfolioHistory({ transactions: SCENARIO, prices: bad, calendar: nyse, to: '2024-03-05' }),
      ),
    ).toBe('INVALID_INPUT');
    const zero = new Map([['X', closes({ '2024-03-04': 0 })]]);
    expect(
      code(() =>
        portfolioHistory({
          transactions: SCENARIO,
          prices: zero,
          calendar: nyse,
          to: '2024-03-05',
        }),
      ),
    ).toBe('INVALID_INPUT');
  });
});

describe('portfolioHistory: accounts, transfers and reconciliation', () => {
  it('keeps an internal transfer in the sender while in transit and nets it to 0 in total', () => {
    const rows = ledgerRows([
      { type: 'deposit', date: '2024-03-04', account: 'A', amount: 1000 },
      { type: 'buy', date: '2024-03-04', account: 'A', symbol: 'X', quantity: 10, price: 50 },
      { type: 'transfer_out', date: '2024-03-05', account: 'A', symbol: 'X', quantity: 10 },
      { type: 'transfer_in', date: '2024-03-06', account: 'B', symbol: 'X', quantity: 10 },
    ]);
    const prices = new Map([
      ['X', closes({ '2024-03-04': 50, '2024-03-05': 55, '2024-03-06': 60, '2024-03-07': 66 })],
    ]);
    const h = portfolioHistory({ transactions: rows, prices, calendar: nyse, to: '2024-03-07' });
    const view = h.days.map((d) => [
      d.date,
      d.value,
      d.flow,
      d.accounts.map((a) => [a.account, a.value, a.flow]),
    ]);
    expect(view).toEqual([
      ['2024-03-01', 0, 0, []],
      ['2024-03-04', 1000, 1000, [['A', 1000, 1000]]],
      // in transit: still valued in A (500 cash + 10 × 55)
      ['2024-03-05', 1050, 0, [['A', 1050, 0]]],
      // arrival: A −10 × 60, B +10 × 60, total flow 0
      [
        '2024-03-06',
        1100,
        0,
        [
          ['A', 500, -600],
          ['B', 600, 600],
        ],
      ],
      [
        '2024-03-07',
        1160,
        0,
        [
          ['A', 500, 0],
          ['B', 660, 0],
        ],
      ],
    ]);
  });

  it('values external transfers in and out at the day close, as flows of the whole portfolio', () => {
    const rows = ledgerRows([
      {
        type: 'transfer_in',
        date: '2024-03-04',
        account: 'A',
        symbol: 'X',
        quantity: 10,
        costPerShare: 40,
      },
      { type: 'transfer_out', date: '2024-03-06', account: 'A', symbol: 'X', quantity: 4 },
    ]);
    const prices = new Map([
      ['X', closes({ '2024-03-04': 50, '2024-03-05': 55, '2024-03-06': 60 })],
    ]);
    const h = portfolioHistory({ transactions: rows, prices, calendar: nyse, to: '2024-03-06' });
    // in: 10 × 50 = 500; out: −4 × 60 = −240; values 500, 550, 6 × 60 = 360.
    expect(h.days.map((d) => [d.value, d.flow])).toEqual([
      [0, 0],
      [500, 500],
      [550, 0],
      [360, -240],
    ]);
  });

  it('adds account values to the total to the cent (fractional shares, two accounts)', () => {
    const rows = ledgerRows([
      { type: 'deposit', date: '2024-03-04', account: 'IRA', amount: 1234.56 },
      {
        type: 'buy',
        date: '2024-03-04',
        account: 'IRA',
        symbol: 'X',
        quantity: 3.125,
        price: 101.37,
      },
      { type: 'deposit', date: '2024-03-04', account: 'TAX', amount: 500 },
      {
        type: 'buy',
        date: '2024-03-04',
        account: 'TAX',
        symbol: 'Y',
        quantity: 7.5,
        price: 80.01,
        fees: 1,
      },
    ]);
    const prices = new Map([
      ['X', closes({ '2024-03-04': 101.37, '2024-03-05': 99.99 })],
      ['Y', closes({ '2024-03-04': 80.01, '2024-03-05': 81.23 })],
    ]);
    const day = portfolioHistory({ transactions: rows, prices, calendar: nyse, to: '2024-03-05' })
      .days[2]!;
    // IRA: cash 1234.56 − round(3.125 × 101.37 = 316.78125) = 1234.56 − 316.78 = 917.78;
    //      + 3.125 × 99.99 = 312.46875 → 1230.24875.
    // TAX: cash 500 − 600.075 → 600.08 − 1 fee = −101.08 (margin); + 7.5 × 81.23 = 609.225 → 508.145.
    const [ira, tax] = day.accounts;
    expect(ira!.cash).toBe(917.78);
    expect(tax!.cash).toBe(-101.08);
    expect(ira!.value).toBeCloseTo(1230.24875, 9);
    expect(tax!.value).toBeCloseTo(508.145, 9);
    expect(Math.round(day.value * 100)).toBe(Math.round((1230.24875 + 508.145) * 100)); // 1738.39
    expect(Math.round(day.value * 100)).toBe(173839);
  });
});

describe('symbolsToPrice and splits of shares in transit', () => {
  it('asks only for symbols open at the base or moved in the window', () => {
    const rows = ledgerRows([
      { type: 'deposit', date: '2024-03-01', amount: 1000 },
      { type: 'buy', date: '2024-03-01', symbol: 'OLD', quantity: 1, price: 10 },
      { type: 'sell', date: '2024-03-04', symbol: 'OLD', quantity: 1, price: 11 },
      { type: 'buy', date: '2024-03-04', symbol: 'KEEP', quantity: 1, price: 10 },
      { type: 'dividend', date: '2024-03-06', symbol: 'DIV', amount: 1 },
      { type: 'buy', date: '2024-03-07', symbol: 'NEW', quantity: 1, price: 10 },
    ]);
    const common = { transactions: rows, calendar: nyse };
    expect(symbolsToPrice({ ...common, to: '2024-03-08' })).toEqual(['KEEP', 'NEW', 'OLD']);
    // From the 6th (base: the 5th): OLD was closed on the 4th; DIV is a cash row.
    expect(symbolsToPrice({ ...common, from: '2024-03-06', to: '2024-03-08' })).toEqual([
      'KEEP',
      'NEW',
    ]);
  });

  it('a split while shares are in transit multiplies them in the sender and at arrival', () => {
    const rows = ledgerRows([
      { type: 'deposit', date: '2024-03-04', account: 'A', amount: 1000 },
      { type: 'buy', date: '2024-03-04', account: 'A', symbol: 'X', quantity: 10, price: 50 },
      { type: 'transfer_out', date: '2024-03-05', account: 'A', symbol: 'X', quantity: 10 },
      { type: 'split', date: '2024-03-06', account: 'A', symbol: 'X', ratio: 2 },
      { type: 'transfer_in', date: '2024-03-07', account: 'B', symbol: 'X', quantity: 20 },
    ]);
    const prices = new Map([
      ['X', closes({ '2024-03-04': 50, '2024-03-05': 55, '2024-03-06': 30, '2024-03-07': 31 })],
    ]);
    const h = portfolioHistory({ transactions: rows, prices, calendar: nyse, to: '2024-03-07' });
    // 6th: in transit, 20 shares × 30 with A → 500 + 600; 7th: arrives, A −20 × 31, B +20 × 31.
    expect(
      h.days.map((d) => [d.value, d.accounts.map((a) => [a.account, a.value, a.flow])]),
    ).toEqual([
      [0, []],
      [1000, [['A', 1000, 1000]]],
      [1050, [['A', 1050, 0]]],
      [1100, [['A', 1100, 0]]],
      [
        1120,
        [
          ['A', 500, -620],
          ['B', 620, 620],
        ],
      ],
    ]);
  });
});

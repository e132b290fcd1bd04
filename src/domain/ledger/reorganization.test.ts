import { describe, expect, it } from 'vitest';
import { ledgerRows } from '../../../test/helpers/transactions.ts';
import { BallastError } from '../errors.ts';
import { buildLedger } from './ledger.ts';
import { summarizePositions } from './positions.ts';

/** The BallastError `fn` throws. */
function thrown(fn: () => unknown): BallastError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

const ledger = (rows: Parameters<typeof ledgerRows>[0], options = {}) =>
  buildLedger(ledgerRows(rows), options);

describe('symbol_change', () => {
  it('renames the lots in every account, keeping ids, basis and acquisition dates', () => {
    const result = ledger([
      { type: 'buy', date: '2021-05-03', symbol: 'FB', quantity: 30, price: 300, fees: 1 },
      { type: 'buy', date: '2021-06-01', symbol: 'FB', quantity: 5, price: 320, account: 'IRA' },
      { type: 'symbol_change', date: '2022-06-09', symbol: 'FB', toSymbol: 'META' },
      { type: 'sell', date: '2022-07-01', symbol: 'META', quantity: 10, price: 170 },
    ]);
    // Lot L2: 30 × 300 + 1 fee = 9,001.00 of basis; 10 of its 30 shares carry
    // 9001 × 10 / 30 = 3000.333… → 3000.33; proceeds 10 × 170 = 1,700.00; gain −1,300.33.
    // Acquired 2021-05-03, sold 2022-07-01: more than a year, long-term.
    expect(result.realized).toEqual([
      expect.objectContaining({
        lotId: 'L2',
        symbol: 'META',
        acquired: '2021-05-03',
        quantity: 10,
        proceedsCents: 170000,
        costBasisCents: 300033,
        gainCents: -130033,
        term: 'long',
      }),
    ]);
    expect(result.lots.map((l) => [l.id, l.account, l.symbol, l.quantity, l.basisCents])).toEqual([
      ['L2', 'DEFAULT', 'META', 20, 900100 - 300033],
      ['L3', 'IRA', 'META', 5, 160000],
    ]);
    // Nothing of FB is left, and no cash moved on the symbol change.
    expect(result.cashCents.get('IRA')).toBe(-160000);
  });

  it('joins an existing holding of the new symbol, lots in acquisition order (FIFO)', () => {
    const result = ledger([
      { type: 'buy', date: '2022-01-03', symbol: 'NEW', quantity: 2, price: 50 },
      { type: 'buy', date: '2022-01-04', symbol: 'OLD', quantity: 4, price: 10, line: 5 },
      { type: 'symbol_change', date: '2022-02-01', symbol: 'OLD', toSymbol: 'NEW', line: 6 },
      // Closes L2 (acquired first, 2 × 50 = 100) then 1 share of L5 (10): cost 110.
      { type: 'sell', date: '2022-03-01', symbol: 'NEW', quantity: 3, price: 60, line: 7 },
    ]);
    expect(result.realized.map((r) => [r.lotId, r.quantity, r.costBasisCents])).toEqual([
      ['L2', 2, 10000],
      ['L5', 1, 1000],
    ]);
    expect(result.lots.map((l) => [l.id, l.symbol, l.quantity])).toEqual([['L5', 'NEW', 3]]);
  });

  it('is refused while shares of the old symbol are in transfer', () => {
    const error = thrown(() =>
      ledger([
        { type: 'buy', date: '2022-01-03', symbol: 'FB', quantity: 2, price: 50 },
        { type: 'transfer_out', date: '2022-01-04', symbol: 'FB', quantity: 2 },
        { type: 'symbol_change', date: '2022-02-01', symbol: 'FB', toSymbol: 'META' },
      ]),
    );
    expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { line: 4, column: 'symbol' } });
  });
});

describe('merger', () => {
  it('stock only: quantity × ratio, the whole basis and the date carried over', () => {
    const result = ledger([
      { type: 'buy', date: '2020-03-02', symbol: 'OLD', quantity: 100, price: 10 },
      { type: 'merger', date: '2021-03-01', symbol: 'OLD', toSymbol: 'NEW', ratio: 0.5 },
    ]);
    expect(result.realized).toEqual([]);
    expect(result.lots).toEqual([
      expect.objectContaining({
        id: 'L2',
        symbol: 'NEW',
        acquired: '2020-03-02',
        quantity: 50,
        basisCents: 100000,
      }),
    ]);
  });

  it('stock and cash: the basis is split pro rata by value and the cash part realises a gain', () => {
    // 100 OLD bought at 10 (basis 1,000). Merger: 0.5 NEW + 4.00 cash per OLD, NEW worth 24.
    // Cash 100 × 4 = 400; new shares 50 × 24 = 1,200; the cash is 400 / 1,600 = 25 % of the value,
    // so it takes 25 % of the basis (250) and realises 400 − 250 = +150 (at most the cash).
    // The 50 NEW keep 750 (15 per share) and the 2020-03-02 date: long-term by 2021-03-03.
    const result = ledger([
      { type: 'buy', date: '2020-03-02', symbol: 'OLD', quantity: 100, price: 10 },
      {
        type: 'merger',
        date: '2021-03-03',
        symbol: 'OLD',
        toSymbol: 'NEW',
        ratio: 0.5,
        cashPerShare: 4,
        toPrice: 24,
      },
    ]);
    expect(result.realized).toEqual([
      expect.objectContaining({
        lotId: 'L2',
        symbol: 'OLD',
        quantity: 25,
        proceedsCents: 40000,
        costBasisCents: 25000,
        gainCents: 15000,
        term: 'long',
        kind: 'sale',
      }),
    ]);
    expect(result.lots).toEqual([
      expect.objectContaining({ id: 'L2', symbol: 'NEW', quantity: 50, basisCents: 75000 }),
    ]);
    expect(result.cashCents.get('DEFAULT')).toBe(-100000 + 40000);
    expect(result.lastTrade.get('NEW')).toEqual({ price: 24, date: '2021-03-03' });
  });

  it('shares the cash between lots by shares, the remainder on the last lot, per account', () => {
    // Lots: 1 share at 30 and 2 shares at 3 (basis 3,000 and 600 cents); cash 1.01 per share:
    // 3 × 1.01 = 3.03 → 1 share gets 3.03 × 1/3 = 1.01, the last lot 3.03 − 1.01 = 2.02.
    // Value: 1-for-1 at 9.99 → 29.97 → 9.99 and 19.98.
    // Lot 1: 101 / (101 + 999) = 0.0918…, × 3,000 = 275.45… → 275; gain 101 − 275 = −174.
    // Lot 2: 202 / (202 + 1998) = 0.0918…, × 600 = 55.09… → 55; gain 202 − 55 = 147.
    const result = ledger([
      { type: 'buy', date: '2024-01-02', symbol: 'OLD', quantity: 1, price: 30 },
      { type: 'buy', date: '2024-01-03', symbol: 'OLD', quantity: 2, price: 3 },
      {
        type: 'merger',
        date: '2024-06-03',
        symbol: 'OLD',
        toSymbol: 'NEW',
        ratio: 1,
        cashPerShare: 1.01,
        toPrice: 9.99,
      },
    ]);
    expect(
      result.realized.map((r) => [r.lotId, r.proceedsCents, r.costBasisCents, r.gainCents]),
    ).toEqual([
      ['L2', 101, 275, -174],
      ['L3', 202, 55, 147],
    ]);
    expect(result.lots.map((l) => [l.id, l.quantity, l.basisCents])).toEqual([
      ['L2', 1, 3000 - 275],
      ['L3', 2, 600 - 55],
    ]);
    const positions = summarizePositions(result);
    expect(positions.realizedTotal.shortTerm).toBe(-1.74 + 1.47);
  });

  it('refuses cash on a short position', () => {
    const error = thrown(() =>
      ledger([
        { type: 'sell', date: '2024-01-02', symbol: 'OLD', quantity: 1, price: 30 },
        {
          type: 'merger',
          date: '2024-06-03',
          symbol: 'OLD',
          toSymbol: 'NEW',
          ratio: 1,
          cashPerShare: 1,
          toPrice: 9,
        },
      ]),
    );
    expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { line: 3 } });
  });
});

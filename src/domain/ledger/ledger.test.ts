import { describe, expect, it } from 'vitest';
import { ledgerRows } from '../../../test/helpers/transactions.ts';
import type { BallastError } from '../errors.ts';
import { buildLedger } from './ledger.ts';
import { summarizePositions } from './positions.ts';

const report = (rows: Parameters<typeof ledgerRows>[0], options = {}) =>
  summarizePositions(buildLedger(ledgerRows(rows), options));

describe('docs/conventions.md worked examples', () => {
  it('a partial sale keeps the remaining basis per share and realises the difference', () => {
    // buy 100 @ 10, sell 50 @ 20 → 50 left at 10, realised 50 × (20 − 10) = +500, cash +1000.
    const r = report([
      { type: 'buy', date: '2024-01-02', symbol: 'ABC', quantity: 100, price: 10 },
      { type: 'sell', date: '2024-02-01', symbol: 'ABC', quantity: 50, price: 20 },
    ]);
    expect(r.positions).toHaveLength(1);
    expect(r.positions[0]).toMatchObject({
      quantity: 50,
      costBasisPerShare: 10,
      costBasisTotal: 500,
    });
    expect(r.realizedTotal.total).toBe(500);
    expect(r.cash['DEFAULT']).toBe(-1000 + 1000); // −100 × 10 + 50 × 20
  });

  it('covering half a short realises the gain on the short lot basis', () => {
    // short 100 @ 400, buy 50 @ 380 → −50 @ 400, realised 50 × (400 − 380) = +1000.
    const r = report([
      { type: 'sell', date: '2024-01-02', symbol: 'XYZ', quantity: 100, price: 400 },
      { type: 'buy', date: '2024-01-09', symbol: 'XYZ', quantity: 50, price: 380 },
    ]);
    expect(r.positions[0]).toMatchObject({ quantity: -50, costBasisPerShare: 400 });
    expect(r.realized).toEqual([
      expect.objectContaining({
        quantity: 50,
        proceeds: 20000,
        costBasis: 19000,
        gain: 1000,
        term: 'short',
      }),
    ]);
  });

  it('selling past zero flips the position into a short at the sale price', () => {
    // long 100 @ 10, sell 150 @ 20 → −50 @ 20, realised 100 × (20 − 10) = +1000.
    const r = report([
      { type: 'buy', date: '2024-01-02', symbol: 'ABC', quantity: 100, price: 10 },
      { type: 'sell', date: '2024-01-03', symbol: 'ABC', quantity: 150, price: 20 },
    ]);
    expect(r.positions[0]).toMatchObject({
      quantity: -50,
      costBasisPerShare: 20,
      costBasisTotal: -1000,
    });
    expect(r.realizedTotal.total).toBe(1000);
    expect(r.cash['DEFAULT']).toBe(-1000 + 3000);
  });
});

describe('lot relief methods on the same three lots', () => {
  // L2: 10 @ 100 (2023-01-10), L3: 10 @ 150 (2023-06-10), L4: 10 @ 120 (2023-09-10);
  // then sell 15 @ 160 on 2024-03-01 (proceeds 2400).
  const rows = [
    { type: 'buy', date: '2023-01-10', symbol: 'ABC', quantity: 10, price: 100 },
    { type: 'buy', date: '2023-06-10', symbol: 'ABC', quantity: 10, price: 150 },
    { type: 'buy', date: '2023-09-10', symbol: 'ABC', quantity: 10, price: 120 },
    { type: 'sell', date: '2024-03-01', symbol: 'ABC', quantity: 15, price: 160 },
  ] as const;
  const gains = (method: 'fifo' | 'lifo' | 'hifo' | 'average') =>
    report([...rows], { lotMethod: method }).realized.map((s) => [
      s.lotId,
      s.quantity,
      s.gain,
      s.term,
    ]);

  it('FIFO sells the oldest lots: L2 10 × (160 − 100) long-term + L3 5 × (160 − 150)', () => {
    expect(gains('fifo')).toEqual([
      ['L2', 10, 600, 'long'],
      ['L3', 5, 50, 'short'],
    ]);
  });

  it('LIFO sells the newest lots: L4 10 × (160 − 120) + L3 5 × 10', () => {
    expect(gains('lifo')).toEqual([
      ['L4', 10, 400, 'short'],
      ['L3', 5, 50, 'short'],
    ]);
  });

  it('HIFO sells the most expensive lots: L3 10 × 10 + L4 5 × 40', () => {
    expect(gains('hifo')).toEqual([
      ['L3', 10, 100, 'short'],
      ['L4', 5, 200, 'short'],
    ]);
  });

  it('average cost relieves 15 × 3700/30 = 1850 of basis, shares leaving first-in first-out', () => {
    const r = report([...rows], { lotMethod: 'average' });
    expect(r.realizedTotal.total).toBe(2400 - 1850);
    expect(r.realized.map((s) => s.lotId)).toEqual(['L2', 'L3']);
    // remaining 15 shares carry the same average basis: 3700 − 1850 = 1850
    expect(r.positions[0]!.costBasisTotal).toBe(1850);
  });

  it('specific identification closes the listed lots in the order given', () => {
    const r = report([
      ...rows.slice(0, 3),
      {
        type: 'sell',
        date: '2024-03-01',
        symbol: 'ABC',
        quantity: 15,
        price: 160,
        lots: ['L4', 'L2'],
      },
    ]);
    expect(r.realized.map((s) => [s.lotId, s.quantity, s.gain])).toEqual([
      ['L4', 10, 400],
      ['L2', 5, 300],
    ]);
    expect(r.positions[0]!.lots.map((l) => [l.id, l.quantity])).toEqual([
      ['L2', 5],
      ['L3', 10],
    ]);
  });

  it('the specific method without listed lots falls back to FIFO', () => {
    expect(report([...rows], { lotMethod: 'specific' }).realizedTotal.total).toBe(650);
  });
});

describe('holding period', () => {
  const sellOn = (date: string) =>
    report([
      { type: 'buy', date: '2023-03-15', symbol: 'ABC', quantity: 1, price: 10 },
      { type: 'sell', date, symbol: 'ABC', quantity: 1, price: 12 },
    ]).realized[0]!.term;

  it('is short-term on the first anniversary and long-term the day after', () => {
    expect(sellOn('2024-03-15')).toBe('short');
    expect(sellOn('2024-03-16')).toBe('long');
  });
});

describe('splits, fees, income and transfers', () => {
  it('a 2-for-1 split doubles the shares, halves the cost per share and keeps basis and dates', () => {
    const r = report([
      { type: 'buy', date: '2021-05-03', symbol: 'UPRO', quantity: 30, price: 100, fees: 1 },
      { type: 'split', date: '2022-01-13', symbol: 'UPRO', ratio: 2 },
    ]);
    const p = r.positions[0]!;
    expect(p.quantity).toBe(60);
    expect(p.costBasisTotal).toBe(3001);
    expect(p.lots[0]).toMatchObject({ id: 'L2', acquired: '2021-05-03', costPerShare: 3001 / 60 });
  });

  it('buy fees join the basis and sell fees reduce the proceeds', () => {
    const r = report([
      { type: 'buy', date: '2024-01-02', symbol: 'ABC', quantity: 10, price: 10, fees: 5 },
      { type: 'sell', date: '2024-01-03', symbol: 'ABC', quantity: 10, price: 12, fees: 5 },
    ]);
    // basis 100 + 5 = 105, proceeds 120 − 5 = 115, gain 10; cash −105 + 115 = +10.
    expect(r.realized[0]).toMatchObject({ proceeds: 115, costBasis: 105, gain: 10 });
    expect(r.cash['DEFAULT']).toBe(10);
  });

  it('books deposits, withdrawals, dividends, margin interest and fees in cash', () => {
    const r = report([
      { type: 'deposit', date: '2024-01-02', amount: 1000 },
      { type: 'withdrawal', date: '2024-01-03', amount: 100 },
      { type: 'dividend', date: '2024-01-04', symbol: 'ABC', amount: 12.5 },
      { type: 'interest', date: '2024-01-05', amount: -3.25 },
      { type: 'fee', date: '2024-01-06', amount: 20 },
    ]);
    expect(r.cash['DEFAULT']).toBe(1000 - 100 + 12.5 - 3.25 - 20);
    expect(r.income).toEqual({ dividends: 12.5, interest: -3.25, fees: 20 });
    expect(r.netContributions).toBe(900);
  });

  it('a reinvested dividend is income and a new lot, without moving cash', () => {
    const r = report([
      { type: 'reinvest', date: '2024-01-04', symbol: 'ABC', quantity: 0.5, price: 50 },
    ]);
    expect(r.income.dividends).toBe(25);
    expect(r.positions[0]).toMatchObject({ quantity: 0.5, costBasisTotal: 25 });
    expect(r.cash['DEFAULT']).toBe(0);
  });

  it('moves lots between accounts with their original dates and basis', () => {
    const r = report([
      {
        type: 'buy',
        date: '2022-01-03',
        symbol: 'ABC',
        quantity: 10,
        price: 10,
        account: 'TAXABLE',
      },
      { type: 'transfer_out', date: '2024-01-02', symbol: 'ABC', quantity: 10, account: 'TAXABLE' },
      { type: 'transfer_in', date: '2024-01-02', symbol: 'ABC', quantity: 10, account: 'MARGIN' },
    ]);
    expect(r.positions).toEqual([
      expect.objectContaining({ account: 'MARGIN', quantity: 10, costBasisTotal: 100 }),
    ]);
    expect(r.positions[0]!.lots[0]).toMatchObject({ id: 'L2', acquired: '2022-01-03' });
  });

  it('a transfer in from outside creates a lot at the stated cost and acquisition date', () => {
    const r = report([
      {
        type: 'transfer_in',
        date: '2024-01-02',
        symbol: 'ABC',
        quantity: 4,
        costPerShare: 25,
        acquired: '2019-06-03',
      },
      { type: 'sell', date: '2024-02-01', symbol: 'ABC', quantity: 4, price: 30 },
    ]);
    expect(r.realized[0]).toMatchObject({ gain: 20, term: 'long', acquired: '2019-06-03' });
  });

  it('return of capital lowers basis and realises a gain once basis reaches zero', () => {
    const r = report([
      { type: 'buy', date: '2020-01-02', symbol: 'ABC', quantity: 10, price: 1 },
      { type: 'return_of_capital', date: '2024-01-02', symbol: 'ABC', amount: 4 },
      { type: 'return_of_capital', date: '2024-06-03', symbol: 'ABC', amount: 8 },
    ]);
    // basis 10 − 4 = 6, then 6 − 8 → 0 with 2 realised as a long-term gain.
    expect(r.positions[0]!.costBasisTotal).toBe(0);
    expect(r.realized).toEqual([expect.objectContaining({ gain: 2, term: 'long', quantity: 0 })]);
    expect(r.cash['DEFAULT']).toBe(-10 + 12);
  });

  it('as-of ignores later transactions', () => {
    const r = report(
      [
        { type: 'buy', date: '2024-01-02', symbol: 'ABC', quantity: 10, price: 10 },
        { type: 'sell', date: '2024-03-01', symbol: 'ABC', quantity: 10, price: 12 },
      ],
      { asOf: '2024-02-01' },
    );
    expect(r.asOf).toBe('2024-02-01');
    expect(r.positions[0]!.quantity).toBe(10);
    expect(r.realized).toEqual([]);
  });
});

describe('bad ledgers are rejected with a code and the line', () => {
  const fails = (rows: Parameters<typeof ledgerRows>[0]) => {
    try {
      buildLedger(ledgerRows(rows));
    } catch (e) {
      return e as BallastError;
    }
    throw new Error('expected an error');
  };

  it('a date out of order', () => {
    const e = fails([
      { type: 'deposit', date: '2024-02-01', amount: 1 },
      { type: 'deposit', date: '2024-01-01', amount: 1 },
    ]);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details).toMatchObject({ line: 3, column: 'date', value: '2024-01-01' });
  });

  it('a sale of a lot id that does not exist', () => {
    const e = fails([
      { type: 'buy', date: '2024-01-02', symbol: 'ABC', quantity: 10, price: 10 },
      { type: 'sell', date: '2024-01-03', symbol: 'ABC', quantity: 5, price: 10, lots: ['L9'] },
    ]);
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toContain('line 3');
    expect(e.message).toContain('L9');
  });

  it('listed lots that hold fewer shares than the sale', () => {
    const e = fails([
      { type: 'buy', date: '2024-01-02', symbol: 'ABC', quantity: 10, price: 10 },
      { type: 'buy', date: '2024-01-02', symbol: 'ABC', quantity: 10, price: 10 },
      { type: 'sell', date: '2024-01-03', symbol: 'ABC', quantity: 15, price: 10, lots: ['L2'] },
    ]);
    expect(e.code).toBe('INVALID_INPUT');
  });

  it('lots listed on a buy that closes nothing', () => {
    expect(
      fails([{ type: 'buy', date: '2024-01-02', symbol: 'A', quantity: 1, price: 1, lots: ['L1'] }])
        .code,
    ).toBe('INVALID_INPUT');
  });

  it('a transfer out of more than is held, and a transfer in with no source', () => {
    expect(
      fails([{ type: 'transfer_out', date: '2024-01-02', symbol: 'A', quantity: 1 }]).code,
    ).toBe('INVALID_INPUT');
    expect(
      fails([{ type: 'transfer_in', date: '2024-01-02', symbol: 'A', quantity: 1 }]).code,
    ).toBe('INVALID_INPUT');
  });

  it('a return of capital on a symbol not held', () => {
    expect(
      fails([{ type: 'return_of_capital', date: '2024-01-02', symbol: 'A', amount: 1 }]).code,
    ).toBe('INVALID_INPUT');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import { portfolioAppend } from './portfolio-append.ts';
import { portfolioCreate } from './portfolio-create.ts';
import { portfolioPositions } from './portfolio-positions.ts';
import { portfolioTransactionUpdate } from './portfolio-transaction-update.ts';
import { portfolioTransactions } from './portfolio-transactions.ts';

const HEADER = 'date,type,symbol,quantity,price,amount,fees,account,lots';
/** Lines 2–5: deposit $10 000; buy VTI 10 @ 100 (L3); buy VTI 5 @ 120 (L4); sell 4 of L3 @ 130. */
const LEDGER = [
  HEADER,
  '2024-01-02,deposit,,,,10000,,A,',
  '2024-01-03,buy,VTI,10,100,,,A,',
  '2024-02-01,buy,VTI,5,120,,,A,',
  '2024-03-01,sell,VTI,4,130,,,A,L3',
].join('\n');

let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps();
  await portfolioCreate({ name: 'main' }, deps);
  await portfolioAppend({ portfolio: 'main', csv: { text: LEDGER, name: 'ledger.csv' } }, deps);
});
afterEach(async () => {
  await deps.close();
});

const stored = async () => (await portfolioTransactions({ portfolio: 'main' }, deps)).transactions;
const lots = async () =>
  (await portfolioPositions({ portfolio: 'main' }, deps)).positions.flatMap((p) =>
    p.lots.map((l) => [l.id, l.quantity, l.costPerShare]),
  );
const cash = async () => (await portfolioPositions({ portfolio: 'main' }, deps)).cash;

describe('portfolioTransactionUpdate: one row replaced in place', () => {
  it('replaces a row with a JSON transaction; the row keeps its line and lot id', async () => {
    const before = await stored();
    const doc = await portfolioTransactionUpdate(
      {
        portfolio: 'main',
        line: 4,
        transaction: {
          date: '2024-02-01',
          type: 'buy',
          symbol: 'VTI',
          quantity: 6,
          price: 110,
          account: 'A',
        },
      },
      deps,
    );
    expect(doc).toMatchObject({
      portfolio: { name: 'main' },
      line: 4,
      previous: before[2],
      transaction: { type: 'buy', quantity: 6, price: 110, feesCents: 0, source: { line: 4 } },
      transactions: 4,
    });
    expect((await stored()).map((t) => t.source.line)).toEqual([2, 3, 4, 5]);
    // L3: 10 − 4 sold = 6 @ 100; L4 is now 6 @ 110
    expect(await lots()).toEqual([
      ['L3', 6, 100],
      ['L4', 6, 110],
    ]);
    // 10 000 − 10 × 100 − 6 × 110 + 4 × 130 = 10 000 − 1 000 − 660 + 520 = 8 860
    expect(await cash()).toEqual({ A: 8860 });
  });

  it('applies changes given as transactions-CSV cells to the stored row', async () => {
    await portfolioTransactionUpdate(
      { portfolio: 'main', line: 3, changes: { quantity: '8', fees: '1.50' } },
      deps,
    );
    const row = (await stored())[1];
    expect(row).toEqual({
      date: '2024-01-03',
      type: 'buy',
      symbol: 'VTI',
      quantity: 8,
      price: 100,
      account: 'A',
      feesCents: 150,
      source: { line: 3 },
    });
    // 10 000 − (8 × 100 + 1.50) − 5 × 120 + 4 × 130 = 10 000 − 801.50 − 600 + 520 = 9 118.50
    expect(await cash()).toEqual({ A: 9118.5 });
    // L3: 8 − 4 = 4 shares; basis 801.50 × 4/8 = 400.75 → 100.1875 a share
    expect((await lots())[0]).toEqual(['L3', 4, 100.1875]);
    // a type change: the deposit on line 2 becomes a dividend of $10 000 (cells the type does
    // not use are ignored, as in a file)
    await portfolioTransactionUpdate(
      { portfolio: 'main', line: 2, changes: { type: 'dividend', symbol: 'VTI' } },
      deps,
    );
    expect((await stored())[0]).toEqual({
      date: '2024-01-02',
      type: 'dividend',
      symbol: 'VTI',
      amountCents: 1_000_000,
      account: 'A',
      feesCents: 0,
      source: { line: 2 },
    });
  });

  it('refuses an edit that breaks a later row with that row’s error; nothing changes', async () => {
    const before = await stored();
    // L3 cut to 3 shares: the sale on line 5 lists L3 for 4
    const short = await rejection(
      portfolioTransactionUpdate({ portfolio: 'main', line: 3, changes: { quantity: '3' } }, deps),
    );
    expect(short.code).toBe('INVALID_INPUT');
    expect(short.message).toBe(
      'portfolio main:5: lots: the listed lots hold 3 of the 4 VTI shares to close',
    );
    expect(short.details).toMatchObject({ field: 'lots', line: 5, column: 'lots' });
    // the sale itself past its listed lot: 11 of L3's 10
    const over = await rejection(
      portfolioTransactionUpdate({ portfolio: 'main', line: 5, changes: { quantity: '11' } }, deps),
    );
    expect(over.message).toBe(
      'portfolio main:5: lots: the listed lots hold 10 of the 11 VTI shares to close',
    );
    // a transfer out of more than the account holds (10 + 5 = 15)
    const out = await rejection(
      portfolioTransactionUpdate(
        {
          portfolio: 'main',
          line: 5,
          transaction: {
            date: '2024-03-01',
            type: 'transfer_out',
            symbol: 'VTI',
            quantity: 20,
            account: 'A',
          },
        },
        deps,
      ),
    );
    expect(out.message).toBe(
      'portfolio main:5: quantity: transfer_out of 20 VTI from account A which holds 15',
    );
    expect(out.details).toMatchObject({ field: 'quantity', line: 5 });
    expect(await stored()).toEqual(before);
  });

  it('lets a sale without listed lots go past the holding: it opens a short, as in a file', async () => {
    // docs/conventions.md: selling past zero opens a short (long 15, sell 20 → −5)
    await portfolioTransactionUpdate(
      { portfolio: 'main', line: 5, changes: { quantity: '20', lots: '' } },
      deps,
    );
    const position = (await portfolioPositions({ portfolio: 'main' }, deps)).positions[0];
    expect(position?.quantity).toBe(-5);
  });

  it('names the JSON field and the line of a bad value', async () => {
    const buy = {
      date: '2024-02-01',
      type: 'buy',
      symbol: 'VTI',
      quantity: 5,
      price: 120,
      account: 'A',
    };
    const cases: [Record<string, unknown>, string, unknown][] = [
      [{ ...buy, quantity: -5 }, 'quantity', -5],
      [{ ...buy, price: 'cheap' }, 'price', 'cheap'],
      [{ ...buy, date: '2024-13-01' }, 'date', '2024-13-01'],
      [{ ...buy, type: 'swap' }, 'type', 'swap'],
      [{ ...buy, symbol: '' }, 'symbol', ''],
      [{ ...buy, account: '  ' }, 'account', '  '],
      [{ ...buy, feesCents: 1.5 }, 'feesCents', 1.5],
      [{ ...buy, amountCents: 100 }, 'amountCents', 100], // not a field of a buy
      [{ date: '2024-02-01', type: 'deposit', account: 'A', amountCents: -1 }, 'amountCents', -1],
      [{ ...buy, source: { line: 9 } }, 'source.line', 9],
    ];
    for (const [transaction, field, value] of cases) {
      const error = await rejection(
        portfolioTransactionUpdate({ portfolio: 'main', line: 4, transaction }, deps),
      );
      expect([error.code, error.details['field'], error.details['value']], field).toEqual([
        'INVALID_INPUT',
        field,
        value,
      ]);
      expect(error.message, field).toMatch(new RegExp(`^${field.replace('.', '\\.')}: .*line 4`));
      expect(error.details['line'], field).toBe(4);
    }
    // changes name the CSV column (amounts in dollars)
    const amount = await rejection(
      portfolioTransactionUpdate({ portfolio: 'main', line: 2, changes: { amount: 'ten' } }, deps),
    );
    expect([amount.message, amount.details['field']]).toEqual([
      'amount: not a number (got "ten") (line 2 of portfolio main)',
      'amount',
    ]);
  });

  it('refuses a date that would move the row out of date order, naming date', async () => {
    // line 4 dated after line 5's 2024-03-01
    const late = await rejection(
      portfolioTransactionUpdate(
        { portfolio: 'main', line: 4, changes: { date: '2024-04-01' } },
        deps,
      ),
    );
    expect(late.code).toBe('INVALID_INPUT');
    expect(late.details).toMatchObject({ field: 'date', value: '2024-04-01', line: 4 });
    expect(late.message).toMatch(/^date: 2024-04-01 is after 2024-03-01, the date of line 5;/);
    const early = await rejection(
      portfolioTransactionUpdate(
        { portfolio: 'main', line: 3, changes: { date: '2024-01-01' } },
        deps,
      ),
    );
    expect(early.message).toMatch(/^date: 2024-01-01 is before 2024-01-02, the date of line 2;/);
    // the same date as a neighbour is in order
    await portfolioTransactionUpdate(
      { portfolio: 'main', line: 4, changes: { date: '2024-03-01' } },
      deps,
    );
    expect((await stored())[2]?.date).toBe('2024-03-01');
  });

  it('is NOT_FOUND naming line for a line with no row, and needs transaction or changes', async () => {
    const missing = await rejection(
      portfolioTransactionUpdate({ portfolio: 'main', line: 9, changes: { quantity: '1' } }, deps),
    );
    expect([missing.code, missing.message, missing.details['field']]).toEqual([
      'NOT_FOUND',
      'line: no transaction on line 9 of portfolio "main"',
      'line',
    ]);
    const zero = await rejection(
      portfolioTransactionUpdate({ portfolio: 'main', line: 0, changes: {} }, deps),
    );
    expect([zero.code, zero.details['field']]).toEqual(['INVALID_INPUT', 'line']);
    const neither = await rejection(
      portfolioTransactionUpdate({ portfolio: 'main', line: 3 }, deps),
    );
    expect(neither.details['field']).toBe('transaction');
    const unknown = await rejection(
      portfolioTransactionUpdate(
        { portfolio: 'main', line: 3, changes: { colour: 'red' } as never },
        deps,
      ),
    );
    expect(unknown.details['field']).toBe('changes.colour');
    const ghost = await rejection(
      portfolioTransactionUpdate({ portfolio: 'ghost', line: 3, changes: {} }, deps),
    );
    expect([ghost.code, ghost.details['field']]).toEqual(['NOT_FOUND', 'portfolio']);
  });

  it('grows the data version, as an append does', async () => {
    const store = await deps.store();
    const version = await store.dataVersion();
    await portfolioTransactionUpdate(
      { portfolio: 'main', line: 3, changes: { price: '101' } },
      deps,
    );
    expect(await store.dataVersion()).not.toBe(version);
  });
});

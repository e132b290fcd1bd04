import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import { portfolioAppend } from './portfolio-append.ts';
import { portfolioAppendPreview } from './portfolio-append-preview.ts';
import { portfolioCreate } from './portfolio-create.ts';
import { portfolioTransactions } from './portfolio-transactions.ts';

const HEADER = 'date,type,symbol,quantity,price,amount,fees,account,lots';
const csv = (...rows: string[]) => ({ text: [HEADER, ...rows].join('\n'), name: 'upload.csv' });

let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps();
  await portfolioCreate({ name: 'main' }, deps);
  // stored lines 2 and 3: deposit $10 000, buy VTI 10 @ 100 (lot L3)
  await portfolioAppend(
    {
      portfolio: 'main',
      csv: csv('2024-01-02,deposit,,,,10000,,A,', '2024-01-03,buy,VTI,10,100,,,A,'),
    },
    deps,
  );
});
afterEach(async () => {
  await deps.close();
});

const stored = async () => (await portfolioTransactions({ portfolio: 'main' }, deps)).transactions;

describe('portfolioAppendPreview: every row’s fate, nothing stored', () => {
  it('lists each CSV row: read errors, ledger errors at the row where they occur, and the rows that pass', async () => {
    const before = await stored();
    const doc = await portfolioAppendPreview(
      {
        portfolio: 'main',
        csv: csv(
          '2024-02-01,buy,VTI,5,120,,,A,', //               line 2: ok (stored on 2 + 2 = 4)
          '2024-02-02,buy,VTI,ten,120,,,A,', //             line 3: quantity does not read
          '2024-02-03,sell,VTI,3,130,,,A,L9', //            line 4: lot L9 is not open
          '2024-01-01,deposit,,,,100,,A,', //               line 5: before line 2's 2024-02-01
          '2024-02-05,transfer_out,VTI,20,,,,A,', //        line 6: A holds 10 + 5 = 15
          '2024-02-06,sell,VTI,2,130,,,A,L3', //            line 7: ok
          '2024-02-07,deposit,,,,5,,A,,,extra', //          line 8: 11 cells, the header has 9
          '2024-02-08,dividend,VTI,,,1.5,,A,', //           line 9: ok
        ),
      },
      deps,
    );
    expect(doc).toMatchObject({
      portfolio: { name: 'main' },
      dryRun: true,
      valid: 3,
      invalid: 5,
      transactions: 2,
    });
    expect(doc.rows.map((r) => [r.line, r.storedLine, r.ok, r.error?.field ?? null])).toEqual([
      [2, 4, true, null],
      [3, 5, false, 'quantity'],
      [4, 6, false, 'lots'],
      [5, 7, false, 'date'],
      [6, 8, false, 'quantity'],
      [7, 9, true, null],
      [8, 10, false, null],
      [9, 11, true, null],
    ]);
    expect(doc.rows[0]?.transaction).toEqual({
      date: '2024-02-01',
      type: 'buy',
      symbol: 'VTI',
      quantity: 5,
      price: 120,
      account: 'A',
      feesCents: 0,
      source: { line: 4 },
    });
    expect(doc.rows[8 - 2]?.transaction).toBeUndefined();
    expect(doc.rows.map((r) => r.error && [r.error.code, r.error.message])).toEqual([
      undefined,
      ['INVALID_INPUT', 'upload.csv:3: column "quantity": not a number (got "ten")'],
      [
        'NOT_FOUND',
        'upload.csv:4: lots: lot "L9" is not an open long lot of VTI in account A (line 6 of the ledger once appended)',
      ],
      [
        'INVALID_INPUT',
        "upload.csv:5: date: 2024-01-01 is before the previous row's 2024-02-01; transactions must be in date order (line 7 of the ledger once appended)",
      ],
      [
        'INVALID_INPUT',
        'upload.csv:6: quantity: transfer_out of 20 VTI from account A which holds 15 (line 8 of the ledger once appended)',
      ],
      undefined,
      ['INVALID_INPUT', 'upload.csv:8: 11 cells but the header has 9 columns'],
      undefined,
    ]);
    // a row the ledger refuses still shows the transaction it reads as
    expect(doc.rows[2]?.transaction).toMatchObject({ type: 'sell', lots: ['L9'] });
    expect(await stored()).toEqual(before);
  });

  it('checks JSON transactions as the append does, naming their JSON fields', async () => {
    const doc = await portfolioAppendPreview(
      {
        portfolio: 'main',
        transactions: [
          { date: '2024-02-01', type: 'deposit', account: 'A', amountCents: 500 },
          { date: '2024-02-02', type: 'buy', symbol: 'VTI', quantity: -1, price: 1, account: 'A' },
          {
            date: '2024-02-03',
            type: 'sell',
            symbol: 'VTI',
            quantity: 1,
            price: 1,
            account: 'A',
            lots: ['L99'],
          },
          { date: '2024-02-04', type: 'fee', account: 'A', amountCents: 'a lot' },
        ],
      },
      deps,
    );
    // numbered after the stored line 3: 4, 5, 6, 7
    expect(doc.rows.map((r) => [r.line, r.ok, r.error?.field ?? null])).toEqual([
      [4, true, null],
      [5, false, 'quantity'],
      [6, false, 'lots'],
      [7, false, 'amountCents'],
    ]);
    expect(doc.rows[1]?.error?.message).toBe('quantity: must be a number > 0 (got -1) (line 5)');
    expect(doc.rows[2]?.error).toEqual({
      code: 'NOT_FOUND',
      message: 'line 6: lots: lot "L99" is not an open long lot of VTI in account A',
      field: 'lots',
    });
    expect([doc.valid, doc.invalid]).toEqual([1, 3]);
  });

  it('fails as the append does when the file itself does not read', async () => {
    const empty = await rejection(portfolioAppendPreview({ portfolio: 'main', csv: csv() }, deps));
    expect([empty.code, empty.message]).toEqual([
      'INVALID_INPUT',
      'upload.csv: no transactions after the header',
    ]);
    const header = await rejection(
      portfolioAppendPreview(
        { portfolio: 'main', csv: { text: 'date,kind\n2024-01-01,x', name: 'h.csv' } },
        deps,
      ),
    );
    expect(header.message).toMatch(/^h\.csv:1: missing column "type"/);
    const ghost = await rejection(portfolioAppendPreview({ portfolio: 'ghost', csv: csv() }, deps));
    expect(ghost.code).toBe('NOT_FOUND');
  });
});

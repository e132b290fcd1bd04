import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import { portfolioAppend } from './portfolio-append.ts';
import { portfolioCreate } from './portfolio-create.ts';
import { portfolioPositions } from './portfolio-positions.ts';
import { portfolioTransactionDelete } from './portfolio-transaction-delete.ts';
import { portfolioTransactions } from './portfolio-transactions.ts';

const HEADER = 'date,type,symbol,quantity,price,amount,fees,account,lots';
/**
 * Lines 2–7: deposit $10 000; buy VTI 10 @ 100 (L3); buy VTI 5 @ 120 (L4); sell 4 of L3 @ 130;
 * 2 VTI moved from A to B (out, then in).
 */
const LEDGER = [
  HEADER,
  '2024-01-02,deposit,,,,10000,,A,',
  '2024-01-03,buy,VTI,10,100,,,A,',
  '2024-02-01,buy,VTI,5,120,,,A,',
  '2024-03-01,sell,VTI,4,130,,,A,L3',
  '2024-04-01,transfer_out,VTI,2,,,,A,L4',
  '2024-04-02,transfer_in,VTI,2,,,,B,',
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

describe('portfolioTransactionDelete: one row removed, the others keep their lines', () => {
  it('deletes a row no later row needs', async () => {
    const before = await stored();
    const doc = await portfolioTransactionDelete({ portfolio: 'main', line: 2 }, deps);
    expect(doc).toEqual({
      portfolio: expect.objectContaining({ name: 'main' }),
      line: 2,
      deleted: before[0],
      transactions: 5,
    });
    expect((await stored()).map((t) => t.source.line)).toEqual([3, 4, 5, 6, 7]);
    // without the deposit: 0 − 1 000 − 600 + 520 = −1 080 in A (a margin loan)
    expect((await portfolioPositions({ portfolio: 'main' }, deps)).cash).toEqual({
      A: -1080,
      B: 0,
    });
  });

  it('refuses to delete a buy a later sale lists, naming the sale’s lots; nothing changes', async () => {
    const before = await stored();
    const error = await rejection(portfolioTransactionDelete({ portfolio: 'main', line: 3 }, deps));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(
      'portfolio main:5: lots: lot "L3" is not an open long lot of VTI in account A',
    );
    expect(error.details).toMatchObject({ field: 'lots', line: 5, value: 'L3' });
    // the transfer_out the transfer_in takes its lots from: the transfer_in is named, at the
    // field that would have given its own cost instead
    const transfer = await rejection(
      portfolioTransactionDelete({ portfolio: 'main', line: 6 }, deps),
    );
    expect(transfer.code).toBe('INVALID_INPUT');
    expect(transfer.message).toMatch(/^portfolio main:7: price: transfer_in of 2 VTI needs/);
    expect(transfer.details).toMatchObject({ field: 'costPerShare', column: 'price', line: 7 });
    expect(await stored()).toEqual(before);
  });

  it('deletes every row down to an empty ledger, last first', async () => {
    for (const line of [7, 6, 5, 4, 3, 2])
      await portfolioTransactionDelete({ portfolio: 'main', line }, deps);
    expect(await stored()).toEqual([]);
  });

  it('is NOT_FOUND naming line for a line with no row; grows the data version', async () => {
    const missing = await rejection(
      portfolioTransactionDelete({ portfolio: 'main', line: 8 }, deps),
    );
    expect([missing.code, missing.details['field'], missing.details['value']]).toEqual([
      'NOT_FOUND',
      'line',
      8,
    ]);
    const bad = await rejection(portfolioTransactionDelete({ portfolio: 'main', line: 2.5 }, deps));
    expect([bad.code, bad.details['field']]).toEqual(['INVALID_INPUT', 'line']);
    const store = await deps.store();
    const version = await store.dataVersion();
    await portfolioTransactionDelete({ portfolio: 'main', line: 7 }, deps);
    expect(await store.dataVersion()).not.toBe(version);
  });
});

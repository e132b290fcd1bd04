import { describe, expect, it } from 'vitest';
import { parseTransactionsCsv } from '../../src/data/ledger/transactions-csv.ts';
import { buildLedger, type LedgerOptions } from '../../src/domain/ledger/ledger.ts';
import type { LotMethod, Transaction } from '../../src/domain/ledger/types.ts';
import { referenceBuildLedger } from '../helpers/reference-ledger.ts';
import { syntheticLedgerCsv } from '../helpers/synthetic-ledger.ts';

/**
 * The indexed ledger against the straightforward replay it replaced (the oracle in
 * test/helpers/reference-ledger.ts) on a parsed synthetic transactions file: several accounts,
 * 300 symbols, shorts, fractional reinvestments, splits, transfers and specific-lot sales.
 */

const METHODS: readonly LotMethod[] = ['fifo', 'lifo', 'hifo', 'average', 'specific'];

function same(transactions: readonly Transaction[], options: LedgerOptions): void {
  expect(buildLedger(transactions, options)).toStrictEqual(
    referenceBuildLedger(transactions, options),
  );
}

describe('buildLedger on a synthetic 3 000-row file', () => {
  const transactions = parseTransactionsCsv(syntheticLedgerCsv({ rows: 3000, seed: 1 }), 's.csv');

  it('has every transaction type', () => {
    expect(new Set(transactions.map((t) => t.type))).toEqual(
      new Set([
        'buy',
        'sell',
        'deposit',
        'withdrawal',
        'fee',
        'interest',
        'dividend',
        'reinvest',
        'split',
        'transfer_in',
        'transfer_out',
        'return_of_capital',
      ]),
    );
    expect(transactions.some((t) => t.type === 'sell' && t.lots !== undefined)).toBe(true);
  });

  it.each(METHODS)(
    'equals the reference replay with %s relief, in full and as of its middle',
    (method) => {
      same(transactions, { lotMethod: method });
      same(transactions, { lotMethod: method, asOf: transactions[1500]!.date });
    },
  );
});

/**
 * Helpers of the broker converter tests: a fixture's text, a converted ledger read back through
 * the project's own transactions-CSV reader in a compact form, and the error a call throws.
 */

import { readFileSync } from 'node:fs';
import { BallastError } from '../../src/domain/errors.ts';
import type { Transaction } from '../../src/domain/ledger/types.ts';
import { parseTransactionsCsv } from '../../src/data/ledger/transactions-csv.ts';

/** The path and text of `test/fixtures/brokers/<name>`. */
export function fixture(name: string): { path: string; text: string } {
  const path = new URL(`../fixtures/brokers/${name}`, import.meta.url).pathname;
  return { path, text: readFileSync(path, 'utf8') };
}

/**
 * One ledger row as `date type symbol figures…`: a trade's quantity @ price, a split's ratio,
 * a cash row's amount in cents; `fee=` cents when there are fees; `@account` when not DEFAULT.
 */
export function compact(tx: Transaction): string {
  const parts: string[] = [tx.date, tx.type];
  if ('symbol' in tx && tx.symbol !== undefined) parts.push(tx.symbol);
  if (tx.type === 'buy' || tx.type === 'sell' || tx.type === 'reinvest')
    parts.push(`${tx.quantity}@${tx.price}`);
  else if (tx.type === 'split') parts.push(`x${tx.ratio}`);
  else if ('amountCents' in tx) parts.push(`${tx.amountCents}c`);
  if (tx.feesCents !== 0) parts.push(`fee=${tx.feesCents}c`);
  if (tx.account !== 'DEFAULT') parts.push(`@${tx.account}`);
  return parts.join(' ');
}

/** The ledger CSV `csv` read by the project's reader, each row {@link compact}. */
export const readBack = (csv: string): string[] =>
  parseTransactionsCsv(csv, 'ledger.csv').map(compact);

/** The BallastError `fn` throws (fails the test when it throws none). */
export function rejection(fn: () => unknown): BallastError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

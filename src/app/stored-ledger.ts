/**
 * Reading a stored portfolio for the use cases: its store (without creating the default store
 * when none exists yet), the portfolio itself, and its ledger as the transactions the ledger
 * code replays — each row cites `portfolio <name>` and its source line in errors, so a stored
 * ledger's problems read like a file's.
 */

import * as z from 'zod';
import { BallastError } from '../domain/errors.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import type { MarketStore } from '../data/store/market-store.ts';
import type { AppDeps } from './deps.ts';
import { refuseForeignRows } from './ledger-base.ts';

/** A portfolio name as use cases take it: trimmed, non-empty. */
export const portfolioNameSchema = z.string().trim().min(1).max(100);

/** What reading a stored portfolio needs. */
export type StoredLedgerDeps = Pick<AppDeps, 'store' | 'existingStore'>;

/** The NOT_FOUND of a portfolio that is not stored (the store's own wording). */
export function portfolioNotFound(name: string): BallastError {
  return new BallastError('NOT_FOUND', `portfolio: no stored portfolio ${JSON.stringify(name)}`, {
    field: 'portfolio',
    value: name,
  });
}

/**
 * The store a read of portfolio `name` uses: `existingStore` when given (reading creates no
 * store), failing NOT_FOUND when there is no store at all.
 */
export async function storeHolding(name: string, deps: StoredLedgerDeps): Promise<MarketStore> {
  const store = deps.existingStore ? await deps.existingStore() : await deps.store();
  if (store === undefined) throw portfolioNotFound(name);
  return store;
}

/** The label stored rows cite in errors: `portfolio <name>`. */
export const ledgerLabel = (name: string): string => `portfolio ${name}`;

/**
 * The ledger of stored portfolio `name`, in order, each row citing {@link ledgerLabel}, with its
 * base currency; rows keep their `currency` (absent: the base currency).
 */
export async function readStoredLedgerWithCurrencies(
  name: string,
  deps: StoredLedgerDeps,
): Promise<{ transactions: Transaction[]; baseCurrency: string }> {
  const store = await storeHolding(name, deps);
  const file = ledgerLabel(name);
  const { baseCurrency } = await store.portfolios.get(name);
  const transactions = await store.portfolios.listTransactions(name);
  return {
    transactions: transactions.map((tx) => ({ ...tx, source: { file, line: tx.source.line } })),
    baseCurrency,
  };
}

/**
 * The ledger of stored portfolio `name`, in order, each row citing {@link ledgerLabel}: for the
 * use cases that replay it in its base currency, so a row in another currency is INVALID_INPUT
 * naming `currency` and its line (docs/currencies.md: `--base-currency` converts it).
 */
export async function readStoredLedger(
  name: string,
  deps: StoredLedgerDeps,
): Promise<Transaction[]> {
  const { transactions, baseCurrency } = await readStoredLedgerWithCurrencies(name, deps);
  refuseForeignRows(
    transactions,
    baseCurrency,
    'give baseCurrency (CLI: --base-currency) to positions, performance or exposures to convert it',
  );
  return transactions;
}

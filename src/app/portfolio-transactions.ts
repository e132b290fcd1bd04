/**
 * Use case `portfolio transactions`: the ledger of a stored portfolio as the store keeps it —
 * the ledger's own transactions in order (money in integer cents, `source.line` naming the lots
 * a row opens), the shape `portfolio export` writes and `portfolioAppend` takes.
 */

import * as z from 'zod';
import type { Transaction } from '../domain/ledger/types.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { portfolioNameSchema, storeHolding } from './stored-ledger.ts';

export type { Transaction } from '../domain/ledger/types.ts';

/** Input of {@link portfolioTransactions}. */
export const portfolioTransactionsInputSchema = z.object({
  /** The stored portfolio's name. */
  portfolio: portfolioNameSchema,
});

/** What callers pass to {@link portfolioTransactions}. */
export type PortfolioTransactionsInput = z.input<typeof portfolioTransactionsInputSchema>;

/** The `portfolio transactions` document. */
export interface PortfolioTransactionsDocument {
  readonly portfolio: string;
  readonly transactions: readonly Transaction[];
}

/** The stored ledger of `portfolio` (NOT_FOUND when there is no such portfolio). */
export async function portfolioTransactions(
  raw: PortfolioTransactionsInput,
  deps: Pick<AppDeps, 'store' | 'existingStore'>,
): Promise<PortfolioTransactionsDocument> {
  const { portfolio } = parseInput(portfolioTransactionsInputSchema, raw);
  const store = await storeHolding(portfolio, deps);
  return { portfolio, transactions: await store.portfolios.listTransactions(portfolio) };
}

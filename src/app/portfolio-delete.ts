/**
 * Use case `portfolio delete`: a stored portfolio removed with its accounts and its ledger, in
 * one transaction. The document is what was deleted (the portfolio with its counts). An unknown
 * portfolio is NOT_FOUND; of concurrent deletes of one portfolio one deletes it and the others
 * are NOT_FOUND. Nothing is kept: `portfolio export` first to keep a backup.
 *
 * @example
 * ```ts
 * const gone = await portfolioDelete({ portfolio: 'old' }, deps); // { id, name, …, transactions }
 * ```
 */

import * as z from 'zod';
import type { PortfolioSummary } from '../data/store/portfolio-store.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { portfolioNameSchema, portfolioNotFound, storeHolding } from './stored-ledger.ts';

/** Input of {@link portfolioDelete}. */
export const portfolioDeleteInputSchema = z.object({
  /** The stored portfolio's name. */
  portfolio: portfolioNameSchema,
});

/** What callers pass to {@link portfolioDelete}. */
export type PortfolioDeleteInput = z.input<typeof portfolioDeleteInputSchema>;

/** The `portfolio delete` document: the deleted portfolio and how much it held. */
export type PortfolioDeleteDocument = PortfolioSummary;

/** Deletes stored portfolio `portfolio` (see the module comment). */
export async function portfolioDelete(
  raw: PortfolioDeleteInput,
  deps: Pick<AppDeps, 'store' | 'existingStore'>,
): Promise<PortfolioDeleteDocument> {
  const { portfolio } = parseInput(portfolioDeleteInputSchema, raw);
  const store = await storeHolding(portfolio, deps);
  return store.transaction(async (tx) => {
    const summary = (await tx.portfolios.list()).find((p) => p.name === portfolio);
    if (summary === undefined) throw portfolioNotFound(portfolio);
    await tx.portfolios.delete(summary.id);
    return summary;
  });
}

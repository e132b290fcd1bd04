/**
 * Use case `portfolio rename`: a stored portfolio under a new name — its id, base currency,
 * accounts and ledger unchanged. An unknown portfolio is NOT_FOUND; a name another portfolio
 * has is CONFLICT, decided by the store in one statement (the unique name), so of concurrent
 * renames to one name exactly one wins. Renaming a portfolio to its own name changes nothing.
 * Only the name changes: any other field is INVALID_INPUT naming it (`unknown field`).
 *
 * @example
 * ```ts
 * const renamed = await portfolioRename({ portfolio: 'main', name: 'taxable' }, deps);
 * ```
 */

import * as z from 'zod';
import type { StoredPortfolio } from '../data/store/portfolio-store.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { portfolioNameSchema, storeHolding } from './stored-ledger.ts';

/** Input of {@link portfolioRename}. */
export const portfolioRenameInputSchema = z
  .object({
    /** The stored portfolio's current name. */
    portfolio: portfolioNameSchema,
    /** Its new name: unique, 1 to 100 characters. */
    name: portfolioNameSchema,
  })
  .strict();

/** What callers pass to {@link portfolioRename}. */
export type PortfolioRenameInput = z.input<typeof portfolioRenameInputSchema>;

/** The `portfolio rename` document: the portfolio under its new name. */
export type PortfolioRenameDocument = StoredPortfolio;

/** Renames stored portfolio `portfolio` to `name` (see the module comment). */
export async function portfolioRename(
  raw: PortfolioRenameInput,
  deps: Pick<AppDeps, 'store' | 'existingStore'>,
): Promise<PortfolioRenameDocument> {
  const input = parseInput(portfolioRenameInputSchema, raw);
  const store = await storeHolding(input.portfolio, deps);
  return store.portfolios.rename(input.portfolio, input.name);
}

/**
 * Use case `portfolio list`: every stored portfolio with its base currency, creation time and
 * how many accounts and transactions it holds, sorted by name. With no store yet the list is
 * empty (and no store is created).
 */

import * as z from 'zod';
import type { PortfolioSummary } from '../data/store/portfolio-store.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';

export type { PortfolioSummary } from '../data/store/portfolio-store.ts';

/** Input of {@link portfolioList}: nothing. */
export const portfolioListInputSchema = z.object({}).strict();

/** What callers pass to {@link portfolioList}. */
export type PortfolioListInput = z.input<typeof portfolioListInputSchema>;

/** The `portfolio list` document. */
export type PortfolioListDocument = PortfolioSummary[];

/** The stored portfolios (see the module comment). */
export async function portfolioList(
  raw: PortfolioListInput,
  deps: Pick<AppDeps, 'store' | 'existingStore'>,
): Promise<PortfolioListDocument> {
  parseInput(portfolioListInputSchema, raw);
  const store = deps.existingStore ? await deps.existingStore() : await deps.store();
  return store === undefined ? [] : store.portfolios.list();
}

/**
 * Use case `portfolio get`: one stored portfolio with its counts, named by its id or its name.
 * A reference that is all digits is looked up as an id first, then as a name; any other
 * reference is a name. An unknown one is NOT_FOUND naming it.
 *
 * @example
 * ```ts
 * const summary = await portfolioGet({ portfolio: '1' }, deps); // id 1, else the portfolio named "1"
 * ```
 */

import * as z from 'zod';
import type { PortfolioSummary, StoredPortfolio } from '../data/store/portfolio-store.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { portfolioNameSchema, portfolioNotFound, storeHolding } from './stored-ledger.ts';

/** Input of {@link portfolioGet}. */
export const portfolioGetInputSchema = z.object({
  /** The portfolio's id (digits) or its name. */
  portfolio: portfolioNameSchema,
});

/** What callers pass to {@link portfolioGet}. */
export type PortfolioGetInput = z.input<typeof portfolioGetInputSchema>;

/** The `portfolio get` document: the portfolio and how much it holds. */
export type PortfolioGetDocument = PortfolioSummary;

const ID = /^[1-9][0-9]{0,14}$/;

/**
 * The stored portfolio `portfolio` without its counts (one look-up: what a route naming a
 * portfolio needs before it calls the use case with the name). @throws NOT_FOUND
 */
export async function portfolioResolve(
  raw: PortfolioGetInput,
  deps: Pick<AppDeps, 'store' | 'existingStore'>,
): Promise<StoredPortfolio> {
  const { portfolio: ref } = parseInput(portfolioGetInputSchema, raw);
  const { portfolios } = await storeHolding(ref, deps);
  const found =
    (ID.test(ref) ? await portfolios.find(Number(ref)) : undefined) ?? (await portfolios.find(ref));
  if (found === undefined) throw portfolioNotFound(ref);
  return found;
}

/** The stored portfolio `portfolio` (see the module comment). */
export async function portfolioGet(
  raw: PortfolioGetInput,
  deps: Pick<AppDeps, 'store' | 'existingStore'>,
): Promise<PortfolioGetDocument> {
  const found = await portfolioResolve(raw, deps);
  const { portfolios } = await storeHolding(found.name, deps);
  const summary = (await portfolios.list()).find((p) => p.id === found.id);
  // Deleted between the two reads: as unknown as if it had gone before.
  if (summary === undefined) throw portfolioNotFound(found.name);
  return summary;
}

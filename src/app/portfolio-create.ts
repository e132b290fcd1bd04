/**
 * Use case `portfolio create`: a new, empty stored portfolio with a unique name and a base
 * currency (default USD).
 *
 * @example
 * ```ts
 * const created = await portfolioCreate({ name: 'main' }, deps); // { id, name, baseCurrency, createdAt }
 * ```
 */

import * as z from 'zod';
import type { StoredPortfolio } from '../data/store/portfolio-store.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { portfolioNameSchema } from './stored-ledger.ts';

export type { StoredPortfolio } from '../data/store/portfolio-store.ts';

/** Input of {@link portfolioCreate}. */
export const portfolioCreateInputSchema = z.object({
  name: portfolioNameSchema,
  /** ISO 4217 code (upper-cased). */
  baseCurrency: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter currency code such as USD'))
    .default('USD'),
});

/** What callers pass to {@link portfolioCreate}. */
export type PortfolioCreateInput = z.input<typeof portfolioCreateInputSchema>;

/** The `portfolio create` document: the stored portfolio. */
export type PortfolioCreateDocument = StoredPortfolio;

/** Creates the portfolio; CONFLICT when the name is taken. */
export async function portfolioCreate(
  raw: PortfolioCreateInput,
  deps: Pick<AppDeps, 'store'>,
): Promise<PortfolioCreateDocument> {
  const input = parseInput(portfolioCreateInputSchema, raw);
  const store = await deps.store();
  return store.portfolios.create({ name: input.name, baseCurrency: input.baseCurrency });
}

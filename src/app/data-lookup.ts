/**
 * Use cases `data search` and `data quote`: live look-ups through the providers of the
 * environment, shown and never stored as history (no store is opened). Offline they are
 * refused: they exist only to ask a provider.
 *
 * @example
 * ```ts
 * const hits = await dataSearch({ query: 'apple' }, deps); // [{ symbol: 'AAPL', name: … }]
 * ```
 */

import * as z from 'zod';
import { BallastError } from '../domain/errors.ts';
import type { Quote, SymbolMatch } from '../domain/market/types.ts';
import { latestQuote, searchSymbols } from '../data/market-data/lookup.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { symbolListSchema } from './symbol-returns.ts';

export type { Quote, SymbolMatch } from '../domain/market/types.ts';

/** Input of {@link dataSearch}. */
export const dataSearchInputSchema = z.object({ query: z.string().trim().min(1) });
/** What callers pass to {@link dataSearch}. */
export type DataSearchInput = z.input<typeof dataSearchInputSchema>;
/** The `data search` document: the hits, best first. */
export type DataSearchDocument = SymbolMatch[];

/** Input of {@link dataQuote}. */
export const dataQuoteInputSchema = z.object({ symbols: symbolListSchema });
/** What callers pass to {@link dataQuote}. */
export type DataQuoteInput = z.input<typeof dataQuoteInputSchema>;
/** The `data quote` document: one quote per symbol, in input order. */
export type DataQuoteDocument = Quote[];

function refuseOffline(deps: AppDeps, what: string): void {
  if (deps.offline)
    throw new BallastError(
      'DATA_UNAVAILABLE',
      `${what} needs a provider; --offline reads the store only`,
      { field: 'offline' },
    );
}

/** Symbols matching a name or ticker (live; DATA_UNAVAILABLE when offline or no provider answers). */
export async function dataSearch(raw: DataSearchInput, deps: AppDeps): Promise<DataSearchDocument> {
  const input = parseInput(dataSearchInputSchema, raw);
  refuseOffline(deps, 'data search');
  return searchSymbols(await deps.providers(), input.query);
}

/** Latest quotes with their time and source (live; DATA_UNAVAILABLE when offline). */
export async function dataQuote(raw: DataQuoteInput, deps: AppDeps): Promise<DataQuoteDocument> {
  const input = parseInput(dataQuoteInputSchema, raw);
  refuseOffline(deps, 'data quote');
  const chains = await deps.providers();
  const quotes: Quote[] = [];
  for (const symbol of input.symbols) quotes.push(await latestQuote(chains, symbol));
  return quotes;
}

/**
 * Use case `data prices`: the stored daily bars of one symbol over [from, to] (unadjusted close,
 * adjusted close, dividend and split as stored, each with its source and fetch time). It reads
 * the store only — nothing is fetched, filled or adjusted — so a symbol the store holds no
 * prices for is NOT_FOUND (fetch or import it first); a known symbol with no bar in the range
 * gives no bars.
 *
 * @example
 * ```ts
 * const doc = await dataPrices({ symbol: 'spy', from: '2024-01-01' }, deps);
 * doc.bars[0]; // { date, close, adjClose, dividend, split, source, fetchedAt, … }
 * ```
 */

import * as z from 'zod';
import { BallastError, invalidInput } from '../domain/errors.ts';
import type { StoredPriceBar } from '../domain/market/types.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { isoDateSchema } from './schemas.ts';

export type { StoredPriceBar } from '../domain/market/types.ts';

/** Input of {@link dataPrices}. */
export const dataPricesInputSchema = z.object({
  /** A symbol (trimmed, upper-cased). */
  symbol: z
    .string()
    .trim()
    .min(1)
    .transform((s) => s.toUpperCase()),
  /** First date; default the first stored. */
  from: isoDateSchema.optional(),
  /** Last date, inclusive; default the last stored. */
  to: isoDateSchema.optional(),
});

/** What callers pass to {@link dataPrices}. */
export type DataPricesInput = z.input<typeof dataPricesInputSchema>;

/** The `data prices` document: the symbol and its stored bars in the range, by date. */
export interface DataPricesDocument {
  readonly symbol: string;
  readonly bars: StoredPriceBar[];
}

/** The stored bars of the symbol (see the module comment). */
export async function dataPrices(raw: DataPricesInput, deps: AppDeps): Promise<DataPricesDocument> {
  const { symbol, from, to } = parseInput(dataPricesInputSchema, raw);
  if (from !== undefined && to !== undefined && from > to)
    throw invalidInput('from', from, `is after to (${to})`);
  const store = await deps.store();
  if ((await store.coverage(symbol)) === undefined)
    throw new BallastError(
      'NOT_FOUND',
      `${symbol}: no stored prices (fetch or import them first: ballast data fetch ${symbol})`,
      { field: 'symbol', value: symbol },
    );
  const range = { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  return { symbol, bars: await store.getPriceBars(symbol, range) };
}

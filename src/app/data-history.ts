/**
 * Use case `data history`: every version of one stored value — the close (and the rest of the
 * bar) of a symbol on a date — as providers revised it: when each version was fetched, from
 * where, and when a later write replaced it (docs/data-versions.md). `--known-at T` reads the
 * version whose `fetchedAt ≤ T < supersededAt`.
 *
 * @example
 * ```ts
 * const doc = await dataHistory({ symbol: 'SPY', date: '2024-01-10' }, deps);
 * doc.versions; // [{ close: 102, fetchedAt, supersededAt: '…' }, { close: 102.5, …, supersededAt: null }]
 * ```
 */

import * as z from 'zod';
import type { StoredPriceBar } from '../domain/market/types.ts';
import type { Versioned } from '../data/store/market-store.ts';
import { BallastError } from '../domain/errors.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';

/** Input of {@link dataHistory}. */
export const dataHistoryInputSchema = z.strictObject({
  symbol: z.string().trim().min(1),
  /** The bar's date (YYYY-MM-DD). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a calendar date YYYY-MM-DD'),
});

/** What callers pass to {@link dataHistory}. */
export type DataHistoryInput = z.input<typeof dataHistoryInputSchema>;

/** The `data history` document. */
export interface DataHistoryDocument {
  readonly symbol: string;
  readonly date: string;
  /** Oldest first; the current value last (`supersededAt: null`). */
  readonly versions: readonly Versioned<StoredPriceBar>[];
}

/**
 * The versions of the bar (module comment).
 * @throws BallastError NOT_FOUND when nothing was ever stored for the symbol on that date
 */
export async function dataHistory(
  raw: DataHistoryInput,
  deps: AppDeps,
): Promise<DataHistoryDocument> {
  const input = parseInput(dataHistoryInputSchema, raw);
  const symbol = input.symbol.toUpperCase();
  const versions = await (await deps.store()).priceBarVersions(symbol, input.date);
  if (versions.length === 0)
    throw new BallastError(
      'NOT_FOUND',
      `date: no bar of ${symbol} on ${input.date} was ever stored`,
      {
        field: 'date',
        value: input.date,
      },
    );
  return { symbol, date: input.date, versions };
}

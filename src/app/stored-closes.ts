/**
 * Stored closes for valuation: each symbol's latest stored **unadjusted** close on or before the
 * as-of date (the price its shares traded at, as a quantity of shares needs — an adjusted close
 * would rescale history, not today's value), with its provenance (source, date, fetched-at).
 * Only the store is read; no provider is called, so `--offline` changes nothing here.
 *
 * A bar whose close is not a positive number is not a price and is passed over. A symbol with
 * nothing stored on or before the date is absent from the result (the caller falls back).
 */

import { addDays, type IsoDate } from '../domain/calendar/iso-date.ts';
import type { StoredPriceBar } from '../domain/market/types.ts';
import type { PriceQuote } from '../domain/valuation/value-positions.ts';
import type { MarketStore } from '../data/store/market-store.ts';

/** Calendar days read in the first pass; older closes are found symbol by symbol. */
const RECENT_DAYS = 14;

/** A stored close as a quote, with its provider and fetch time. */
export interface StoredClose extends PriceQuote {
  /** The provider that supplied the close (the store's `source`), e.g. `stooq`. */
  readonly provider: string;
  readonly date: IsoDate;
  readonly fetchedAt: string;
}

/** The label of a stored close, e.g. `stored close (stooq)`. */
export function storedCloseSource(provider: string): string {
  return `stored close (${provider})`;
}

function latestUsable(bars: readonly StoredPriceBar[]): StoredClose | undefined {
  for (let i = bars.length - 1; i >= 0; i -= 1) {
    const bar = bars[i]!;
    if (Number.isFinite(bar.close) && bar.close > 0)
      return {
        price: bar.close,
        source: storedCloseSource(bar.source),
        provider: bar.source,
        date: bar.date,
        fetchedAt: bar.fetchedAt,
      };
  }
  return undefined;
}

/**
 * The latest usable stored close on or before `asOf` of each of `symbols` (upper-case keys; see
 * the module comment). One range read covers the last {@link RECENT_DAYS} days of every symbol;
 * a symbol without a close there is looked up through its coverage and read back to its first
 * stored date.
 */
export async function storedCloses(
  store: MarketStore,
  symbols: readonly string[],
  asOf: IsoDate,
): Promise<Map<string, StoredClose>> {
  const out = new Map<string, StoredClose>();
  if (symbols.length === 0) return out;
  const recent = await store.getPriceBarsMany(symbols, {
    from: addDays(asOf, -RECENT_DAYS),
    to: asOf,
  });
  for (const [symbol, bars] of recent) {
    const quote = latestUsable(bars);
    if (quote !== undefined) {
      out.set(symbol, quote);
      continue;
    }
    const coverage = await store.coverage(symbol);
    if (coverage === undefined || coverage.first > asOf) continue;
    const older = latestUsable(
      await store.getPriceBars(symbol, { from: coverage.first, to: asOf }),
    );
    if (older !== undefined) out.set(symbol, older);
  }
  return out;
}

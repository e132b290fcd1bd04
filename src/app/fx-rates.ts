/**
 * FX rates read from the store for a valuation or a report: every stored series `FX:<pair>` that
 * can serve the conversions asked (direct, inverse, through the USD or EUR pivot), as they are
 * now or as they were known at `--known-at` (the store given is then the known-at view;
 * docs/data-versions.md). Only the store is read; rates are fetched with `data fetch --fx` or
 * imported with `data import --kind fx-ecb|fx` (docs/currencies.md).
 */

import type { IsoDate } from '../domain/calendar/iso-date.ts';
import { FX_SERIES_PREFIX, type CurrencyCode } from '../domain/fx/currency.ts';
import { FxRates, pairsNeeded } from '../domain/fx/rates.ts';
import type { StoredSeriesPoint } from '../domain/market/types.ts';
import type { MarketStore } from '../data/store/market-store.ts';

/** The rates loaded and the stored points behind them (for provenance in documents). */
export interface LoadedFxRates {
  readonly rates: FxRates;
  /** Stored points by pair name (`EURUSD`), ascending; only pairs with data. */
  readonly stored: ReadonlyMap<string, readonly StoredSeriesPoint[]>;
}

/**
 * Loads the stored pairs able to convert each of `need.currencies` into `need.base`, up to `need.to`
 * (inclusive; the as-of rule needs everything before it).
 */
export async function loadFxRates(
  store: MarketStore,
  need: {
    readonly currencies: Iterable<CurrencyCode>;
    readonly base: CurrencyCode;
    readonly to: IsoDate;
  },
): Promise<LoadedFxRates> {
  const { currencies, base, to } = need;
  const stored = new Map<string, readonly StoredSeriesPoint[]>();
  for (const pair of pairsNeeded(currencies, base)) {
    const points = await store.getSeriesPoints(`${FX_SERIES_PREFIX}${pair}`, { to });
    if (points.length > 0) stored.set(pair, points);
  }
  return { rates: new FxRates(stored), stored };
}

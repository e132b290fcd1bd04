/**
 * Currency exposure of foreign holdings (docs/currencies.md, "Exposures in the base currency").
 *
 * Convention (as MSCI's and Portfolio Visualizer's currency exposure): a holding priced in a
 * currency other than the base is long that currency by its full base-currency market value —
 * the NAV, not the fund's leveraged economic exposure (a futures overlay's notional is not
 * converted into the foreign currency; only the NAV is). The currency line is reported on top of
 * the holding's asset exposures, which stay as its fund definition gives them, so gross exposure
 * rises by it. Exposure id: `currency_<ISO 4217 code>` (e.g. `currency_EUR`), category
 * `currency`. A short foreign holding is short the currency (negative value).
 *
 * A currency-hedged share class (`currencyHedged: true` in its fund definition) adds nothing:
 * the hedge is assumed complete and its carry is not modelled. A holding without a fund
 * definition cannot declare a hedge: it is counted unhedged (a foreign stock is).
 */

import type { CurrencyCode } from '../fx/currency.ts';
import type { CategoryValue, ExposureValue, HoldingsDecomposition } from './decompose.ts';

/** Category id of the currency exposures. */
export const CURRENCY_CATEGORY = 'currency';

/** The exposure id of a currency: `currency_EUR`. */
export function currencyExposureId(currency: CurrencyCode): string {
  return `currency_${currency}`;
}

/** A holding's currency and hedge, by normalised symbol. */
export interface HoldingCurrency {
  readonly currency: CurrencyCode;
  /** True for a currency-hedged share class. */
  readonly hedged: boolean;
}

/**
 * Adds the currency exposures of `currencies` (symbol → currency and hedge) to a decomposition
 * valued in `base`: one `currency_<CCY>` exposure per foreign currency held unhedged (value
 * Σ market values of its unhedged holdings; weight over the same total value), in code order
 * after the asset exposures; a `currency` category after the others; the lines in each
 * position's look-through; gross and net recomputed over all exposures. A decomposition without
 * unhedged foreign holdings is returned as it is. Pure.
 */
export function withCurrencyExposures(
  d: HoldingsDecomposition,
  currencies: ReadonlyMap<string, HoldingCurrency>,
  base: CurrencyCode,
): HoldingsDecomposition {
  const byCurrency = new Map<CurrencyCode, number>();
  const lines = new Map<string, { id: string; economicValue: number }>();
  for (const p of d.positions) {
    const c = currencies.get(p.symbol);
    if (c === undefined || c.currency === base || c.hedged || p.marketValue === 0) continue;
    byCurrency.set(c.currency, (byCurrency.get(c.currency) ?? 0) + p.marketValue);
    lines.set(p.symbol, { id: currencyExposureId(c.currency), economicValue: p.marketValue });
  }
  if (byCurrency.size === 0) return d;
  const added: ExposureValue[] = [...byCurrency]
    .sort(([a], [b]) => a.localeCompare(b))
    .filter(([, v]) => v !== 0)
    .map(([currency, economicValue]) => ({
      id: currencyExposureId(currency),
      category: CURRENCY_CATEGORY,
      economicValue,
      economicWeight: economicValue / d.totalValue,
    }));
  const exposures = [...d.exposures, ...added];
  const categoryValue = added.reduce((s, e) => s + e.economicValue, 0);
  const byCategory: CategoryValue[] =
    added.length === 0
      ? [...d.byCategory]
      : [
          ...d.byCategory,
          {
            id: CURRENCY_CATEGORY,
            economicValue: categoryValue,
            economicWeight: categoryValue / d.totalValue,
          },
        ];
  return {
    ...d,
    positions: d.positions.map((p) => {
      const line = lines.get(p.symbol);
      return line === undefined ? p : { ...p, exposures: [...p.exposures, line] };
    }),
    exposures,
    byCategory,
    grossEconomicExposure:
      exposures.reduce((s, e) => s + Math.abs(e.economicValue), 0) / d.totalValue,
    netEconomicExposure: exposures.reduce((s, e) => s + e.economicValue, 0) / d.totalValue,
  };
}

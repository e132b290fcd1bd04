/**
 * Use case `exposures`: what a portfolio really owns — holdings decomposed into economic
 * exposures through fund definitions (economic exposure per $1 of NAV, leverage included;
 * docs/conventions.md, "Holdings, ledger and exposures"). Money in the document is rounded to
 * cents, weights to 12 significant digits.
 *
 * Prices: the prices file, then the latest stored close on or before the as-of date, then the
 * holdings file's price, then the ledger's last trade (`portfolio-input.ts`); when a stored
 * close is used the document carries `pricing` (provenance and age of each close) and
 * `warnings` (`STALE_PRICE`).
 *
 * Missing data: a holding with no price is listed in `unexplained` with `marketValue: null` and
 * left out of total value (its value is unknown); a holding with no fund definition is listed
 * there with its market value, which counts in total value.
 *
 * Several currencies (`baseCurrency` / `currencies`, docs/currencies.md, "Exposures in the base
 * currency"): a ledger with foreign rows or symbols is valued in the base currency as
 * `positions --base-currency` values it, each unhedged foreign holding adds a `currency_<CCY>`
 * exposure equal to its base-currency value, and the document gets a `currency` block; a ledger
 * entirely in the base currency gives the document it gives without those fields.
 *
 * @example
 * ```ts
 * const doc = await exposures({ holdings: { path: 'holdings.csv' } }, deps);
 * doc.grossEconomicExposure; // 3.06 = 306 % of total value
 * ```
 */

import * as z from 'zod';
import {
  withCurrencyExposures,
  type HoldingCurrency,
} from '../domain/exposures/currency-exposure.ts';
import { decomposeHoldings, type HoldingsDecomposition } from '../domain/exposures/decompose.ts';
import type { ExposureRegistry } from '../domain/exposures/registry.ts';
import type { FundUniverse } from '../domain/exposures/fund-types.ts';
import type { CurrencyCode } from '../domain/fx/currency.ts';
import type { Valuation } from '../domain/valuation/value-positions.ts';
import type { Warning } from '../domain/warnings.ts';
import type { ExposureChartInput } from '../report/exposure.ts';
import { loadExposureRegistry } from '../data/config/load-exposure-config.ts';
import type { AppDeps } from './deps.ts';
import { exposuresInBase, type ExposuresCurrencyDocument } from './exposures-currency.ts';
import { currencySchema, symbolCurrenciesSchema } from './fx-schemas.ts';
import { parseInput } from './input.ts';
import { loadExposureConfig, loadPortfolio, portfolioInputShape } from './portfolio-input.ts';
import { pricingFields, type PricingDocument } from './portfolio-pricing.ts';
import { roundCents, roundFine } from './rounding.ts';

export type { ExposureChartInput } from '../report/exposure.ts';
export type { PricingDocument, StoredCloseUsed } from './portfolio-pricing.ts';
export type { ExposuresCurrencyDocument } from './exposures-currency.ts';

/**
 * Input of {@link exposures}: a portfolio (holdings and/or transactions, prices, funds); with
 * `baseCurrency` or `currencies`, a ledger in several currencies (docs/currencies.md,
 * "Exposures in the base currency").
 */
export const exposuresInputSchema = z.object({
  ...portfolioInputShape,
  /** Value in this currency (ISO 4217; default USD) a ledger with foreign rows or symbols. */
  baseCurrency: currencySchema.optional(),
  /** Currency of symbols' prices (and of their rows without a `currency` cell): `{ SAP: 'EUR' }`. */
  currencies: symbolCurrenciesSchema.optional(),
});

/** What callers pass to {@link exposures}. */
export type ExposuresInput = z.input<typeof exposuresInputSchema>;

/** The `exposures` document (the CLI's `--format json`). */
export interface ExposuresDocument {
  /** Σ priced market values + cash, dollars. */
  readonly totalValue: number;
  /** Cash over accounts, dollars (negative = margin loan). */
  readonly cash: number;
  readonly positions: readonly {
    symbol: string;
    quantity: number;
    price: number;
    priceSource: string;
    marketValue: number;
    notionalWeight: number;
    /** Economic dollars this holding carries to each exposure of its definition (look-through). */
    economic: { id: string; economicValue: number }[];
  }[];
  readonly exposures: HoldingsDecomposition['exposures'];
  readonly byCategory: HoldingsDecomposition['byCategory'];
  /** Σ|economic| / total value (2.0 = 200 %). */
  readonly grossEconomicExposure: number;
  /** Σ economic / total value. */
  readonly netEconomicExposure: number;
  readonly unexplained: readonly { symbol: string; marketValue: number | null; reason: string }[];
  /** Stored closes used and their provenance; present only when a stored close priced something. */
  readonly pricing?: PricingDocument;
  /** Valuation warnings (`STALE_PRICE`); present with `pricing`. */
  readonly warnings?: readonly Warning[];
  /**
   * Present only for a ledger in several currencies: money is then in `currency.baseCurrency`,
   * positions' `price` is the local price and `marketValue` the base value, and unhedged foreign
   * holdings add `currency_<CCY>` exposures (docs/currencies.md).
   */
  readonly currency?: ExposuresCurrencyDocument;
}

/** Decomposes a valued portfolio into the {@link ExposuresDocument} (see the module comment). */
export function exposuresDocument(
  valuation: Valuation,
  config: { funds: FundUniverse; registry: ExposureRegistry },
  currencies?: { base: CurrencyCode; bySymbol: ReadonlyMap<string, HoldingCurrency> },
): ExposuresDocument {
  const decomposed = decomposeHoldings({
    positions: valuation.positions.map((p) => ({ symbol: p.symbol, marketValue: p.marketValue })),
    cash: valuation.cash,
    ...config,
  });
  const d =
    currencies === undefined
      ? decomposed
      : withCurrencyExposures(decomposed, currencies.bySymbol, currencies.base);
  const bySymbol = new Map(valuation.positions.map((p) => [p.symbol, p]));
  return {
    totalValue: roundCents(d.totalValue),
    cash: roundCents(d.cash),
    positions: d.positions.map((p) => {
      const v = bySymbol.get(p.symbol)!;
      return {
        symbol: p.symbol,
        quantity: v.quantity,
        price: v.price,
        priceSource: v.priceSource,
        marketValue: roundCents(p.marketValue),
        notionalWeight: roundFine(p.notionalWeight),
        economic: p.exposures.map((e) => ({
          id: e.id,
          economicValue: roundCents(e.economicValue),
        })),
      };
    }),
    exposures: d.exposures.map((e) => ({
      ...e,
      economicValue: roundCents(e.economicValue),
      economicWeight: roundFine(e.economicWeight),
    })),
    byCategory: d.byCategory.map((c) => ({
      ...c,
      economicValue: roundCents(c.economicValue),
      economicWeight: roundFine(c.economicWeight),
    })),
    grossEconomicExposure: roundFine(d.grossEconomicExposure),
    netEconomicExposure: roundFine(d.netEconomicExposure),
    unexplained: [
      ...valuation.unpriced.map((u) => ({
        symbol: u.symbol,
        marketValue: null,
        reason: unpricedReason(u.symbol),
      })),
      ...d.unexplained.map((u) => ({ ...u, marketValue: roundCents(u.marketValue) })),
    ],
  };
}

/** Why an unpriced holding is left out (names the inputs that could price it). */
export function unpricedReason(symbol: string): string {
  return `no price for ${symbol} (add it to the prices file or give a price column in the holdings file); not valued`;
}

/** Economic exposures of a portfolio (see the module comment). */
export async function exposures(raw: ExposuresInput, deps: AppDeps): Promise<ExposuresDocument> {
  const input = parseInput(exposuresInputSchema, raw);
  if (input.baseCurrency !== undefined || input.currencies !== undefined) {
    const config = await loadExposureConfig(input.funds, deps);
    const inBase = await exposuresInBase(input, config.funds, deps);
    if (inBase !== undefined)
      return {
        ...exposuresDocument(inBase.valuation, config, {
          base: inBase.base,
          bySymbol: inBase.currencies,
        }),
        currency: inBase.block,
      };
  }
  const portfolio = await loadPortfolio(input, deps);
  return {
    ...exposuresDocument(portfolio.valuation, await loadExposureConfig(input.funds, deps)),
    ...pricingFields(portfolio.pricing),
  };
}

/**
 * The treemap input of a document: its non-zero exposures, labelled with the registry's
 * exposure names (config/exposures.yaml).
 */
export async function exposuresChart(doc: ExposuresDocument): Promise<ExposureChartInput> {
  const registry = await loadExposureRegistry();
  return {
    exposures: doc.exposures.filter((e) => e.economicWeight !== 0),
    labels: Object.fromEntries(registry.exposures.map((e) => [e.id, e.name] as const)),
  };
}

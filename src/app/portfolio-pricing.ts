/**
 * Where a portfolio's prices came from, for the documents of `exposures`, `risk`, `stress`,
 * `rebalance`, `plan` and `demo`: the as-of date stored closes were looked up for, the order of
 * precedence, how many held symbols a stored close priced, each stored close used with its
 * provenance (source, date, fetched-at) and age, and a `STALE_PRICE` warning when one is more
 * than a week of sessions old (docs/conventions.md, "Holdings, ledger and exposures").
 *
 * A document carries `pricing` only when a stored close priced something: with nothing stored
 * the documents are what they were before valuation read the store.
 */

import type { IsoDate } from '../domain/calendar/iso-date.ts';
import { createNyseCalendar } from '../domain/calendar/trading-calendar.ts';
import { priceAge, stalePricesWarning } from '../domain/valuation/price-age.ts';
import type { PriceQuote } from '../domain/valuation/value-positions.ts';
import type { Warning } from '../domain/warnings.ts';
import type { StoredClose } from './stored-closes.ts';

/** The order in which a valuation takes a symbol's price: the first source that has it. */
export const VALUATION_PRECEDENCE = [
  'prices file',
  'stored close on or before the as-of date',
  'holdings file price',
  'last trade price (ledger)',
] as const;

/** One stored close a valuation used. */
export interface StoredCloseUsed {
  readonly symbol: string;
  /** Unadjusted close, per share. */
  readonly price: number;
  /** The trading day of the close. */
  readonly date: IsoDate;
  /** The provider that supplied the close, e.g. `stooq`. */
  readonly source: string;
  /** When the close was fetched into the store (UTC ISO timestamp). */
  readonly fetchedAt: string;
  /** Calendar days from `date` to the as-of date. */
  readonly ageDays: number;
  /** NYSE sessions after `date` up to and including the as-of date. */
  readonly ageTradingDays: number;
}

/** The `pricing` block of a document (see the module comment). */
export interface PricingDocument {
  /** Stored closes are the latest on or before this date (the input's as-of, else today). */
  readonly asOf: IsoDate;
  /** {@link VALUATION_PRECEDENCE}. */
  readonly precedence: readonly string[];
  /** Held symbols priced by a stored close (`used`) out of every held symbol (`of`). */
  readonly storedCloses: { readonly used: number; readonly of: number };
  /** The stored closes used (held symbols, and symbols quoted besides them), by symbol. */
  readonly closes: readonly StoredCloseUsed[];
}

/** A portfolio's pricing: the document block and the warnings it raises. */
export interface PortfolioPricing extends PricingDocument {
  readonly warnings: readonly Warning[];
}

/**
 * The pricing of a valuation: `stored` are the stored closes looked up, `chosen` the quote each
 * symbol was valued at (its first source), `held` the held symbols.
 */
export function portfolioPricing(input: {
  asOf: IsoDate;
  stored: ReadonlyMap<string, StoredClose>;
  chosen: ReadonlyMap<string, PriceQuote>;
  held: readonly string[];
}): PortfolioPricing {
  const calendar = createNyseCalendar();
  const closes: StoredCloseUsed[] = [];
  for (const [symbol, chosen] of [...input.chosen].sort(([a], [b]) => a.localeCompare(b))) {
    const close = input.stored.get(symbol);
    if (close === undefined || close !== chosen) continue;
    const age = priceAge(close.date, input.asOf, calendar);
    closes.push({
      symbol,
      price: close.price,
      date: close.date,
      source: close.provider,
      fetchedAt: close.fetchedAt,
      ageDays: age.days,
      ageTradingDays: age.tradingDays,
    });
  }
  const used = new Set(closes.map((c) => c.symbol));
  const stale = stalePricesWarning(
    closes.map((c) => ({
      symbol: c.symbol,
      date: c.date,
      age: { days: c.ageDays, tradingDays: c.ageTradingDays },
    })),
    input.asOf,
  );
  return {
    asOf: input.asOf,
    precedence: VALUATION_PRECEDENCE,
    storedCloses: { used: input.held.filter((s) => used.has(s)).length, of: input.held.length },
    closes,
    warnings: stale === undefined ? [] : [stale],
  };
}

/**
 * The document fields of a pricing: `{ pricing, warnings }` when a stored close priced
 * something, `{}` otherwise (the document stays as it was without the store).
 */
export function pricingFields(pricing: PortfolioPricing): {
  readonly pricing?: PricingDocument;
  readonly warnings?: readonly Warning[];
} {
  if (pricing.closes.length === 0) return {};
  const { warnings, ...document } = pricing;
  return { pricing: document, warnings };
}

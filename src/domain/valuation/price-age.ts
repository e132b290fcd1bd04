/**
 * How old a price is against the date a valuation speaks for, and when that is stale.
 *
 * Age is counted two ways: calendar days from the price date to the as-of date, and trading
 * days of the calendar after the price date up to and including the as-of date (a Friday close
 * on the next Monday is 3 days but 1 trading day old; on a holiday Monday, 0). A price is stale
 * when it is more than {@link STALE_AFTER_TRADING_DAYS} trading days old: a week of sessions
 * without a close means the store was not refreshed, not that the market was shut.
 */

import { addDays, daysBetween, type IsoDate } from '../calendar/iso-date.ts';
import type { TradingCalendar } from '../calendar/trading-calendar.ts';
import { tradingDaysBetween } from '../calendar/trading-days.ts';
import { warning, type Warning } from '../warnings.ts';

/** Trading days a stored close may lag the as-of date before a valuation warns (5 = a week). */
export const STALE_AFTER_TRADING_DAYS = 5;

/** Age of a price dated `priceDate` on `asOf`. */
export interface PriceAge {
  /** Calendar days from the price date to the as-of date (0 = same day). */
  readonly days: number;
  /** Trading days after the price date up to and including the as-of date. */
  readonly tradingDays: number;
}

/** The age of a price dated `priceDate` ≤ `asOf` (see the module comment). */
export function priceAge(priceDate: IsoDate, asOf: IsoDate, calendar: TradingCalendar): PriceAge {
  return {
    days: daysBetween(priceDate, asOf),
    tradingDays: tradingDaysBetween(calendar, { from: addDays(priceDate, 1), to: asOf }).length,
  };
}

/** One dated price and its age, as {@link stalePricesWarning} reports it. */
export interface AgedPrice {
  readonly symbol: string;
  readonly date: IsoDate;
  readonly age: PriceAge;
}

/**
 * One `STALE_PRICE` warning naming every price more than {@link STALE_AFTER_TRADING_DAYS}
 * trading days older than `asOf` (oldest first), or undefined when none is.
 */
export function stalePricesWarning(
  prices: readonly AgedPrice[],
  asOf: IsoDate,
): Warning | undefined {
  const stale = prices
    .filter((p) => p.age.tradingDays > STALE_AFTER_TRADING_DAYS)
    .sort((a, b) => a.date.localeCompare(b.date) || a.symbol.localeCompare(b.symbol));
  if (stale.length === 0) return undefined;
  const list = stale
    .map((p) => `${p.symbol} ${p.date} (${p.age.tradingDays} trading days)`)
    .join(', ');
  return warning(
    'STALE_PRICE',
    `${stale.length === 1 ? 'a stored close is' : `${stale.length} stored closes are`} more than ${STALE_AFTER_TRADING_DAYS} trading days older than the valuation date ${asOf}: ${list}; refresh the store (ballast data fetch) or give a prices file`,
    {
      asOf,
      staleAfterTradingDays: STALE_AFTER_TRADING_DAYS,
      prices: stale.map((p) => ({
        symbol: p.symbol,
        date: p.date,
        ageDays: p.age.days,
        ageTradingDays: p.age.tradingDays,
      })),
    },
  );
}

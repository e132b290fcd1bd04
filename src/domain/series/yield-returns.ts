/**
 * Cash-like returns from a yield series (T-bills, SOFR, Fed funds), docs/conventions.md "Returns":
 * each trading day t of the portfolio's calendar accrues
 *
 *   r_t = (1 + y)^(1 / tradingDaysPerYear) − 1   (default 252 days)
 *
 * where y is the annual yield (decimal: 0.05 = 5 %) **known at the start of the period**,
 * i.e. at the close of the previous trading day p(t): the observation with the latest
 * observation date among those whose effective date (`availableFrom` when given, else its
 * `date`) is ≤ p(t). No look-ahead: a yield that changes on the last day of a month is first
 * used for the next trading day, so that day accrues the earlier yield. Accrual is per trading
 * day, never per calendar day; 252 days at a constant 5 % compound to exactly 5 %.
 *
 * Units: yields must already be decimals (the data layer divides FRED percent by 100
 * unconditionally); no magnitude guessing here.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import type { TradingCalendar } from '../calendar/trading-calendar.ts';
import {
  nextTradingDay,
  previousTradingDay,
  tradingDaysBetween,
} from '../calendar/trading-days.ts';
import { invalidInput } from '../errors.ts';
import type { SeriesPoint } from '../market/types.ts';
import type { ReturnSeries } from './types.ts';
import { assertAscendingDates, assertFiniteValues } from './validate-series.ts';

/** Trading days per year used for yield accrual unless told otherwise. */
export const TRADING_DAYS_PER_YEAR = 252;

/** Options of {@link yieldToDailyReturns}. */
export interface YieldReturnOptions {
  /** The portfolio's trading calendar: one return per trading day. */
  readonly calendar: TradingCalendar;
  /** First day of output (inclusive). Default: the trading day after the first effective yield. */
  readonly from?: IsoDate;
  /** Last day of output (inclusive). Default: the latest effective date of any observation. */
  readonly to?: IsoDate;
  /** Accrual periods per year (default {@link TRADING_DAYS_PER_YEAR}). */
  readonly tradingDaysPerYear?: number;
}

/** One day's simple return from an annual yield: (1 + y)^(1/n) − 1, n default 252. */
export function dailyReturnFromYield(
  yieldAnnual: number,
  tradingDaysPerYear = TRADING_DAYS_PER_YEAR,
): number {
  return Math.expm1(Math.log1p(yieldAnnual) / tradingDaysPerYear);
}

function effectiveDate(point: SeriesPoint): IsoDate {
  return point.availableFrom ?? point.date;
}

function validate(yields: readonly SeriesPoint[], options: YieldReturnOptions): void {
  assertAscendingDates('yields', yields);
  assertFiniteValues('yields', yields);
  yields.forEach((p, i) => {
    if (p.value <= -1) throw invalidInput(`yields[${i}].value`, p.value, 'a yield must exceed −1');
  });
  const n = options.tradingDaysPerYear ?? TRADING_DAYS_PER_YEAR;
  if (!(n > 0)) throw invalidInput('tradingDaysPerYear', n, 'must be positive');
}

/**
 * Daily simple returns on `options.calendar` from annual yields (see the module comment).
 * Trading days in `[from, to]` before any yield is known are omitted (the series starts
 * later); nothing is back-filled. Throws `INVALID_INPUT` on unsorted dates, non-finite values
 * or a yield ≤ −1.
 */
export function yieldToDailyReturns(
  yields: readonly SeriesPoint[],
  options: YieldReturnOptions,
): ReturnSeries {
  validate(yields, options);
  const byEffective = [...yields].sort((a, b) =>
    effectiveDate(a) < effectiveDate(b) ? -1 : effectiveDate(a) > effectiveDate(b) ? 1 : 0,
  );
  const first = byEffective[0];
  const last = byEffective.at(-1);
  if (!first || !last) return [];
  const from = options.from ?? nextTradingDay(options.calendar, effectiveDate(first));
  const to = options.to ?? effectiveDate(last);
  const perYear = options.tradingDaysPerYear ?? TRADING_DAYS_PER_YEAR;
  const out: { date: IsoDate; value: number }[] = [];
  let cursor = 0;
  let known: SeriesPoint | undefined;
  for (const day of tradingDaysBetween(options.calendar, { from, to })) {
    const startOfPeriod = previousTradingDay(options.calendar, day);
    for (let next = byEffective[cursor]; next; next = byEffective[cursor]) {
      if (effectiveDate(next) > startOfPeriod) break;
      if (!known || next.date > known.date) known = next;
      cursor += 1;
    }
    if (known) out.push({ date: day, value: dailyReturnFromYield(known.value, perYear) });
  }
  return out;
}

/**
 * Inflation from CPI levels without look-ahead (docs/conventions.md, "Inflation").
 *
 * Period inflation over (start, end] = L(end) / L(start) − 1 where L(d) is the CPI level
 * known at the close of d ({@link cpiLevelKnownOn}: published and effective by then).
 *
 * Daily inflation (sub-monthly periods): for each calendar month m, the month's change is
 * g_m = ln(L(e_m) / L(e_{m−1})) with e_m the month's last trading day (or `to` in the running
 * month) and e_{m−1} the last trading day before the month; g_m is spread evenly over the
 * month's n_m trading days: π_t = e^(g_m / n_m) − 1. A full month therefore compounds to
 * exactly the ratio of levels available at its ends (monthly, quarterly and annual inflation
 * from compounded daily values equal the level ratios). The levels are those known at month
 * end, so days early in a month carry the interpolated part of that month's release.
 *
 * Missing data: months before a level is known at e_{m−1} are omitted. A month in which no new
 * level became effective but a later one exists accrues 0 and is listed in
 * `monthsWithoutRelease` (the change lands in the month its release takes effect); months after
 * the last effective release are omitted — never extrapolated.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { monthEnd, monthStart } from '../calendar/month-bounds.ts';
import type { TradingCalendar } from '../calendar/trading-calendar.ts';
import { tradingDaysBetween, previousTradingDay } from '../calendar/trading-days.ts';
import { BallastError } from '../errors.ts';
import type { SeriesPoint } from '../market/types.ts';
import {
  cpiEffectiveLevels,
  cpiLevelKnownOn,
  type CpiReleaseRule,
  type EffectiveLevel,
} from './cpi-availability.ts';
import type { ReturnPoint, ReturnSeries } from './types.ts';

/** Options of {@link dailyInflation}. */
export interface InflationOptions {
  readonly calendar: TradingCalendar;
  /** First trading day of output (inclusive). */
  readonly from: IsoDate;
  /** Last trading day of output (inclusive). */
  readonly to: IsoDate;
  /** Rule for points without `availableFrom` (default: 15th of the next month). */
  readonly release?: CpiReleaseRule;
}

/** Daily inflation with the months that saw no new CPI release. */
export interface InflationSeries {
  /** Simple daily inflation (decimal) on each trading day with data. */
  readonly points: ReturnSeries;
  /** First day of each month that accrued 0 because no new level took effect in it. */
  readonly monthsWithoutRelease: readonly IsoDate[];
}

/** Options of {@link periodInflation}. */
export interface PeriodInflationOptions {
  readonly calendar: TradingCalendar;
  /** Close at which the period starts (exclusive). */
  readonly start: IsoDate;
  /** Close at which the period ends (inclusive). */
  readonly end: IsoDate;
  readonly release?: CpiReleaseRule;
}

function levelsOf(
  cpi: readonly SeriesPoint[],
  options: { calendar: TradingCalendar; release?: CpiReleaseRule },
): readonly EffectiveLevel[] {
  return cpiEffectiveLevels(
    cpi,
    options.release ? { calendar: options.calendar, release: options.release } : options,
  );
}

/**
 * Inflation over (start, end] from the CPI levels known at both closes, as a decimal. Throws
 * `INSUFFICIENT_DATA` when no level is known at `start`.
 */
export function periodInflation(
  cpi: readonly SeriesPoint[],
  options: PeriodInflationOptions,
): number {
  const levels = levelsOf(cpi, options);
  const first = cpiLevelKnownOn(levels, options.start);
  const last = cpiLevelKnownOn(levels, options.end);
  if (!first || !last) {
    throw new BallastError('INSUFFICIENT_DATA', `no CPI level published by ${options.start}`, {
      field: 'start',
      value: options.start,
    });
  }
  return last.value / first.value - 1;
}

/** Daily inflation on `options.calendar` over `[from, to]`; see the module comment. */
export function dailyInflation(
  cpi: readonly SeriesPoint[],
  options: InflationOptions,
): InflationSeries {
  const levels = levelsOf(cpi, options);
  const { calendar, to } = options;
  const byMonth = new Map<IsoDate, IsoDate[]>();
  for (const day of tradingDaysBetween(calendar, { from: options.from, to })) {
    const key = monthStart(day);
    byMonth.set(key, [...(byMonth.get(key) ?? []), day]);
  }
  const points: ReturnPoint[] = [];
  const monthsWithoutRelease: IsoDate[] = [];
  for (const [month, days] of byMonth) {
    const endDay = monthEnd(month) < to ? monthEnd(month) : to;
    const monthDays = tradingDaysBetween(calendar, { from: month, to: endDay });
    const firstDay = monthDays[0];
    if (firstDay === undefined) continue;
    const startLevel = cpiLevelKnownOn(levels, previousTradingDay(calendar, firstDay));
    const endLevel = cpiLevelKnownOn(levels, endDay);
    if (!startLevel || !endLevel) continue;
    if (endLevel === startLevel) {
      if (!levels.some((l) => l.effectiveFrom > endDay)) continue;
      monthsWithoutRelease.push(month);
    }
    const daily = Math.expm1(Math.log(endLevel.value / startLevel.value) / monthDays.length);
    for (const day of days) points.push({ date: day, value: daily });
  }
  return { points, monthsWithoutRelease };
}

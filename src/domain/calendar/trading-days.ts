/**
 * Walking a {@link TradingCalendar}: next/previous trading day and inclusive ranges.
 * Searches stop after {@link MAX_CLOSED_RUN} consecutive closed days so a calendar that is
 * never open fails loudly instead of looping.
 */

import { BallastError } from '../errors.ts';
import { addDays, fromDayNumber, toDayNumber, type IsoDate } from './iso-date.ts';
import type { TradingCalendar } from './trading-calendar.ts';

/** Longest run of closed days a search crosses (the 2001 closure plus a weekend is 6). */
export const MAX_CLOSED_RUN = 31;

function walk(calendar: TradingCalendar, start: IsoDate, step: 1 | -1): IsoDate {
  let date = start;
  for (let i = 0; i <= MAX_CLOSED_RUN; i += 1) {
    if (calendar.isTradingDay(date)) return date;
    date = addDays(date, step);
  }
  throw new BallastError(
    'INVALID_INPUT',
    `calendar ${calendar.name}: no trading day within ${MAX_CLOSED_RUN} days of ${start}`,
    { field: 'calendar', value: calendar.name, date: start },
  );
}

/** `date` itself when it is a trading day, else the next trading day after it. */
export function tradingDayOnOrAfter(calendar: TradingCalendar, date: IsoDate): IsoDate {
  return walk(calendar, date, 1);
}

/** `date` itself when it is a trading day, else the last trading day before it. */
export function tradingDayOnOrBefore(calendar: TradingCalendar, date: IsoDate): IsoDate {
  return walk(calendar, date, -1);
}

/** The first trading day strictly after `date`. */
export function nextTradingDay(calendar: TradingCalendar, date: IsoDate): IsoDate {
  return walk(calendar, addDays(date, 1), 1);
}

/** The last trading day strictly before `date`. */
export function previousTradingDay(calendar: TradingCalendar, date: IsoDate): IsoDate {
  return walk(calendar, addDays(date, -1), -1);
}

/** An inclusive date range (`from` ≤ `to`, both ISO dates). */
export interface DateRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** Trading days in `[from, to]` (inclusive), ascending; empty when `from > to`. */
export function tradingDaysBetween(calendar: TradingCalendar, range: DateRange): IsoDate[] {
  const days: IsoDate[] = [];
  const last = toDayNumber(range.to);
  for (let n = toDayNumber(range.from); n <= last; n += 1) {
    const date = fromDayNumber(n);
    if (calendar.isTradingDay(date)) days.push(date);
  }
  return days;
}

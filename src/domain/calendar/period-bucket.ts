/**
 * Calendar buckets used to convert daily data to lower frequencies: ISO weeks (Monday to
 * Sunday, whose last trading day is normally the Friday), calendar months, calendar quarters
 * and calendar years.
 */

import { isoDayOfWeek } from './day-of-week.ts';
import { addDays, formatIsoDate, parseIsoDate, type IsoDate } from './iso-date.ts';
import { monthEnd } from './month-bounds.ts';
import type { TradingCalendar } from './trading-calendar.ts';
import { tradingDaysBetween } from './trading-days.ts';

/** A bucketing frequency (daily data needs no bucket). */
export type BucketFrequency = 'weekly' | 'monthly' | 'quarterly' | 'annual';

/** One calendar bucket: inclusive calendar-day bounds; `start` doubles as its unique key. */
export interface CalendarBucket {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** The calendar bucket of `frequency` containing `date`. */
export function calendarBucket(date: IsoDate, frequency: BucketFrequency): CalendarBucket {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`not an ISO date: ${date}`);
  switch (frequency) {
    case 'weekly': {
      const start = addDays(date, 1 - isoDayOfWeek(date));
      return { start, end: addDays(start, 6) };
    }
    case 'monthly':
      return { start: formatIsoDate(p.year, p.month, 1), end: monthEnd(date) };
    case 'quarterly': {
      const firstMonth = Math.floor((p.month - 1) / 3) * 3 + 1;
      const end = monthEnd(formatIsoDate(p.year, firstMonth + 2, 1));
      return { start: formatIsoDate(p.year, firstMonth, 1), end };
    }
    case 'annual':
      return { start: formatIsoDate(p.year, 1, 1), end: formatIsoDate(p.year, 12, 31) };
  }
}

/** First and last trading day of a bucket, or undefined when the exchange never opens in it. */
export function bucketTradingBounds(
  calendar: TradingCalendar,
  bucket: CalendarBucket,
): { first: IsoDate; last: IsoDate } | undefined {
  const days = tradingDaysBetween(calendar, { from: bucket.start, to: bucket.end });
  const first = days[0];
  const last = days[days.length - 1];
  return first !== undefined && last !== undefined ? { first, last } : undefined;
}

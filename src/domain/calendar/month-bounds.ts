/** First and last calendar days of months, for ISO dates. */

import { daysInMonth, formatIsoDate, parseIsoDate, type IsoDate } from './iso-date.ts';

function parseOrThrow(date: IsoDate): { year: number; month: number } {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`not an ISO date: ${date}`);
  return p;
}

/** First day of the month containing `date` (2024-02-10 → 2024-02-01). */
export function monthStart(date: IsoDate): IsoDate {
  const { year, month } = parseOrThrow(date);
  return formatIsoDate(year, month, 1);
}

/** Last calendar day of the month containing `date` (2024-02-10 → 2024-02-29). */
export function monthEnd(date: IsoDate): IsoDate {
  const { year, month } = parseOrThrow(date);
  return formatIsoDate(year, month, daysInMonth(year, month));
}

/** First day of the month after the one containing `date` (2024-12-15 → 2025-01-01). */
export function nextMonthStart(date: IsoDate): IsoDate {
  const { year, month } = parseOrThrow(date);
  return month === 12 ? formatIsoDate(year + 1, 1, 1) : formatIsoDate(year, month + 1, 1);
}

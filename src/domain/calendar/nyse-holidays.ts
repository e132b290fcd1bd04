/**
 * New York Stock Exchange full-day closures computed by rule (no table of regular holidays),
 * following NYSE Rule 7.2 and the exchange's published holiday schedule:
 *
 * - New Year's Day (1 Jan; Sunday → Monday 2 Jan; **Saturday → no closure**: the Friday
 *   before ends a yearly accounting period, so 2021-12-31 was open for 2022-01-01),
 * - Martin Luther King Jr. Day (third Monday of January, from 1998),
 * - Washington's Birthday / Presidents Day (third Monday of February),
 * - Good Friday (two days before Gregorian Easter),
 * - Memorial Day (last Monday of May),
 * - Juneteenth National Independence Day (19 June, from 2022),
 * - Independence Day (4 July), Labor Day (first Monday of September),
 * - Thanksgiving (fourth Thursday of November), Christmas (25 December).
 *
 * Fixed-date holidays other than New Year's Day move to the Friday before when they fall on a
 * Saturday and to the Monday after when they fall on a Sunday.
 *
 * Unscheduled closures come from {@link NYSE_SPECIAL_CLOSURES}. The rule set is the modern
 * one; years before 1971 (when Presidents and Memorial Day became Monday holidays) are an
 * approximation. Early closes (half days) are trading days and are not modelled.
 */

import { isoDayOfWeek } from './day-of-week.ts';
import { addDays, daysInMonth, formatIsoDate, type IsoDate } from './iso-date.ts';
import { easterSunday } from './easter.ts';

/** A named exchange closure. */
export interface Holiday {
  readonly date: IsoDate;
  readonly name: string;
}

/**
 * Unscheduled full-day NYSE closures since 1972, as listed by the exchange's closings history
 * and encoded in pandas_market_calendars (`holidays/nyse.py`): presidential funerals and
 * national days of mourning, weather, the 1977 blackout, September 11 and Hurricane Sandy.
 * Presidential election days 1972–1980 were full closures too.
 */
export const NYSE_SPECIAL_CLOSURES: readonly Holiday[] = [
  { date: '1972-11-07', name: 'Presidential Election Day' },
  { date: '1972-12-28', name: 'Funeral of President Truman' },
  { date: '1973-01-25', name: 'Funeral of President Johnson' },
  { date: '1976-11-02', name: 'Presidential Election Day' },
  { date: '1977-07-14', name: 'New York City blackout' },
  { date: '1980-11-04', name: 'Presidential Election Day' },
  { date: '1985-09-27', name: 'Hurricane Gloria' },
  { date: '1994-04-27', name: 'Funeral of President Nixon' },
  { date: '2001-09-11', name: 'September 11 attacks' },
  { date: '2001-09-12', name: 'September 11 attacks' },
  { date: '2001-09-13', name: 'September 11 attacks' },
  { date: '2001-09-14', name: 'September 11 attacks' },
  { date: '2004-06-11', name: 'National day of mourning (President Reagan)' },
  { date: '2007-01-02', name: 'National day of mourning (President Ford)' },
  { date: '2012-10-29', name: 'Hurricane Sandy' },
  { date: '2012-10-30', name: 'Hurricane Sandy' },
  { date: '2018-12-05', name: 'National day of mourning (President G. H. W. Bush)' },
  { date: '2025-01-09', name: 'National day of mourning (President Carter)' },
];

/** The `n`-th (1-based) ISO weekday (1 = Monday) of the month starting on `first`. */
function nthWeekday(first: IsoDate, weekday: number, n: number): IsoDate {
  const offset = (weekday - isoDayOfWeek(first) + 7) % 7;
  return addDays(first, offset + 7 * (n - 1));
}

/** The last ISO weekday (1 = Monday) of a month. */
function lastWeekday(year: number, month: number, weekday: number): IsoDate {
  const last = formatIsoDate(year, month, daysInMonth(year, month));
  const back = (isoDayOfWeek(last) - weekday + 7) % 7;
  return addDays(last, -back);
}

/** Saturday → Friday before, Sunday → Monday after, weekdays unchanged. */
function observed(date: IsoDate): IsoDate {
  const dow = isoDayOfWeek(date);
  if (dow === 6) return addDays(date, -1);
  if (dow === 7) return addDays(date, 1);
  return date;
}

function newYearsDay(year: number): Holiday[] {
  const date = formatIsoDate(year, 1, 1);
  const dow = isoDayOfWeek(date);
  if (dow === 6) return [];
  return [{ date: dow === 7 ? addDays(date, 1) : date, name: "New Year's Day" }];
}

/**
 * Regular (rule-based) NYSE holidays of `year`, ascending, observed dates. Every returned
 * date falls inside `year` (a Saturday New Year's Day gives no closure at all).
 */
export function nyseRegularHolidays(year: number): readonly Holiday[] {
  const holidays: Holiday[] = [...newYearsDay(year)];
  if (year >= 1998) {
    holidays.push({
      date: nthWeekday(formatIsoDate(year, 1, 1), 1, 3),
      name: 'Martin Luther King Jr. Day',
    });
  }
  holidays.push(
    { date: nthWeekday(formatIsoDate(year, 2, 1), 1, 3), name: "Washington's Birthday" },
    { date: addDays(easterSunday(year), -2), name: 'Good Friday' },
    { date: lastWeekday(year, 5, 1), name: 'Memorial Day' },
  );
  if (year >= 2022) {
    holidays.push({ date: observed(formatIsoDate(year, 6, 19)), name: 'Juneteenth' });
  }
  holidays.push(
    { date: observed(formatIsoDate(year, 7, 4)), name: 'Independence Day' },
    { date: nthWeekday(formatIsoDate(year, 9, 1), 1, 1), name: 'Labor Day' },
    { date: nthWeekday(formatIsoDate(year, 11, 1), 4, 4), name: 'Thanksgiving Day' },
    { date: observed(formatIsoDate(year, 12, 25)), name: 'Christmas Day' },
  );
  return holidays.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Every NYSE weekday closure of `year` (regular holidays and special closures), ascending. */
export function nyseHolidays(year: number): readonly Holiday[] {
  const prefix = `${String(year).padStart(4, '0')}-`;
  const special = NYSE_SPECIAL_CLOSURES.filter((h) => h.date.startsWith(prefix));
  return [...nyseRegularHolidays(year), ...special].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * When a daily job after the US close runs: the next exchange trading day at a wall-clock time
 * in New York (America/New_York), as a UTC instant. The New York offset follows the US rule in
 * force since 2007 — daylight time (UTC−4) from the second Sunday of March to the first Sunday
 * of November, standard time (UTC−5) otherwise — applied by date, which is exact for any run
 * time from 03:00 to 23:59 (the switch happens at 02:00). Pure arithmetic: no time-zone database.
 *
 * @example
 * ```ts
 * nextDailyRun('2024-06-07T23:00:00.000Z', { hour: 18, minute: 30 }, createNyseCalendar());
 * // '2024-06-10T22:30:00.000Z' — Friday 19:00 in New York is past 18:30: next is Monday
 * ```
 */

import { invalidInput } from '../errors.ts';
import { isoDayOfWeek } from './day-of-week.ts';
import { addDays, formatIsoDate, fromDayNumber, toDayNumber, type IsoDate } from './iso-date.ts';
import type { TradingCalendar } from './trading-calendar.ts';

/** A wall-clock time of day. */
export interface LocalTime {
  readonly hour: number;
  readonly minute: number;
}

/** `HH:MM` (24-hour, 03:00–23:59) as a {@link LocalTime}; anything else is INVALID_INPUT. */
export function parseLocalTime(field: string, text: string): LocalTime {
  const m = /^(\d{2}):(\d{2})$/.exec(text.trim());
  const hour = Number(m?.[1]);
  const minute = Number(m?.[2]);
  if (!m || hour < 3 || hour > 23 || minute > 59)
    throw invalidInput(field, text, 'expected a time HH:MM from 03:00 to 23:59 (New York)');
  return { hour, minute };
}

/** The `n`-th (1-based) Sunday of `month` in `year`. */
function nthSunday(year: number, month: number, n: number): IsoDate {
  const first = formatIsoDate(year, month, 1);
  const toSunday = (7 - isoDayOfWeek(first)) % 7; // isoDayOfWeek: Monday 1 … Sunday 7
  return addDays(first, toSunday + 7 * (n - 1));
}

/** True when New York keeps daylight time after 02:00 on `date` (US rule since 2007). */
export function newYorkDaylightTime(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4));
  return date >= nthSunday(year, 3, 2) && date < nthSunday(year, 11, 1);
}

/** Minutes since the epoch of `iso` (a UTC timestamp `YYYY-MM-DDTHH:MM…Z`). */
function epochMinutes(iso: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?Z$/.exec(iso);
  if (!m) throw invalidInput('now', iso, 'expected a UTC timestamp YYYY-MM-DDTHH:MM:SS.sssZ');
  const seconds = Number(m[4] ?? 0);
  return toDayNumber(m[1] ?? '') * 1440 + Number(m[2]) * 60 + Number(m[3]) + seconds / 60;
}

function isoOfMinutes(minutes: number): string {
  const day = Math.floor(minutes / 1440);
  const rest = minutes - day * 1440;
  const hh = String(Math.floor(rest / 60)).padStart(2, '0');
  const mm = String(rest % 60).padStart(2, '0');
  return `${fromDayNumber(day)}T${hh}:${mm}:00.000Z`;
}

/** The UTC instant (epoch minutes) of `at` New York time on `date`. */
function runMinutes(date: IsoDate, at: LocalTime): number {
  const offset = newYorkDaylightTime(date) ? 4 * 60 : 5 * 60;
  return toDayNumber(date) * 1440 + at.hour * 60 + at.minute + offset;
}

/**
 * The first trading day of `calendar` at `at` New York time strictly after `nowIso` (UTC
 * ISO), as a UTC ISO timestamp. A run exactly at `nowIso` counts as past.
 */
export function nextDailyRun(nowIso: string, at: LocalTime, calendar: TradingCalendar): string {
  const now = epochMinutes(nowIso);
  // The New York date of `now` is the UTC date or the day before; start there.
  let date = fromDayNumber(Math.floor(now / 1440) - 1);
  for (let i = 0; i < 40; i += 1, date = addDays(date, 1)) {
    if (!calendar.isTradingDay(date)) continue;
    const run = runMinutes(date, at);
    if (run > now) return isoOfMinutes(run);
  }
  throw invalidInput('calendar', calendar.name, 'has no trading day in the next 40 days');
}

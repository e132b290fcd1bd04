/**
 * Trading calendars: which ISO dates an exchange is open. A calendar is a plain object with a
 * pure predicate; the helpers in `trading-days.ts` walk it.
 */

import { isWeekend } from './day-of-week.ts';
import type { IsoDate } from './iso-date.ts';
import { nyseHolidays, type Holiday } from './nyse-holidays.ts';

/** An exchange calendar: `isTradingDay` is true exactly on the days the exchange is open. */
export interface TradingCalendar {
  /** Short name, e.g. `NYSE`. */
  readonly name: string;
  /** True when the exchange holds a regular (full or early-close) session on `date`. */
  isTradingDay(date: IsoDate): boolean;
}

/** Options of {@link createHolidayCalendar}. */
export interface HolidayCalendarOptions {
  readonly name: string;
  /** Weekday closures of one year; called once per year and memoised by the calendar. */
  readonly holidaysOf: (year: number) => readonly Holiday[];
}

/**
 * A Monday–Friday calendar minus the holidays `holidaysOf(year)` returns. Holiday sets are
 * memoised per year inside the returned object (no module state).
 */
export function createHolidayCalendar(options: HolidayCalendarOptions): TradingCalendar {
  const byYear = new Map<number, ReadonlySet<IsoDate>>();
  const closed = (year: number): ReadonlySet<IsoDate> => {
    let set = byYear.get(year);
    if (!set) {
      set = new Set(options.holidaysOf(year).map((h) => h.date));
      byYear.set(year, set);
    }
    return set;
  };
  return {
    name: options.name,
    isTradingDay(date: IsoDate): boolean {
      if (isWeekend(date)) return false;
      return !closed(Number(date.slice(0, 4))).has(date);
    },
  };
}

/** The New York Stock Exchange calendar (rules in `nyse-holidays.ts`). */
export function createNyseCalendar(): TradingCalendar {
  return createHolidayCalendar({ name: 'NYSE', holidaysOf: nyseHolidays });
}

/** Every Monday–Friday is a trading day (useful for synthetic data and tests). */
export function createWeekdayCalendar(): TradingCalendar {
  return createHolidayCalendar({ name: 'weekdays', holidaysOf: () => [] });
}

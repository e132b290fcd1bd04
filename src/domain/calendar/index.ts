/**
 * Calendar: ISO date strings and day arithmetic, day of week, month bounds, Gregorian Easter,
 * the NYSE holiday rules, trading calendars and calendar buckets. Pure, no `Date`.
 */

export * from './day-of-week.ts';
export * from './easter.ts';
export * from './iso-date.ts';
export * from './month-bounds.ts';
export * from './nyse-holidays.ts';
export * from './period-bucket.ts';
export * from './trading-calendar.ts';
export * from './trading-days.ts';

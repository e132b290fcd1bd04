/**
 * Calendar: ISO date strings and day arithmetic, day of week, month bounds, Gregorian Easter,
 * the NYSE holiday rules, trading calendars and calendar buckets. Pure, no `Date`.
 */

export * from './day-of-week';
export * from './easter';
export * from './iso-date';
export * from './month-bounds';
export * from './nyse-holidays';
export * from './period-bucket';
export * from './trading-calendar';
export * from './trading-days';

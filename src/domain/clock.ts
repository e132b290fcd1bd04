import type { IsoDate } from './calendar/iso-date.ts';

/**
 * "Now", injected wherever it matters (domain code never reads the wall clock). `now()` is an
 * ISO-8601 UTC timestamp; `today()` the calendar date in the market's time zone.
 */
export interface Clock {
  now(): string;
  today(): IsoDate;
}

/** A clock stopped at a given instant (tests, reproducible runs). */
export function fixedClock(nowIso: string, today: IsoDate = nowIso.slice(0, 10)): Clock {
  return { now: () => nowIso, today: () => today };
}

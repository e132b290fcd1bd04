/**
 * As-of join of an economic series (yields, CPI, …) onto a list of days, usually a trading
 * calendar's days: each day gets the latest observation known on that day, keyed by its
 * observation `date` or by its `availableFrom` release date (no look-ahead). A value dated on
 * a weekend therefore first appears on the next trading day. Days before the first known
 * value are omitted (never back-filled); each point carries its provenance and age so stale
 * values are visible.
 */

import { daysBetween, type IsoDate } from '../calendar/iso-date.ts';
import { invalidInput } from '../errors.ts';
import type { SeriesPoint } from '../market/types.ts';
import { assertAscendingDates, assertFiniteValues } from './validate-series.ts';

/** `date`: known from its observation date; `availableFrom`: known from its release date. */
export type AsOfKey = 'date' | 'availableFrom';

/** Options of {@link asOfJoin}. */
export interface AsOfOptions {
  /** Target days, ascending (e.g. `tradingDaysBetween(calendar, range)`). */
  readonly days: readonly IsoDate[];
  /** Which date makes a value known. `availableFrom` requires it on every point. */
  readonly key: AsOfKey;
}

/** A day with the value known on it and where that value came from. */
export interface AsOfPoint {
  readonly date: IsoDate;
  readonly value: number;
  /** Observation date of the value used. */
  readonly observedOn: IsoDate;
  /** Calendar days from `observedOn` to `date` (0 when observed that day). */
  readonly ageDays: number;
}

function knownFrom(point: SeriesPoint, key: AsOfKey, index: number): IsoDate {
  if (key === 'date') return point.date;
  if (point.availableFrom === undefined) {
    throw invalidInput(`points[${index}].availableFrom`, undefined, `missing on ${point.date}`);
  }
  return point.availableFrom;
}

/**
 * For each day, the observation with the latest `date` among those known by that day.
 * Throws `INVALID_INPUT` on unsorted input or, for key `availableFrom`, a point without it.
 */
export function asOfJoin(points: readonly SeriesPoint[], options: AsOfOptions): AsOfPoint[] {
  assertAscendingDates('points', points);
  assertFiniteValues('points', points);
  assertAscendingDates(
    'days',
    options.days.map((date) => ({ date })),
  );
  const byKnown = points
    .map((point, index) => ({ point, known: knownFrom(point, options.key, index) }))
    .sort((a, b) => (a.known < b.known ? -1 : a.known > b.known ? 1 : 0));
  const out: AsOfPoint[] = [];
  let cursor = 0;
  let latest: SeriesPoint | undefined;
  for (const day of options.days) {
    for (let next = byKnown[cursor]; next && next.known <= day; next = byKnown[cursor]) {
      if (!latest || next.point.date > latest.date) latest = next.point;
      cursor += 1;
    }
    if (!latest) continue;
    out.push({
      date: day,
      value: latest.value,
      observedOn: latest.date,
      ageDays: daysBetween(latest.date, day),
    });
  }
  return out;
}

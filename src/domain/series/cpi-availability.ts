/**
 * When a CPI level becomes usable (docs/conventions.md, "Inflation": CPI for month M is published in
 * the middle of M + 1; a backtest uses only what was published).
 *
 * A point's **availability date** is its `availableFrom` (release date, e.g. from ALFRED
 * vintages) when present — that always wins — else the release rule:
 * - `{ rule: 'nextMonthDay', day: 15 }` (default): the level for month M (the point's `date`
 *   is any day of M, FRED uses the 1st) is available from day `day` of M + 1 (clamped to the
 *   month's length);
 * - `{ rule: 'observationDate' }`: available on its own `date` (for series dated at month-end
 *   by a source that already lags them).
 *
 * Its **effective date** is the first trading day on or after the availability date: a value
 * available on a weekend or holiday (e.g. a CPI dated Sunday 2024-03-31) applies from the next
 * trading day (Monday 2024-04-01).
 */

import { daysInMonth, formatIsoDate, parseIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import type { TradingCalendar } from '../calendar/trading-calendar.ts';
import { tradingDayOnOrAfter } from '../calendar/trading-days.ts';
import { invalidInput } from '../errors.ts';
import type { SeriesPoint } from '../market/types.ts';
import { assertAscendingDates } from './validate-series.ts';

/** How to date a CPI release when a point has no `availableFrom`. */
export type CpiReleaseRule =
  { readonly rule: 'nextMonthDay'; readonly day: number } | { readonly rule: 'observationDate' };

/** CPI for month M is available from the 15th of M + 1 (BLS publishes mid-month). */
export const DEFAULT_CPI_RELEASE: CpiReleaseRule = { rule: 'nextMonthDay', day: 15 };

/** A CPI level with the dates it became public and usable. */
export interface EffectiveLevel {
  /** Observation date as the source gives it (FRED: first day of the reference month). */
  readonly date: IsoDate;
  /** Index level (positive, unitless). */
  readonly value: number;
  /** First calendar day the value was public. */
  readonly availableFrom: IsoDate;
  /** First trading day on or after `availableFrom`: the first close that may use it. */
  readonly effectiveFrom: IsoDate;
}

/** Options of {@link cpiEffectiveLevels}. */
export interface CpiAvailabilityOptions {
  readonly calendar: TradingCalendar;
  /** Rule for points without `availableFrom` (default {@link DEFAULT_CPI_RELEASE}). */
  readonly release?: CpiReleaseRule;
}

function availability(point: SeriesPoint, release: CpiReleaseRule): IsoDate {
  if (point.availableFrom !== undefined) return point.availableFrom;
  if (release.rule === 'observationDate') return point.date;
  const p = parseIsoDate(point.date);
  if (!p) throw invalidInput('cpi.date', point.date, 'not an ISO date');
  const year = p.month === 12 ? p.year + 1 : p.year;
  const month = p.month === 12 ? 1 : p.month + 1;
  return formatIsoDate(year, month, Math.min(release.day, daysInMonth(year, month)));
}

/**
 * Every CPI point with its availability and effective dates, in observation order. Throws
 * `INVALID_INPUT` on unsorted dates, a non-positive level or a release day outside 1–31.
 */
export function cpiEffectiveLevels(
  cpi: readonly SeriesPoint[],
  options: CpiAvailabilityOptions,
): readonly EffectiveLevel[] {
  const release = options.release ?? DEFAULT_CPI_RELEASE;
  if (release.rule === 'nextMonthDay') {
    const { day } = release;
    if (!Number.isInteger(day) || day < 1 || day > 31) {
      throw invalidInput('release.day', day, 'must be an integer day of month 1–31');
    }
  }
  assertAscendingDates('cpi', cpi);
  return cpi.map((point, index) => {
    if (!Number.isFinite(point.value) || point.value <= 0) {
      throw invalidInput(
        `cpi[${index}].value`,
        point.value,
        `CPI must be positive (${point.date})`,
      );
    }
    const availableFrom = availability(point, release);
    const effectiveFrom = tradingDayOnOrAfter(options.calendar, availableFrom);
    return { date: point.date, value: point.value, availableFrom, effectiveFrom };
  });
}

/**
 * The CPI level known at the close of `day`: among levels with `effectiveFrom ≤ day`, the one
 * with the latest observation date; undefined when none is known yet.
 */
export function cpiLevelKnownOn(
  levels: readonly EffectiveLevel[],
  day: IsoDate,
): EffectiveLevel | undefined {
  let known: EffectiveLevel | undefined;
  for (const level of levels) {
    if (level.effectiveFrom <= day && (!known || level.date > known.date)) known = level;
  }
  return known;
}

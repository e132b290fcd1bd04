/**
 * Frequency conversion by compounding inside calendar buckets (docs/conventions.md, "Returns"):
 * a bucket's simple return is Π(1 + r_t) − 1 over its observations (log returns: Σ ℓ_t).
 *
 * Buckets: ISO weeks (Monday–Sunday), calendar months, quarters and years.
 *
 * Labels: a bucket is labelled by its **last trading day on the exchange calendar** (March
 * 2024 → 2024-03-28, as 29 March was Good Friday; a week → its Friday, or Thursday when the
 * Friday is a holiday), so series of different instruments line up on the same dates. The
 * last bucket, when the data stop before that day, is labelled by its last observation
 * instead (no label later than the data) and flagged `partialLastBucket`. An observation on a
 * closed day later than the bucket's last trading day moves the label to that observation.
 *
 * Partial first bucket: kept and flagged `partialFirstBucket` when its first observation is
 * later than the bucket's first trading day (the return then does not cover the whole period —
 * a daily return dated on the first trading day covers the close before it to its own close).
 *
 * Nothing is filled: a bucket with no observation produces no point.
 */

import { bucketTradingBounds, calendarBucket } from '../calendar/period-bucket.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { TradingCalendar } from '../calendar/trading-calendar.ts';
import type { Frequency } from './frequency.ts';
import type { FlaggedSeries, ReturnPoint, ReturnSeries, ReturnScale } from './types.ts';
import { assertReturnSeries } from './validate-series.ts';

/** Options of {@link resampleReturns}. */
export interface ResampleOptions {
  readonly frequency: Frequency;
  /** Exchange calendar the buckets' first and last trading days come from. */
  readonly calendar: TradingCalendar;
  /** What the input holds (default `simple`); the output is of the same type. */
  readonly scale?: ReturnScale;
}

interface Group {
  readonly key: IsoDate;
  readonly end: IsoDate;
  readonly points: ReturnPoint[];
}

function groupByBucket(series: ReturnSeries, frequency: Exclude<Frequency, 'daily'>): Group[] {
  const groups: Group[] = [];
  for (const point of series) {
    const bucket = calendarBucket(point.date, frequency);
    const current = groups[groups.length - 1];
    if (current?.key === bucket.start) current.points.push(point);
    else groups.push({ key: bucket.start, end: bucket.end, points: [point] });
  }
  return groups;
}

function combine(points: readonly ReturnPoint[], scale: ReturnScale): number {
  if (scale === 'log') return points.reduce((sum, p) => sum + p.value, 0);
  return points.reduce((growth, p) => growth * (1 + p.value), 1) - 1;
}

/**
 * Converts an ascending return series to `options.frequency` (see the module comment for
 * buckets, labels and flags). `daily` returns the series unchanged with both flags false.
 * Throws `INVALID_INPUT` on unsorted dates or non-finite values.
 */
export function resampleReturns(series: ReturnSeries, options: ResampleOptions): FlaggedSeries {
  const scale = options.scale ?? 'simple';
  assertReturnSeries('returns', series, { simple: scale === 'simple' });
  const { frequency, calendar } = options;
  if (frequency === 'daily') {
    return { points: series, flags: { partialFirstBucket: false, partialLastBucket: false } };
  }
  const groups = groupByBucket(series, frequency);
  let partialFirstBucket = false;
  let partialLastBucket = false;
  const points = groups.map((group, index): ReturnPoint => {
    const firstObserved = group.points[0]?.date ?? group.key;
    const lastObserved = group.points[group.points.length - 1]?.date ?? group.key;
    const bounds = bucketTradingBounds(calendar, { start: group.key, end: group.end });
    const value = combine(group.points, scale);
    if (!bounds) return { date: lastObserved, value };
    if (index === 0 && firstObserved > bounds.first) partialFirstBucket = true;
    if (index === groups.length - 1 && lastObserved < bounds.last) {
      partialLastBucket = true;
      return { date: lastObserved, value };
    }
    return { date: lastObserved > bounds.last ? lastObserved : bounds.last, value };
  });
  return { points, flags: { partialFirstBucket, partialLastBucket } };
}

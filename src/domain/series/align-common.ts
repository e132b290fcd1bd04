/**
 * Common-window alignment: the dates on which **every** series has an observation (the
 * intersection of their dates), as a column-per-series table ready for estimators. Nothing is
 * filled; a date missing from one series drops out for all.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { BallastError, invalidInput } from '../errors.ts';
import type { ReturnSeries } from './types.ts';
import { assertReturnSeries } from './validate-series.ts';

/** A series with the id it is reported under (ticker or exposure id). */
export interface NamedSeries {
  readonly id: string;
  readonly series: ReturnSeries;
}

/** Series aligned on shared dates: `columns[k][t]` is series `ids[k]` on `dates[t]`. */
export interface AlignedTable {
  readonly ids: readonly string[];
  readonly dates: readonly IsoDate[];
  readonly columns: readonly Float64Array[];
}

/** Validates ids (non-empty, unique) and each series (ascending, finite, simple). */
export function assertNamedSeries(series: readonly NamedSeries[]): void {
  const seen = new Set<string>();
  series.forEach((s, i) => {
    if (s.id.length === 0 || seen.has(s.id)) {
      throw invalidInput(`series[${i}].id`, s.id, 'ids must be non-empty and unique');
    }
    seen.add(s.id);
    assertReturnSeries(`series[${i}].series`, s.series, { simple: false });
  });
}

/**
 * Aligns on the intersection of dates. Throws `INVALID_INPUT` when no series is given and
 * `INSUFFICIENT_DATA` (naming each series' first and last date) when they share no date.
 */
export function alignCommon(series: readonly NamedSeries[]): AlignedTable {
  assertNamedSeries(series);
  if (series.length === 0) throw invalidInput('series', [], 'at least one series is needed');
  const lookups = series.map((s) => new Map(s.series.map((p) => [p.date, p.value])));
  const dates = (series[0]?.series ?? [])
    .map((p) => p.date)
    .filter((date) => lookups.every((lookup) => lookup.has(date)));
  if (dates.length === 0) {
    const ranges = series.map(
      (s) => `${s.id} ${s.series[0]?.date ?? '—'}..${s.series.at(-1)?.date ?? '—'}`,
    );
    throw new BallastError('INSUFFICIENT_DATA', `no common dates: ${ranges.join('; ')}`, {
      ids: series.map((s) => s.id),
    });
  }
  const columns = lookups.map((lookup) => Float64Array.from(dates, (d) => lookup.get(d) ?? NaN));
  return { ids: series.map((s) => s.id), dates, columns };
}

/**
 * Pairwise-complete alignment: every series keeps all its dates. The view shows the union of
 * dates with `null` where a series has no observation (never filled), and `pair(i, j)` gives
 * the dates both series `i` and `j` observe — what pairwise covariance estimates use (their
 * matrix then needs a PSD repair, docs/conventions.md "Returns").
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { invalidInput } from '../errors.ts';
import { assertNamedSeries, type NamedSeries } from './align-common.ts';

/** Two series on the dates both observe. */
export interface AlignedPair {
  readonly dates: readonly IsoDate[];
  readonly first: Float64Array;
  readonly second: Float64Array;
}

/** One row of the union table: a value per series, `null` when that series has none. */
export interface UnionRow {
  readonly date: IsoDate;
  readonly values: readonly (number | null)[];
}

/** The pairwise-complete view of several series. */
export interface PairwiseView {
  readonly ids: readonly string[];
  /** Union of all dates, ascending, with holes as `null`. */
  readonly rows: readonly UnionRow[];
  /** Series `i` and `j` (indices into `ids`) on their shared dates; may be empty. */
  pair(i: number, j: number): AlignedPair;
}

/** Builds the pairwise-complete view. Throws `INVALID_INPUT` on bad ids or indices. */
export function alignPairwise(series: readonly NamedSeries[]): PairwiseView {
  assertNamedSeries(series);
  const lookups = series.map((s) => new Map(s.series.map((p) => [p.date, p.value])));
  const dates = [...new Set(series.flatMap((s) => s.series.map((p) => p.date)))].sort();
  const rows = dates.map((date) => ({
    date,
    values: lookups.map((lookup) => lookup.get(date) ?? null),
  }));
  const pair = (i: number, j: number): AlignedPair => {
    const a = lookups[i];
    const b = lookups[j];
    const bad = a === undefined ? i : j;
    if (a === undefined || b === undefined) {
      throw invalidInput('pair index', bad, `must be an integer in 0..${series.length - 1}`);
    }
    const shared = (series[i]?.series ?? []).map((p) => p.date).filter((d) => b.has(d));
    return {
      dates: shared,
      first: Float64Array.from(shared, (d) => a.get(d) ?? NaN),
      second: Float64Array.from(shared, (d) => b.get(d) ?? NaN),
    };
  };
  return { ids: series.map((s) => s.id), rows, pair };
}

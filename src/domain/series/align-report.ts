/**
 * Common-window alignment that says what it dropped (docs/conventions.md, "Returns": alignment is
 * explicit, nothing is filled). {@link alignCommon} keeps the dates every series has; a date
 * inside the common window (from the latest first date to the earliest last date) that some
 * series has and another lacks — a missing value in the middle of a file, a holiday on one
 * exchange — drops out for all. This module reports those dates as an
 * `DATES_DROPPED` warning, counting per series how many window dates it lacks, so the
 * reader knows how many observations were lost and why. Dates outside the common window are
 * not counted here: the window itself is reported with every estimate.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { warning, type Warning } from '../warnings.ts';
import { alignCommon, type AlignedTable, type NamedSeries } from './align-common.ts';

/** An aligned table and the warnings about the dates it dropped. */
export interface AlignmentReport {
  readonly table: AlignedTable;
  readonly warnings: readonly Warning[];
}

/** How many dropped dates the warning lists by name (the count covers all). */
const LISTED_DATES = 5;

/**
 * {@link alignCommon} plus an `DATES_DROPPED` warning when dates inside the common
 * window were dropped. Details: `dropped` (number of dates), `window` (`{ from, to }`),
 * `missingBySeries` (series id → dates it lacks inside the window) and `dates` (the first few).
 * Throws as {@link alignCommon} does.
 */
export function alignCommonReport(series: readonly NamedSeries[]): AlignmentReport {
  const table = alignCommon(series);
  const from = table.dates[0]!;
  const to = table.dates.at(-1)!;
  const kept = new Set(table.dates);
  const missingBySeries: Record<string, number> = {};
  const union = new Set<IsoDate>();
  for (const s of series) {
    for (const p of s.series) if (p.date >= from && p.date <= to) union.add(p.date);
  }
  const dropped = [...union].filter((d) => !kept.has(d)).sort();
  if (dropped.length === 0) return { table, warnings: [] };
  for (const s of series) {
    const has = new Set(s.series.map((p) => p.date));
    const missing = dropped.filter((d) => !has.has(d)).length;
    if (missing > 0) missingBySeries[s.id] = missing;
  }
  const who = Object.entries(missingBySeries)
    .map(([id, n]) => `${id} lacks ${n}`)
    .join(', ');
  const listed = dropped.slice(0, LISTED_DATES).join(', ');
  const more = dropped.length > LISTED_DATES ? ', …' : '';
  return {
    table,
    warnings: [
      warning(
        'DATES_DROPPED',
        `${dropped.length} date(s) inside the common window ${from}..${to} dropped for every series because some series has no value on them (${who}; ${listed}${more}); nothing is filled`,
        {
          dropped: dropped.length,
          window: { from, to },
          missingBySeries,
          dates: dropped.slice(0, LISTED_DATES),
        },
      ),
    ],
  };
}

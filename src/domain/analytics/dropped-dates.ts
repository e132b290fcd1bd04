/**
 * The warning a computation gives when aligning series on their common dates drops some dates
 * of the series it is about (docs/conventions.md, "Returns": a date dropped by alignment is
 * counted in the output, never filled).
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { warning, type Warning } from '../warnings.ts';

/** Code of {@link droppedDatesWarning}. */
export const DATES_DROPPED = 'DATES_DROPPED';

/** How many dropped dates `details.dates` lists (the first ones). */
const LISTED = 5;

/** What {@link droppedDatesWarning} compares. */
export interface DroppedDates {
  /** The input field the alignment is about (`benchmark`, `factors`, …), for `details.field`. */
  readonly field: string;
  /** What lost dates, in the message (`ALT`, `the portfolio`). */
  readonly subject: string;
  /** The dates the subject has. */
  readonly dates: readonly IsoDate[];
  /** The dates kept after alignment (a subset of `dates`). */
  readonly kept: readonly IsoDate[];
  /** Why the others went, in the message (`the benchmark has no return on them`). */
  readonly why: string;
}

/**
 * A `DATES_DROPPED` warning naming how many of `dates` alignment dropped and why, with the first
 * few dropped dates in `details.dates`; `undefined` when none was dropped.
 */
export function droppedDatesWarning(input: DroppedDates): Warning | undefined {
  const kept = new Set(input.kept);
  const dropped = input.dates.filter((d) => !kept.has(d));
  if (dropped.length === 0) return undefined;
  return warning(
    DATES_DROPPED,
    `${input.subject}: ${dropped.length} of ${input.dates.length} dates dropped (${input.why}); ${input.dates.length - dropped.length} used`,
    {
      field: input.field,
      dropped: dropped.length,
      total: input.dates.length,
      dates: dropped.slice(0, LISTED),
    },
  );
}

/**
 * Scheduled rows of a backtest (docs/backtest.md, "Schedules"): the last row of each calendar
 * period (ISO week, month, quarter, year) present in the data, never the first row nor the
 * final row. `daily` schedules every row but those two.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { calendarBucket } from '../calendar/period-bucket.ts';
import type { FlowFrequency } from './types.ts';

/**
 * Flags already computed, per dates array and frequency: a sweep runs thousands of variants
 * over one dates array, and finding the calendar periods of every row is most of a run's work
 * otherwise (docs/backtest.md, "Sweeps"). A dates array is never changed after it is built.
 */
const computed = new WeakMap<readonly IsoDate[], Map<FlowFrequency, Uint8Array>>();

/**
 * A flag per row: 1 when the row is scheduled for `frequency` (a fresh array each call; the
 * computation is kept per dates array). Row t (0 < t < T − 1) is the
 * last row of its period when row t + 1 falls in a later period; the final row is never
 * scheduled (its period may go on after the data) and the first row is the initial purchase.
 *
 * @example
 * // 2024-01-30, 2024-01-31, 2024-02-01, 2024-02-29, 2024-03-01: monthly → rows 1 and 3
 * scheduledRows(dates, 'monthly'); // Uint8Array [0, 1, 0, 1, 0]
 */
export function scheduledRows(dates: readonly IsoDate[], frequency: FlowFrequency): Uint8Array {
  let byFrequency = computed.get(dates);
  if (byFrequency === undefined)
    computed.set(dates, (byFrequency = new Map<FlowFrequency, Uint8Array>()));
  let flags = byFrequency.get(frequency);
  if (flags === undefined) byFrequency.set(frequency, (flags = computeRows(dates, frequency)));
  return flags.slice();
}

function computeRows(dates: readonly IsoDate[], frequency: FlowFrequency): Uint8Array {
  const n = dates.length;
  const flags = new Uint8Array(n);
  if (n < 3) return flags;
  if (frequency === 'daily') {
    flags.fill(1, 1, n - 1);
    return flags;
  }
  let next = calendarBucket(dates[1]!, frequency).start;
  for (let t = 1; t < n - 1; t++) {
    const current = next;
    next = calendarBucket(dates[t + 1]!, frequency).start;
    if (next !== current) flags[t] = 1;
  }
  return flags;
}

/** The dates of the scheduled rows (for messages and tests). */
export function scheduledDates(dates: readonly IsoDate[], frequency: FlowFrequency): IsoDate[] {
  const flags = scheduledRows(dates, frequency);
  return dates.filter((_, t) => flags[t] === 1);
}

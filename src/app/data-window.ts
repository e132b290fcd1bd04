/**
 * The window of data a result used, stated in every output of a returns-based command
 * (docs/conventions.md, "Returns": alignment is explicit and what it drops is counted): its first
 * and last date and its number of periods. A window shorter than what the store holds is said
 * with a `WINDOW_SHORTER_THAN_STORED` warning (symbol-returns.ts).
 */

import type { IsoDate } from '../domain/calendar/iso-date.ts';

/** First and last date (inclusive) and the number of periods (dates) of the data used. */
export interface DataWindow {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly periods: number;
}

/** The window of ascending `dates`; undefined when there are none. */
export function windowOf(dates: readonly IsoDate[]): DataWindow | undefined {
  if (dates.length === 0) return undefined;
  return { from: dates[0]!, to: dates[dates.length - 1]!, periods: dates.length };
}

/** `Window 2014-06-23..2024-06-20 (2,516 periods)` for tables. */
export function windowLine(window: DataWindow | undefined): string {
  if (window === undefined) return 'Window: no data';
  return `Window ${window.from}..${window.to} (${window.periods.toLocaleString('en')} periods)`;
}

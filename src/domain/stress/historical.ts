/**
 * Historical windows replayed on current exposures: each exposure's returns compounded over
 * the window, Π(1 + r_t) − 1, become that exposure's shock (then propagated like a
 * hypothetical shock, see `propagate.ts`).
 *
 * A window `from → to` means "from the close of `from` to the close of `to`": the returns
 * dated in (from, to] are compounded (docs/conventions.md: end dates inclusive).
 *
 * - **Daily** data: the returns dated in (from, to]. An exposure is covered when its series
 *   has an observation on or before `from` (so the starting level is inside the data) and one
 *   on or after `to`; otherwise it is uncovered. Effective dates = the window as given.
 * - **Monthly** data (month-end snapping, outward): every calendar month overlapping
 *   (from, to] is taken whole, from the month of the day after `from` to the month of `to`.
 *   COVID 2020-02-19 → 2020-03-23 becomes the February and March 2020 monthly returns, i.e.
 *   effective 2020-01-31 → 2020-03-31; 2021-12-31 → 2022-10-14 becomes January–October 2022
 *   (effective 2021-12-31 → 2022-10-31). An exposure is covered when it has a return for
 *   every one of those months.
 * Never padded: an uncovered exposure gets no shock and is listed with the reason.
 */

import { addDays, isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { monthEnd, monthStart, nextMonthStart } from '../calendar/month-bounds.ts';
import { invalidInput } from '../errors.ts';

/** A dated window, end dates inclusive. */
export interface StressWindow {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** A built-in historical scenario. */
export interface HistoricalScenario extends StressWindow {
  readonly name: string;
  readonly description: string;
}

/**
 * The built-in scenarios (S&P 500 closing peak → trough for the two crashes; the 2022 rates
 * shock from the 2021 year-end to the 2022 low of US equities and bonds together).
 */
export const BUILT_IN_SCENARIOS: readonly HistoricalScenario[] = [
  {
    name: 'gfc-2008',
    from: '2007-10-09',
    to: '2009-03-09',
    description: 'Global financial crisis: S&P 500 peak 2007-10-09 to trough 2009-03-09',
  },
  {
    name: 'covid-2020',
    from: '2020-02-19',
    to: '2020-03-23',
    description: 'COVID crash: S&P 500 peak 2020-02-19 to trough 2020-03-23',
  },
  {
    name: 'rates-2022',
    from: '2021-12-31',
    to: '2022-10-14',
    description: '2022 rates shock: 2021 year-end to the 2022-10-14 low of stocks and bonds',
  },
];

/**
 * Checks a window given as input: both dates real calendar dates and `from` before `to`.
 * Throws INVALID_INPUT naming `field.from` / `field.to` (default field `window`).
 */
export function checkWindow(window: StressWindow, field = 'window'): StressWindow {
  if (!isIsoDate(window.from))
    throw invalidInput(`${field}.from`, window.from, 'expected a calendar date YYYY-MM-DD');
  if (!isIsoDate(window.to))
    throw invalidInput(`${field}.to`, window.to, 'expected a calendar date YYYY-MM-DD');
  if (!(window.from < window.to))
    throw invalidInput(`${field}.to`, window.to, `must be after ${field}.from (${window.from})`);
  return window;
}

/** One observation of an exposure's return series. */
export interface ReturnPoint {
  readonly date: IsoDate;
  readonly value: number;
}

/** Input of {@link windowShocks}. */
export interface WindowShocksInput {
  readonly window: StressWindow;
  readonly frequency: 'daily' | 'monthly';
  /** Exposure ids to compute (e.g. those the portfolio holds), in report order. */
  readonly ids: readonly string[];
  /** Return series by exposure id, dates ascending; an id absent here is uncovered. */
  readonly series: ReadonlyMap<string, readonly ReturnPoint[]>;
}

/** Result of {@link windowShocks}. */
export interface WindowShocks {
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo: IsoDate;
  /** Compounded return per covered exposure. */
  readonly shocks: ReadonlyMap<string, number>;
  /** Number of returns compounded per covered exposure. */
  readonly periods: ReadonlyMap<string, number>;
  readonly uncovered: readonly { readonly exposure: string; readonly reason: string }[];
}

function span(points: readonly ReturnPoint[]): string {
  return points.length === 0 ? 'no data' : `data ${points[0]!.date}..${points.at(-1)!.date}`;
}

/** The calendar months (`YYYY-MM`) overlapping (from, to]. */
export function monthsOf(window: StressWindow): string[] {
  const months: string[] = [];
  for (let m = monthStart(addDays(window.from, 1)); m <= window.to; m = nextMonthStart(m))
    months.push(m.slice(0, 7));
  return months;
}

function monthlyShock(
  points: readonly ReturnPoint[],
  months: readonly string[],
): { shock: number; periods: number } | string {
  const byMonth = new Map<string, number>();
  for (const p of points) {
    const key = p.date.slice(0, 7);
    if (byMonth.has(key)) return `more than one return in ${key}: not a monthly series`;
    byMonth.set(key, p.value);
  }
  let growth = 1;
  for (const m of months) {
    const r = byMonth.get(m);
    if (r === undefined) return `no return for ${m} (${span(points)})`;
    growth *= 1 + r;
  }
  return { shock: growth - 1, periods: months.length };
}

function dailyShock(
  points: readonly ReturnPoint[],
  window: StressWindow,
): { shock: number; periods: number } | string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || first.date > window.from || !last || last.date < window.to)
    return `needs data from ${window.from} or earlier through ${window.to} (${span(points)})`;
  let growth = 1;
  let periods = 0;
  for (const p of points) {
    if (p.date <= window.from || p.date > window.to) continue;
    growth *= 1 + p.value;
    periods += 1;
  }
  return { shock: growth - 1, periods };
}

/**
 * Compounds each exposure's returns over the window (rules in the file header). Pure; never
 * fills a gap: an exposure with any missing period is listed in `uncovered` with the reason.
 */
export function windowShocks(input: WindowShocksInput): WindowShocks {
  const months = input.frequency === 'monthly' ? monthsOf(input.window) : [];
  const shocks = new Map<string, number>();
  const periods = new Map<string, number>();
  const uncovered: { exposure: string; reason: string }[] = [];
  for (const id of input.ids) {
    const points = input.series.get(id) ?? [];
    const r =
      input.frequency === 'monthly'
        ? monthlyShock(points, months)
        : dailyShock(points, input.window);
    if (typeof r === 'string') uncovered.push({ exposure: id, reason: r });
    else {
      shocks.set(id, r.shock);
      periods.set(id, r.periods);
    }
  }
  return input.frequency === 'monthly'
    ? {
        effectiveFrom: addDays(`${months[0]!}-01`, -1),
        effectiveTo: monthEnd(`${months.at(-1)!}-01`),
        shocks,
        periods,
        uncovered,
      }
    : {
        effectiveFrom: input.window.from,
        effectiveTo: input.window.to,
        shocks,
        periods,
        uncovered,
      };
}

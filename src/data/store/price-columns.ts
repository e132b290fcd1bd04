/**
 * Building and slicing {@link PriceColumns}: from rows (PostgreSQL, and SQLite's cache
 * rebuild) and by an inclusive date range (binary search on the ascending dates).
 */

import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import type { PriceColumns } from './market-store.ts';

/** The columns of one row set, in the order of the rows (ascending dates). */
export interface PriceColumnRow {
  readonly date: string;
  readonly close: number;
  readonly adj_close: number | null;
  readonly dividend: number;
  readonly split: number;
}

/** Columns with no days. */
export function emptyPriceColumns(): PriceColumns {
  const none = new Float64Array(0);
  return { dates: [], close: none, adjClose: none, dividend: none, split: none };
}

/** Columns of `rows` (already ascending by date); `intern` shares equal date strings. */
export function columnsFromRows(
  rows: readonly PriceColumnRow[],
  intern: (date: string) => IsoDate = (d) => d,
): PriceColumns {
  const n = rows.length;
  const dates = new Array<IsoDate>(n);
  const close = new Float64Array(n);
  const adjClose = new Float64Array(n);
  const dividend = new Float64Array(n);
  const split = new Float64Array(n);
  rows.forEach((row, i) => {
    dates[i] = intern(row.date);
    close[i] = row.close;
    adjClose[i] = row.adj_close ?? Number.NaN;
    dividend[i] = row.dividend;
    split[i] = row.split;
  });
  return { dates, close, adjClose, dividend, split };
}

/** First index whose date is ≥ `date` (dates ascending). */
function lowerBound(dates: readonly IsoDate[], date: IsoDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((dates[mid] as IsoDate) < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The days of `columns` within the inclusive range [from, to] (views, not copies). */
export function slicePriceColumns(
  columns: PriceColumns,
  range: { readonly from: IsoDate; readonly to: IsoDate },
): PriceColumns {
  const start = lowerBound(columns.dates, range.from);
  const end = lowerBound(columns.dates, `${range.to}~`);
  if (start === 0 && end === columns.dates.length) return columns;
  return {
    dates: columns.dates.slice(start, end),
    close: columns.close.subarray(start, end),
    adjClose: columns.adjClose.subarray(start, end),
    dividend: columns.dividend.subarray(start, end),
    split: columns.split.subarray(start, end),
  };
}

/** A function returning one shared string per distinct date (for one read). */
export function dateInterner(): (date: string) => IsoDate {
  const seen = new Map<string, IsoDate>();
  return (date) => {
    const known = seen.get(date);
    if (known !== undefined) return known;
    seen.set(date, date);
    return date;
  };
}

const DAY_MS = 86_400_000;

/** ISO dates of days since 1970-01-01, one shared string per day through `names`. */
export function isoDatesOfDays(days: Int32Array, names: Map<number, IsoDate>): IsoDate[] {
  const dates = new Array<IsoDate>(days.length);
  for (let i = 0; i < days.length; i++) {
    const day = days[i] as number;
    let name = names.get(day);
    if (name === undefined) {
      name = new Date(day * DAY_MS).toISOString().slice(0, 10);
      names.set(day, name);
    }
    dates[i] = name;
  }
  return dates;
}

/** A column row with its symbol. */
export interface SymbolColumnRow extends PriceColumnRow {
  readonly symbol: string;
}

/** Columns per symbol of `rows` (ascending by date within each symbol). */
export function groupPriceColumns(rows: readonly SymbolColumnRow[]): Map<string, PriceColumns> {
  const bySymbol = new Map<string, SymbolColumnRow[]>();
  for (const row of rows) {
    const list = bySymbol.get(row.symbol);
    if (list === undefined) bySymbol.set(row.symbol, [row]);
    else list.push(row);
  }
  const intern = dateInterner();
  return new Map([...bySymbol].map(([symbol, list]) => [symbol, columnsFromRows(list, intern)]));
}

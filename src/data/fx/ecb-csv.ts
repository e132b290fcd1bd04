/**
 * The ECB's euro foreign exchange reference rates as published in `eurofxref-hist.csv` (inside
 * https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip): a header `Date,USD,JPY,…`
 * (often with a trailing comma, i.e. an empty last column), then one row per TARGET business
 * day, newest first, each rate the units of the column's currency per 1 EUR, `N/A` where the
 * ECB has no rate (a currency not yet or no longer quoted). Each column `XXX` is the pair
 * `EURXXX`, stored as series `FX:EURXXX` (docs/currencies.md).
 *
 * Rows may come newest first (as published) or oldest first; the direction is taken from the
 * first two rows and must then hold throughout (dates strictly monotonic, so no date twice).
 */

import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import { BallastError } from '../../domain/errors.ts';
import { isCurrencyCode } from '../../domain/fx/currency.ts';
import type { SeriesPoint } from '../../domain/market/types.ts';
import { RowReader } from '../csv/fields.ts';
import { parseCsv } from '../csv/parse-csv.ts';

/** A currency column of the file: its position-independent header name and its pair. */
export interface EcbColumn {
  /** The header cell as the CSV reader gives it (trimmed, lower-case). */
  readonly header: string;
  /** The quoted currency (upper-case): the pair is `EUR<currency>`. */
  readonly currency: string;
}

/**
 * The currency columns of an ECB header: the first column must be `Date`; empty header cells
 * (the trailing comma) are skipped; every other must be a three-letter code, once.
 * @throws BallastError INVALID_INPUT naming the file and the column.
 */
export function ecbColumns(header: readonly string[], file: string): EcbColumn[] {
  const fail = (column: string, why: string): BallastError =>
    new BallastError('INVALID_INPUT', `${file}:1: column "${column}": ${why}`, {
      file,
      line: 1,
      column,
    });
  if (header[0] !== 'date') throw fail(header[0] ?? '', 'the first column must be Date');
  const columns: EcbColumn[] = [];
  for (const name of header.slice(1)) {
    if (name === '') continue;
    const currency = name.toUpperCase();
    if (!isCurrencyCode(currency)) throw fail(name, 'not a three-letter currency code');
    if (currency === 'EUR') throw fail(name, 'EUR per EUR is not a rate');
    if (columns.some((c) => c.currency === currency)) throw fail(name, 'appears twice');
    columns.push({ header: name, currency });
  }
  if (columns.length === 0) throw fail('date', 'no currency columns after the date');
  return columns;
}

/** Order of the rows, fixed by the first two. */
export type EcbOrder = 'newest-first' | 'oldest-first' | undefined;

/**
 * One ECB row: its date and each column's rate (`undefined` for `N/A` or an empty cell). The date
 * must continue the order of the rows before (`previous`, `order`).
 * @throws BallastError INVALID_INPUT naming file, line, column and value.
 */
export function readEcbRow(
  r: RowReader,
  columns: readonly EcbColumn[],
  previous: { readonly date?: IsoDate; readonly order: EcbOrder },
): { date: IsoDate; order: EcbOrder; rates: (number | undefined)[] } {
  const date = r.date('date');
  if (date === undefined) throw r.fail('date', 'a date is required');
  let order = previous.order;
  if (previous.date !== undefined) {
    if (date === previous.date) throw r.fail('date', `appears twice (previous row: ${date})`);
    const here = date < previous.date ? 'newest-first' : 'oldest-first';
    if (order !== undefined && here !== order)
      throw r.fail(
        'date',
        `dates must be ${order === 'newest-first' ? 'descending' : 'ascending'} like the rows before (previous row: ${previous.date})`,
      );
    order = here;
  }
  const rates = columns.map((c) => {
    const text = r.text(c.header);
    if (text === undefined || text.toUpperCase() === 'N/A') return undefined;
    return r.requireNumber(c.header, { positive: true });
  });
  return { date, order, rates };
}

/**
 * Parses a whole ECB file in memory: the rates per quoted currency (`USD` → USD per 1 EUR),
 * ascending by date, `N/A` cells left out (never carried forward). `data import --kind fx-ecb`
 * streams the same rows instead (app/data-import-fx.ts).
 * @throws BallastError INVALID_INPUT naming file, line, column and value.
 */
export function parseEcbCsv(text: string, file: string): Map<string, SeriesPoint[]> {
  const table = parseCsv(text, file);
  const columns = ecbColumns(table.header, file);
  const out = new Map<string, SeriesPoint[]>(columns.map((c) => [c.currency, []]));
  let previous: { date?: IsoDate; order: EcbOrder } = { order: undefined };
  for (const row of table.rows) {
    const read = readEcbRow(new RowReader(file, row), columns, previous);
    previous = { date: read.date, order: read.order };
    read.rates.forEach((value, i) => {
      if (value !== undefined) out.get(columns[i]!.currency)!.push({ date: read.date, value });
    });
  }
  if (previous.order === 'newest-first') for (const points of out.values()) points.reverse();
  return out;
}

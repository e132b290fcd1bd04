import { readFile as readFileFromDisk } from 'node:fs/promises';
import { isIsoDate, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import type { PriceBar, SeriesPoint } from '../../domain/market/types.ts';
import { checkHeader, MAX_INPUT_MAGNITUDE, RowReader } from '../csv/fields.ts';
import { parseCsv } from '../csv/parse-csv.ts';
import type { MarketDataProvider, PriceRequest } from './provider.ts';

/**
 * A plain decimal, optionally with an exponent (`-0.0125`, `5.2e-05`); no `%`, no separators;
 * finite and at most `MAX_INPUT_MAGNITUDE` (1e15) in magnitude.
 */
function decimal(r: RowReader, column: string, min?: number): number | undefined {
  const v = r.text(column);
  if (v === undefined) return undefined;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v)) {
    throw r.fail(
      column,
      v.endsWith('%') ? 'not a number (write decimals: 0.05, not 5%)' : 'not a number',
    );
  }
  const n = Number(v);
  if (!Number.isFinite(n)) throw r.fail(column, 'not a finite number');
  if (!(Math.abs(n) <= MAX_INPUT_MAGNITUDE))
    throw r.fail(column, 'out of range: the magnitude must be at most 1e15');
  if (min !== undefined && n < min) throw r.fail(column, `must be at least ${min}`);
  return n;
}

function positive(r: RowReader, column: string): number | undefined {
  const n = decimal(r, column);
  if (n !== undefined && !(n > 0)) throw r.fail(column, 'must be greater than zero');
  return n;
}

/** Reads a row's date and checks it comes strictly after the previous row's. */
function ascendingDate(r: RowReader, column: string, previous: IsoDate | undefined): IsoDate {
  const date = r.date(column);
  if (date === undefined) throw r.fail(column, 'a date is required');
  if (previous !== undefined && date <= previous) {
    throw r.fail(column, `dates must be ascending and unique (previous row: ${previous})`);
  }
  return date;
}

/** Columns of a local prices file (`date` and `close` required). */
export const PRICE_FILE_COLUMNS = {
  required: ['date', 'close'],
  optional: ['adj_close', 'dividend', 'split', 'open', 'high', 'low', 'volume'],
} as const;

/**
 * One row of a prices file as a {@link PriceBar} (see {@link parsePriceFileCsv}); its date must
 * come after `previous`, the date of the row before.
 *
 * @throws BallastError INVALID_INPUT naming file, line, column and value.
 */
export function readPriceBar(r: RowReader, previous: IsoDate | undefined): PriceBar {
  const date = ascendingDate(r, 'date', previous);
  const close = positive(r, 'close');
  if (close === undefined) throw r.fail('close', 'a value is required');
  const [open, high, low] = [decimal(r, 'open', 0), decimal(r, 'high', 0), decimal(r, 'low', 0)];
  if (high !== undefined && low !== undefined && high < low)
    throw r.fail('high', `is below low (${low})`);
  const adjClose = positive(r, 'adj_close');
  const volume = decimal(r, 'volume', 0);
  return {
    date,
    ...(open === undefined ? {} : { open }),
    ...(high === undefined ? {} : { high }),
    ...(low === undefined ? {} : { low }),
    close,
    ...(adjClose === undefined ? {} : { adjClose }),
    ...(volume === undefined ? {} : { volume }),
    dividend: decimal(r, 'dividend', 0) ?? 0,
    split: positive(r, 'split') ?? 1,
  };
}

/**
 * Parses a local prices file `date,close[,adj_close,dividend,split,open,high,low,volume]` (any
 * column order, header case-insensitive) into {@link PriceBar}s. `close` (and open/high/low) are
 * the prices as traded; `adj_close` the adjusted close when known; `dividend` the cash dividend
 * per share on its ex-date (default 0); `split` the split ratio on its effective date (2 for
 * 2-for-1; default 1). Dates ascending and unique.
 *
 * @throws BallastError INVALID_INPUT naming file, line, column and value.
 */
export function parsePriceFileCsv(text: string, file: string): PriceBar[] {
  const table = parseCsv(text, file);
  checkHeader(file, table.header, PRICE_FILE_COLUMNS);
  const bars: PriceBar[] = [];
  let previous: IsoDate | undefined;
  for (const row of table.rows) {
    const bar = readPriceBar(new RowReader(file, row), previous);
    previous = bar.date;
    bars.push(bar);
  }
  return bars;
}

/** A parsed returns file: its columns in file order and one series per column. */
export interface ReturnsFile {
  readonly columns: readonly string[];
  /** Only the dates with a value: an empty cell is a missing return, never a zero. */
  readonly seriesByColumn: ReadonlyMap<string, readonly SeriesPoint[]>;
}

function headerError(file: string, column: string, why: string): BallastError {
  return new BallastError('INVALID_INPUT', `${file}:1: column "${column}": ${why}`, {
    file,
    line: 1,
    column,
  });
}

/**
 * The column ids of a returns file's header (`date,A,B,...`, see {@link parseReturnsFileCsv}):
 * upper-cased unless `columnCase: 'lower'`.
 *
 * @throws BallastError INVALID_INPUT naming the file and the column.
 */
export function returnsFileColumns(
  header: readonly string[],
  file: string,
  options: { readonly columnCase?: 'upper' | 'lower' } = {},
): string[] {
  const [dateColumn, ...names] = header;
  if (dateColumn !== 'date' && dateColumn !== '') {
    throw headerError(file, dateColumn ?? '', 'the first column must be the date');
  }
  if (names.length === 0) throw headerError(file, 'date', 'no return columns after the date');
  const columns = names.map((c) => (options.columnCase === 'lower' ? c : c.toUpperCase()));
  columns.forEach((c, i) => {
    if (c === '' || c === 'DATE' || c === 'date')
      throw headerError(file, c, 'a return column needs a name');
    if (columns.indexOf(c) !== i) throw headerError(file, c, 'appears twice');
  });
  return columns;
}

/**
 * One row of a returns file: its date (after `previous`) and the value of each column of
 * `header` after the date, `undefined` for an empty cell (a missing return, never a zero).
 *
 * @throws BallastError INVALID_INPUT naming file, line, column and value.
 */
export function readReturnsRow(
  r: RowReader,
  header: readonly string[],
  previous: IsoDate | undefined,
): { date: IsoDate; values: (number | undefined)[] } {
  const date = ascendingDate(r, header[0]!, previous);
  const values: (number | undefined)[] = [];
  for (let i = 1; i < header.length; i++) values.push(decimal(r, header[i]!, -1));
  return { date, values };
}

/**
 * Parses a returns file `date,A,B,...`: one row per date (ascending, unique), one column per
 * asset, decimal simple returns (0.012 = +1.2 %; ≥ −1). An empty cell means no observation and
 * is left out of that column's series — never zero-filled or carried forward. The first column
 * may be named `date` or left unnamed (a pandas index). Column names are trimmed and, by default,
 * upper-cased as symbols (`columnCase: 'lower'` keeps ids such as `us_large_equity`).
 *
 * @throws BallastError INVALID_INPUT naming file, line, column and value.
 */
export function parseReturnsFileCsv(
  text: string,
  file: string,
  options: { readonly columnCase?: 'upper' | 'lower' } = {},
): ReturnsFile {
  const table = parseCsv(text, file);
  const columns = returnsFileColumns(table.header, file, options);
  const series = columns.map((): SeriesPoint[] => []);
  let previous: IsoDate | undefined;
  for (const row of table.rows) {
    const { date, values } = readReturnsRow(new RowReader(file, row), table.header, previous);
    previous = date;
    values.forEach((value, i) => {
      if (value !== undefined) series[i]!.push({ date, value });
    });
  }
  return { columns, seriesByColumn: new Map(columns.map((c, i) => [c, series[i]!])) };
}

/** Columns of a series file. */
export const SERIES_FILE_COLUMNS = {
  required: ['date', 'value'],
  optional: ['available_from'],
} as const;

/**
 * One row of a series file (see {@link parseSeriesFileCsv}): its date (after `previous`) and
 * its point, `undefined` when the value is empty.
 *
 * @throws BallastError INVALID_INPUT naming file, line, column and value.
 */
export function readSeriesRow(
  r: RowReader,
  previous: IsoDate | undefined,
): { date: IsoDate; point: SeriesPoint | undefined } {
  const date = ascendingDate(r, 'date', previous);
  const value = decimal(r, 'value');
  const availableFrom = r.date('available_from');
  if (availableFrom !== undefined && availableFrom < date)
    throw r.fail('available_from', `is before the date ${date}`);
  if (value === undefined) return { date, point: undefined };
  return {
    date,
    point: { date, value, ...(availableFrom === undefined ? {} : { availableFrom }) },
  };
}

/**
 * Parses a series file `date,value[,available_from]` (a yield in decimal, a CPI level, …):
 * dates ascending and unique; an empty value is a missing observation and is left out;
 * `available_from` is the first day the value was public (on or after `date`).
 *
 * @throws BallastError INVALID_INPUT naming file, line, column and value.
 */
export function parseSeriesFileCsv(text: string, file: string): SeriesPoint[] {
  const table = parseCsv(text, file);
  checkHeader(file, table.header, SERIES_FILE_COLUMNS);
  const points: SeriesPoint[] = [];
  let previous: IsoDate | undefined;
  for (const row of table.rows) {
    const { date, point } = readSeriesRow(new RowReader(file, row), previous);
    previous = date;
    if (point) points.push(point);
  }
  return points;
}

/** Options of {@link createCsvProvider}. */
export interface CsvProviderOptions {
  /** Prices file per symbol (symbols are trimmed and upper-cased). */
  readonly files: Readonly<Record<string, string>>;
  /** Reads a file as UTF-8 text (default: node:fs/promises `readFile`). */
  readonly readFile?: (path: string) => Promise<string>;
}

function fileError(e: unknown, path: string, symbol: string): BallastError {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') {
    return new BallastError('NOT_FOUND', `csv: prices file ${path} for ${symbol} does not exist`, {
      provider: 'csv',
      file: path,
      symbol,
    });
  }
  const why = e instanceof Error ? e.message : String(e);
  return new BallastError('DATA_UNAVAILABLE', `csv: cannot read ${path}: ${why}`, {
    provider: 'csv',
    file: path,
    symbol,
  });
}

/**
 * A provider of daily prices from local CSV files in the {@link parsePriceFileCsv} format, one
 * file per symbol. Kind: `prices`. An unlisted symbol or a missing file is NOT_FOUND; a file that
 * does not parse is DATA_UNAVAILABLE with `reason: 'malformed'` and the parser's file, line,
 * column and value in `details`. Files are read on every call (they may change between runs).
 */
export function createCsvProvider(options: CsvProviderOptions): MarketDataProvider {
  const files = new Map(
    Object.entries(options.files).map(([symbol, path]) => [symbol.trim().toUpperCase(), path]),
  );
  const read = options.readFile ?? ((path: string) => readFileFromDisk(path, 'utf8'));
  return {
    name: 'csv',
    kinds: ['prices'],

    async fetchPrices({ symbol, from, to, signal }: PriceRequest): Promise<PriceBar[]> {
      if (!isIsoDate(from))
        throw invalidInput('from', from, 'not a calendar date in YYYY-MM-DD form');
      if (!isIsoDate(to)) throw invalidInput('to', to, 'not a calendar date in YYYY-MM-DD form');
      if (from > to) throw invalidInput('from', from, `is after to (${to})`);
      const key = symbol.trim().toUpperCase();
      const path = files.get(key);
      if (path === undefined) {
        throw new BallastError('NOT_FOUND', `csv: no prices file configured for ${key}`, {
          provider: 'csv',
          symbol: key,
        });
      }
      signal?.throwIfAborted();
      let text: string;
      try {
        text = await read(path);
      } catch (e) {
        throw fileError(e, path, key);
      }
      let bars: PriceBar[];
      try {
        bars = parsePriceFileCsv(text, path);
      } catch (e) {
        if (!(e instanceof BallastError)) throw e;
        throw new BallastError('DATA_UNAVAILABLE', `csv: ${e.message}`, {
          ...e.details,
          provider: 'csv',
          reason: 'malformed',
        });
      }
      return bars.filter((b) => b.date >= from && b.date <= to);
    },
  };
}

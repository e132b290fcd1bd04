/**
 * SQLite's packed column cache (`price_columns`): per symbol, its days (int32 days since
 * 1970-01-01) and close / adjusted close / dividend / split (float64), each one BLOB in
 * native (little-endian) byte order. Reading 500 symbols × 10 years is then 500 rows of
 * blobs instead of 1.26 M rows of cells, which is what lets the return matrix load in well
 * under a second.
 *
 * Triggers on `price_bars` delete a symbol's cache row whenever one of its bars changes, so the
 * cache is never stale; {@link SqlitePriceColumns.rebuild} refills it after a write, and a read
 * that misses rebuilds it from the rows (read-repair).
 */

import type { Database } from 'better-sqlite3';
import { endianness } from 'node:os';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import type { PriceColumns } from './market-store.ts';
import { isoDatesOfDays, slicePriceColumns } from './price-columns.ts';
import type { RangeQuery } from './time-series-access.ts';

const DAY_MS = 86_400_000;

/** Cache access for one SQLite handle. */
export interface SqlitePriceColumns {
  /** Recomputes the cache row of `symbol` from its bars (removes it when there are none). */
  rebuild(symbol: string): void;
  /** Columns of every requested key that has bars, sliced to the range. */
  read(query: RangeQuery): Map<string, PriceColumns>;
}

type CacheRow = [string, Buffer, Buffer, Buffer, Buffer, Buffer];
type BarCells = [IsoDate, number, number | null, number, number];

function epochDay(date: IsoDate): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
}

function blob(array: Float64Array | Int32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

function float64s(buffer: Buffer): Float64Array {
  const copy = new Float64Array(buffer.byteLength / 8);
  new Uint8Array(copy.buffer).set(buffer);
  return copy;
}

function int32s(buffer: Buffer): Int32Array {
  const copy = new Int32Array(buffer.byteLength / 4);
  new Uint8Array(copy.buffer).set(buffer);
  return copy;
}

/** Cache access over `raw` (after migrations), or undefined on a big-endian machine. */
export function sqlitePriceColumns(raw: Database): SqlitePriceColumns | undefined {
  if (endianness() !== 'LE') return undefined;
  const selectBars = raw
    .prepare(
      'select "date", "close", "adj_close", "dividend", "split" from price_bars where "symbol" = ? order by "date"',
    )
    .raw(true);
  const upsert = raw.prepare(
    'insert or replace into price_columns ("symbol", "days", "close", "adj_close", "dividend", "split") values (?, ?, ?, ?, ?, ?)',
  );
  const remove = raw.prepare('delete from price_columns where "symbol" = ?');
  const select = raw
    .prepare(
      'select "symbol", "days", "close", "adj_close", "dividend", "split" from price_columns where "symbol" in (select value from json_each(?))',
    )
    .raw(true);

  const dayNumbers = new Map<IsoDate, number>();
  const dayOf = (date: IsoDate): number => {
    let day = dayNumbers.get(date);
    if (day === undefined) {
      if (dayNumbers.size >= 100_000) dayNumbers.clear(); // ~400 years of days: bounded memory
      dayNumbers.set(date, (day = epochDay(date)));
    }
    return day;
  };

  const countBars = raw.prepare('select count(*) from price_bars where "symbol" = ?').pluck();

  // Streams the rows into the columns (a symbol of millions of bars never exists as row objects).
  const rebuild = (symbol: string): void => {
    const n = countBars.get(symbol) as number;
    if (n === 0) {
      remove.run(symbol);
      return;
    }
    const [days, close, adjClose, dividend, split] = [
      new Int32Array(n),
      new Float64Array(n),
      new Float64Array(n),
      new Float64Array(n),
      new Float64Array(n),
    ];
    let i = 0;
    for (const [date, c, a, d, s] of selectBars.iterate(symbol) as IterableIterator<BarCells>) {
      days[i] = dayOf(date);
      close[i] = c;
      adjClose[i] = a ?? Number.NaN;
      dividend[i] = d;
      split[i++] = s;
    }
    upsert.run(symbol, blob(days), blob(close), blob(adjClose), blob(dividend), blob(split));
  };

  const readCached = (keys: readonly string[], query: RangeQuery, names: Map<number, IsoDate>) => {
    const found = new Map<string, PriceColumns>();
    for (const [symbol, days, close, adjClose, dividend, split] of select.all(
      JSON.stringify(keys),
    ) as CacheRow[]) {
      const columns: PriceColumns = {
        dates: isoDatesOfDays(int32s(days), names),
        close: float64s(close),
        adjClose: float64s(adjClose),
        dividend: float64s(dividend),
        split: float64s(split),
      };
      found.set(symbol, slicePriceColumns(columns, query));
    }
    return found;
  };

  const read = (query: RangeQuery): Map<string, PriceColumns> => {
    const names = new Map<number, IsoDate>();
    const found = readCached(query.keys, query, names);
    const missing = query.keys.filter((k) => !found.has(k));
    missing.forEach(rebuild);
    if (missing.length > 0) {
      for (const [k, v] of readCached(missing, query, names)) found.set(k, v);
    }
    return found;
  };

  return { rebuild, read };
}

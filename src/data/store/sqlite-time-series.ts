/**
 * SQLite bulk paths on the raw better-sqlite3 handle: prepared statements reused across
 * calls, rows read as arrays (`raw` mode), one range scan per symbol. The primary key (symbol, date) of the `WITHOUT ROWID` tables
 * is the clustered index the reads walk in order, so no sort step runs. Column reads go
 * through the packed cache of `sqlite-price-columns.ts`.
 *
 * Callers hold Kysely's single SQLite connection (a transaction for writes) while these run.
 */

import type { Database, Statement } from 'better-sqlite3';
import type { StoredPriceBar, StoredSeriesPoint } from '../../domain/market/types.ts';
import type { PriceColumns } from './market-store.ts';
import { dateInterner, groupPriceColumns, type SymbolColumnRow } from './price-columns.ts';
import type { PriceBarsTable, SeriesPointsTable } from './schema.ts';
import { sqlitePriceColumns } from './sqlite-price-columns.ts';
import {
  BAR_COLUMNS,
  POINT_COLUMNS,
  columnList,
  upsertClause,
  type RangeQuery,
  type TimeSeriesAccess,
} from './time-series-access.ts';

type Cell = string | number | null;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function insertSql(table: string, columns: readonly string[]): string {
  const params = columns.map(() => '?').join(', ');
  return `insert into ${table} (${columnList(columns)}) values (${params}) ${upsertClause(table, columns)}`;
}

function selectSql(table: string, columns: readonly string[]): string {
  const [key, date] = columns;
  return (
    `select ${columnList(columns)} from ${table} ` +
    `where "${key}" = ? and "${date}" between ? and ? order by "${date}"`
  );
}

/** Runs `statement` once per row with its `columns` as parameters (one array reused). */
function runAll<R>(
  statement: Statement,
  rows: readonly R[],
  columns: readonly (keyof R)[],
): number {
  let changes = 0;
  const cells = new Array<unknown>(columns.length);
  for (const row of rows) {
    for (let k = 0; k < columns.length; k++) cells[k] = row[columns[k]!];
    changes += statement.run(cells).changes;
  }
  return changes;
}

/**
 * Rows of each key, one primary-key range scan per key (short-lived intermediate rows keep a
 * large read out of the old generation). Repeated strings (dates across symbols, source,
 * fetched at) are shared so a large read keeps one copy of each.
 */
function readGrouped<T>(
  statement: Statement,
  query: RangeQuery,
  toValue: (row: Cell[], intern: (s: string) => string) => T,
): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  const intern = dateInterner();
  for (const key of query.keys) {
    const rows = statement.all(key, query.from, query.to) as Cell[][];
    if (rows.length > 0)
      grouped.set(
        key,
        rows.map((row) => toValue(row, intern)),
      );
  }
  return grouped;
}

function barFromCells(r: Cell[], intern: (s: string) => string): StoredPriceBar {
  const bar: Mutable<StoredPriceBar> = {
    date: intern(r[1] as string),
    close: r[5] as number,
    dividend: r[8] as number,
    split: r[9] as number,
    source: intern(r[10] as string),
    fetchedAt: intern(r[11] as string),
  };
  if (r[2] !== null) bar.open = r[2] as number;
  if (r[3] !== null) bar.high = r[3] as number;
  if (r[4] !== null) bar.low = r[4] as number;
  if (r[6] !== null) bar.adjClose = r[6] as number;
  if (r[7] !== null) bar.volume = r[7] as number;
  return bar;
}

function pointFromCells(r: Cell[], intern: (s: string) => string): StoredSeriesPoint {
  const point: Mutable<StoredSeriesPoint> = {
    date: intern(r[1] as string),
    value: r[2] as number,
    source: intern(r[4] as string),
    fetchedAt: intern(r[5] as string),
  };
  if (r[3] !== null) point.availableFrom = r[3] as string;
  return point;
}

/** Bars of a symbol up to which a write rebuilds its column cache at once (~1,000 years daily). */
const REBUILD_MAX_BARS = 250_000;

/** The SQLite {@link TimeSeriesAccess} over `raw` (tables must exist: migrate first). */
export function sqliteTimeSeries(raw: Database): TimeSeriesAccess {
  const insertBar = raw.prepare(insertSql('price_bars', BAR_COLUMNS));
  const insertPoint = raw.prepare(insertSql('series_points', POINT_COLUMNS));
  const selectBars = raw.prepare(selectSql('price_bars', BAR_COLUMNS)).raw(true);
  const selectPoints = raw.prepare(selectSql('series_points', POINT_COLUMNS)).raw(true);
  const columnRows = raw.prepare(
    selectSql('price_bars', ['symbol', 'date', 'close', 'adj_close', 'dividend', 'split']),
  );
  const cache = sqlitePriceColumns(raw);
  const countBars = raw.prepare('select count(*) from price_bars where "symbol" = ?').pluck();
  /** Symbols written in the open transaction: their cache rows are rebuilt once it commits. */
  const written = new Set<string>();

  const readColumnsFromRows = (query: RangeQuery): Map<string, PriceColumns> =>
    groupPriceColumns(
      query.keys.flatMap((k) => columnRows.all(k, query.from, query.to) as SymbolColumnRow[]),
    );

  return {
    writeBars: (_db, rows: readonly PriceBarsTable[]) => {
      const changed = runAll(insertBar, rows, BAR_COLUMNS);
      if (changed > 0 && cache) for (const row of rows) written.add(row.symbol);
      return Promise.resolve(changed);
    },
    writePoints: (_db, rows: readonly SeriesPointsTable[]) =>
      Promise.resolve(runAll(insertPoint, rows, POINT_COLUMNS)),
    readBars: (_db, query) => Promise.resolve(readGrouped(selectBars, query, barFromCells)),
    readColumns: (_db, query) =>
      Promise.resolve(cache ? cache.read(query) : readColumnsFromRows(query)),
    readPoints: (_db, query) => Promise.resolve(readGrouped(selectPoints, query, pointFromCells)),
    settle: (committed) => {
      // A rolled-back write restored the cache rows its triggers deleted: nothing to rebuild.
      // A very long history is left to the first read (read-repair), so an import's memory
      // stays bounded whatever the file's size.
      if (committed && cache)
        for (const symbol of written)
          if ((countBars.get(symbol) as number) <= REBUILD_MAX_BARS) cache.rebuild(symbol);
      written.clear();
    },
  };
}

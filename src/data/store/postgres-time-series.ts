/**
 * PostgreSQL bulk paths: writes send one array per column through `unnest` (a handful of
 * parameters however many rows), chunked; reads select every requested key with
 * `= any($1::text[])` in one statement, ordered by the primary key.
 */

import { sql, type Kysely } from 'kysely';
import type { StoredPriceBar, StoredSeriesPoint } from '../../domain/market/types.ts';
import { toStoredPriceBar, toStoredSeriesPoint } from './from-rows.ts';
import { readPackedColumns } from './postgres-price-columns.ts';
import type { PriceBarsTable, SeriesPointsTable, StoreDatabase } from './schema.ts';
import {
  BAR_COLUMNS,
  POINT_COLUMNS,
  columnList,
  upsertClause,
  type RangeQuery,
  type TimeSeriesAccess,
} from './time-series-access.ts';

/** Rows per `insert … select from unnest(…)` statement. */
const CHUNK_ROWS = 20_000;

const TEXT = new Set(['symbol', 'series_id', 'date', 'available_from', 'source', 'fetched_at']);

async function upsertUnnest<Row extends object>(
  db: Kysely<StoreDatabase>,
  target: { table: string; columns: readonly (keyof Row & string)[] },
  rows: readonly Row[],
): Promise<number> {
  const { table, columns } = target;
  const tail = sql.raw(upsertClause(table, columns));
  let changed = 0;
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    const arrays = columns.map((c) => {
      const values = chunk.map((row) => row[c]);
      return sql`${values}::${sql.raw(TEXT.has(c) ? 'text[]' : 'float8[]')}`;
    });
    const result = await sql`insert into ${sql.raw(table)} (${sql.raw(columnList(columns))})
      select * from unnest(${sql.join(arrays)}) ${tail}`.execute(db);
    changed += Number(result.numAffectedRows ?? 0n);
  }
  return changed;
}

async function selectGrouped<Row extends object, T>(
  db: Kysely<StoreDatabase>,
  target: { table: string; columns: readonly string[]; toValue: (row: Row) => T },
  query: RangeQuery,
): Promise<Map<string, T[]>> {
  const [key, date] = target.columns as [string, string];
  const { rows } = await sql<Row>`select ${sql.raw(columnList(target.columns))}
    from ${sql.raw(target.table)}
    where ${sql.ref(key)} = any(${[...query.keys]}::text[])
      and ${sql.ref(date)} between ${query.from} and ${query.to}
    order by ${sql.ref(key)}, ${sql.ref(date)}`.execute(db);
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const id = (row as Record<string, unknown>)[key] as string;
    let list = grouped.get(id);
    if (list === undefined) grouped.set(id, (list = []));
    list.push(target.toValue(row));
  }
  return grouped;
}

/** The PostgreSQL (pg or PGlite) {@link TimeSeriesAccess}. */
export const postgresTimeSeries: TimeSeriesAccess = {
  writeBars: (db, rows) => upsertUnnest(db, { table: 'price_bars', columns: BAR_COLUMNS }, rows),
  readColumns: readPackedColumns,
  writePoints: (db, rows) =>
    upsertUnnest(db, { table: 'series_points', columns: POINT_COLUMNS }, rows),
  readBars: (db, query) =>
    selectGrouped<PriceBarsTable, StoredPriceBar>(
      db,
      { table: 'price_bars', columns: BAR_COLUMNS, toValue: toStoredPriceBar },
      query,
    ),
  readPoints: (db, query) =>
    selectGrouped<SeriesPointsTable, StoredSeriesPoint>(
      db,
      { table: 'series_points', columns: POINT_COLUMNS, toValue: toStoredSeriesPoint },
      query,
    ),
};

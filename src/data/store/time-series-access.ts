/**
 * The hot paths of the store — bulk writes and range reads of price bars and series points —
 * behind one small interface, so each engine can use its fastest mechanism (prepared
 * better-sqlite3 statements on SQLite, `unnest` arrays on PostgreSQL) while everything else
 * goes through Kysely.
 */

import type { Kysely } from 'kysely';
import type { StoredPriceBar, StoredSeriesPoint } from '../../domain/market/types.ts';
import type { PriceColumns } from './market-store.ts';
import type { PriceBarsTable, SeriesPointsTable, StoreDatabase } from './schema.ts';

/** A checked, normalised range read: inclusive ISO bounds (open ends already filled in). */
export interface RangeQuery {
  readonly keys: readonly string[];
  readonly from: string;
  readonly to: string;
}

/** Lowest and highest ISO dates, standing in for an open end of a range. */
export const OPEN_RANGE = { from: '0000-01-01', to: '9999-12-31' } as const;

/**
 * Engine-specific bulk access. Every method receives the connection-bound (or transaction)
 * Kysely the caller holds; implementations that bypass Kysely rely on the caller holding it.
 */
export interface TimeSeriesAccess {
  /** Upserts validated rows (a transaction is open). @returns rows inserted or changed. */
  writeBars(db: Kysely<StoreDatabase>, rows: readonly PriceBarsTable[]): Promise<number>;
  /** Bars of `keys` (symbols) in range, grouped by symbol, each ascending by date. */
  readBars(db: Kysely<StoreDatabase>, query: RangeQuery): Promise<Map<string, StoredPriceBar[]>>;
  /** Close/adjusted close/dividend/split columns of `keys` in range (only keys with bars). */
  readColumns(db: Kysely<StoreDatabase>, query: RangeQuery): Promise<Map<string, PriceColumns>>;
  /** Upserts validated rows (a transaction is open). @returns rows inserted or changed. */
  writePoints(db: Kysely<StoreDatabase>, rows: readonly SeriesPointsTable[]): Promise<number>;
  /** Points of `keys` (series ids) in range, grouped by id, each ascending by date. */
  readPoints(
    db: Kysely<StoreDatabase>,
    query: RangeQuery,
  ): Promise<Map<string, StoredSeriesPoint[]>>;
  /**
   * Called once the outermost write transaction committed (`committed`) or rolled back: work
   * deferred to the end of a transaction (SQLite rebuilds its column cache once per symbol
   * written, not once per chunk of an import) runs here.
   */
  settle?(committed: boolean): void;
}

/** Columns of `price_bars` in storage order; the first two are the primary key. */
export const BAR_COLUMNS = [
  'symbol',
  'date',
  'open',
  'high',
  'low',
  'close',
  'adj_close',
  'volume',
  'dividend',
  'split',
  'source',
  'fetched_at',
] as const satisfies readonly (keyof PriceBarsTable)[];

/** Columns of `series_points` in storage order; the first two are the primary key. */
export const POINT_COLUMNS = [
  'series_id',
  'date',
  'value',
  'available_from',
  'source',
  'fetched_at',
] as const satisfies readonly (keyof SeriesPointsTable)[];

/** Comma-separated, double-quoted column list. */
export function columnList(columns: readonly string[]): string {
  return columns.map((c) => `"${c}"`).join(', ');
}

/**
 * `ON CONFLICT (pk) DO UPDATE … WHERE <some column differs>`: a changed row is replaced, an
 * identical one is not touched (so re-writing the same data changes nothing and counts 0).
 * `fetched_at` alone does not count as a change. Valid on SQLite ≥ 3.39 and PostgreSQL.
 */
export function upsertClause(table: string, columns: readonly string[]): string {
  const [a, b, ...rest] = columns;
  const set = rest.map((c) => `"${c}" = excluded."${c}"`).join(', ');
  const differs = rest
    .filter((c) => c !== 'fetched_at')
    .map((c) => `${table}."${c}" is distinct from excluded."${c}"`)
    .join(' or ');
  return `on conflict ("${a}", "${b}") do update set ${set} where ${differs}`;
}

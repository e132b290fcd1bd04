/**
 * Reads of what was known when (docs/data-versions.md): a value's versions are its current row
 * (known from its `fetched_at` on) and the rows later writes replaced, kept with the time they
 * were replaced (`superseded_at`, migration `20261207T1100_value_versions`). The value known at
 * T is the one with `fetched_at ≤ T` and, for a replaced one, `superseded_at > T` — at most one
 * per date; none when the date was first stored after T. Plain Kysely, the same SQL on SQLite
 * and PostgreSQL.
 */

import type { Kysely } from 'kysely';
import type { StoredPriceBar, StoredSeriesPoint } from '../../domain/market/types.ts';
import { toStoredPriceBar, toStoredSeriesPoint } from './from-rows.ts';
import type { StoreDatabase } from './schema.ts';
import type { RangeQuery } from './time-series-access.ts';

type Db = Kysely<StoreDatabase>;

const BAR_FIELDS = [
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
] as const;

const POINT_FIELDS = [
  'series_id',
  'date',
  'value',
  'available_from',
  'source',
  'fetched_at',
] as const;

/** One version of a stored value: the value, when it was fetched and when it was replaced. */
export type Versioned<T> = T & {
  /** When a later write replaced it; null for the current value. */
  readonly supersededAt: string | null;
};

/** Bars of `query.keys` in range as known at `knownAt` (UTC ISO), grouped by symbol, by date. */
export async function barsKnownAt(
  db: Db,
  query: RangeQuery,
  knownAt: string,
): Promise<Map<string, StoredPriceBar[]>> {
  const rows = await db
    .selectFrom('price_bars')
    .select(BAR_FIELDS)
    .where('symbol', 'in', query.keys)
    .where('date', '>=', query.from)
    .where('date', '<=', query.to)
    .where('fetched_at', '<=', knownAt)
    .unionAll(
      db
        .selectFrom('price_bar_versions')
        .select(BAR_FIELDS)
        .where('symbol', 'in', query.keys)
        .where('date', '>=', query.from)
        .where('date', '<=', query.to)
        .where('fetched_at', '<=', knownAt)
        .where('superseded_at', '>', knownAt),
    )
    .orderBy('symbol')
    .orderBy('date')
    .execute();
  const out = new Map<string, StoredPriceBar[]>();
  for (const { symbol, ...row } of rows) {
    const list = out.get(symbol) ?? [];
    list.push(toStoredPriceBar(row));
    out.set(symbol, list);
  }
  return out;
}

/** Points of `query.keys` in range as known at `knownAt`, grouped by series id, by date. */
export async function pointsKnownAt(
  db: Db,
  query: RangeQuery,
  knownAt: string,
): Promise<Map<string, StoredSeriesPoint[]>> {
  const rows = await db
    .selectFrom('series_points')
    .select(POINT_FIELDS)
    .where('series_id', 'in', query.keys)
    .where('date', '>=', query.from)
    .where('date', '<=', query.to)
    .where('fetched_at', '<=', knownAt)
    .unionAll(
      db
        .selectFrom('series_point_versions')
        .select(POINT_FIELDS)
        .where('series_id', 'in', query.keys)
        .where('date', '>=', query.from)
        .where('date', '<=', query.to)
        .where('fetched_at', '<=', knownAt)
        .where('superseded_at', '>', knownAt),
    )
    .orderBy('series_id')
    .orderBy('date')
    .execute();
  const out = new Map<string, StoredSeriesPoint[]>();
  for (const { series_id: id, ...row } of rows) {
    const list = out.get(id) ?? [];
    list.push(toStoredSeriesPoint(row));
    out.set(id, list);
  }
  return out;
}

/** Every version of the bar of `symbol` on `date`, oldest first (by `fetchedAt`), current last. */
export async function barVersions(
  db: Db,
  symbol: string,
  date: string,
): Promise<Versioned<StoredPriceBar>[]> {
  const old = await db
    .selectFrom('price_bar_versions')
    .select([...BAR_FIELDS, 'superseded_at'])
    .where('symbol', '=', symbol)
    .where('date', '=', date)
    .orderBy('superseded_at')
    .orderBy('fetched_at')
    .execute();
  const current = await db
    .selectFrom('price_bars')
    .select(BAR_FIELDS)
    .where('symbol', '=', symbol)
    .where('date', '=', date)
    .executeTakeFirst();
  const versions: Versioned<StoredPriceBar>[] = old.map(({ symbol: _, superseded_at, ...row }) => ({
    ...toStoredPriceBar(row),
    supersededAt: superseded_at,
  }));
  if (current !== undefined) {
    const { symbol: _, ...row } = current;
    versions.push({ ...toStoredPriceBar(row), supersededAt: null });
  }
  return versions;
}

/**
 * PostgreSQL's packed column cache (`price_columns`, migration
 * `20261207T1910_postgres_price_columns`): per symbol, its days (int32 days since 1970-01-01)
 * and close / adjusted close / dividend / split (float64), each one big-endian `bytea` — what
 * `int4send` / `float8send` write. Reading 500 symbols × 10 years is then 500 rows of byte
 * strings instead of 1.26 M rows of cells (which the driver turns into 1.26 M objects).
 *
 * Statement-level triggers on `price_bars` drop a symbol's row whenever a statement changes one
 * of its bars, so the cache is never stale. A read that misses packs the missing symbols on the
 * server in one statement (`string_agg` over the primary-key order) and keeps them, after
 * taking `price_bars` in SHARE mode: a writer that committed before is seen, one that starts
 * after waits for the pack to commit, and its trigger then drops what is stale. A read-only
 * connection that cannot keep the rows packs them without keeping them.
 */

import { sql, type Kysely } from 'kysely';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import type { PriceColumns } from './market-store.ts';
import { isoDatesOfDays, slicePriceColumns } from './price-columns.ts';
import type { StoreDatabase } from './schema.ts';
import type { RangeQuery } from './time-series-access.ts';

interface PackedRow {
  readonly symbol: string;
  readonly days: Uint8Array;
  readonly close: Uint8Array;
  readonly adj_close: Uint8Array;
  readonly dividend: Uint8Array;
  readonly split: Uint8Array;
}

const PACKED = sql.raw(`symbol,
  string_agg(int4send(("date"::date - date '1970-01-01')::int4), ''::bytea order by "date") as days,
  string_agg(float8send("close"), ''::bytea order by "date") as close,
  string_agg(float8send(coalesce(adj_close, 'NaN'::float8)), ''::bytea order by "date") as adj_close,
  string_agg(float8send(dividend), ''::bytea order by "date") as dividend,
  string_agg(float8send(split), ''::bytea order by "date") as split`);

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function float64s(bytes: Uint8Array): Float64Array {
  const n = bytes.byteLength / 8;
  const out = new Float64Array(n);
  const v = view(bytes);
  for (let i = 0; i < n; i++) out[i] = v.getFloat64(8 * i, false);
  return out;
}

function int32s(bytes: Uint8Array): Int32Array {
  const n = bytes.byteLength / 4;
  const out = new Int32Array(n);
  const v = view(bytes);
  for (let i = 0; i < n; i++) out[i] = v.getInt32(4 * i, false);
  return out;
}

function unpack(
  rows: readonly PackedRow[],
  query: RangeQuery,
  into: { readonly found: Map<string, PriceColumns>; readonly names: Map<number, IsoDate> },
): void {
  const { found, names } = into;
  for (const row of rows) {
    const columns: PriceColumns = {
      dates: isoDatesOfDays(int32s(row.days), names),
      close: float64s(row.close),
      adjClose: float64s(row.adj_close),
      dividend: float64s(row.dividend),
      split: float64s(row.split),
    };
    found.set(row.symbol, slicePriceColumns(columns, query));
  }
}

/** Packs `keys` on the server and keeps the rows (module comment). */
async function pack(db: Kysely<StoreDatabase>, keys: readonly string[]): Promise<PackedRow[]> {
  const run = async (tx: Kysely<StoreDatabase>): Promise<PackedRow[]> => {
    await sql`lock table price_bars in share mode`.execute(tx);
    const { rows } = await sql<PackedRow>`insert into price_columns
      (symbol, days, close, adj_close, dividend, split)
      select ${PACKED} from price_bars where symbol = any(${[...keys]}::text[]) group by symbol
      on conflict (symbol) do update set days = excluded.days, close = excluded.close,
        adj_close = excluded.adj_close, dividend = excluded.dividend, split = excluded.split
      returning symbol, days, close, adj_close, dividend, split`.execute(tx);
    return rows;
  };
  if (db.isTransaction) return run(db);
  try {
    return await db.transaction().execute(run);
  } catch {
    // Cannot keep them (a read-only connection or transaction): pack without keeping.
    const { rows } = await sql<PackedRow>`select ${PACKED} from price_bars
      where symbol = any(${[...keys]}::text[]) group by symbol`.execute(db);
    return rows;
  }
}

/** Close/adjusted close/dividend/split columns of the query's keys (only keys with bars). */
export async function readPackedColumns(
  db: Kysely<StoreDatabase>,
  query: RangeQuery,
): Promise<Map<string, PriceColumns>> {
  const found = new Map<string, PriceColumns>();
  const names = new Map<number, IsoDate>();
  const { rows } = await sql<PackedRow>`select symbol, days, close, adj_close, dividend, split
    from price_columns where symbol = any(${[...query.keys]}::text[])`.execute(db);
  unpack(rows, query, { found, names });
  const missing = query.keys.filter((k) => !found.has(k));
  if (missing.length > 0) unpack(await pack(db, missing), query, { found, names });
  return found;
}

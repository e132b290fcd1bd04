/**
 * Migration `20261207T1910_postgres_price_columns` (PostgreSQL and PGlite; nothing on SQLite,
 * which has had its own since `20261125T1510_sqlite_price_columns`): the packed per-symbol
 * column cache read by `getPriceColumns` (see `postgres-price-columns.ts`) — one row per
 * symbol with its days (int32) and close / adjusted close / dividend / split (float64) as
 * big-endian `bytea` — and statement-level triggers that drop the cache rows of every symbol
 * whose bars a statement inserted, changed or deleted, whoever wrote them.
 */

import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../market-store.ts';

/** Creates `price_columns` and its invalidation triggers on PostgreSQL. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await db.schema
    .createTable('price_columns')
    .addColumn('symbol', 'text', (c) => c.primaryKey().modifyEnd(sql`collate "C"`))
    .addColumn('days', 'bytea', (c) => c.notNull())
    .addColumn('close', 'bytea', (c) => c.notNull())
    .addColumn('adj_close', 'bytea', (c) => c.notNull())
    .addColumn('dividend', 'bytea', (c) => c.notNull())
    .addColumn('split', 'bytea', (c) => c.notNull())
    .execute();
  // Transition tables need one trigger per event; one function serves the three.
  await sql`create function price_columns_drop() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        delete from price_columns where symbol in (select distinct symbol from old_rows);
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        delete from price_columns where symbol in (select distinct symbol from new_rows);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger price_bars_insert_drops_columns after insert on price_bars
    referencing new table as new_rows for each statement execute function price_columns_drop()`.execute(
    db,
  );
  await sql`create trigger price_bars_update_drops_columns after update on price_bars
    referencing old table as old_rows new table as new_rows
    for each statement execute function price_columns_drop()`.execute(db);
  await sql`create trigger price_bars_delete_drops_columns after delete on price_bars
    referencing old table as old_rows for each statement execute function price_columns_drop()`.execute(
    db,
  );
}

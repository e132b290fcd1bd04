/**
 * Migration `20261125T1510_sqlite_price_columns` (SQLite only; nothing on PostgreSQL): the
 * packed per-symbol column cache read by `getPriceColumns` (see `sqlite-price-columns.ts`),
 * and triggers that drop a symbol's cache row whenever one of its bars is inserted, changed
 * or deleted — by the store or by anything else writing the file.
 */

import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../market-store.ts';

/** Creates `price_columns` and its invalidation triggers on SQLite. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  await db.schema
    .createTable('price_columns')
    .addColumn('symbol', 'text', (c) => c.primaryKey())
    .addColumn('days', 'blob', (c) => c.notNull())
    .addColumn('close', 'blob', (c) => c.notNull())
    .addColumn('adj_close', 'blob', (c) => c.notNull())
    .addColumn('dividend', 'blob', (c) => c.notNull())
    .addColumn('split', 'blob', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  await sql`create trigger price_bars_insert_drops_columns after insert on price_bars
    begin delete from price_columns where symbol = new.symbol; end`.execute(db);
  await sql`create trigger price_bars_update_drops_columns after update on price_bars
    begin
      delete from price_columns where symbol = old.symbol;
      delete from price_columns where symbol = new.symbol;
    end`.execute(db);
  await sql`create trigger price_bars_delete_drops_columns after delete on price_bars
    begin delete from price_columns where symbol = old.symbol; end`.execute(db);
}

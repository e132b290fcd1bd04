/**
 * Migration `20261207T0800_data_version`: one counter of changes to stored data.
 *
 * - `data_version`: a single row (`id` = 1) whose `version` grows by one in every transaction
 *   that writes market data (bars, series, instruments, the fetch log) or portfolios (their
 *   accounts and ledgers) — in the same transaction, so a reader that sees the new version sees
 *   the new data. Readers that keep computed documents (the HTTP API's read cache) compare it.
 *   Runs and API keys do not count: they change no document computed from the data.
 */

import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../market-store.ts';

/** Creates `data_version` with its one row at 0. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('data_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('version', dialect === 'sqlite' ? 'integer' : 'bigint', (c) => c.notNull())
    .modifyEnd(dialect === 'sqlite' ? sql`strict` : sql``)
    .execute();
  await sql`insert into data_version (id, version) values (1, 0)`.execute(db);
}

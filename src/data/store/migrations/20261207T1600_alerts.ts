/**
 * Migration `20261207T1600_alerts`: data alerts raised by `ballast data refresh`.
 *
 * - `alerts`: one row per alert — an increasing `id`, `created_at` (UTC ISO text, indexed: lists
 *   read by time), the `symbol` (or series id) concerned, a `code` (`DATA_STALE`, `GAP`,
 *   `STALE_CLOSE`, `JUMP`, `SPLIT_LIKE_JUMP` …), a human `message`, `details` as JSON text and
 *   the `source` that raised it (`refresh`, a provider name).
 *
 * SQLite tables are `STRICT`.
 */

import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../market-store.ts';

/** Creates the `alerts` table and its time index. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const sqlite = dialect === 'sqlite';
  await db.schema
    .createTable('alerts')
    .addColumn('id', sqlite ? 'integer' : 'serial', (c) =>
      sqlite ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .modifyEnd(sqlite ? sql`strict` : sql``)
    .execute();
  await db.schema.createIndex('alerts_created_at').on('alerts').columns(['created_at']).execute();
}

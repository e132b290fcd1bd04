/**
 * Migration `20261207T0500_api_keys`: the keys of the HTTP API.
 *
 * - `api_keys`: one row per key — a `name`, its `scope` (`read` or `write`), the SHA-256 of the
 *   secret as lower-case hex (`key_hash`, unique: the secret itself is never stored), a short
 *   non-secret `prefix` to recognise it in listings, `created_at`, and the nullable
 *   `last_used_at` and `revoked_at` (UTC ISO text).
 *
 * SQLite tables are `STRICT`.
 */

import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../market-store.ts';

/** Creates the `api_keys` table. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const sqlite = dialect === 'sqlite';
  await db.schema
    .createTable('api_keys')
    .addColumn('id', sqlite ? 'integer' : 'serial', (c) =>
      sqlite ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('read', 'write')`))
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .modifyEnd(sqlite ? sql`strict` : sql``)
    .execute();
}

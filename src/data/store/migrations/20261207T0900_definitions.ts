/**
 * Migration `20261207T0900_definitions`: a user's own fund definitions and universes, by name.
 *
 * - `fund_definitions`: one row per named set of fund definitions — the `name` (primary key),
 *   the fund file's `text` exactly as given (canonical `config/funds.yaml` layout, YAML or JSON;
 *   the use cases validate it before storing), the `source` it was read from (a file name, for
 *   listings), `created_at` and `updated_at` (UTC ISO text).
 * - `universes`: one row per named universe — the `name` (primary key), its `symbols` (symbols
 *   or exposure ids, upper-cased, as a JSON array of strings), an optional `description`,
 *   `created_at` and `updated_at`.
 *
 * Writes to both grow the data version (`20261207T0800_data_version`): fund definitions feed
 * the analyses whose answers the HTTP API caches by it. SQLite tables are `STRICT`.
 */

import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../market-store.ts';

/** Creates `fund_definitions` and `universes`. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const strict = dialect === 'sqlite' ? sql`strict` : sql``;
  await db.schema
    .createTable('fund_definitions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema
    .createTable('universes')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('symbols', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
}

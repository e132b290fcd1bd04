/**
 * Migration `20261207T1100_value_versions`: what was known when (docs/data-versions.md).
 *
 * - `price_bar_versions` and `series_point_versions` keep every value a later write replaced:
 *   the old row as it was, and `superseded_at`, the `fetched_at` of the row that replaced it.
 *   A value was known from its `fetched_at` until its `superseded_at`; the current row (in
 *   `price_bars` / `series_points`) from its `fetched_at` on.
 * - A trigger on each table copies the old row on every UPDATE — the upsert changes a row only
 *   when a value or the source differs (`time-series-access.ts`), so re-writing the same data
 *   keeps no copy — whoever writes the table, through the store or not.
 */

import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../market-store.ts';

const BAR = [
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
];
const POINT = ['series_id', 'date', 'value', 'available_from', 'source', 'fetched_at'];

/** Creates the two version tables, their indexes and the triggers that fill them. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const float = dialect === 'sqlite' ? 'real' : 'float8';
  const strict = dialect === 'sqlite' ? sql`strict` : sql``;
  const key = dialect === 'sqlite' ? sql`` : sql`collate "C"`;
  await db.schema
    .createTable('price_bar_versions')
    .addColumn('symbol', 'text', (c) => c.notNull().modifyEnd(key))
    .addColumn('date', 'text', (c) => c.notNull().modifyEnd(key))
    .addColumn('open', float)
    .addColumn('high', float)
    .addColumn('low', float)
    .addColumn('close', float, (c) => c.notNull())
    .addColumn('adj_close', float)
    .addColumn('volume', float)
    .addColumn('dividend', float, (c) => c.notNull())
    .addColumn('split', float, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addColumn('superseded_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema
    .createTable('series_point_versions')
    .addColumn('series_id', 'text', (c) => c.notNull().modifyEnd(key))
    .addColumn('date', 'text', (c) => c.notNull().modifyEnd(key))
    .addColumn('value', float, (c) => c.notNull())
    .addColumn('available_from', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addColumn('superseded_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema
    .createIndex('price_bar_versions_key')
    .on('price_bar_versions')
    .columns(['symbol', 'date'])
    .execute();
  await db.schema
    .createIndex('series_point_versions_key')
    .on('series_point_versions')
    .columns(['series_id', 'date'])
    .execute();
  await keepVersions(db, dialect, {
    table: 'price_bars',
    versions: 'price_bar_versions',
    columns: BAR,
  });
  await keepVersions(db, dialect, {
    table: 'series_points',
    versions: 'series_point_versions',
    columns: POINT,
  });
}

/** The trigger copying `table`'s old row into `versions` on every update. */
async function keepVersions(
  db: Kysely<unknown>,
  dialect: StoreDialect,
  t: { readonly table: string; readonly versions: string; readonly columns: readonly string[] },
): Promise<void> {
  const into = [...t.columns, 'superseded_at'].map((c) => `"${c}"`).join(', ');
  const values = [...t.columns.map((c) => `old."${c}"`), 'new."fetched_at"'].join(', ');
  const insert = `insert into ${t.versions} (${into}) values (${values})`;
  if (dialect === 'sqlite') {
    await sql
      .raw(
        `create trigger ${t.table}_keep_versions after update on ${t.table} begin ${insert}; end`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `create function ${t.table}_keep_version() returns trigger language plpgsql as $$ begin ${insert}; return new; end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${t.table}_keep_versions after update on ${t.table} for each row execute function ${t.table}_keep_version()`,
    )
    .execute(db);
}

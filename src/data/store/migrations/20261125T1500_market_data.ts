/**
 * Migration `20261125T1500_market_data`: instruments, price bars, series points, fetch log.
 *
 * Engine specifics: SQLite tables are `STRICT` (types enforced) and the two time-series tables
 * `WITHOUT ROWID`, so the primary key is the clustered, covering index a range read walks;
 * PostgreSQL uses float8 (pg returns it as a JS number) and a serial id.
 */

import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../market-store.ts';

/** Creates the market-data tables. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const float = dialect === 'sqlite' ? 'real' : 'float8';
  const strict = dialect === 'sqlite' ? sql`strict` : sql``;
  const clustered = dialect === 'sqlite' ? sql`without rowid, strict` : sql``;
  // Keys compare bytewise on both engines (PostgreSQL's locale collations are slower and may
  // order symbols differently from SQLite).
  const key = dialect === 'sqlite' ? sql`` : sql`collate "C"`;

  await db.schema
    .createTable('instruments')
    .addColumn('symbol', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('kind', 'text')
    .addColumn('currency', 'text')
    .addColumn('exchange', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('price_bars')
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
    .addPrimaryKeyConstraint('price_bars_pk', ['symbol', 'date'])
    .modifyEnd(clustered)
    .execute();

  await db.schema
    .createTable('series_points')
    .addColumn('series_id', 'text', (c) => c.notNull().modifyEnd(key))
    .addColumn('date', 'text', (c) => c.notNull().modifyEnd(key))
    .addColumn('value', float, (c) => c.notNull())
    .addColumn('available_from', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('series_points_pk', ['series_id', 'date'])
    .modifyEnd(clustered)
    .execute();

  await db.schema
    .createTable('fetch_log')
    .addColumn('id', dialect === 'sqlite' ? 'integer' : 'serial', (c) =>
      dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('requested_from', 'text')
    .addColumn('requested_to', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome in ('ok', 'error', 'stale', 'empty')`),
    )
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('message', 'text')
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createIndex('fetch_log_key_started')
    .on('fetch_log')
    .columns(['key', 'started_at'])
    .execute();
}

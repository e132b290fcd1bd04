/** Opens a store on PostgreSQL (a pg Pool, or PGlite through {@link pglitePool}). */

import { Kysely, PostgresDialect, sql, type PostgresPool } from 'kysely';
import { KyselyMarketStore } from './kysely-market-store.ts';
import type { MarketStore, StoreOptions } from './market-store.ts';
import { migrateToLatest } from './migrations/index.ts';
import { postgresTimeSeries } from './postgres-time-series.ts';
import type { StoreDatabase } from './schema.ts';
import { systemClock } from '../system-clock.ts';

/** The connection pool of a PostgreSQL store; the store ends it on `close()`. */
export interface PostgresStoreOptions extends StoreOptions {
  readonly pool: PostgresPool;
}

/** Opens (migrating as needed) a store on PostgreSQL. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<MarketStore> {
  const db = new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool: options.pool }) });
  try {
    // Kysely finds its migration tables in ANY schema unless told which: name the one this
    // connection works in, so a store in one schema never mistakes another's tables for its own.
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    await migrateToLatest(db as Kysely<unknown>, 'postgres', rows[0]?.schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyMarketStore({
    db,
    dialect: 'postgres',
    access: postgresTimeSeries,
    clock: options.clock ?? systemClock,
  });
}

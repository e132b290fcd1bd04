/**
 * Opens the embedded SQLite store: better-sqlite3 with WAL journaling, `synchronous=NORMAL`
 * (durable across a process crash; the last commits may be lost on power loss), foreign keys
 * on and a 5 s busy timeout for a second process (CLI next to the server).
 */

import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { BallastError } from '../../domain/errors.ts';
import { KyselyMarketStore } from './kysely-market-store.ts';
import type { MarketStore, StoreOptions } from './market-store.ts';
import { migrateToLatest } from './migrations/index.ts';
import type { StoreDatabase } from './schema.ts';
import { sqliteTimeSeries } from './sqlite-time-series.ts';
import { systemClock } from '../system-clock.ts';

/** Where the SQLite database lives. */
export interface SqliteStoreOptions extends StoreOptions {
  /** A file path or `:memory:`. */
  readonly path: string;
  /**
   * Create the file's directory when missing (the default store in the user's data
   * directory). False for a path the user named: a missing directory is then NOT_FOUND rather
   * than a silently created new store somewhere unexpected. Default true.
   */
  readonly createDirectory?: boolean;
}

/** Opens (creating and migrating as needed) a SQLite store. */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<MarketStore> {
  const { default: Database } = await import('better-sqlite3');
  const memory = options.path === ':memory:';
  if (!memory) {
    const dir = dirname(options.path);
    if (options.createDirectory === false && !existsSync(dir))
      throw new BallastError(
        'NOT_FOUND',
        `db: the directory ${dir} of ${options.path} does not exist (create it, or name another path)`,
        { field: 'db', value: options.path },
      );
    mkdirSync(dir, { recursive: true });
  }
  const raw = new Database(options.path);
  if (!memory) raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: raw }) });
  try {
    await migrateToLatest(db as Kysely<unknown>, 'sqlite');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyMarketStore({
    db,
    dialect: 'sqlite',
    access: sqliteTimeSeries(raw),
    clock: options.clock ?? systemClock,
  });
}

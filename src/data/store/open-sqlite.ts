/**
 * Opens the embedded SQLite store: better-sqlite3 with WAL journaling, `synchronous=NORMAL`
 * (durable across a process crash; the last commits may be lost on power loss) and foreign keys
 * on. Several processes may use one file: readers never wait (WAL), and a writer — an import, a
 * fetch — waits for the one before it rather than failing: write transactions begin with
 * `BEGIN IMMEDIATE` (sqlite-immediate-dialect.ts) and the busy timeout is
 * {@link SQLITE_BUSY_TIMEOUT_MS} (an import of millions of rows holds the lock for a minute or
 * more). Migrations run only when one is pending, so opening a current store takes no write lock.
 */

import type { Database } from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely } from 'kysely';
import { BallastError } from '../../domain/errors.ts';
import { KyselyMarketStore } from './kysely-market-store.ts';
import type { MarketStore, StoreOptions } from './market-store.ts';
import { MIGRATION_NAMES, migrateToLatest } from './migrations/index.ts';
import type { StoreDatabase } from './schema.ts';
import { ImmediateSqliteDialect } from './sqlite-immediate-dialect.ts';
import { cachingDatabase } from './sqlite-statement-cache.ts';
import { sqliteTimeSeries } from './sqlite-time-series.ts';
import { systemClock } from '../system-clock.ts';

/** How long a writer waits for another process's write transaction: 10 minutes. */
export const SQLITE_BUSY_TIMEOUT_MS = 600_000;

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
  /** How long a writer waits for another writer, in ms (default {@link SQLITE_BUSY_TIMEOUT_MS}). */
  readonly busyTimeoutMs?: number;
}

/**
 * Whether the migrator has work (or a check) to do: false only when the applied migrations are
 * exactly those this code knows — a read, so opening a current store never waits for a writer.
 */
function migrationsPending(raw: Database): boolean {
  const table = raw
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
    .get();
  if (table === undefined) return true;
  const applied = (
    raw.prepare('select name from kysely_migration order by name').all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  return applied.join('\n') !== [...MIGRATION_NAMES].sort().join('\n');
}

/**
 * Runs pending migrations. Two processes opening a new file at once race in Kysely's migrator
 * while it creates its tables and lock row (outside its transaction); the loser's error is
 * dropped when the winner has migrated, and it tries again (then waiting on the winner's
 * `BEGIN IMMEDIATE`) when the winner is still at it.
 */
async function migrate(db: Kysely<StoreDatabase>, raw: Database): Promise<void> {
  for (let attempt = 1; migrationsPending(raw); attempt++) {
    try {
      await migrateToLatest(db as Kysely<unknown>, 'sqlite');
      return;
    } catch (error) {
      if (attempt >= 3 || !migrationsPending(raw)) {
        if (migrationsPending(raw)) throw error;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
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
  raw.pragma('cache_size = -16384'); // 16 MiB of page cache: bulk writes touch many pages
  raw.pragma(
    `busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? SQLITE_BUSY_TIMEOUT_MS))}`,
  );
  const db = new Kysely<StoreDatabase>({
    dialect: new ImmediateSqliteDialect({ database: cachingDatabase(raw) }),
  });
  try {
    await migrate(db, raw);
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

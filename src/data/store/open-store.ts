/**
 * The store factory: one locator (path or URL) → the matching engine, migrated and ready.
 * Engine packages are imported on demand, so PGlite (a dev dependency) is only loaded for
 * `pglite:` locators.
 */

import { homedir } from 'node:os';
import { mkdirSync } from 'node:fs';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import { defaultStorePath, type StoreEnv } from './default-store-path.ts';
import type { MarketStore, StoreOptions } from './market-store.ts';
import { openPostgresStore } from './open-postgres.ts';
import { openSqliteStore } from './open-sqlite.ts';
import { pglitePool } from './pglite-pool.ts';
import { parseStoreUrl, redactUrl } from './store-url.ts';

/** How to open a store. */
export interface OpenStoreOptions extends StoreOptions {
  /**
   * Path or URL (see `parseStoreUrl`); default {@link defaultStorePath} of `env` and
   * `homedir`.
   */
  readonly url?: string;
  /**
   * PostgreSQL / PGlite only: a schema to create if missing and use as `search_path` (tests,
   * several stores in one database). Lower-case letters, digits and `_`.
   */
  readonly schema?: string;
  /** Environment for the default path; default `process.env`. */
  readonly env?: StoreEnv;
  /** Home directory for the default path; default `os.homedir()`. */
  readonly homedir?: string;
  /** SQLite: create a missing parent directory (default true; false for a path the user named). */
  readonly createDirectory?: boolean;
}

function checkSchema(schema: string | undefined): string | undefined {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw invalidInput('schema', schema, 'must match [a-z_][a-z0-9_]*');
  }
  return schema;
}

async function openPg(url: string, options: OpenStoreOptions): Promise<MarketStore> {
  const schema = checkSchema(options.schema);
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    ...(schema !== undefined && { options: `-c search_path=${schema}` }),
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    await pool.query(schema === undefined ? 'select 1' : `create schema if not exists ${schema}`);
  } catch (error) {
    await pool.end();
    const why = error instanceof Error ? error.message : String(error);
    throw new BallastError('DATA_UNAVAILABLE', `cannot open the store ${redactUrl(url)}: ${why}`, {
      url: redactUrl(url),
    });
  }
  return openPostgresStore({ pool, ...(options.clock && { clock: options.clock }) });
}

async function openPglite(
  dataDir: string | undefined,
  options: OpenStoreOptions,
): Promise<MarketStore> {
  const schema = checkSchema(options.schema);
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  if (schema !== undefined) {
    await pglite.exec(`create schema if not exists ${schema}; set search_path to ${schema}`);
  }
  const pool = pglitePool(pglite, { closeOnEnd: true });
  return openPostgresStore({ pool, ...(options.clock && { clock: options.clock }) });
}

/**
 * Opens the store at `options.url` (default: the embedded SQLite file of
 * {@link defaultStorePath}), creating and migrating it as needed. Close it with
 * `store.close()`.
 * @throws BallastError INVALID_INPUT for a malformed locator or schema, DATA_UNAVAILABLE when
 *   a PostgreSQL server does not answer (the message never shows the password).
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<MarketStore> {
  const locator =
    options.url ?? defaultStorePath(options.env ?? process.env, options.homedir ?? homedir());
  const target = parseStoreUrl(locator);
  switch (target.engine) {
    case 'sqlite':
      return openSqliteStore({
        path: target.path.replace(/^:memory:$/i, ':memory:'),
        ...(options.createDirectory === undefined
          ? {}
          : { createDirectory: options.createDirectory }),
        ...(options.clock && { clock: options.clock }),
      });
    case 'postgres':
      return openPg(target.url, options);
    case 'pglite':
      return openPglite(target.dataDir, options);
  }
}

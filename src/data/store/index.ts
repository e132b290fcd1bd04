/**
 * The market-data store: one {@link MarketStore} contract on SQLite (embedded default),
 * PostgreSQL and PGlite. Open it with {@link openStore}.
 */

export { defaultStorePath, type StoreEnv } from './default-store-path';
export type {
  Coverage,
  CoverageEntry,
  DateRange,
  FetchLogEntry,
  FetchOutcome,
  ListFetchesOptions,
  MarketStore,
  PriceColumns,
  StoreDialect,
  StoredFetchLogEntry,
  StoredInstrument,
  StoreOptions,
} from './market-store';
export { openPostgresStore, type PostgresStoreOptions } from './open-postgres';
export { openSqliteStore, type SqliteStoreOptions } from './open-sqlite';
export { openStore, type OpenStoreOptions } from './open-store';
export { pglitePool, type PgliteLike, type PglitePoolOptions } from './pglite-pool';
export { parseStoreUrl, redactUrl, type StoreTarget } from './store-url';

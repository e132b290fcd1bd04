/**
 * The market-data store: one {@link MarketStore} contract on SQLite (embedded default),
 * PostgreSQL and PGlite. Open it with {@link openStore}.
 */

export {
  API_KEY_SCOPES,
  type ApiKeyScope,
  type ApiKeyStore,
  type NewApiKey,
  type StoredApiKey,
} from './api-key-store.ts';
export type {
  FundDefinitionStore,
  NamedStore,
  NewFundDefinitions,
  NewUniverse,
  PutResult,
  StoredFundDefinitions,
  StoredUniverse,
  UniverseStore,
} from './definition-store.ts';
export {
  FINAL_RUN_STATUSES,
  RUN_STATUSES,
  type NewRun,
  type RunError,
  type RunOutcome,
  type RunProgress,
  type RunQuery,
  type RunStatus,
  type RunStore,
  type StoredRun,
} from './run-store.ts';
export { defaultStorePath, type StoreEnv } from './default-store-path.ts';
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
} from './market-store.ts';
export type {
  NewPortfolio,
  PortfolioRef,
  PortfolioStore,
  PortfolioSummary,
  StoredPortfolio,
} from './portfolio-store.ts';
export { openPostgresStore, type PostgresStoreOptions } from './open-postgres.ts';
export { openSqliteStore, type SqliteStoreOptions } from './open-sqlite.ts';
export { openStore, type OpenStoreOptions } from './open-store.ts';
export { pglitePool, type PgliteLike, type PglitePoolOptions } from './pglite-pool.ts';
export { parseStoreUrl, redactUrl, type StoreTarget } from './store-url.ts';
export type { AlertStore, ListAlertsOptions, NewAlert, StoredAlert } from './alert-store.ts';

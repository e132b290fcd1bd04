/**
 * The store's migrations, forward-only and named by timestamp (`YYYYMMDDTHHMM_topic`), run on
 * open. Add a migration as a new file and a new entry here; never edit an applied one.
 */

import { Migrator, type Kysely, type Migration } from 'kysely';
import { BallastError } from '../../../domain/errors.ts';
import type { StoreDialect } from '../market-store.ts';
import * as marketData from './20261125T1500_market_data.ts';
import * as sqlitePriceColumns from './20261125T1510_sqlite_price_columns.ts';
import * as portfolios from './20261201T0900_portfolios.ts';
import * as apiKeys from './20261207T0500_api_keys.ts';
import * as runs from './20261207T0700_runs.ts';
import * as dataVersion from './20261207T0800_data_version.ts';
import * as definitions from './20261207T0900_definitions.ts';
import * as valueVersions from './20261207T1100_value_versions.ts';
import * as alerts from './20261207T1600_alerts.ts';
import * as runKnownAt from './20261207T1900_run_known_at.ts';
import * as postgresPriceColumns from './20261207T1910_postgres_price_columns.ts';
import * as corporateActions from './20261207T1930_corporate_actions.ts';
import * as transactionCurrency from './20261207T2000_transaction_currency.ts';

interface StoreMigration {
  up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void>;
}

const MIGRATIONS: Readonly<Record<string, StoreMigration>> = {
  '20261125T1500_market_data': marketData,
  '20261125T1510_sqlite_price_columns': sqlitePriceColumns,
  '20261201T0900_portfolios': portfolios,
  '20261207T0500_api_keys': apiKeys,
  '20261207T0700_runs': runs,
  '20261207T0800_data_version': dataVersion,
  '20261207T0900_definitions': definitions,
  '20261207T1100_value_versions': valueVersions,
  '20261207T1600_alerts': alerts,
  '20261207T1900_run_known_at': runKnownAt,
  '20261207T1910_postgres_price_columns': postgresPriceColumns,
  '20261207T1930_corporate_actions': corporateActions,
  '20261207T2000_transaction_currency': transactionCurrency,
};

/** Names of every migration this code knows, in the order they apply. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

/**
 * Applies every pending migration in order (Kysely's `Migrator`, one transaction, a lock
 * against concurrent openers). A database migrated by a newer Ballast (a migration this code
 * does not know) is refused. PostgreSQL: `schema` is where the migration tables live (the
 * connection's current schema).
 * @returns the names applied now (empty when the schema was already current).
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  dialect: StoreDialect,
  schema?: string,
): Promise<string[]> {
  const migrations = Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, m]): [string, Migration] => [
      name,
      { up: (kdb: Kysely<unknown>) => m.up(kdb, dialect) },
    ]),
  );
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const message = error instanceof Error ? error.message : JSON.stringify(error);
    throw new BallastError('INTERNAL', `store migration failed: ${message}`, {
      applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName),
    });
  }
  return results.map((r) => r.migrationName);
}

/**
 * Migration `20261207T1900_run_known_at`: the knowledge time of a run (docs/data-versions.md).
 *
 * - `runs.known_at`: nullable UTC ISO text — the `knownAt` a run was submitted with (it reads
 *   market data as known then), else, once it ended, the time it finished reading its data;
 *   `--known-at <known_at>` reproduces the run. Null for a run that has not ended (or was
 *   cancelled) without one, and for every run stored before this migration.
 *
 * One `alter table … add column` on SQLite (the table stays `STRICT`: `text` is a strict type),
 * PGlite and PostgreSQL alike; existing rows read null.
 */

import type { Kysely } from 'kysely';
import type { StoreDialect } from '../market-store.ts';

/** Adds `runs.known_at`. */
export async function up(db: Kysely<unknown>, _dialect: StoreDialect): Promise<void> {
  await db.schema.alterTable('runs').addColumn('known_at', 'text').execute();
}

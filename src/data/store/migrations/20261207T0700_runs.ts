/**
 * Migration `20261207T0700_runs`: the runs of long work (jobs) the HTTP API and `ballast
 * worker` execute.
 *
 * - `runs`: one row per submitted run — a random `id` (UUID text), its `kind` (`frontier`,
 *   `optimize`, …), the validated `input` as JSON text and the SHA-256 of `{ kind, input }`
 *   (`inputs_hash`, indexed: identical requests are found), the `status` (`queued`, `running`,
 *   `succeeded`, `failed`, `cancelled`), progress (`progress_done` of `progress_total` units,
 *   `progress_label`), the `result` or the `error` as JSON text, and the times it was created,
 *   started and finished (UTC ISO text). An index on (`status`, `created_at`) serves the queue.
 *
 * SQLite tables are `STRICT`.
 */

import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../market-store.ts';

/** Creates the `runs` table and its indexes. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const sqlite = dialect === 'sqlite';
  await db.schema
    .createTable('runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('inputs_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`),
    )
    .addColumn('progress_done', sqlite ? 'real' : 'double precision', (c) =>
      c.notNull().defaultTo(0),
    )
    .addColumn('progress_total', sqlite ? 'real' : 'double precision', (c) =>
      c.notNull().defaultTo(0),
    )
    .addColumn('progress_label', 'text')
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .modifyEnd(sqlite ? sql`strict` : sql``)
    .execute();
  await db.schema.createIndex('runs_inputs_hash').on('runs').column('inputs_hash').execute();
  await db.schema
    .createIndex('runs_status_created')
    .on('runs')
    .columns(['status', 'created_at'])
    .execute();
}

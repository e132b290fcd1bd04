/**
 * Crash safety of a ledger append over HTTP on PostgreSQL (skipped unless `DATABASE_URL` names a
 * test database): `ballast serve` is killed with SIGKILL while it inserts a 50,000-row
 * transactions CSV, then served again on the same database. The portfolio holds all 50,000 rows
 * or none, and the store takes further writes.
 *
 * The run has a schema of its own (`options=-c search_path=…` in the `--db` URL), dropped at the
 * end, and each server start its own `application_name`. The append is one transaction; its rows
 * reach the `transactions` table's heap as they are inserted, committed or not (about 5 MB for
 * 50,000 rows), so `pg_relation_size` shows its progress from outside. The kill comes once the
 * heap has grown by 2 MiB while `pg_stat_activity` shows the server's connection inside a
 * transaction, inserting — about 40 % of the rows in. Were the append split into several
 * transactions, the first ones would have committed by then (checked by hand with an append
 * committing every 5,000 rows: the kill left 20,000 rows and the case failed). The restart waits
 * until PostgreSQL has ended the dead server's session.
 */

import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashRetrying, type CrashMoment } from '../helpers/crash-import.ts';
import { checkServedAfterCrash, LEDGER_ROWS } from '../helpers/crash-checks.ts';
import { tradesCsv } from '../helpers/trades-ledger.ts';

const url = process.env.DATABASE_URL;
const schema = `ballast_crash_${process.pid}_${Date.now().toString(36)}`;

/** One query on a short-lived connection. */
async function query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The `--db` of the n-th server start: the run's schema, an application name per start. */
function serverUrl(start: number): string {
  const locator = new URL(url!);
  locator.searchParams.set('options', `-c search_path=${schema}`);
  locator.searchParams.set('application_name', `${schema}_${start}`);
  return locator.toString();
}

/** Transactions of the killed server (start 0) and what each last ran. */
const killedServerQueries = (client: pg.Client) =>
  client.query<{ query: string }>(
    'select query from pg_stat_activity where application_name = $1 and xact_start is not null',
    [`${schema}_0`],
  );

/** The size of the run's `transactions` table: it grows as rows are inserted, committed or not. */
const heapSize = async (client: pg.Client): Promise<number> =>
  Number(
    (
      await client.query<{ size: string }>('select pg_relation_size($1) as size', [
        `${schema}.transactions`,
      ])
    ).rows[0]!.size,
  );

/** Kill once the `transactions` table has grown by `bytes` inside the killed server's transaction. */
function heapGrown(bytes: number): CrashMoment {
  const client = new pg.Client({ connectionString: url });
  let before = 0;
  return {
    what: `the transactions table grown by ${bytes} bytes`,
    db: serverUrl,
    prepare: async () => {
      await client.connect();
      before = await heapSize(client);
    },
    holds: async () =>
      (await heapSize(client)) - before >= bytes &&
      (await killedServerQueries(client)).rows.some((r) =>
        r.query.startsWith('insert into "transactions"'),
      ),
    afterKill: async () => {
      // PostgreSQL ends the dead client's session (rolling its transaction back) once it notices.
      for (let i = 0; i < 500 && (await killedServerQueries(client)).rows.length > 0; i++)
        await sleep(10);
      expect((await killedServerQueries(client)).rows).toEqual([]);
    },
    close: () => client.end(),
  };
}

describe.skipIf(url === undefined)(
  'ballast serve killed (SIGKILL) during a 50,000-row append, on PostgreSQL',
  () => {
    beforeAll(() => query(`create schema ${schema}`));
    afterAll(() => query(`drop schema if exists ${schema} cascade`));

    it('killed 40 % into its inserts: all rows or none after a restart, and further writes work', async () => {
      const outcome = await crashRetrying(() => heapGrown(2 << 20), tradesCsv(LEDGER_ROWS));
      expect(outcome.requestError).toMatch(/other side closed|socket|ECONNRESET/i);
      const stored = await checkServedAfterCrash(outcome);
      const [row] = await query<{ n: string; last: string }>(
        `select count(*) as n, max(seq) as last from ${schema}.transactions where portfolio_id = $1`,
        [outcome.portfolioId],
      );
      expect([Number(row!.n), Number(row!.last)]).toEqual([stored + 1, stored + 1]);
    }, 60_000);
  },
);

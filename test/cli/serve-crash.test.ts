/**
 * Crash safety of a ledger append over HTTP on SQLite: `ballast serve` (the bundled executable)
 * is killed with SIGKILL while it appends a 50,000-row transactions CSV, then served again on the
 * same file. The portfolio holds all 50,000 rows or none, the file passes `PRAGMA
 * integrity_check`, and the store takes further writes.
 *
 * The append is one transaction begun with `BEGIN IMMEDIATE` once the body is read, and it holds
 * SQLite's write lock until the commit (1 to 5 s on a 2-core machine: parse, replay, 100 inserts
 * of 500 rows); its pages stay in the 16 MiB page cache until the commit writes them, about
 * 4 MB, to the WAL file. Two moments to kill at, seen from outside:
 * - the write lock still held 250 ms after a probe first found it held: inside the transaction,
 *   nothing written yet;
 * - the WAL file grown by 1 MiB (watched every 0.1 ms once the lock is held): a quarter into the
 *   commit's pages, before its commit frame. Were the append split into several transactions,
 *   the first ones would have committed by then (checked by hand with an append committing every
 *   5,000 rows, the kills left 5,000 to 15,000 rows behind and both cases failed).
 */

import Database from 'better-sqlite3';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crashRetrying, type CrashMoment } from '../helpers/crash-import.ts';
import { checkServedAfterCrash, LEDGER_ROWS } from '../helpers/crash-checks.ts';
import { tradesCsv } from '../helpers/trades-ledger.ts';

const csv = tradesCsv(LEDGER_ROWS);
const storeFile = () => join(mkdtempSync(join(tmpdir(), 'ballast-crash-')), 'store.sqlite');

/** Whether another connection holds the write lock (a `BEGIN IMMEDIATE` that cannot wait). */
function writeLocked(probe: Database.Database): boolean {
  try {
    probe.exec('begin immediate');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  }
  probe.exec('rollback');
  return false;
}

/** Kill once the write lock, first seen `forMs` ago, is held still. */
function writeLockHeld(path: string, forMs: number): CrashMoment {
  let probe: Database.Database | undefined;
  let since: number | undefined;
  return {
    what: `the write lock held ${forMs} ms after it was first seen`,
    db: () => path,
    prepare: () => void (probe = new Database(path, { timeout: 0 })),
    holds: () => {
      if (!writeLocked(probe!)) return false;
      since ??= performance.now();
      return performance.now() - since >= forMs;
    },
    close: () => void probe?.close(),
  };
}

/** Kill, once the write lock is held, as soon as the WAL file has grown by `bytes`. */
function walGrown(path: string, bytes: number): CrashMoment {
  const size = () => statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  const locked = writeLockHeld(path, 0);
  let before = 0;
  return {
    ...locked,
    what: `the WAL file grown by ${bytes} bytes`,
    prepare: () => {
      void locked.prepare!();
      before = size();
    },
    thenHolds: () => size() - before >= bytes,
  };
}

/** The stopped store: intact, and holding `expected` rows of portfolio `id`. */
function checkFile(path: string, id: number, expected: number): void {
  const db = new Database(path);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const row = db
      .prepare('select count(*) as n, max(seq) as last from transactions where portfolio_id = ?')
      .get(id) as { n: number; last: number };
    expect([row.n, row.last]).toEqual([expected, expected]);
  } finally {
    db.close();
  }
}

describe('ballast serve killed (SIGKILL) during a 50,000-row append, on SQLite', () => {
  it.each([
    ['its write lock has been held for 250 ms', (path: string) => writeLockHeld(path, 250)],
    ['its WAL file has grown by 1 MiB', (path: string) => walGrown(path, 1 << 20)],
  ])(
    'killed when %s: all rows or none after a restart, the file intact',
    async (_, at) => {
      let path = '';
      const outcome = await crashRetrying(() => at((path = storeFile())), csv);
      expect(outcome.requestError).toMatch(/other side closed|socket|ECONNRESET/i);
      const stored = await checkServedAfterCrash(outcome);
      checkFile(path, outcome.portfolioId, stored + 1);
    },
    60_000,
  );
});

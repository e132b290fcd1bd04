/**
 * Two large imports into one SQLite file at once: the second waits for the first and succeeds —
 * never `INTERNAL: database is locked` — including behind a writer that holds the lock longer
 * than the old 5 s busy timeout. Each import runs in a process of its own (the `ballast`
 * executable), as two terminals would.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/ballast.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ballast-concurrent-'));

/** `rows` consecutive daily closes from 1900-01-01. */
function pricesFile(name: string, rows: number): string {
  const start = Date.UTC(1900, 0, 1);
  const lines = ['date,close'];
  for (let i = 0; i < rows; i++)
    lines.push(`${new Date(start + i * 86_400_000).toISOString().slice(0, 10)},${100 + (i % 97)}`);
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

function ballast(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: '', BALLAST_DB: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const importArgs = (csv: string, symbol: string, db: string) => [
  'data',
  'import',
  '--csv',
  csv,
  '--symbol',
  symbol,
  '--db',
  db,
  '--format',
  'json',
];

describe('two imports into one SQLite file at once', () => {
  it('both 60,000-row imports succeed, each storing all its rows', async () => {
    const db = join(dir, 'both.sqlite');
    const [a, b] = [pricesFile('a.csv', 60_000), pricesFile('b.csv', 60_000)];
    const runs = await Promise.all([
      ballast(importArgs(a, 'AAA', db)),
      ballast(importArgs(b, 'BBB', db)),
    ]);
    for (const run of runs) {
      expect(run.stderr).not.toContain('database is locked');
      expect(run.code, run.stderr).toBe(0);
    }
    expect(JSON.parse(runs[0].stdout)).toEqual([
      { id: 'AAA', kind: 'prices', rows: 60_000, written: 60_000 },
    ]);
    expect(JSON.parse(runs[1].stdout)).toEqual([
      { id: 'BBB', kind: 'prices', rows: 60_000, written: 60_000 },
    ]);
    const check = new Database(db, { readonly: true });
    expect(
      check
        .prepare('select symbol, count(*) as n from price_bars group by symbol order by symbol')
        .all(),
    ).toEqual([
      { symbol: 'AAA', n: 60_000 },
      { symbol: 'BBB', n: 60_000 },
    ]);
    check.close();
  }, 120_000);

  it('an import waits behind a writer that holds the lock for 6 s (past the old 5 s timeout)', async () => {
    const db = join(dir, 'held.sqlite');
    const first = await ballast(importArgs(pricesFile('seed.csv', 10), 'SEED', db));
    expect(first.code, first.stderr).toBe(0);
    // Another process takes SQLite's write lock and keeps it for 6 s.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(db)});
         db.exec('begin immediate'); db.prepare("update price_bars set close = 1 where symbol = 'SEED'").run();
         console.log('locked'); setTimeout(() => { db.exec('commit'); db.close(); }, 6000);`,
      ],
      { cwd: fileURLToPath(new URL('../..', import.meta.url)) },
    );
    await new Promise<void>((resolve) => holder.stdout.on('data', () => resolve()));
    const t0 = Date.now();
    const run = await ballast(importArgs(pricesFile('late.csv', 1000), 'LATE', db));
    expect(run.stderr).not.toContain('database is locked');
    expect(run.code, run.stderr).toBe(0);
    expect(Date.now() - t0).toBeGreaterThan(4000); // it waited for the holder to commit
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ id: 'LATE', rows: 1000 });
  }, 60_000);
});

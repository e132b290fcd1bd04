/**
 * `ballast portfolio append NAME --transactions FILE`: transactions added after a stored
 * portfolio's ledger, all or nothing, numbered after its last line (the `portfolioAppend` use
 * case). Run through the CLI's entry point, and once through the built executable.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const BIN = fileURLToPath(new URL('../../bin/ballast.mjs', import.meta.url));
const DEMO = fileURLToPath(new URL('../../data/demo/transactions.csv', import.meta.url));
const HEADER = 'date,type,symbol,quantity,price,amount,fees,account,lots';

/** A fresh directory holding `files` (name → data rows under the transactions header). */
function scratch(files: Record<string, string[]> = {}): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-append-cli-'));
  const paths: Record<string, string> = { dir, db: join(dir, 'store.sqlite') };
  for (const [name, rows] of Object.entries(files)) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name], [HEADER, ...rows, ''].join('\n'));
  }
  return paths;
}

const stored = async (db: string): Promise<number> =>
  (
    JSON.parse((await runCli('portfolio', 'list', '--format', 'json', '--db', db)).stdout) as {
      transactions: number;
    }[]
  )[0]!.transactions;

describe('ballast portfolio append', () => {
  it('appends the demo ledger, then a later file numbered after it, and prints the counts', async () => {
    // The demo ledger ends at line 23 (2025-09-30); UPRO 60 bought at line 21 is lot L21.
    const { db, later } = scratch({
      later: ['2025-10-01,deposit,,,,1000,,MARGIN,', '2025-10-02,sell,UPRO,10,70,,0,MARGIN,L21'],
    });
    await runCli('portfolio', 'create', 'demo', '--db', db!);
    const first = await runCli('portfolio', 'append', 'demo', '--transactions', DEMO, '--db', db!);
    expect([first.code, first.stdout]).toEqual([
      0,
      'Appended 22 transactions to portfolio demo (stored lines 2–23): 22 transactions stored\n',
    ]);
    const positions = (...source: string[]) =>
      runCli('positions', ...source, '--format', 'json', '--db', db!);
    expect((await positions('--portfolio', 'demo')).stdout).toBe(
      (await positions('--transactions', DEMO)).stdout,
    );
    const second = await runCli(
      ...['portfolio', 'append', 'demo', '--transactions', later!, '--db', db!, '--format', 'json'],
    );
    expect(second.code).toBe(0);
    // the file's lines 2 and 3 are stored as 24 and 25
    expect(JSON.parse(second.stdout)).toMatchObject({
      portfolio: { name: 'demo' },
      appended: 2,
      transactions: 24,
      lines: { first: 24, last: 25 },
    });
    expect(await stored(db!)).toBe(24);
  });

  it('stores nothing from a file with a bad row and names the row by its line in the file', async () => {
    const { db, bad, unordered } = scratch({
      bad: ['2025-10-01,deposit,,,,1000,,MARGIN,', '2025-10-02,buy,RSSB,ten,24,,0,MARGIN,'],
      unordered: ['2025-10-01,deposit,,,,1000,,MARGIN,', '2025-01-02,buy,RSSB,10,24,,0,MARGIN,'],
    });
    await runCli('portfolio', 'create', 'demo', '--db', db!);
    await runCli('portfolio', 'append', 'demo', '--transactions', DEMO, '--db', db!);
    const run = await runCli('portfolio', 'append', 'demo', '--transactions', bad!, '--db', db!);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain(`error [INVALID_INPUT]: ${bad}:3: column "quantity"`);
    // a row that parses but does not replay: its file line, and where it would have been stored
    const late = await runCli(
      ...['portfolio', 'append', 'demo', '--transactions', unordered!, '--db', db!],
    );
    expect([late.code, late.stderr.trim()]).toEqual([
      2,
      `error [INVALID_INPUT]: ${unordered}:3: date: 2025-01-02 is before the previous row's 2025-10-01; transactions must be in date order (line 25 of the ledger once appended)`,
    ]);
    expect(await stored(db!)).toBe(22);
  });

  it('needs --transactions and a stored portfolio; names a missing file by its flag', async () => {
    const { db, dir } = scratch();
    await runCli('portfolio', 'create', 'demo', '--db', db!);
    const missing = await runCli('portfolio', 'append', 'demo', '--db', db!);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('--transactions')]);
    const ghost = await runCli('portfolio', 'append', 'ghost', '--transactions', DEMO, '--db', db!);
    expect([ghost.code, ghost.stderr.trim()]).toEqual([
      3,
      'error [NOT_FOUND]: portfolio: no stored portfolio "ghost"',
    ]);
    const nofile = join(dir!, 'none.csv');
    const absent = await runCli(
      'portfolio',
      'append',
      'demo',
      '--transactions',
      nofile,
      '--db',
      db!,
    );
    expect([absent.code, absent.stderr]).toEqual([3, expect.stringContaining('--transactions:')]);
  });

  it('runs from the built executable', () => {
    const { db, dir } = scratch();
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: join(dir!, 'data') };
    delete env['DATABASE_URL'];
    delete env['BALLAST_DB'];
    const ballast = (...args: string[]) =>
      spawnSync(process.execPath, [BIN, ...args, '--db', db!], { encoding: 'utf8', env });
    expect(ballast('portfolio', 'create', 'demo').status).toBe(0);
    const run = ballast('portfolio', 'append', 'demo', '--transactions', DEMO, '--format', 'json');
    expect([run.status, JSON.parse(run.stdout).appended]).toEqual([0, 22]);
  });
});

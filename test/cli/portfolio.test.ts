import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const BIN = fileURLToPath(new URL('../../bin/ballast.mjs', import.meta.url));
const DEMO = fileURLToPath(new URL('../../data/demo/transactions.csv', import.meta.url));

/** A fresh directory with a data home of its own (the default store never holds these tests). */
const scratch = (): string => mkdtempSync(join(tmpdir(), 'ballast-portfolio-cli-'));

/** Runs the built executable with `XDG_DATA_HOME` in `dir` and no store from the environment. */
function ballast(dir: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: join(dir, 'data') };
  delete env['DATABASE_URL'];
  delete env['BALLAST_DB'];
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

describe('ballast portfolio (the built executable)', () => {
  it('create → import the demo ledger → positions --portfolio prints what positions --transactions prints', () => {
    const dir = scratch();
    const db = join(dir, 'store.sqlite');
    expect(ballast(dir, 'portfolio', 'create', 'demo', '--db', db).code).toBe(0);
    const imported = ballast(
      dir,
      '--db',
      db,
      'portfolio',
      'import',
      'demo',
      '--transactions',
      DEMO,
    );
    expect(imported.code).toBe(0);
    // data/demo/transactions.csv has 22 rows after its header
    expect(imported.stdout).toContain('22 transactions');
    const stored = ballast(dir, 'positions', '--portfolio', 'demo', '--format', 'json', '--db', db);
    const file = ballast(dir, 'positions', '--transactions', DEMO, '--format', 'json');
    expect(stored.code).toBe(0);
    expect(stored.stdout).toBe(file.stdout);
    // RSSB: 800 @ 20.40 + 300 @ 23.10 = 16,320 + 6,930 = 23,250 (rows of 2024-01-10 and 2024-12-31)
    const rssb = JSON.parse(stored.stdout).positions.find(
      (p: { symbol: string }) => p.symbol === 'RSSB',
    );
    expect([rssb.quantity, rssb.costBasisTotal]).toEqual([1100, 23250]);
  });
});

describe('ballast portfolio', () => {
  it('exports a backup that imports into a new store and exports again byte for byte', async () => {
    const dir = scratch();
    const [first, second] = [join(dir, 'first.sqlite'), join(dir, 'second.sqlite')];
    const accounts = join(dir, 'accounts.csv');
    writeFileSync(accounts, 'account,type\nMARGIN,taxable\nIRA,roth_ira\n');
    await runCli('--db', first, 'portfolio', 'create', 'demo', '--base-currency', 'usd');
    const imported = await runCli(
      ...['portfolio', 'import', 'demo', '--transactions', DEMO, '--accounts', accounts],
      ...['--db', first, '--format', 'json'],
    );
    expect(JSON.parse(imported.stdout)).toMatchObject({ accounts: 2, transactions: 22 });
    const [out1, out2] = [join(dir, 'one.json'), join(dir, 'two.json')];
    expect((await runCli('portfolio', 'export', 'demo', '--out', out1, '--db', first)).code).toBe(
      0,
    );
    const restored = await runCli('portfolio', 'import', 'demo', '--json', out1, '--db', second);
    expect(restored.stdout).toContain('Restored portfolio demo: 22 transactions, 2 accounts');
    expect((await runCli('portfolio', 'export', 'demo', '--out', out2, '--db', second)).code).toBe(
      0,
    );
    expect(readFileSync(out2, 'utf8')).toBe(readFileSync(out1, 'utf8'));
    const backup = JSON.parse(readFileSync(out1, 'utf8'));
    expect(backup.accounts).toEqual([
      { name: 'IRA', taxType: 'roth_ira' },
      { name: 'MARGIN', taxType: 'taxable' },
    ]);
    // line 2 of the demo ledger: 2021-03-01,deposit,,,,60000,,MARGIN,
    expect(backup.transactions[0]).toEqual({
      date: '2021-03-01',
      account: 'MARGIN',
      feesCents: 0,
      source: { line: 2 },
      type: 'deposit',
      amountCents: 6_000_000,
    });
    const stdout = await runCli('portfolio', 'export', 'demo', '--db', second);
    expect(stdout.stdout).toBe(readFileSync(out1, 'utf8'));
  });

  it('stores nothing from a file with a bad row 5 and names the line', async () => {
    const dir = scratch();
    const db = join(dir, 'store.sqlite');
    const lines = readFileSync(DEMO, 'utf8').split('\n');
    lines[4] = '2021-06-01,deposit,,,,twenty,,IRA,'; // line 5 of the file
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, lines.join('\n'));
    await runCli('portfolio', 'create', 'demo', '--db', db);
    const run = await runCli('portfolio', 'import', 'demo', '--transactions', bad, '--db', db);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error [INVALID_INPUT]');
    expect(run.stderr).toContain('bad.csv:5: column "amount"');
    const list = JSON.parse(
      (await runCli('portfolio', 'list', '--format', 'json', '--db', db)).stdout,
    );
    expect(
      list.map((p: { name: string; transactions: number }) => [p.name, p.transactions]),
    ).toEqual([['demo', 0]]);
  });

  it('refuses a taken name (CONFLICT, exit 2) and an unknown portfolio (NOT_FOUND, exit 3)', async () => {
    const db = join(scratch(), 'store.sqlite');
    expect((await runCli('portfolio', 'create', 'demo', '--db', db)).stdout).toContain(
      'Created portfolio demo (base currency USD',
    );
    const dup = await runCli('portfolio', 'create', 'demo', '--db', db);
    expect([dup.code, dup.stderr.trim()]).toEqual([
      2,
      'error [CONFLICT]: name: a portfolio named "demo" already exists',
    ]);
    for (const [field, ...args] of [
      ['--portfolio', 'positions', '--portfolio', 'ghost'],
      ['--portfolio', 'exposures', '--portfolio', 'ghost', '--offline'],
      ['portfolio', 'portfolio', 'export', 'ghost'],
      ['portfolio', 'portfolio', 'import', 'ghost', '--transactions', DEMO],
    ]) {
      const run = await runCli(...args, '--db', db);
      expect([run.code, run.stderr.trim()]).toEqual([
        3,
        `error [NOT_FOUND]: ${field}: no stored portfolio "ghost"`,
      ]);
    }
    const both = await runCli('positions', '--portfolio', 'demo', '--transactions', DEMO);
    expect(both.code).toBe(2);
    const neither = await runCli('positions');
    expect(neither.stderr).toContain('one of --transactions or --portfolio is required');
  });

  it('lists portfolios as a table and prints help for each subcommand', async () => {
    const db = join(scratch(), 'store.sqlite');
    await runCli('portfolio', 'create', 'b', '--db', db, '--base-currency', 'EUR');
    await runCli('portfolio', 'create', 'a', '--db', db);
    const table = (await runCli('portfolio', 'list', '--db', db)).stdout.split('\n');
    expect(table[0]).toMatch(/^name\s+base_currency\s+accounts\s+transactions\s+created_at$/);
    expect(table.slice(2, 4).map((l) => l.split(/\s+/).slice(0, 4))).toEqual([
      ['a', 'USD', '0', '0'],
      ['b', 'EUR', '0', '0'],
    ]);
    const help = await runCli('portfolio', 'import', '--help');
    expect(help.stdout).toContain('--accounts <file>');
    expect(help.stdout).toContain('--json <file>');
    expect((await runCli('--help')).stdout).toContain('portfolio');
  });

  it('renames a portfolio (its ledger follows) and deletes one with its ledger', async () => {
    const db = join(scratch(), 'store.sqlite');
    await runCli('portfolio', 'create', 'demo', '--db', db);
    await runCli('portfolio', 'create', 'other', '--db', db);
    await runCli('portfolio', 'import', 'demo', '--transactions', DEMO, '--db', db);
    const renamed = await runCli('portfolio', 'rename', 'demo', 'main', '--db', db);
    expect([renamed.code, renamed.stdout.trim()]).toEqual([
      0,
      'Renamed portfolio demo to main (id 1)',
    ]);
    const file = await runCli('positions', '--transactions', DEMO, '--format', 'json');
    const stored = await runCli('positions', '--portfolio', 'main', '--db', db, '--format', 'json');
    expect(stored.stdout).toBe(file.stdout);
    const taken = await runCli('portfolio', 'rename', 'main', 'other', '--db', db);
    expect([taken.code, taken.stderr.trim()]).toEqual([
      2,
      'error [CONFLICT]: name: a portfolio named "other" already exists',
    ]);
    const json = await runCli('portfolio', 'delete', 'main', '--db', db, '--format', 'json');
    // data/demo/transactions.csv has 22 rows after its header; no accounts file was imported
    expect(JSON.parse(json.stdout)).toMatchObject({
      id: 1,
      name: 'main',
      accounts: 0,
      transactions: 22,
    });
    const deleted = await runCli('portfolio', 'delete', 'other', '--db', db);
    expect(deleted.stdout.trim()).toBe(
      'Deleted portfolio other (id 2) with its 0 transactions and 0 accounts',
    );
    expect((await runCli('portfolio', 'list', '--db', db, '--format', 'json')).stdout.trim()).toBe(
      '[]',
    );
    for (const args of [
      ['portfolio', 'delete', 'main'],
      ['portfolio', 'rename', 'main', 'x'],
    ]) {
      const run = await runCli(...args, '--db', db);
      expect([run.code, run.stderr.trim()]).toEqual([
        3,
        'error [NOT_FOUND]: portfolio: no stored portfolio "main"',
      ]);
    }
  });
});

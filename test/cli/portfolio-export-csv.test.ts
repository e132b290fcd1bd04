import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const DEMO = fileURLToPath(new URL('../../data/demo/transactions.csv', import.meta.url));

/** A fresh directory for a store and the exported files. */
const scratch = (): string => mkdtempSync(join(tmpdir(), 'ballast-export-csv-'));

describe('ballast portfolio export --format csv', () => {
  it('writes the ledger that `portfolio import --transactions` stores again identically', async () => {
    const dir = scratch();
    const db = join(dir, 'store.sqlite');
    const cli = (...args: string[]) => runCli(...args, '--db', db);
    await cli('portfolio', 'create', 'demo');
    expect((await cli('portfolio', 'import', 'demo', '--transactions', DEMO)).code).toBe(0);

    const stdout = await cli('portfolio', 'export', 'demo', '--format', 'csv');
    expect(stdout.code, stdout.stderr).toBe(0);
    const lines = stdout.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'date,type,symbol,quantity,price,amount,fees,account,lots,acquired',
      '2021-03-01,deposit,,,,60000.00,,MARGIN,,',
      '2021-03-02,buy,UPRO,100,95.4,,,MARGIN,,',
    ]);
    // line 22 of the demo ledger: 2025-06-30,interest,,,,-38.62,,MARGIN,
    expect(lines[21]).toBe('2025-06-30,interest,,,,-38.62,,MARGIN,,');

    const out = join(dir, 'demo.csv');
    const written = await cli('portfolio', 'export', 'demo', '--format', 'csv', '--out', out);
    expect(written.stdout.trim()).toBe(
      `Wrote the ledger of portfolio demo to ${out} as a transactions CSV: 22 transactions`,
    );
    expect(readFileSync(out, 'utf8')).toBe(stdout.stdout);

    await cli('portfolio', 'create', 'copy');
    const imported = await cli('portfolio', 'import', 'copy', '--transactions', out);
    expect(imported.stdout).toContain('22 transactions');
    const positions = async (name: string) =>
      (await cli('positions', '--portfolio', name, '--format', 'json', '--offline')).stdout;
    expect(await positions('copy')).toBe(await positions('demo'));
    const ledger = async (name: string) =>
      JSON.parse((await cli('portfolio', 'export', name)).stdout).transactions;
    expect(await ledger('copy')).toStrictEqual(await ledger('demo'));
    expect((await cli('portfolio', 'export', 'copy', '--format', 'csv')).stdout).toBe(
      stdout.stdout,
    );
  });

  it('keeps the JSON backup the default and refuses --format table', async () => {
    const db = join(scratch(), 'store.sqlite');
    await runCli('portfolio', 'create', 'demo', '--db', db);
    const backup = await runCli('portfolio', 'export', 'demo', '--db', db);
    expect(JSON.parse(backup.stdout)).toMatchObject({ format: 'ballast-portfolio' });
    const table = await runCli('portfolio', 'export', 'demo', '--format', 'table', '--db', db);
    expect([table.code, table.stdout]).toEqual([2, '']);
    expect(table.stderr).toContain('--format: expected json (the backup) or csv');
  });
});

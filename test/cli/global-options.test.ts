import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandNameOf } from '../../src/cli/command-table.ts';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

describe('global options', () => {
  it('are read after the subcommand too: --offline and --db at the end of the line', async () => {
    const dir = tempFiles({ 'x.txt': '' })['x.txt']!.replace(/x\.txt$/, '');
    const db = join(dir, 'late.sqlite');
    const run = await runCli('returns', '--symbols', 'SPY', '--offline', '--db', db);
    // Offline with an empty store: nothing is fetched, the store named by --db is the one opened.
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('tried offline');
    expect(existsSync(db)).toBe(true);
  });

  it('name the command a line runs, skipping global options and their values', () => {
    expect(commandNameOf(['--db', 'x.db', '--offline', 'data', 'fetch'])).toBe('data');
    expect(commandNameOf(['--db=x.db', 'positions', '--db', 'y'])).toBe('positions');
    expect(commandNameOf(['help', 'optimize'])).toBe('optimize');
    expect(commandNameOf(['--version'])).toBeUndefined();
    expect(commandNameOf([])).toBeUndefined();
  });

  it('list every command in --help without loading them', async () => {
    const run = await runCli('--help');
    expect(run.code).toBe(0);
    for (const name of ['positions', 'optimize', 'stress', 'regimes', 'plan'])
      expect(run.stdout).toContain(name);
    expect(run.stdout).toContain('$BALLAST_DB, $DATABASE_URL');
  });
});

describe('store selection', () => {
  it('refuses a --db path whose directory does not exist (no silent new store)', async () => {
    const dir = tempFiles({ 'x.txt': '' })['x.txt']!.replace(/x\.txt$/, '');
    const db = join(dir, 'no-such-dir', 'store.sqlite');
    const run = await runCli('data', 'list', '--db', db);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('error [NOT_FOUND]');
    expect(run.stderr).toContain('no-such-dir');
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
  });
});

describe('the test suite', () => {
  it('never reaches the user’s own store: the default data directory is a temporary one', () => {
    expect(process.env.XDG_DATA_HOME).toContain('ballast-test-home-');
    expect(process.env.BALLAST_DB ?? '').toBe('');
  });
});

/**
 * `--format csv` on every command: a command prints its main table as CSV, or refuses csv with
 * INVALID_INPUT (exit 2) and prints nothing — never a table under the csv name. The lists below
 * name every command and subcommand that takes `--format`; a new one fails the first test until
 * it is listed.
 */

import { Command } from 'commander';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/command-table.ts';
import { processRuntime } from '../../src/cli/context.ts';
import { runCli } from '../helpers/run-cli.ts';

/** Commands whose `--format csv` is their main table as CSV. */
const WITH_CSV = [
  'analyze',
  'backtest',
  'data fetch',
  'data fx-rate',
  'data import',
  'data list',
  'data history',
  'data quality',
  'data search',
  'data quote',
  'data refresh',
  'data alerts',
  'data schedule',
  'estimate',
  'estimate evaluate',
  'estimate universe',
  'exposures',
  'factors',
  'frontier',
  'funds check',
  'funds list',
  'funds stored',
  'funds validate',
  'keys list',
  'location',
  'optimize',
  'performance',
  'plan',
  'portfolio export',
  'portfolio holdings',
  'portfolio list',
  'positions',
  'rebalance',
  'regimes',
  'returns',
  'risk',
  'simulate',
  'stress',
  'tax form8949',
  'tax gains',
  'tax harvest',
  'universe',
  'universe stored',
];

/** Commands with no CSV form: `--format csv` is INVALID_INPUT before any work. */
const WITHOUT_CSV: Record<string, string[]> = {
  demo: ['demo'],
  'keys create': ['keys', 'create', '--scope', 'read'],
  'keys revoke': ['keys', 'revoke', '1'],
  'portfolio append': [
    'portfolio',
    'append',
    'csv-test',
    '--transactions',
    'data/demo/transactions.csv',
  ],
  'portfolio create': ['portfolio', 'create', 'csv-test'],
  'portfolio edit': ['portfolio', 'edit', 'csv-test', '--line', '2', '--quantity', '1'],
  'portfolio remove-transaction': ['portfolio', 'remove-transaction', 'csv-test', '--line', '2'],
  'portfolio summary': ['portfolio', 'summary', 'csv-test'],
  'portfolio import': [
    'portfolio',
    'import',
    'csv-test',
    '--transactions',
    'data/demo/transactions.csv',
  ],
  'portfolio rename': ['portfolio', 'rename', 'csv-test', 'renamed'],
  'portfolio delete': ['portfolio', 'delete', 'csv-test'],
  'funds save': ['funds', 'save', 'csv-test', '--file', 'config/funds.yaml'],
  'funds delete': ['funds', 'delete', 'csv-test'],
  'universe save': ['universe', 'save', 'csv-test', '--symbols', 'SPY'],
  'universe delete': ['universe', 'delete', 'csv-test'],
  'transactions convert': ['transactions', 'convert', '--csv', 'test/fixtures/brokers/schwab.csv'],
};

async function commandsWithFormat(): Promise<string[]> {
  const program = new Command();
  const io = { out: () => undefined, err: () => undefined };
  for (const entry of COMMANDS) (await entry.load())(program, io, processRuntime());
  const found: string[] = [];
  const walk = (command: Command, prefix: string): void => {
    for (const sub of command.commands) {
      const path = `${prefix}${sub.name()}`;
      if (sub.options.some((o) => o.long === '--format')) found.push(path);
      walk(sub, `${path} `);
    }
  };
  walk(program, '');
  return found.sort();
}

describe('--format csv', () => {
  it('every command that takes --format is listed as with or without a CSV form', async () => {
    const listed = [...WITH_CSV, ...Object.keys(WITHOUT_CSV)].sort();
    expect(await commandsWithFormat()).toEqual(listed);
  });

  it.each(Object.entries(WITHOUT_CSV))(
    '`%s --format csv` is INVALID_INPUT (exit 2) and prints nothing',
    async (_, args) => {
      const db = join(mkdtempSync(join(tmpdir(), 'ballast-csv-')), 'store.sqlite');
      const run = await runCli(...args, '--format', 'csv', '--db', db);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('INVALID_INPUT');
      expect(run.stderr).toContain('no CSV form');
      expect(run.stdout).toBe('');
    },
  );
});

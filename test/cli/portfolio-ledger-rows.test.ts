/**
 * `ballast portfolio edit|remove-transaction|holdings|summary` and `portfolio append --dry-run`
 * through the CLI's entry point, on a small stored ledger (expected numbers by hand).
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const HEADER = 'date,type,symbol,quantity,price,amount,fees,account,lots';
/** Lines 2–5: deposit $10 000; buy VTI 10 @ 100 (L3); buy VTI 5 @ 120 (L4); sell 4 of L3 @ 130. */
const LEDGER = [
  '2024-01-02,deposit,,,,10000,,A,',
  '2024-01-03,buy,VTI,10,100,,,A,',
  '2024-02-01,buy,VTI,5,120,,,A,',
  '2024-03-01,sell,VTI,4,130,,,A,L3',
];

let dir: string;
let db: string;
const file = (name: string, rows: string[]): string => {
  const path = join(dir, name);
  writeFileSync(path, [HEADER, ...rows, ''].join('\n'));
  return path;
};
const ballast = (...args: string[]) => runCli(...args, '--db', db);
const stored = async () =>
  JSON.parse((await ballast('portfolio', 'export', 'main', '--format', 'json')).stdout)
    .transactions as { quantity?: number; price?: number; source: { line: number } }[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ballast-ledger-rows-'));
  db = join(dir, 'store.sqlite');
  await ballast('portfolio', 'create', 'main');
  const appended = await ballast(
    'portfolio',
    'append',
    'main',
    '--transactions',
    file('l.csv', LEDGER),
  );
  expect(appended.code, appended.stderr).toBe(0);
});

describe('ballast portfolio edit', () => {
  it('changes fields of a row by its line, or replaces it with --json', async () => {
    const run = await ballast(
      'portfolio',
      'edit',
      'main',
      '--line',
      '4',
      '--quantity',
      '6',
      '--price',
      '110',
    );
    expect([run.code, run.stdout]).toEqual([
      0,
      'Edited line 4 of portfolio main: 2024-02-01 buy VTI 6 @ 110 (account A) (was 2024-02-01 buy VTI 5 @ 120 (account A)); 4 transactions stored\n',
    ]);
    expect((await stored())[2]).toMatchObject({ quantity: 6, price: 110, source: { line: 4 } });
    const row = {
      date: '2024-02-01',
      type: 'buy',
      symbol: 'VTI',
      quantity: 7,
      price: 105,
      account: 'A',
    };
    const json = await ballast(
      'portfolio',
      'edit',
      'main',
      '--line',
      '4',
      '--json',
      JSON.stringify(row),
      '--format',
      'json',
    );
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      line: 4,
      transaction: { ...row, feesCents: 0, source: { line: 4 } },
      transactions: 4,
    });
  });

  it('names the flag, or the row a change breaks, and stores nothing', async () => {
    const before = await stored();
    const cases: [string[], number, string][] = [
      [
        ['--quantity', 'ten'],
        2,
        'error [INVALID_INPUT]: --quantity: not a number (got "ten") (line 4 of portfolio main)',
      ],
      [
        ['--amount', '-5', '--type', 'deposit'],
        2,
        'error [INVALID_INPUT]: --amount: must be at least 0 (got "-5") (line 4 of portfolio main)',
      ],
      [
        ['--date', '2024-05-01'],
        2,
        'error [INVALID_INPUT]: --date: 2024-05-01 is after 2024-03-01, the date of line 5;',
      ],
      // L3 cut to 3 shares: the sale on line 5 lists L3 for 4
      [
        ['--line', '3', '--quantity', '3'],
        2,
        'error [INVALID_INPUT]: portfolio main:5: lots: the listed lots hold 3 of the 4 VTI shares to close',
      ],
      [
        ['--line', '9', '--quantity', '1'],
        3,
        'error [NOT_FOUND]: --line: no transaction on line 9 of portfolio "main"',
      ],
      [['--line', 'x', '--quantity', '1'], 2, 'error [INVALID_INPUT]: --line:'],
      [[], 2, 'error [INVALID_INPUT]: --json: give the new row as --json, or the fields to change'],
      [['--json', '{'], 2, 'error [INVALID_INPUT]: --json: not JSON'],
      [
        [
          '--json',
          '{"date":"2024-02-01","type":"buy","symbol":"VTI","quantity":-1,"price":1,"account":"A"}',
        ],
        2,
        'error [INVALID_INPUT]: quantity: must be a number > 0 (got -1) (line 4)',
      ],
    ];
    for (const [flags, code, message] of cases) {
      const args = flags.includes('--line') ? flags : ['--line', '4', ...flags];
      const run = await ballast('portfolio', 'edit', 'main', ...args);
      expect([run.code, run.stdout], flags.join(' ')).toEqual([code, '']);
      expect(run.stderr, flags.join(' ')).toContain(message);
    }
    expect(await stored()).toEqual(before);
  });
});

describe('ballast portfolio remove-transaction', () => {
  it('deletes a row no later row needs, and refuses one a sale lists', async () => {
    const refused = await ballast('portfolio', 'remove-transaction', 'main', '--line', '3');
    expect([refused.code, refused.stderr.trim()]).toEqual([
      3,
      'error [NOT_FOUND]: portfolio main:5: lots: lot "L3" is not an open long lot of VTI in account A',
    ]);
    const run = await ballast('portfolio', 'remove-transaction', 'main', '--line', '4');
    expect([run.code, run.stdout]).toEqual([
      0,
      'Removed line 4 of portfolio main: 2024-02-01 buy VTI 5 @ 120 (account A); 3 transactions stored\n',
    ]);
    expect((await stored()).map((t) => t.source.line)).toEqual([2, 3, 5]);
  });
});

describe('ballast portfolio append --dry-run', () => {
  it('prints every row’s result, stores nothing, and exits 2 when a row would be refused', async () => {
    const batch = file('b.csv', [
      '2024-04-01,buy,VTI,2,140,,,A,',
      '2024-04-02,sell,VTI,1,150,,,A,L9',
      '2024-04-03,fee,,,,x,,A,',
    ]);
    const run = await ballast('portfolio', 'append', 'main', '--transactions', batch, '--dry-run');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `error [INVALID_INPUT]: --transactions: 2 of 3 rows of ${batch} would be refused (listed above); nothing stored`,
    );
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `Dry run: 3 rows of ${batch} checked after the 4 stored in portfolio main: 1 would be appended, 2 refused; nothing stored`,
    );
    // stored last line 5: the file's line n would be stored on n + 4
    expect(
      lines.slice(3, 6).map((l) =>
        l
          .trim()
          .split(/\s{2,}/)
          .slice(0, 4)
          .map((c) => c.trim()),
      ),
    ).toEqual([
      ['2', '6', 'ok', '2024-04-01 buy VTI 2 @ 140 (account A)'],
      ['3', '7', 'NOT_FOUND', 'lots'],
      ['4', '8', 'INVALID_INPUT', 'amount'],
    ]);
    const json = await ballast(
      'portfolio',
      'append',
      'main',
      '--transactions',
      batch,
      '--dry-run',
      '--format',
      'json',
    );
    expect(JSON.parse(json.stdout)).toMatchObject({
      dryRun: true,
      valid: 1,
      invalid: 2,
      transactions: 4,
    });
    expect(json.code).toBe(2);
    expect(await stored()).toHaveLength(4);
    const good = file('g.csv', ['2024-04-01,buy,VTI,2,140,,,A,']);
    const ok = await ballast('portfolio', 'append', 'main', '--transactions', good, '--dry-run');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Every row would be appended.');
    expect(await stored()).toHaveLength(4);
  });
});

describe('ballast portfolio holdings and summary', () => {
  it('prices the lots at the last trade and totals them', async () => {
    const json = await ballast(
      'portfolio',
      'holdings',
      'main',
      '--as-of',
      '2024-06-30',
      '--format',
      'json',
    );
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout);
    // L3: 6 @ 100 → 6 × 130 = 780 (gain 180); L4: 5 @ 120 → 650 (gain 50); bought 2024-01-03
    // and 2024-02-01: long-term from 2025-01-04 (188 days after 2024-06-30) and 2025-02-02 (217)
    expect(
      doc.accounts[0].positions[0].lots.map((l: Record<string, unknown>) => [
        l['id'],
        l['marketValue'],
        l['unrealizedGain'],
        l['term'],
        l['daysUntilLongTerm'],
      ]),
    ).toEqual([
      ['L3', 780, 180, 'short', 188],
      ['L4', 650, 50, 'short', 217],
    ]);
    // cash 10 000 − 1 000 − 600 + 520 = 8 920; value 8 920 + 1 430 = 10 350
    expect(doc.totals).toEqual({
      cash: 8920,
      costBasis: 1200,
      marketValue: 1430,
      unrealizedGain: 230,
      value: 10350,
    });
    expect(doc.realizedByYear).toEqual([{ year: 2024, shortTerm: 120, longTerm: 0, total: 120 }]);
    const csv = await ballast(
      'portfolio',
      'holdings',
      'main',
      '--as-of',
      '2024-06-30',
      '--format',
      'csv',
    );
    expect(csv.stdout.split('\n')[1]).toBe(
      'A,VTI,L3,2024-01-03,6,100,600,130,last trade price (ledger),2024-03-01,780,180,short,188',
    );
    const table = await ballast('portfolio', 'holdings', 'main', '--as-of', '2024-06-30');
    expect(table.stdout).toContain('Realised gains by year of disposal');
    const bad = await ballast('portfolio', 'holdings', 'main', '--lot-method', 'newest');
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--lot-method')]);
  });

  it('gives the overview, with no change measured when the store holds no close', async () => {
    const json = await ballast(
      'portfolio',
      'summary',
      'main',
      '--as-of',
      '2024-06-30',
      '--format',
      'json',
    );
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc).toMatchObject({
      totalValue: 10350,
      cash: { byAccount: { A: 8920 }, total: 8920 },
      costBasis: 1200,
      unrealizedGain: 230,
      realized: { shortTerm: 120, longTerm: 0, total: 120 },
      netContributions: 10000,
      changes: { to: null, oneDay: { change: null } },
    });
    const table = await ballast('portfolio', 'summary', 'main', '--as-of', '2024-06-30');
    expect(table.stdout).toContain(
      'Total value 10,350.00: market value 1,430.00 + cash 8,920.00 (A 8,920.00)',
    );
    const ghost = await ballast('portfolio', 'summary', 'ghost');
    expect([ghost.code, ghost.stderr.trim()]).toEqual([
      3,
      'error [NOT_FOUND]: portfolio: no stored portfolio "ghost"',
    ]);
  });
});

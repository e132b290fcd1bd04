import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

const db = (): string => join(mkdtempSync(join(tmpdir(), 'ballast-csv-')), 'store.sqlite');

const ledger = [
  'date,type,symbol,quantity,price,amount,fees,account,lots',
  '2023-01-03,deposit,,,,100000,,,',
  '2023-01-04,buy,AAA,500,100,,,,',
  '2024-06-03,buy,BBB,1000,50,,,,',
].join('\n');

/** Rows of a CSV without quoted fields. */
const csvRows = (text: string): string[][] =>
  text
    .trim()
    .split('\n')
    .map((l) => l.split(','));

describe('rebalance buys a target the ledger does not hold', () => {
  it('prices it from --prices (no DATA_UNAVAILABLE) and lists the trades as CSV', async () => {
    const f = tempFiles({
      tx: ledger,
      p: 'symbol,price\nAAA,120\nBBB,40\nCCC,25\n',
      t: 'symbol,weight\nAAA,0.4\nBBB,0.4\nCCC,0.2\n',
    });
    const args = ['rebalance', '--transactions', f.tx!, '--prices', f.p!, '--targets', f.t!];
    const run = await runCli(...args, '--as-of', '2024-07-01', '--format', 'csv');
    expect(run.code, run.stderr).toBe(0);
    // Total value 100 000: AAA 40 000 / 120 → 333 shares (sell 167 × 120 = 20 040);
    // CCC 20 000 / 25 = 800 shares bought (20 000); BBB already at 40 000.
    expect(csvRows(run.stdout).map((r) => r.slice(0, 6))).toEqual([
      ['side', 'symbol', 'account', 'quantity', 'price', 'gross'],
      ['sell', 'AAA', 'DEFAULT', '167', '120', '20040'],
      ['buy', 'CCC', 'DEFAULT', '800', '25', '20000'],
    ]);
  });
});

describe('--format csv prints the main table', () => {
  it('risk: one row per position, components adding up to the volatility', async () => {
    const run = await runCli(
      '--db',
      db(),
      '--offline',
      'risk',
      '--holdings',
      'test/fixtures/risk/holdings.csv',
      '--funds',
      'test/fixtures/risk/funds.yaml',
      '--format',
      'csv',
    );
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = csvRows(run.stdout);
    expect(header).toEqual([
      'account',
      'symbol',
      'market_value',
      'weight',
      'marginal',
      'component',
      'percent_of_risk',
    ]);
    expect(rows.map((r) => `${r[0]}:${r[1]}`)).toEqual([
      'TAXABLE:LEV2',
      'TAXABLE:GLOBAL',
      'IRA:BOND',
      'TAXABLE:CASH',
      'IRA:CASH',
    ]);
    // Shares of risk sum to 1 (Euler).
    expect(rows.reduce((s, r) => s + Number(r[6]), 0)).toBeCloseTo(1, 12);
  });

  it('stress: one row per position and scenario', async () => {
    const run = await runCli(
      '--db',
      db(),
      '--offline',
      'stress',
      '--holdings',
      'test/fixtures/stress/holdings.csv',
      '--shock',
      'equity=-0.3',
      '--format',
      'csv',
    );
    expect(run.code, run.stderr).toBe(0);
    // SSO: 2 000 × 2 × −0.3 = −1 200 (see test/cli/stress.test.ts)
    expect(csvRows(run.stdout)).toContainEqual([
      'equity=-0.3',
      'IRA',
      'SSO',
      '2000',
      '-1200',
      '-0.6',
    ]);
  });

  it('universe, funds list, funds validate and regimes print CSV; demo refuses it', async () => {
    const universe = csvRows((await runCli('universe', '--format', 'csv')).stdout);
    expect(universe[0]).toEqual(['category', 'id', 'name', 'implementations']);
    expect(universe).toHaveLength(18); // header + 17 exposures
    const funds = csvRows((await runCli('funds', 'list', '--format', 'csv')).stdout);
    expect(funds).toContainEqual(['SSO', 'ProShares Ultra S&P500', 'us_large_equity', '2']);
    const validate = await runCli('funds', 'validate', 'config/funds.yaml', '--format', 'csv');
    expect(csvRows(validate.stdout)[0]).toEqual(['severity', 'symbol', 'field', 'message']);
    // ±1 % alternating, ±5 % on rows 20–39: the threshold model flags the volatile block.
    const days = Array.from({ length: 60 }, (_, t) => {
      const day = new Date(Date.UTC(2020, 0, 1 + t)).toISOString().slice(0, 10);
      return `${day},${(t % 2 ? 1 : -1) * (t >= 20 && t < 40 ? 0.05 : 0.01)}`;
    });
    const { r } = tempFiles({ r: `date,MKT\n${days.join('\n')}\n` });
    const regimes = await runCli(
      'regimes',
      '--returns',
      r!,
      '--column',
      'MKT',
      '--model',
      'threshold',
      '--window',
      '5',
      '--quantile',
      '0.5',
      '--format',
      'csv',
    );
    expect(regimes.code, regimes.stderr).toBe(0);
    const probabilities = csvRows(regimes.stdout);
    expect(probabilities[0]).toEqual(['date', 'stressed_probability']);
    expect(probabilities).toHaveLength(61);
    // no volatility (empty cell) before the fifth date; the ±5 % block is stressed
    expect(probabilities[1]).toEqual(['2020-01-01', '']);
    expect(probabilities[31]).toEqual(['2020-01-31', '1']); // row t = 30
    const demo = await runCli('demo', '--format', 'csv');
    expect(demo.code).toBe(2);
    expect(demo.stderr).toMatch(/INVALID_INPUT.*no CSV form/);
  });
});

describe('flag names in errors from use cases', () => {
  it('a return shock below −1 names --shock; a missing file names its flag', async () => {
    const shock = await runCli(
      '--db',
      db(),
      '--offline',
      'stress',
      '--holdings',
      'test/fixtures/stress/holdings.csv',
      '--shock',
      'equity=-1.5',
    );
    expect(shock.code).toBe(2);
    expect(shock.stderr).toMatch(
      /^error \[INVALID_INPUT\]: --shock: a return shock cannot be below -1/,
    );
    const missing = await runCli('exposures', '--holdings', 'test/fixtures/none.csv');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('--holdings: cannot read test/fixtures/none.csv');
  });
});

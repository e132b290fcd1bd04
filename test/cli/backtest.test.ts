import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * `ballast backtest` end to end on a tiny fixture whose numbers are worked out by hand below
 * (the engine's spreadsheet case, src/domain/backtest/engine.test.ts).
 */

const PRICES = [
  'date,A,B,M',
  '2024-01-30,100,50,10',
  '2024-01-31,110,49,11',
  '2024-02-01,121,50,12',
  '2024-02-29,110,55,11',
  '2024-03-01,100,54,10',
  '2024-03-04,105,56,10.5',
].join('\n');

const CONFIG = [
  'prices: prices.csv',
  'initial: 1000',
  'cash: { rate: 0.03, borrowSpread: 0.01 }',
  'strategies:',
  '  - name: hold A',
  '    weights: { A: 1 }',
  '  - name: 60-40',
  '    weights: { A: 0.6, B: 0.4 }',
  '    rebalance: monthly',
  '  - name: levered',
  '    weights: { A: 1.5 }',
  '    costBps: 10',
  'benchmark: M',
].join('\n');

function files(config = CONFIG): string {
  return tempFiles({ 'prices.csv': PRICES, 'bt.yaml': config })['bt.yaml']!;
}

// 60/40 by hand: 6 A + 8 B; rebalanced on 31 Jan (value 1052) and 29 Feb.
const a1 = (0.6 * 1052) / 110;
const b1 = (0.4 * 1052) / 49;
const v3 = a1 * 110 + b1 * 55;
const MIX_FINAL = ((0.6 * v3) / 110) * 105 + ((0.4 * v3) / 55) * 56;
// Levered: V′ = 1000 − 0.001 × 1.5 V′ = 1000 / 1.0015 buys 1.5 V′ / 100 shares of A; cash is
// 1000 − 1.5 V′ − 0.0015 V′ = −0.5 V′, paying (1.04)^(1/252) − 1 a row for 5 rows.
const N = 1000 / 1.0015;
const LEV_FINAL = ((1.5 * N) / 100) * 105 - 0.5 * N * 1.04 ** (5 / 252);

describe('ballast backtest', () => {
  it('prints one row per strategy and the benchmark', async () => {
    const run = await runCli('backtest', '--config', files());
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Backtest 2024-01-30 \.\. 2024-03-04 \(6 rows from .*prices\.csv\)/);
    expect(lines[1]).toMatch(
      /^Strategy +Final value +TWR +MWR +CAGR +Vol +Max DD +Sharpe +Costs +Interest +Rebalances +Margin calls$/,
    );
    expect(lines.find((l) => l.startsWith('hold A'))).toMatch(/1,050\.00 +5\.0% +5\.0% +— /);
    expect(lines.find((l) => l.startsWith('60-40'))).toMatch(
      new RegExp(
        `${MIX_FINAL.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} .* 2 +—$`,
      ),
    );
    expect(lines.find((l) => l.startsWith('M (benchmark)'))).toMatch(/1,050\.00 +5\.0%/);
    expect(run.stdout).toContain('not annualised');
    expect(run.stdout).toContain('warning: returns: 5 periods at 252 a year');
  });

  it('prints the JSON contract with hand-computed values', async () => {
    const run = await runCli('backtest', '--config', files(), '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.window).toEqual({ from: '2024-01-30', to: '2024-03-04', rows: 6 });
    const [hold, mix, lev] = doc.strategies;
    expect(hold.values.map((v: { value: number }) => v.value)).toEqual([
      1000, 1100, 1210, 1100, 1000, 1050,
    ]);
    expect(hold.twr).toBe(0.05);
    expect(mix.finalValue).toBeCloseTo(MIX_FINAL, 2);
    expect(mix.rebalances).toEqual(['2024-01-31', '2024-02-29']);
    expect(lev.finalValue).toBeCloseTo(LEV_FINAL, 2);
    expect(lev.costs).toBeCloseTo(1000 - N, 2);
    expect(lev.interest).toBeCloseTo(-0.5 * N * (1.04 ** (5 / 252) - 1), 2);
    expect(lev.trades).toEqual([
      {
        date: '2024-01-30',
        symbol: 'A',
        quantity: expect.closeTo((1.5 * N) / 100, 9),
        price: 100,
        value: expect.closeTo(1.5 * N, 2),
        cost: expect.closeTo(1000 - N, 2),
      },
    ]);
    expect(Object.keys(hold.metrics)).toEqual(
      expect.arrayContaining(['sharpe', 'maxDrawdown', 'beta']),
    );
    expect(hold.drawdowns[0]).toMatchObject({
      peak: '2024-02-01',
      trough: '2024-03-01',
      recovery: null,
    });
    expect(doc.benchmark).toMatchObject({ symbol: 'M', twr: 0.05 });
    expect(run.stderr).toContain('warning: returns: 5 periods');
  });

  it('prints the daily values as CSV and writes the chart', async () => {
    const chart = join(mkdtempSync(join(tmpdir(), 'ballast-bt-')), 'bt.svg');
    const run = await runCli('backtest', '--config', files(), '--format', 'csv', '--chart', chart);
    expect(run.code, run.stderr).toBe(0);
    const rows = run.stdout.trim().split('\n');
    expect(rows[0]).toBe('date,hold A,60-40,levered,M (benchmark)');
    expect(rows[1]).toMatch(/^2024-01-30,1000,1000,998\.5,1000$/);
    expect(rows).toHaveLength(7);
    expect(run.stderr).toContain(`chart: wrote ${chart} (svg`);
    const svg = readFileSync(chart, 'utf8');
    for (const label of [
      '>hold A<',
      '>60-40<',
      '>levered<',
      '>M (benchmark)<',
      'Value of $1',
      'Drawdown',
    ])
      expect(svg).toContain(label);
  });

  it('names the field of a bad config, a missing symbol and a missing file', async () => {
    const bad = await runCli('backtest', '--config', files(CONFIG.replace('A: 1 }', 'A: -1 }')));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('INVALID_INPUT');
    expect(bad.stderr).toContain('strategies[0].weights.A');
    expect(bad.stderr).toContain('-1');
    const missing = await runCli(
      'backtest',
      '--config',
      files(CONFIG.replace('benchmark: M', 'benchmark: SPY')),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('benchmark: not in the prices');
    const none = await runCli('backtest', '--config', '/nonexistent/bt.yaml');
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('--config: cannot read /nonexistent/bt.yaml');
  });

  it('labels simulated prices in the table, the CSV and the chart; shows dividends', async () => {
    const f = tempFiles({
      'p.csv': ['date,SPY,UPRO', '2024-01-02,100,', '2024-01-03,102,', '2024-01-04,103,30'].join(
        '\n',
      ),
      'bt.yaml': [
        'prices: p.csv',
        'simulate: { UPRO: { expenseRatio: 0.0091, financingSpread: 0.004 } }',
        'proxies: { us_large_equity: SPY }',
        'strategies:',
        '  - { name: 3x, weights: { UPRO: 1 } }',
        'benchmark: SPY',
      ].join('\n'),
      'u.csv': ['date,A', '2024-03-01,26', '2024-03-04,25', '2024-03-05,25.5'].join('\n'),
      'd.csv': 'date,symbol,amount\n2024-03-04,A,0.5',
      'u.yaml': [
        'prices: u.csv',
        'unadjusted: true',
        'dividends: d.csv',
        'initial: 2600',
        'strategies:',
        '  - { name: income, weights: { A: 1 }, dividends: cash }',
      ].join('\n'),
    });
    const table = await runCli('backtest', '--config', f['bt.yaml']!);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^3x \(simulated: UPRO to 2024-01-03\) /m);
    expect(table.stdout).toContain(
      'SIMULATED: UPRO 2024-01-02 .. 2024-01-03 (2 rows) from its definition, not its own prices',
    );
    expect(table.stdout).toMatch(
      /warning: UPRO: 2024-01-02 \.\. 2024-01-03 \(2 rows\) are SIMULATED/,
    );
    const chart = join(mkdtempSync(join(tmpdir(), 'ballast-bt-')), 'sim.svg');
    const csv = await runCli(
      'backtest',
      '--config',
      f['bt.yaml']!,
      '--format',
      'csv',
      '--chart',
      chart,
    );
    expect(csv.code, csv.stderr).toBe(0);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe('date,3x,SPY (benchmark),simulated');
    expect(rows.map((r) => r.split(',').at(-1))).toEqual(['simulated', 'UPRO', 'UPRO', '']);
    expect(csv.stderr).toContain('SIMULATED');
    expect(readFileSync(chart, 'utf8')).toContain('>3x (simulated: UPRO to 2024-01-03)<');
    const income = await runCli('backtest', '--config', f['u.yaml']!);
    expect(income.code, income.stderr).toBe(0);
    expect(income.stdout).toContain('Closes unadjusted; dividends from');
    // 100 shares × 0.50 = 50 paid to cash.
    expect(income.stdout).toMatch(/^income .* 50\.00 cash$/m);
  });

  it('runs the README example on its made-up prices', async () => {
    const run = await runCli(
      'backtest',
      '--config',
      'examples/backtest/60-40.yaml',
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.strategies.map((s: { name: string }) => s.name)).toEqual([
      '60-40',
      '90-60 levered',
      '60-40 saving',
    ]);
    // The benchmark holds 10,000 of MKT from the first close to the last, read from the file.
    const rows = readFileSync('examples/backtest/prices.csv', 'utf8').trim().split('\n');
    const mkt = (line: string): number => Number(line.split(',')[3]);
    expect(doc.benchmark.finalValue).toBeCloseTo((10_000 * mkt(rows.at(-1)!)) / mkt(rows[1]!), 2);
    expect(doc.window.rows).toBe(rows.length - 1);
  });
});

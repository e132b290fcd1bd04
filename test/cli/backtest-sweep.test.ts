import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * `ballast backtest --sweep` end to end on the tiny fixture of test/cli/backtest.test.ts, with
 * the variants' values worked out by hand below.
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
  '  - name: hold',
  '    weights: { A: 1 }',
  'benchmark: M',
].join('\n');

const config = (): string => tempFiles({ 'prices.csv': PRICES, 'bt.yaml': CONFIG })['bt.yaml']!;

// Buy and hold of A from 100 to 105, no costs. weights.A = 1: 10 shares, 1,050.
// weights.A = 2: 20 shares and cash −1,000 borrowed at 3 % + 1 % for the 5 rows after the
// first: 20 × 105 − 1,000 × 1.04^(5/252). weights.A = 0.5: 5 shares and 500 of cash earning
// 3 %: 5 × 105 + 500 × 1.03^(5/252).
const HOLD_1 = 1050;
const HOLD_2 = 2100 - 1000 * 1.04 ** (5 / 252);
const HOLD_HALF = 525 + 500 * 1.03 ** (5 / 252);

const sweep = (...args: string[]) =>
  runCli('backtest', '--config', config(), '--sweep', 'weights.A=0.5,1,2', ...args);

describe('ballast backtest --sweep', () => {
  it('prints the variants best first with their values by hand', async () => {
    const run = await sweep('--sort-by', 'finalValue');
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^Backtest sweep 2024-01-30 \.\. 2024-03-04 \(6 rows from .*prices\.csv\): 3 variants, sorted by final value \(higher is better\), on this thread$/,
    );
    expect(lines[1]).toBe('  weights.A=0.5,1,2  (every strategy; 3 values)');
    expect(lines[2]).toMatch(/^# +Variant +Final value +TWR +MWR +CAGR +Vol +Max DD +Sharpe/);
    const money = (x: number) =>
      x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(lines[4]).toMatch(new RegExp(`^1 +hold \\[weights\\.A=2\\] +${money(HOLD_2)} `));
    expect(lines[5]).toMatch(new RegExp(`^2 +hold \\[weights\\.A=1\\] +1,050\\.00 +5\\.0%`));
    expect(lines[6]).toMatch(new RegExp(`^3 +hold \\[weights\\.A=0\\.5\\] +${money(HOLD_HALF)} `));
    expect(lines[7]).toMatch(/^ +M \(benchmark\) +1,050\.00 +5\.0%/);
    expect(run.stdout).toContain('not annualised');
  });

  it('prints the JSON document and the CSV table', async () => {
    const run = await sweep('--format', 'json', '--sort-by', 'finalValue', '--top', '2');
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.sortedBy).toEqual({ metric: 'finalValue', better: 'higher' });
    expect(doc.total).toBe(3);
    expect(doc.variants.map((v: { name: string }) => v.name)).toEqual([
      'hold [weights.A=2]',
      'hold [weights.A=1]',
    ]);
    const [two, one] = doc.variants;
    expect(two.params).toEqual({ 'weights.A': 2 });
    expect(two.finalValue).toBeCloseTo(HOLD_2, 2);
    expect(two.interest).toBeCloseTo(-1000 * (1.04 ** (5 / 252) - 1), 2);
    expect(one.finalValue).toBe(HOLD_1);
    expect(one.twr).toBe(0.05);
    expect(one.values).toBeUndefined(); // summary rows only, without --full
    expect(doc.benchmark).toMatchObject({ symbol: 'M', finalValue: 1050 });

    const full = await sweep('--format', 'json', '--full', '--sort-by', 'finalValue');
    const values = JSON.parse(full.stdout).variants[1].values.map(
      (v: { value: number }) => v.value,
    );
    expect(values).toEqual([1000, 1100, 1210, 1100, 1000, 1050]);

    const csv = await sweep('--format', 'csv', '--sort-by', 'twr');
    expect(csv.code, csv.stderr).toBe(0);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe(
      'rank,name,strategy,weights.A,finalValue,twr,mwr,cagr,volatility,maxDrawdown,sharpe,sortino,calmar,costs,interest,rebalances',
    );
    expect(rows[2]).toMatch(/^2,hold \[weights\.A=1\],hold,1,1050,0\.05,/);
    expect(rows).toHaveLength(4);
  });

  it('gives the same variants on two threads as on one', async () => {
    const one = await sweep(
      '--format',
      'json',
      '--threads',
      '1',
      '--sweep',
      'rebalance=never,daily',
    );
    const two = await sweep(
      '--format',
      'json',
      '--threads',
      '2',
      '--sweep',
      'rebalance=never,daily',
    );
    expect(two.code, two.stderr).toBe(0);
    const [a, b] = [JSON.parse(one.stdout), JSON.parse(two.stdout)];
    expect(a.threads).toBe(1);
    expect(b.threads).toBe(2);
    expect(b.variants).toHaveLength(6);
    expect(b.variants).toEqual(a.variants);
  });

  it('names the flag, the axis and the value of a bad sweep, and flags used without one', async () => {
    const bad = await runCli('backtest', '--config', config(), '--sweep', 'bands.absolute=-1,0.1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'error [INVALID_INPUT]: --sweep: bands.absolute=-1,0.1: strategies[0].bands.absolute: Too small: expected number to be >0 (got -1)',
    );
    const top = await runCli('backtest', '--config', config(), '--top', '3');
    expect(top.code).toBe(2);
    expect(top.stderr).toContain('--top: only with --sweep');
    const metric = await sweep('--sort-by', 'luck');
    expect(metric.code).toBe(2);
    expect(metric.stderr).toContain('--sort-by: expected one of sharpe, sortino');
    const full = await sweep('--full');
    expect(full.stderr).toContain('--full: only with --format json');
    const chart = await sweep('--chart', 'x.svg');
    expect(chart.stderr).toContain('--chart: not with --sweep');
    const threads = await sweep('--threads', '0');
    expect(threads.stderr).toContain('--threads');
  });
});

describe('ballast backtest --sweep of an optimize weighting', () => {
  it('gives the numbers of a plain backtest, on one thread and on two (HiGHS in the workers)', async () => {
    // min-cvar is an LP that HiGHS solves; lookback 2 gives the rows from the third on a window.
    const yaml = CONFIG.replace(
      '    weights: { A: 1 }',
      '    weights: { A: 0.5, B: 0.5 }\n    rebalance: daily\n    weighting: { method: optimize, lookback: 2, objective: min-cvar }',
    );
    const files = tempFiles({ 'prices.csv': PRICES, 'bt.yaml': yaml });
    const plain = await runCli('backtest', '--config', files['bt.yaml']!, '--format', 'json');
    expect(plain.code, plain.stderr).toBe(0);
    const expected = JSON.parse(plain.stdout).strategies[0];
    for (const threads of ['1', '2']) {
      const run = await runCli(
        'backtest',
        '--config',
        files['bt.yaml']!,
        '--sweep',
        'costBps=0,0.5',
        '--threads',
        threads,
        '--format',
        'json',
      );
      expect(run.code, run.stderr).toBe(0);
      const doc = JSON.parse(run.stdout);
      expect(doc.threads).toBe(Number(threads));
      const zero = doc.variants.find((v: { name: string }) => v.name === 'hold [costBps=0]');
      expect(zero.finalValue).toBe(expected.finalValue);
      expect(zero.twr).toBe(expected.twr);
      expect(zero.metrics).toEqual(expected.metrics);
      expect(zero.rebalanceCount).toBe(expected.rebalances.length);
    }
  });
});

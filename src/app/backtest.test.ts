import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import { tempFiles } from '../../test/helpers/run-cli.ts';
import type { BacktestConfigInput } from '../data/backtest/backtest-config.ts';
import { backtest, backtestWithChart } from './backtest.ts';
import { dataImport } from './data-import.ts';

const opened: { close(): Promise<void> }[] = [];
const deps = (...args: Parameters<typeof testDeps>) => {
  const d = testDeps(...args);
  opened.push(d);
  return d;
};
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});

/** Tue 30 Jan .. Mon 4 Mar 2024 (the engine tests' fixture); B has a gap on 1 Feb. */
const PRICES = [
  'date,A,B,M',
  '2024-01-30,100,50,10',
  '2024-01-31,110,49,11',
  '2024-02-01,121,,12',
  '2024-02-29,110,55,11',
  '2024-03-01,100,54,10',
  '2024-03-04,105,56,10.5',
].join('\n');

const config = (over: Partial<BacktestConfigInput> = {}): BacktestConfigInput => ({
  prices: { text: PRICES, name: 'p.csv' },
  initial: 1000,
  strategies: [
    { name: 'hold A', weights: { A: 1 } },
    { name: '60-40', weights: { a: 0.6, b: 0.4 }, rebalance: 'monthly', costBps: 0 },
  ],
  benchmark: 'm',
  ...over,
});

describe('backtest use case', () => {
  it('runs the config object: values, returns, benchmark, and the dropped date warned', async () => {
    const doc = await backtest({ config: config() }, deps());
    // 1 Feb has no B: the row drops for every column (DATES_DROPPED), 5 rows remain.
    expect(doc.window).toEqual({ from: '2024-01-30', to: '2024-03-04', rows: 5 });
    expect(doc.warnings.map((w) => w.code)).toEqual(['DATES_DROPPED', 'ANNUALISED_UNDER_A_YEAR']);
    const [hold, mix] = doc.strategies;
    expect(hold!.values.map((v) => v.value)).toEqual([1000, 1100, 1100, 1000, 1050]);
    expect(hold!.twr).toBe(0.05);
    expect(hold!.twrAnnualized).toBeNull();
    expect(hold!.mwrBasis).toBe('period');
    expect(hold!.mwr).toBeCloseTo(0.05, 9);
    // 60/40 by hand on the remaining rows: 6 A + 8 B; 31 Jan 1052 → 60/40; 29 Feb → 60/40.
    const a1 = (0.6 * 1052) / 110;
    const b1 = (0.4 * 1052) / 49;
    const v3 = a1 * 110 + b1 * 55;
    const v5 = ((0.6 * v3) / 110) * 105 + ((0.4 * v3) / 55) * 56;
    expect(mix!.finalValue).toBeCloseTo(v5, 2);
    expect(mix!.rebalances).toEqual(['2024-01-31', '2024-02-29']);
    expect(mix!.trades).toHaveLength(6);
    expect(doc.benchmark).toMatchObject({ symbol: 'M', name: 'M (benchmark)', twr: 0.05 });
    // Against a benchmark equal to itself in returns, A has beta 1.
    expect(hold!.metrics!.beta).toBeCloseTo(1, 9);
    expect(hold!.drawdowns[0]).toMatchObject({ peak: '2024-02-29', trough: '2024-03-01' });
  });

  it('reads a YAML file with the prices beside it, the window applied', async () => {
    const files = tempFiles({ 'p.csv': PRICES.replace(',,12', ',50,12'), 'bt.yaml': '' });
    const yaml = [
      'prices: p.csv',
      'start: 2024-01-31',
      'end: 2024-03-01',
      'initial: 1000',
      'strategies:',
      '  - { name: hold, weights: { A: 1 } }',
    ].join('\n');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(files['bt.yaml']!, yaml);
    const { document, chart } = await backtestWithChart(
      { config: { path: files['bt.yaml']! }, chart: true },
      deps(),
    );
    expect(document.window).toEqual({ from: '2024-01-31', to: '2024-03-01', rows: 4 });
    expect(document.strategies[0]!.twr).toBeCloseTo(100 / 110 - 1, 12);
    expect(document.prices).toBe(files['p.csv']);
    const series = (chart as { series: { name: string }[] }).series.map((s) => s.name);
    expect(series).toEqual(['hold', 'hold drawdown']);
  });

  it('names the field of a bad config and a symbol missing from the prices', async () => {
    const bad = await rejection(
      backtest({ config: config({ strategies: [{ name: 'x', weights: { A: -1 } }] }) }, deps()),
    );
    expect(bad).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'strategies[0].weights.A', value: -1 },
    });
    const missing = await rejection(
      backtest(
        { config: config({ strategies: [{ name: 'x', weights: { A: 0.5, zz: 0.5 } }] }) },
        deps(),
      ),
    );
    expect(missing.message).toBe(
      'strategies[0].weights.zz: ZZ is not in the prices p.csv (it has A, B, M) (got "zz")',
    );
    const text = await rejection(
      backtest({ config: { text: 'strategies: 3', name: 'in.yaml' } }, deps()),
    );
    expect(text.message).toMatch(/^in\.yaml: /);
    const short = await rejection(backtest({ config: config({ start: '2024-03-04' }) }, deps()));
    expect(short.code).toBe('INSUFFICIENT_DATA');
    const outer = await rejection(backtest({ config: config(), extra: 1 } as never, deps()));
    expect(outer.details['field']).toBe('extra');
  });

  it('reads stored symbols as total-return closes ending at the last stored close', async () => {
    const d = deps({ offline: true });
    const bars = [
      'date,close,dividend',
      '2024-03-01,50,',
      '2024-03-04,51,', // 51/50 − 1 = +2 %
      '2024-03-05,50,0.49', // (50 + 0.49)/51 − 1 = −1 %
      '2024-03-06,51,', // 51/50 − 1 = +2 %
    ].join('\n');
    await dataImport({ file: { text: bars }, kind: 'prices', symbol: 'ABC' }, d);
    const doc = await backtest(
      {
        config: {
          symbols: ['abc'],
          start: '2024-03-04',
          end: '2024-03-06',
          initial: 990,
          strategies: [{ name: 'hold', weights: { ABC: 1 } }],
        },
      },
      d,
    );
    expect(doc.prices).toBe('the store');
    expect(doc.window).toEqual({ from: '2024-03-04', to: '2024-03-06', rows: 3 });
    // Closes end at 51 on 6 Mar: 51 / 1.02 = 50 on 5 Mar, 50 / 0.99 on 4 Mar.
    const hold = doc.strategies[0]!;
    expect(hold.trades[0]!.price).toBeCloseTo(50 / 0.99, 9);
    expect(hold.values.map((v) => v.value)).toEqual([990, 980.1, 999.7]);
    expect(hold.twr).toBeCloseTo(0.99 * 1.02 - 1, 12);
  });
});

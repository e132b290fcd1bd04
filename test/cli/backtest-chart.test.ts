import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backtestWithChart } from '../../src/app/backtest.ts';
import { addDays, type IsoDate } from '../../src/domain/calendar/iso-date.ts';
import { timeOf } from '../../src/report/chart-style.ts';
import { testDeps } from '../helpers/app-deps.ts';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * `backtest --chart` draws growth of $1, drawdown and the rolling 12-month return (252 rows).
 * Fixture: made-up closes on `rows` consecutive days (every row is a trading day), A wavy and
 * rising, M a steady trend. A buy-and-hold with no costs and no cash is worth `Pₜ / P₀` of its
 * money, so its rolling 252-row TWR at row t is `Pₜ / Pₜ₋₂₅₂ − 1`, computed below from the
 * closes themselves, not from the engine.
 */
const closeA = (t: number): number => 100 * (1 + 0.0004 * t) * (1 + 0.1 * Math.sin(t / 15));
const closeM = (t: number): number => 50 * 1.0003 ** t;

function fixture(rows: number): { csv: string; dates: IsoDate[] } {
  const dates = Array.from({ length: rows }, (_, t) => addDays('2022-01-03', t));
  const lines = dates.map((d, t) => `${d},${closeA(t).toFixed(4)},${closeM(t).toFixed(4)}`);
  return { csv: ['date,A,M', ...lines].join('\n'), dates };
}

const CONFIG = [
  'prices: prices.csv',
  'initial: 1000',
  'strategies:',
  '  - { name: hold A, weights: { A: 1 } }',
  '  - { name: 60-40, weights: { A: 0.6, M: 0.4 }, rebalance: monthly, costBps: 5 }',
  'benchmark: M',
].join('\n');

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});

type Series = { name: string; data: [number, number][]; xAxisIndex: number };

describe('backtest --chart with the rolling 12-month return', () => {
  it('draws the rolling return of a buy-and-hold as the ratio of closes 252 rows apart', async () => {
    const { csv, dates } = fixture(300);
    const deps = testDeps();
    opened.push(deps);
    const { chart, chartSize, chartNote } = await backtestWithChart(
      {
        config: {
          prices: { text: csv, name: 'p.csv' },
          initial: 1000,
          strategies: [{ name: 'hold A', weights: { A: 1 } }],
          benchmark: 'M',
        },
        chart: true,
      },
      deps,
    );
    expect(chartNote).toBeUndefined();
    expect(chartSize).toEqual({ width: 960, height: 840 });
    const rolling = (chart as { series: Series[] }).series.filter((s) => s.xAxisIndex === 2);
    expect(rolling.map((s) => s.name)).toEqual(['hold A', 'M (benchmark)']);
    const [hold, bench] = rolling;
    // 299 daily returns give 299 − 252 + 1 = 48 windows, the first ending on row 252.
    expect(hold!.data).toHaveLength(48);
    const rounded = (t: number): number => Math.round(closeA(t) * 1e4) / 1e4;
    const roundedM = (t: number): number => Math.round(closeM(t) * 1e4) / 1e4;
    hold!.data.forEach(([time, pct], j) => {
      const t = 252 + j;
      expect(time).toBe(timeOf(dates[t]!));
      expect(pct).toBeCloseTo((rounded(t) / rounded(t - 252) - 1) * 100, 3);
    });
    bench!.data.forEach(([, pct], j) =>
      expect(pct).toBeCloseTo((roundedM(252 + j) / roundedM(j) - 1) * 100, 3),
    );
  });

  it('writes the three panels through the CLI', async () => {
    const config = tempFiles({ 'prices.csv': fixture(300).csv, 'bt.yaml': CONFIG })['bt.yaml']!;
    const chart = join(mkdtempSync(join(tmpdir(), 'ballast-btc-')), 'bt.svg');
    const run = await runCli('backtest', '--config', config, '--chart', chart);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`chart: wrote ${chart} (svg, 960×840`);
    expect(run.stderr).not.toContain('no rolling');
    const svg = readFileSync(chart, 'utf8');
    for (const label of [
      'Value of $1',
      'Drawdown',
      'Rolling 12-month return',
      '>hold A<',
      '>60-40<',
      '>M (benchmark)<',
    ])
      expect(svg).toContain(label);
  });

  it('leaves the panel out and says so when the window is shorter than 253 rows', async () => {
    const config = tempFiles({ 'prices.csv': fixture(200).csv, 'bt.yaml': CONFIG })['bt.yaml']!;
    const chart = join(mkdtempSync(join(tmpdir(), 'ballast-btc-')), 'bt.svg');
    const run = await runCli('backtest', '--config', config, '--chart', chart);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`chart: wrote ${chart} (svg, 960×600`);
    expect(run.stderr).toContain(
      "chart: no rolling 12-month return panel: the longest path has 199 daily returns, fewer than the window's 252",
    );
    expect(readFileSync(chart, 'utf8')).not.toContain('Rolling 12-month return');
  });
});

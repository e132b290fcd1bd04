import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import type { BacktestConfigInput } from '../data/backtest/backtest-config.ts';
import { backtest, backtestWithChart } from './backtest.ts';
import { dataImport } from './data-import.ts';

/**
 * The backtest use case with simulated funds and with dividends on unadjusted closes
 * (docs/backtest.md, "Simulated funds" and "Dividends"). Expected numbers are worked out by
 * hand in each test.
 */

const opened: { close(): Promise<void> }[] = [];
const deps = (...args: Parameters<typeof testDeps>) => {
  const d = testDeps(...args);
  opened.push(d);
  return d;
};
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});

// SPY moves +2 %, −2 %, +2 %, then to 103; UPRO's first close is 30 on 5 Jan.
const PRICES = [
  'date,SPY,UPRO',
  '2024-01-02,100,',
  '2024-01-03,102,',
  '2024-01-04,99.96,',
  '2024-01-05,101.9592,30',
  '2024-01-08,103,30.9',
].join('\n');

// UPRO = 3.0 us_large_equity (config/funds.yaml); expense ratio 0.91 %, cash 3 %, spread
// 0.4 %: it borrows 2 per $1, so carry = (2 × (0.03 + 0.004) + 0.0091) / 252 = 0.0771 / 252.
const CARRY = 0.0771 / 252;
const R1 = 3 * 0.02 - CARRY; // 3 Jan
const R2 = 3 * -0.02 - CARRY; // 4 Jan
const R3 = 3 * 0.02 - CARRY; // 5 Jan
const C2 = 30 / (1 + R3); // 4 Jan, chained back from the first real close
const C1 = C2 / (1 + R2);
const C0 = C1 / (1 + R1);

const config = (over: Partial<BacktestConfigInput> = {}): BacktestConfigInput => ({
  prices: { text: PRICES, name: 'p.csv' },
  initial: 1000,
  cash: { rate: 0.03 },
  simulate: { UPRO: { expenseRatio: 0.0091, financingSpread: 0.004 } },
  proxies: { us_large_equity: 'SPY' },
  strategies: [
    { name: '3x', weights: { UPRO: 1 } },
    { name: 'plain', weights: { SPY: 1 } },
  ],
  benchmark: 'UPRO',
  ...over,
});

describe('backtest with simulated funds', () => {
  it('simulates UPRO before its first close from its definition and labels it everywhere', async () => {
    const { document: doc, chart } = await backtestWithChart(
      { config: config(), chart: true },
      deps(),
    );
    expect(doc.window).toEqual({ from: '2024-01-02', to: '2024-01-08', rows: 5 });
    const [lev, plain] = doc.strategies;
    // 1000 / C0 units of UPRO: value = 1000 × close / C0.
    expect(lev!.values.map((v) => v.value)).toEqual(
      [C0, C1, C2, 30, 30.9].map((c) => expect.closeTo((1000 * c) / C0, 2) as unknown as number),
    );
    expect(lev!.trades[0]!.price).toBeCloseTo(C0, 9);
    expect(lev!.simulated).toEqual([{ symbol: 'UPRO', from: '2024-01-02', to: '2024-01-04' }]);
    expect(plain!.simulated).toBeUndefined();
    expect(doc.benchmark!.simulated).toEqual(lev!.simulated);
    expect(doc.simulated).toEqual([
      {
        symbol: 'UPRO',
        from: '2024-01-02',
        to: '2024-01-04',
        rows: 3,
        joinedAt: '2024-01-05',
        legs: [{ proxy: 'SPY', exposure: 3 }],
        totalExposure: 3,
        expenseRatio: 0.0091,
        financingSpread: 0.004,
        definition: 'config/funds.yaml',
      },
    ]);
    const sim = doc.warnings.find((w) => w.code === 'SIMULATED_PRICES')!;
    expect(sim.message).toBe(
      'UPRO: 2024-01-02 .. 2024-01-04 (3 rows) are SIMULATED from its definition (3 × SPY, daily reset; config/funds.yaml), less a 0.91 % expense ratio, financing at the cash rate + 0.40 % on the 2 borrowed; joined to its first close on 2024-01-05',
    );
    const names = (chart as { series: { name: string }[] }).series.map((s) => s.name);
    expect(names).toContain('3x (simulated: UPRO to 2024-01-04)');
    expect(names).toContain('plain');
    expect(names).toContain('UPRO (benchmark) (simulated: UPRO to 2024-01-04)');
  });

  it('simulates nothing where real prices exist; joins outside the window when it ends first', async () => {
    const real = await backtest({ config: config({ start: '2024-01-05' }) }, deps());
    expect(real.simulated).toBeUndefined();
    expect(real.strategies[0]!.simulated).toBeUndefined();
    expect(real.warnings.map((w) => w.code)).not.toContain('SIMULATED_PRICES');
    expect(real.strategies[0]!.finalValue).toBeCloseTo((1000 * 30.9) / 30, 2);

    const early = await backtest({ config: config({ end: '2024-01-03' }) }, deps());
    expect(early.window).toEqual({ from: '2024-01-02', to: '2024-01-03', rows: 2 });
    // Still joined to the close of 30 on 5 Jan, after the window.
    expect(early.simulated![0]).toMatchObject({
      to: '2024-01-03',
      rows: 2,
      joinedAt: '2024-01-05',
    });
    expect(early.strategies[0]!.finalValue).toBeCloseTo((1000 * C1) / C0, 2);
  });

  it('simulates a fund the prices lack from exposures given in the config, from 100', async () => {
    const doc = await backtest(
      {
        config: config({
          // SPY alone: an empty UPRO cell would drop its row for every column.
          prices: { text: PRICES.replace(/,(UPRO|[\d.]*)$/gm, ''), name: 'spy.csv' },
          simulate: {
            SSO: { expenseRatio: 0.009, financingSpread: 0.01, exposures: { us_large_equity: 2 } },
          },
          strategies: [{ name: '2x', weights: { SSO: 1 } }],
          benchmark: 'SPY',
        }),
      },
      deps(),
    );
    // SSO: 2 × SPY less (1 × 4 % + 0.9 %) / 252 a row, from 100 on 2 Jan.
    const c = 0.049 / 252;
    const last = 100 * (1.04 - c) * (0.96 - c) * (1.04 - c) * (1 + 2 * (103 / 101.9592 - 1) - c);
    expect(doc.simulated![0]).toMatchObject({
      symbol: 'SSO',
      joinedAt: null,
      rows: 5,
      definition: 'config (simulate.SSO.exposures)',
    });
    expect(doc.strategies[0]!.finalValue).toBeCloseTo((1000 * last) / 100, 2);
    expect(doc.warnings.find((w) => w.code === 'SIMULATED_PRICES')!.message).toContain(
      'it has no close: an index from 100',
    );
  });

  it('drops a row where the fund misses a close after its first one', async () => {
    const gap = PRICES.replace('2024-01-08,103,30.9', '2024-01-08,103,\n2024-01-09,104,31');
    const doc = await backtest(
      { config: config({ prices: { text: gap, name: 'p.csv' } }) },
      deps(),
    );
    expect(doc.window.rows).toBe(5);
    expect(doc.strategies[1]!.values.map((v) => v.date)).not.toContain('2024-01-08');
    const dropped = doc.warnings.find((w) => w.code === 'DATES_DROPPED')!;
    expect(dropped.details).toMatchObject({ dropped: 1, total: 6, missingBySeries: { UPRO: 1 } });
  });

  it('names a proxy missing from the prices, an exposure without a proxy, an unknown fund', async () => {
    const missing = await rejection(
      backtest({ config: config({ proxies: { us_large_equity: 'VOO' } }) }, deps()),
    );
    expect(missing.message).toBe(
      'proxies.us_large_equity: not in the prices p.csv (it has SPY, UPRO) (got "VOO")',
    );
    const noProxy = await rejection(
      backtest({ config: config({ proxies: { broad_ust: 'SPY' } }) }, deps()),
    );
    expect(noProxy.details).toMatchObject({ field: 'proxies', value: 'us_large_equity' });
    const unknown = await rejection(
      backtest(
        {
          config: config({
            simulate: { ZZZ: { expenseRatio: 0, financingSpread: 0 } },
            strategies: [{ name: 'z', weights: { ZZZ: 1 } }],
            benchmark: 'SPY',
          }),
        },
        deps(),
      ),
    );
    expect(unknown.message).toMatch(/^simulate\.ZZZ: ZZZ has no definition in config\/funds\.yaml/);
  });

  it('from the store: the fund read on its own, the proxy up to the fund when needed', async () => {
    const d = deps({ offline: true });
    const bars = (rows: string[]) => ['date,close', ...rows].join('\n');
    await dataImport(
      {
        file: {
          text: bars([
            '2024-01-02,100',
            '2024-01-03,102',
            '2024-01-04,99.96',
            '2024-01-05,101.9592',
            '2024-01-08,103',
          ]),
        },
        kind: 'prices',
        symbol: 'SPY',
      },
      d,
    );
    await dataImport(
      {
        file: { text: bars(['2024-01-05,30', '2024-01-08,30.9']) },
        kind: 'prices',
        symbol: 'UPRO',
      },
      d,
    );
    const doc = await backtest(
      {
        config: config({
          prices: undefined,
          symbols: ['SPY'],
          start: '2024-01-03',
          end: '2024-01-04',
          strategies: [{ name: '3x', weights: { UPRO: 1 } }],
        }),
      },
      d,
    );
    // The store gives UPRO's return from 5 to 8 Jan, so its first close is 30.9 on 8 Jan;
    // SPY is read up to that date although the window ends on 4 Jan.
    expect(doc.window).toEqual({ from: '2024-01-03', to: '2024-01-04', rows: 2 });
    expect(doc.simulated![0]).toMatchObject({
      from: '2024-01-03',
      to: '2024-01-04',
      joinedAt: '2024-01-08',
    });
    const r4 = 3 * (103 / 101.9592 - 1) - CARRY;
    const c5 = 30.9 / (1 + r4);
    const c4 = c5 / (1 + R3);
    const c3 = c4 / (1 + R2);
    expect(doc.strategies[0]!.trades[0]!.price).toBeCloseTo(c3, 9);
    expect(doc.strategies[0]!.finalValue).toBeCloseTo((1000 * c4) / c3, 2);
  });
});

describe('backtest with dividends on unadjusted closes', () => {
  const closes = ['date,A', '2024-03-01,26', '2024-03-04,25', '2024-03-05,25.5'].join('\n');
  const dividends = ['date,symbol,amount', '2024-03-04,A,0.5'].join('\n');

  it('pays them to cash or reinvests them; the benchmark reinvests', async () => {
    const doc = await backtest(
      {
        config: {
          prices: { text: closes, name: 'closes.csv' },
          unadjusted: true,
          dividends: { text: dividends, name: 'd.csv' },
          initial: 2600,
          strategies: [
            { name: 'cash', weights: { A: 1 }, dividends: 'cash' },
            { name: 'reinvest', weights: { A: 1 } },
          ],
          benchmark: 'A',
        },
      },
      deps(),
    );
    expect(doc.dividends).toEqual({ source: 'd.csv' });
    const [cash, reinvest] = doc.strategies;
    // 100 shares: 50 to cash (2,550 then 2,600) or 2 more shares at 25 (2,550 then 102 × 25.5).
    expect(cash!.values.map((v) => v.value)).toEqual([2600, 2550, 2600]);
    expect(cash!.dividends).toEqual({ policy: 'cash', received: 50 });
    expect(reinvest!.values.map((v) => v.value)).toEqual([2600, 2550, 2601]);
    expect(reinvest!.dividends).toEqual({ policy: 'reinvest', received: 50 });
    expect(reinvest!.trades[1]).toMatchObject({ date: '2024-03-04', quantity: 2, price: 25 });
    expect(doc.benchmark).toMatchObject({ finalValue: 2601, dividends: { policy: 'reinvest' } });
  });
});

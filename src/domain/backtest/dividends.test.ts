import { describe, expect, it } from 'vitest';
import { dividendSchedule, type Dividend, type DividendPolicy } from './dividends.ts';
import { runStrategy } from './engine.ts';
import { runBacktest } from './run-backtest.ts';
import type { BacktestSettings, PriceMatrix, StrategySpec } from './types.ts';
import { fixedWeights } from './weighting.ts';

/**
 * Dividends on unadjusted closes (docs/backtest.md, "Dividends"): hand-checked cases, and
 * reinvesting on unadjusted closes against holding a total-return series built independently
 * in this test.
 */

const DATES = ['2024-03-01', '2024-03-04', '2024-03-05'];

function market(columns: Record<string, number[]>, dates = DATES): PriceMatrix {
  return {
    dates,
    symbols: Object.keys(columns),
    closes: Object.values(columns).map((c) => Float64Array.from(c)),
  };
}

function strategy(
  weights: Record<string, number>,
  m: PriceMatrix,
  dividends: readonly Dividend[],
  policy: DividendPolicy,
  over: Partial<StrategySpec> = {},
): StrategySpec {
  const assets = Object.keys(weights);
  return {
    name: policy,
    assets,
    weighting: fixedWeights(Object.values(weights)),
    rebalance: 'never',
    costRate: 0,
    wholeShares: false,
    dividends: dividendSchedule({ dates: m.dates, assets, dividends, policy }),
    ...over,
  };
}

const SETTINGS: BacktestSettings = { initial: 2600, cashRate: 0, borrowSpread: 0 };
// 2,600 buys 100 shares at 26; A goes ex a $0.50 dividend on 4 Mar and closes at 25.
const A = [26, 25, 25.5];
const DIV: Dividend[] = [{ date: '2024-03-04', symbol: 'A', amount: 0.5 }];

describe('dividends by hand', () => {
  it('100 shares, $0.50: paid to cash', () => {
    const m = market({ A });
    const run = runStrategy(m, strategy({ A: 1 }, m, DIV, 'cash'), SETTINGS);
    // 100 × 0.50 = 50 in cash; value 100 × 25 + 50 = 2,550, then 100 × 25.5 + 50 = 2,600.
    expect([...run.values]).toEqual([2600, 2550, 2600]);
    expect(run.dividends).toBe(50);
    expect(run.cash).toBe(50);
    expect(run.trades).toHaveLength(1);
  });

  it('100 shares, $0.50: reinvested at the close of 25 buys 2 shares', () => {
    const m = market({ A });
    const run = runStrategy(m, strategy({ A: 1 }, m, DIV, 'reinvest'), SETTINGS);
    // 50 / 25 = 2 shares: 102 shares, no cash; 102 × 25 = 2,550, 102 × 25.5 = 2,601.
    expect([...run.values]).toEqual([2550 + 50, 2550, 2601]);
    expect(run.quantities[0]).toBe(102);
    expect(run.cash).toBe(0);
    expect(run.dividends).toBe(50);
    expect(run.trades[1]).toEqual({
      date: '2024-03-04',
      symbol: 'A',
      quantity: 2,
      price: 25,
      value: 50,
      cost: 0,
    });
  });

  it('reinvesting pays the trading cost; whole shares leave the rest in cash', () => {
    const m = market({ A });
    const run = runStrategy(
      m,
      strategy({ A: 1 }, m, DIV, 'reinvest', { costRate: 0.001 }),
      SETTINGS,
    );
    // First purchase: V′ = 2600 / 1.001 buys V′ / 26 = 100 / 1.001 = 99.9001 shares.
    const q0 = 100 / 1.001;
    // Dividend q0 × 0.5 = 49.95005 buys (49.95005 / 1.001) / 25 = 1.996006 shares and pays
    // 0.001 × 49.95005 / 1.001 = 0.0499 of costs.
    const d = q0 * 0.5;
    expect(run.quantities[0]).toBeCloseTo(q0 + d / 1.001 / 25, 12);
    expect(run.trades[1]!.cost).toBeCloseTo((0.001 * d) / 1.001, 12);
    expect(run.costs).toBeCloseTo(2600 - 2600 / 1.001 + (0.001 * d) / 1.001, 10);
    expect(run.cash).toBeCloseTo(0, 10);

    const m30 = market({ A: [26, 30, 30] });
    const whole = runStrategy(
      m30,
      strategy({ A: 1 }, m30, DIV, 'reinvest', { wholeShares: true }),
      SETTINGS,
    );
    // 50 at 30 buys 1 share (30) and leaves 20 in cash: 101 × 30 + 20 = 3,050.
    expect(whole.quantities[0]).toBe(101);
    expect(whole.cash).toBe(20);
    expect(whole.values[1]).toBe(3050);
  });

  it('cash from dividends earns the cash rate from the next row', () => {
    const m = market({ A });
    const run = runStrategy(m, strategy({ A: 1 }, m, DIV, 'cash'), { ...SETTINGS, cashRate: 0.03 });
    // Row 2: 50 × ((1.03)^(1/252) − 1) of interest.
    expect(run.interest).toBeCloseTo(50 * (1.03 ** (1 / 252) - 1), 12);
    expect(run.values[2]).toBeCloseTo(2550 + 50 + 50 * (1.03 ** (1 / 252) - 1), 9);
  });

  it('a short position pays the dividend from cash', () => {
    const m = market({ A });
    const run = runStrategy(m, strategy({ A: -0.5 }, m, DIV, 'reinvest'), {
      ...SETTINGS,
      initial: 1300,
    });
    // −0.5 × 1,300 = −650 of A: −25 shares, cash 1,950; the dividend costs 25 × 0.5 = 12.5.
    expect(run.dividends).toBe(-12.5);
    expect(run.cash).toBe(1950 - 12.5);
    expect(run.quantities[0]).toBe(-25);
  });
});

describe('the dividend schedule', () => {
  const dates = ['2024-03-01', '2024-03-04', '2024-03-05', '2024-03-06'];

  it('puts each dividend on its ex-date row or the next one', () => {
    const s = dividendSchedule({
      dates,
      assets: ['A', 'B'],
      dividends: [
        { date: '2024-02-28', symbol: 'A', amount: 9 }, // before the first row: not paid
        { date: '2024-03-01', symbol: 'A', amount: 9 }, // the first row (bought ex): not paid
        { date: '2024-03-02', symbol: 'A', amount: 0.1 }, // Saturday: paid on Monday 4 Mar
        { date: '2024-03-04', symbol: 'A', amount: 0.2 }, // the same row: added
        { date: '2024-03-05', symbol: 'B', amount: 0.3 },
        { date: '2024-03-05', symbol: 'C', amount: 0.4 }, // not held: left out
        { date: '2024-03-07', symbol: 'B', amount: 9 }, // after the last row: not paid
      ],
      policy: 'cash',
    });
    expect(s.policy).toBe('cash');
    expect([...s.byRow]).toEqual([
      [1, [{ asset: 0, amount: expect.closeTo(0.1 + 0.2, 15) }]],
      [2, [{ asset: 1, amount: 0.3 }]],
    ]);
  });
});

describe('reinvesting on unadjusted closes equals holding the total-return series', () => {
  // Two assets over three months; A pays quarterly-ish, B monthly.
  const dates = [
    '2024-01-29',
    '2024-01-30',
    '2024-01-31',
    '2024-02-01',
    '2024-02-15',
    '2024-02-28',
    '2024-02-29',
    '2024-03-01',
    '2024-03-14',
    '2024-03-15',
    '2024-03-28',
    '2024-04-01',
  ];
  const pa = [50, 50.5, 49.8, 50.2, 51, 51.5, 50.9, 51.2, 52, 51.4, 52.3, 52.8];
  const pb = [20, 20.1, 19.95, 20, 20.2, 20.05, 20.1, 20, 20.3, 20.2, 20.1, 20.25];
  const dividends: Dividend[] = [
    { date: '2024-01-31', symbol: 'B', amount: 0.06 },
    { date: '2024-02-15', symbol: 'A', amount: 0.4 },
    { date: '2024-02-29', symbol: 'B', amount: 0.05 },
    { date: '2024-03-15', symbol: 'A', amount: 0.45 },
    { date: '2024-03-28', symbol: 'B', amount: 0.07 },
  ];

  /** The total-return close: adj₀ = P₀, adjₜ = adjₜ₋₁ × (Pₜ + Dₜ) / Pₜ₋₁. */
  function adjusted(p: number[], symbol: string): number[] {
    const out = [p[0]!];
    for (let t = 1; t < p.length; t++) {
      let d = 0;
      for (const x of dividends) if (x.symbol === symbol && x.date === dates[t]) d += x.amount;
      out.push((out[t - 1]! * (p[t]! + d)) / p[t - 1]!);
    }
    return out;
  }

  const unadjusted = market({ A: pa, B: pb }, dates);
  const total = market({ A: adjusted(pa, 'A'), B: adjusted(pb, 'B') }, dates);

  it('buy-and-hold and a levered monthly rebalance, row by row', () => {
    const settings: BacktestSettings = { initial: 10_000, cashRate: 0.03, borrowSpread: 0.01 };
    for (const [weights, rebalance] of [
      [{ A: 1 }, 'never'],
      [{ A: 0.9, B: 0.6 }, 'monthly'],
    ] as const) {
      const plain = strategy(weights, total, [], 'reinvest', { rebalance, dividends: undefined });
      const paid = strategy(weights, unadjusted, dividends, 'reinvest', { rebalance });
      const a = runStrategy(total, plain, settings);
      const b = runStrategy(unadjusted, paid, settings);
      for (let t = 0; t < dates.length; t++) expect(b.values[t]! / a.values[t]!).toBeCloseTo(1, 12);
      expect(b.interest).toBeCloseTo(a.interest, 8);
      expect(b.dividends).toBeGreaterThan(0);
    }
  });

  it('the benchmark reinvests its dividends too', () => {
    const settings: BacktestSettings = { initial: 1000, cashRate: 0, borrowSpread: 0 };
    const result = runBacktest({
      market: unadjusted,
      strategies: [],
      settings,
      benchmark: 'A',
      benchmarkDividends: dividendSchedule({ dates, assets: ['A'], dividends, policy: 'reinvest' }),
    });
    const adj = adjusted(pa, 'A');
    // Holding the total-return close: 1000 × adj_T / adj_0.
    expect(result.benchmark!.run.values.at(-1)).toBeCloseTo((1000 * adj.at(-1)!) / adj[0]!, 9);
    // 20 shares get 20 × 0.40 = 8 on 15 Feb, which buys 8 / 51 shares; then 0.45 a share.
    expect(result.benchmark!.run.dividends).toBeCloseTo(8 + (20 + 8 / 51) * 0.45, 12);
  });
});

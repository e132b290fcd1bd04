import { describe, expect, it } from 'vitest';
import { buyAndHold, runBacktest } from './run-backtest.ts';
import { runStrategy } from './engine.ts';
import { fixedWeights } from './weighting.ts';

const market = {
  dates: ['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-29'],
  symbols: ['A', 'B'],
  closes: [Float64Array.from([30, 33, 31.35, 34.485]), Float64Array.from([70, 77, 73.15, 80.465])],
};
const settings = { initial: 1000, cashRate: 0.02, borrowSpread: 0 };

describe('runBacktest', () => {
  it('runs the benchmark as a buy-and-hold and measures the strategies against it', () => {
    const result = runBacktest({
      market,
      strategies: [
        {
          name: 'B only',
          assets: ['B'],
          weighting: fixedWeights([1]),
          rebalance: 'never',
          costRate: 0,
          wholeShares: false,
        },
      ],
      settings,
      benchmark: 'A',
    });
    // A and B move alike (+10 %, −5 %, +10 %): the strategy's beta to A is 1, TWR 1.1 × 0.95 × 1.1 − 1.
    const bench = result.benchmark!;
    expect(bench.symbol).toBe('A');
    expect(bench.summary.twr).toBeCloseTo(1.1 * 0.95 * 1.1 - 1, 12);
    expect(bench.run.costs).toBe(0);
    const s = result.strategies[0]!.summary;
    expect(s.twr).toBeCloseTo(1.1 * 0.95 * 1.1 - 1, 12);
    expect(s.metrics!.metrics.beta).toBeCloseTo(1, 9);
    expect(runBacktest({ market, strategies: [], settings }).benchmark).toBeUndefined();
    expect(buyAndHold('A', 'named')).toMatchObject({ name: 'named', assets: ['A'], costRate: 0 });
  });
});

describe('whole shares', () => {
  it('truncate a short towards zero and round a pro-rata sale up', () => {
    const short = runStrategy(
      market,
      {
        name: 'short A',
        assets: ['A', 'B'],
        weighting: fixedWeights([-0.5, 1.5]),
        rebalance: 'never',
        costRate: 0,
        wholeShares: true,
      },
      { initial: 1000, cashRate: 0, borrowSpread: 0 },
    );
    // −500 / 30 = −16.7 → −16 shares; 1500 / 70 = 21.4 → 21; cash 1000 + 480 − 1470 = 10.
    expect(short.trades.map((t) => t.quantity)).toEqual([-16, 21]);
    expect(short.cash).toBeCloseTo(10, 12);
    expect(short.values[0]).toBeCloseTo(-16 * 30 + 21 * 70 + 10, 12);
    const withdraw = runStrategy(
      market,
      {
        name: 'pay out',
        assets: ['A'],
        weighting: fixedWeights([1]),
        rebalance: 'never',
        costRate: 0,
        wholeShares: true,
        flow: { amount: -50, every: 'daily' },
      },
      { initial: 1000, cashRate: 0, borrowSpread: 0 },
    );
    // 33 shares (10 in cash). 31 Jan: f = 50 / (33 × 33 + 10) = 0.0451 of 33 → 1.49 → 2 sold.
    expect(withdraw.trades[1]).toMatchObject({ date: '2024-01-31', quantity: -2 });
    expect(withdraw.values[1]).toBeCloseTo(31 * 33 + 10 + 2 * 33 - 50, 9);
  });
});

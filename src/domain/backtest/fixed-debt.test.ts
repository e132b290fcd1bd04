import { describe, expect, it } from 'vitest';
import { runStrategy } from './engine.ts';
import type { BacktestSettings, PriceMatrix, StrategySpec } from './types.ts';
import { fixedWeights } from './weighting.ts';

/**
 * The leverage modes by hand (docs/backtest.md, "Margin and leverage modes"): fixed-ratio against
 * fixed-debt, the loan kept through costs, interest, flows, bands and a margin call. Every
 * expected number is arithmetic written out here, never a figure copied from the engine.
 */

/** Seven weekdays, Tue 2 Jan .. Wed 10 Jan 2024 (no period ends inside but the final row). */
const DATES = [
  '2024-01-02',
  '2024-01-03',
  '2024-01-04',
  '2024-01-05',
  '2024-01-08',
  '2024-01-09',
  '2024-01-10',
];
/** A 40 % crash, 100 → 60, then a partial recovery (margin.test.ts works it out). */
const CRASH = [100, 90, 80, 70, 66, 60, 80];

function market(columns: Record<string, number[]>, dates = DATES): PriceMatrix {
  return {
    dates: dates.slice(0, Object.values(columns)[0]!.length),
    symbols: Object.keys(columns),
    closes: Object.values(columns).map((c) => Float64Array.from(c)),
  };
}

function strategy(over: Partial<StrategySpec> & { weights: Record<string, number> }): StrategySpec {
  const { weights, ...rest } = over;
  return {
    name: 'test',
    assets: Object.keys(weights),
    weighting: fixedWeights(Object.values(weights)),
    rebalance: 'never',
    costRate: 0,
    wholeShares: false,
    ...rest,
  };
}

const FLAT: BacktestSettings = { initial: 10_000, cashRate: 0, borrowSpread: 0 };

describe('leverage modes by hand', () => {
  // Three rows: only row 1 is a daily rebalance (row 0 is the purchase, row 2 the final row).
  const A = [100, 120, 132];
  const B = [100, 100, 110];

  it('fixed-ratio trades back to the weights, fixed-debt keeps the loan', () => {
    const base = { weights: { A: 1, B: 1 }, rebalance: 'daily' as const };
    const ratio = runStrategy(market({ A, B }), strategy(base), { ...FLAT, initial: 1000 });
    const debt = runStrategy(market({ A, B }), strategy({ ...base, leverageMode: 'fixed-debt' }), {
      ...FLAT,
      initial: 1000,
    });
    // Row 0 (both): 1,000 of A (10 shares) and of B (10), loan 1,000.
    // Row 1: value 10 × 120 + 10 × 100 − 1,000 = 1,200.
    // Fixed-ratio: 1 × 1,200 of each: 10 A, 12 B, loan 2 × 1,200 − 1,200 = 1,200.
    //   Row 2: 10 × 132 + 12 × 110 − 1,200 = 1,440.
    expect([...ratio.values]).toEqual([1000, 1200, 1440].map((v) => expect.closeTo(v, 9)));
    expect(ratio.cash).toBeCloseTo(-1200, 9);
    // Fixed-debt: (1,200 + 1,000) / 2 = 1,100 of each: 9.1667 A, 11 B, loan 1,000; the weights
    // are 1,100 / 1,200 = 0.5 × (1,200 + 1,000) / 1,200 each.
    //   Row 2: 1,100 / 120 × 132 + 11 × 110 − 1,000 = 1,210 + 1,210 − 1,000 = 1,420.
    expect([...debt.values]).toEqual([1000, 1200, 1420].map((v) => expect.closeTo(v, 9)));
    expect(debt.cash).toBeCloseTo(-1000, 9);
    expect(debt.quantities[0]).toBeCloseTo(1100 / 120, 12);
    expect(debt.quantities[1]).toBeCloseTo(11, 12);
  });

  it('fixed-debt with costs: the loan is exactly the first one after a rebalance', () => {
    const k = 0.001;
    const run = runStrategy(
      market({ A, B }),
      strategy({
        weights: { A: 1, B: 1 },
        rebalance: 'daily',
        costRate: k,
        leverageMode: 'fixed-debt',
      }),
      { ...FLAT, initial: 1000 },
    );
    // Row 0: V′ = 1,000 / 1.002 buys V′ of each; the loan D = V′.
    const d = 1000 / 1.002;
    const hA = (d / 100) * 120;
    const hB = d;
    const v1 = hA + hB - d;
    // Row 1: X = V + D − k(|X/2 − hA| + |X/2 − hB|); with hB < X/2 < hA the costs are
    // k (hA − X/2 + X/2 − hB) = k (hA − hB), so X = V + D − k (hA − hB).
    const x = v1 + d - k * (hA - hB);
    expect(x / 2).toBeGreaterThan(hB);
    expect(x / 2).toBeLessThan(hA);
    expect(run.values[1]).toBeCloseTo(x - d, 9);
    expect(run.quantities[0]).toBeCloseTo(x / 2 / 120, 12);
    expect(run.cash).toBeCloseTo(-d, 9);
  });

  it('fixed-debt pays the interest by selling at the rebalance; fixed-ratio borrows 1.5 V′', () => {
    const flat = [100, 100, 100];
    const settings = { initial: 1000, cashRate: 0.03, borrowSpread: 0.01 };
    const r = 1.04 ** (1 / 252) - 1;
    const base = { weights: { A: 1.5 }, rebalance: 'daily' as const };
    const debt = runStrategy(
      market({ A: flat }),
      strategy({ ...base, leverageMode: 'fixed-debt' }),
      settings,
    );
    const ratio = runStrategy(market({ A: flat }), strategy(base), settings);
    // Row 0: 15 shares, loan 500. Row 1: the loan is 500 (1 + r), V = 1,500 − 500 (1 + r).
    const v1 = 1500 - 500 * (1 + r);
    // Fixed-debt: X = V + 500 of A, the loan back to 500.
    expect(debt.quantities[0]).toBeCloseTo((v1 + 500) / 100, 12);
    // Row 2 accrues on 500 again.
    expect(debt.values[2]).toBeCloseTo(v1 + 500 - 500 * (1 + r), 9);
    // Fixed-ratio: 1.5 V of A, the loan 0.5 V.
    expect(ratio.quantities[0]).toBeCloseTo((1.5 * v1) / 100, 12);
    expect(ratio.values[2]).toBeCloseTo(1.5 * v1 - 0.5 * v1 * (1 + r), 9);
  });

  it('fixed-debt flows: a deposit buys the mix, a withdrawal sells the assets, the loan stays', () => {
    // Month ends on rows 1 (31 Jan) and 3 (29 Feb); no rebalance.
    const dates = ['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01'];
    const m = market({ A: [100, 110, 110, 100, 100], B: [50, 50, 55, 50, 50] }, dates);
    const spec = (amount: number): StrategySpec =>
      strategy({
        weights: { A: 1, B: 0.5 },
        costRate: 0.01,
        flow: { amount, every: 'monthly' },
        leverageMode: 'fixed-debt',
      });
    const settings = { ...FLAT, initial: 1000 };
    // Row 0: V′ = 1,000 / 1.015; 1 V′ of A, 0.5 V′ of B, loan 0.5 V′.
    const v0 = 1000 / 1.015;
    const deposit = runStrategy(m, spec(101), settings);
    // A deposit of 101 buys 2/3 and 1/3 of C′ = 101 / 1.01 = 100: the loan does not move.
    expect(deposit.cash).toBeCloseTo(-0.5 * v0, 9);
    expect(deposit.trades[2]).toMatchObject({
      date: '2024-01-31',
      value: expect.closeTo(200 / 3, 9),
    });
    const withdrawal = runStrategy(m, spec(-50), settings);
    expect(withdrawal.cash).toBeCloseTo(-0.5 * v0, 9);
    // Row 1: h = (v0 / 100) 110 of A and 0.5 v0 of B; f = 50 / (0.99 Σh).
    const h = (v0 / 100) * 110 + 0.5 * v0;
    const f = 50 / (0.99 * h);
    expect(withdrawal.trades[2]).toMatchObject({ quantity: expect.closeTo((-f * v0) / 100, 12) });
  });

  it('fixed-debt bands see the mix, not the leverage', () => {
    const falling = [100, 90, 80, 85];
    const bands = { kind: 'absolute' as const, width: 0.05 };
    const levered = { weights: { A: 2 }, bands };
    const ratio = runStrategy(market({ A: falling }), strategy(levered), FLAT);
    const debt = runStrategy(
      market({ A: falling }),
      strategy({ ...levered, leverageMode: 'fixed-debt' }),
      FLAT,
    );
    // Row 1: 200 × 90 / (18,000 − 10,000) = 2.25, 0.25 off the target 2: fixed-ratio trades.
    expect(ratio.rebalanceRows[0]).toBe(1);
    // Fixed-debt's target is (8,000 + 10,000) / 8,000 = 2.25 itself: never off.
    expect(debt.rebalanceRows).toEqual([]);
  });

  it('after a margin call fixed-debt keeps the smaller loan', () => {
    const spec = strategy({
      weights: { A: 1, B: 1 },
      rebalance: 'daily',
      leverageMode: 'fixed-debt',
      margin: { maintenance: 0.25, initial: 0.25 },
    });
    const run = runStrategy(market({ A: CRASH, B: CRASH }), spec, FLAT);
    // The same path as 200 shares of one asset (100 each of A and B): calls at 66 and 60,
    // loans 9,600 and then 9,600 − 3,490.91 = 6,109.09 = 201,600 / 33; the daily rebalances
    // (no costs, A = B) trade nothing and keep that loan.
    expect(run.marginCalls!.map((c) => c.row)).toEqual([4, 5]);
    expect(run.cash).toBeCloseTo(-201_600 / 33, 9);
    expect(run.values[6]).toBeCloseTo(156_800 / 33, 9);
  });

  it('refuses fixed-debt without a loan and an unknown mode', () => {
    // Targets that sum to 0 after the first row have no mix to scale.
    const fading: StrategySpec = {
      ...strategy({ weights: { A: 2 }, rebalance: 'daily', leverageMode: 'fixed-debt' }),
      weighting: (ctx) => Float64Array.of(ctx.row === 0 ? 2 : 0),
    };
    expect(() => runStrategy(market({ A: CRASH }), fading, FLAT)).toThrow(/summing above 0/);
    expect(() =>
      runStrategy(
        market({ A: CRASH }),
        strategy({ weights: { A: 1 }, leverageMode: 'fixed-debt' }),
        FLAT,
      ),
    ).toThrow(/leverageMode.*summing above 1/);
    expect(() =>
      runStrategy(
        market({ A: CRASH }),
        strategy({ weights: { A: 2 }, leverageMode: 'fixed' as never }),
        FLAT,
      ),
    ).toThrow(/leverageMode/);
  });
});

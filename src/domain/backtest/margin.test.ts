import { describe, expect, it } from 'vitest';
import { runStrategy } from './engine.ts';
import { checkMarginRequirement, saleFraction } from './margin.ts';
import { runBacktest } from './run-backtest.ts';
import type { BacktestSettings, PriceMatrix, StrategySpec } from './types.ts';
import { fixedWeights } from './weighting.ts';

/**
 * Margin calls and leverage modes by hand (docs/backtest.md, "Margin and leverage modes"). Every
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
/** A 40 % crash, 100 → 60, then a partial recovery. */
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

describe('margin calls: a 40 % crash by hand', () => {
  it('sells back to the maintenance on the first close below it, and again at the bottom', () => {
    const spec = strategy({ weights: { A: 2 }, margin: { maintenance: 0.25, initial: 0.25 } });
    const run = runStrategy(market({ A: CRASH }), spec, FLAT);
    // Row 0: 10,000 buys 20,000 of A at 100 = 200 shares; the loan is 10,000 (cash −10,000).
    // At a price p: E = 200 p − 10,000, G = 200 p, E / G = 1 − 50 / p.
    //   p = 90: 1 − 50/90 = 0.444; 80: 0.375; 70: 1 − 50/70 = 0.2857 ≥ 0.25: no call.
    //   p = 66: 1 − 50/66 = 0.2424 < 0.25 (the threshold is p < 50 / 0.75 = 66.67): row 4.
    const calls = run.marginCalls!;
    expect(calls.map((c) => c.date)).toEqual(['2024-01-08', '2024-01-09']);
    // Row 4: E = 13,200 − 10,000 = 3,200, G = 13,200. Selling a fraction f of A at no cost
    // keeps E and makes G′ = (1 − f) 13,200; E / G′ = 0.25 → 1 − f = 3,200 / 3,300, f = 1/33.
    const f4 = 1 - 3200 / (0.25 * 13_200);
    expect(f4).toBeCloseTo(1 / 33, 15);
    const sold4 = 200 * f4; // 6.0606 shares for 6.0606 × 66 = 400
    expect(calls[0]).toMatchObject({
      row: 4,
      equityBefore: expect.closeTo(3200, 9),
      grossBefore: expect.closeTo(13_200, 9),
      ratioBefore: expect.closeTo(3200 / 13_200, 12),
      cost: 0,
      equityAfter: expect.closeTo(3200, 9),
      grossAfter: expect.closeTo(12_800, 9),
      ratioAfter: expect.closeTo(0.25, 12),
    });
    expect(calls[0]!.sold).toEqual([
      {
        symbol: 'A',
        quantity: expect.closeTo(-sold4, 9),
        price: 66,
        value: expect.closeTo(-400, 9),
      },
    ]);
    // Row 5: 200 − 200/33 = 6,400/33 shares, loan 10,000 − 400 = 9,600. At 60:
    // G = 6,400/33 × 60 = 11,636.36, E = 11,636.36 − 9,600 = 2,036.36, E / G = 0.175.
    const q5 = 6400 / 33;
    const g5 = q5 * 60;
    const e5 = g5 - 9600;
    expect(e5 / g5).toBeCloseTo(0.175, 12);
    // f = 1 − 0.175 / 0.25 = 0.3: 0.3 × 6,400/33 = 58.18 shares for 3,490.91.
    expect(calls[1]).toMatchObject({
      row: 5,
      ratioBefore: expect.closeTo(0.175, 12),
      equityAfter: expect.closeTo(e5, 9),
      grossAfter: expect.closeTo(0.7 * g5, 9),
      ratioAfter: expect.closeTo(0.25, 12),
    });
    expect(calls[1]!.sold[0]).toMatchObject({
      quantity: expect.closeTo(-0.3 * q5, 9),
      value: expect.closeTo(-0.3 * g5, 9),
    });
    // Row 6: 0.7 × 6,400/33 shares at 80, loan 9,600 − 3,490.91 = 6,109.09.
    const final = 0.7 * q5 * 80 - (9600 - 0.3 * g5);
    expect(final).toBeCloseTo(156_800 / 33, 9); // 4,751.52
    const expected = [10_000, 8000, 6000, 4000, 3200, e5, final];
    run.values.forEach((v, t) => expect(v).toBeCloseTo(expected[t]!, 9));
    // The forced sales are trades too: the first purchase and the two sales.
    expect(run.trades.map((t) => t.date)).toEqual(['2024-01-02', '2024-01-08', '2024-01-09']);
    expect(run.stopped).toBeUndefined();
  });

  it('the loss it costs: the same strategy run again without the rule', () => {
    const result = runBacktest({
      market: market({ A: CRASH }),
      strategies: [
        strategy({ weights: { A: 2 }, margin: { maintenance: 0.25, initial: 0.25 } }),
        strategy({ weights: { A: 2 } }),
      ],
      settings: FLAT,
    });
    const [called, free] = result.strategies;
    // Without the rule: 200 shares at 80 less the 10,000 loan = 6,000; with it 156,800 / 33.
    expect(called!.withoutMargin).toEqual({
      finalValueWithoutMargin: expect.closeTo(6000, 9),
      loss: expect.closeTo(6000 - 156_800 / 33, 9), // 1,248.48
    });
    expect(free!.withoutMargin).toBeUndefined();
    expect(free!.run.marginCalls).toBeUndefined();
  });

  it('a negative loss: without the rule the strategy is wiped out', () => {
    // 10,000 at 3×: 300 shares at 100, loan 20,000; maintenance 0.25, calls back to 0.5.
    const spec = strategy({ weights: { A: 3 }, margin: { maintenance: 0.25, initial: 0.5 } });
    const result = runBacktest({
      market: market({ A: [100, 80, 60, 50] }),
      strategies: [spec],
      settings: FLAT,
    });
    const { run, withoutMargin } = result.strategies[0]!;
    // Row 1 at 80: G = 24,000, E = 4,000, ρ = 1/6; f = 1 − (1/6) / 0.5 = 2/3: 200 shares sold
    // for 16,000, loan 4,000, 100 shares left.
    // Row 2 at 60: G = 6,000, E = 2,000, ρ = 1/3: no call.
    // Row 3 at 50: G = 5,000, E = 1,000, ρ = 0.2; f = 1 − 0.2 / 0.5 = 0.6: 60 shares for 3,000;
    // 40 shares and a loan of 1,000 left: worth 1,000.
    expect(run.marginCalls!.map((c) => c.sold[0]!.quantity)).toEqual([
      expect.closeTo(-200, 9),
      expect.closeTo(-60, 9),
    ]);
    expect(run.values[3]).toBeCloseTo(1000, 9);
    // Without the rule, at 60: 300 × 60 − 20,000 = −2,000: wiped out on row 2.
    expect(withoutMargin).toEqual({
      finalValueWithoutMargin: -2000,
      loss: expect.closeTo(-3000, 9),
      stoppedWithoutMargin: { date: '2024-01-04', row: 2, reason: 'wipedOut', value: -2000 },
    });
  });

  it('with costs and a call back to 0.5: one call, its size by hand', () => {
    const k = 0.001;
    const spec = strategy({
      weights: { A: 2 },
      costRate: k,
      margin: { maintenance: 0.25, initial: 0.5 },
    });
    const run = runStrategy(market({ A: CRASH }), spec, FLAT);
    // Row 0: V′ = 10,000 / (1 + 2k) buys 2 V′ of A; cash = 10,000 − 2V′ − 2kV′ = −V′.
    const v0 = 10_000 / (1 + 2 * k);
    const q0 = (2 * v0) / 100;
    // E / G = (q0 p − V′) / (q0 p) = 1 − 50 / p again: first below 0.25 at 66 (row 4).
    const g = q0 * 66;
    const e = g - v0;
    // Sell f: E′ = E − k f G, G′ = (1 − f) G; E′ = 0.5 G′ → f = (0.5 G − E) / ((0.5 − k) G).
    const f = (0.5 * g - e) / ((0.5 - k) * g);
    expect(saleFraction(e / g, 0.5, k)).toBeCloseTo(f, 14);
    const calls = run.marginCalls!;
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      date: '2024-01-08',
      cost: expect.closeTo(k * f * g, 9),
      equityAfter: expect.closeTo(e - k * f * g, 9),
      grossAfter: expect.closeTo((1 - f) * g, 9),
      ratioAfter: expect.closeTo(0.5, 12),
    });
    expect(calls[0]!.sold[0]!.quantity).toBeCloseTo(-f * q0, 9);
    // Row 5 at 60: the loan is V′ − f G (1 − k); E / G = 1 − loan / ((1 − f) q0 60) = 0.45 —
    // the loan was half of G at 66, so it is 0.5 × 66 / 60 = 0.55 of G at 60: no call.
    const loan = v0 - f * g * (1 - k);
    expect(1 - loan / ((1 - f) * q0 * 60)).toBeCloseTo(0.45, 12);
    expect(run.values[6]).toBeCloseTo((1 - f) * q0 * 80 - loan, 9);
    expect(run.costs).toBeCloseTo(10_000 - v0 + k * f * g, 9);
  });

  it('whole shares round each forced sale up', () => {
    const spec = strategy({
      weights: { A: 2 },
      wholeShares: true,
      margin: { maintenance: 0.25, initial: 0.25 },
    });
    const run = runStrategy(market({ A: CRASH }), spec, FLAT);
    // 200 shares as before; at 66 the exact sale is 6.06 shares: 7 are sold (462 of A).
    expect(run.marginCalls![0]!.sold[0]).toMatchObject({ quantity: -7, value: -462 });
    // E stays 3,200 and G = 193 × 66 = 12,738: the ratio ends above 0.25.
    expect(run.marginCalls![0]!.ratioAfter).toBeCloseTo(3200 / (193 * 66), 12);
  });

  it('sells everything when even that cannot restore the ratio (a wipe-out), and a gap past zero is no call', () => {
    // k = 20 %: row 0 V′ = 10,000 / (1 + 2 × 0.2) buys 2 V′ of A (2V′/100 shares), loan V′;
    // E / G = 1 − 50 / p as before. At 62: ρ = 1 − 50/62 = 0.1935 ≤ k, so
    // f = (0.25 − ρ) / (0.25 − 0.2) ≥ 1: everything is sold, and E′ = G (ρ − k) < 0.
    const k = 0.2;
    const spec = strategy({
      weights: { A: 2 },
      costRate: k,
      margin: { maintenance: 0.25, initial: 0.25 },
    });
    const run = runStrategy(market({ A: [100, 62, 70] }), spec, FLAT);
    const v0 = 10_000 / 1.4;
    const call = run.marginCalls![0]!;
    expect(call.sold[0]!.quantity).toBeCloseTo((-2 * v0) / 100, 9);
    expect(call.ratioAfter).toBeNull();
    // Selling 2V′/100 × 62 = 1.24 V′ nets 0.8 × 1.24 V′ = 0.992 V′ against a loan of V′.
    expect(run.stopped).toEqual({
      date: '2024-01-03',
      row: 1,
      reason: 'wipedOut',
      value: expect.closeTo(-0.008 * v0, 9),
    });
    // A gap from 100 to 70 at 4× (k = 0): E = 28,000 − 30,000 < 0: no call, a wipe-out.
    const gap = runStrategy(
      market({ A: [100, 70, 80] }),
      strategy({ weights: { A: 4 }, margin: { maintenance: 0.25, initial: 0.25 } }),
      FLAT,
    );
    expect(gap.marginCalls).toEqual([]);
    expect(gap.stopped).toMatchObject({ row: 1, reason: 'wipedOut', value: -2000 });
  });

  it('refuses a bad requirement, naming the field', () => {
    expect(() => checkMarginRequirement({ maintenance: 0, initial: 0.5 })).toThrow(
      /margin\.maintenance/,
    );
    expect(() => checkMarginRequirement({ maintenance: 0.3, initial: 0.2 })).toThrow(
      /margin\.initial/,
    );
    expect(() =>
      runStrategy(
        market({ A: CRASH }),
        strategy({ weights: { A: 2 }, margin: { maintenance: 1.5, initial: 1.5 } }),
        FLAT,
      ),
    ).toThrow(/margin\.maintenance/);
    expect(saleFraction(0.3, 0.25, 0)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { runStrategy } from './engine.ts';
import { summarizeRun } from './summary.ts';
import type { BacktestSettings, PriceMatrix, StrategySpec } from './types.ts';
import { fixedWeights } from './weighting.ts';

/**
 * Hand-checked cases of docs/backtest.md. Every expected number is arithmetic written out here
 * (a spreadsheet's cells, one line each), never a figure copied from the engine.
 */

/** Tue 30 Jan 2024 .. Mon 4 Mar 2024: month ends in the data are rows 1 (31 Jan) and 3 (29 Feb). */
const DATES = ['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01', '2024-03-04'];
const A = [100, 110, 121, 110, 100, 105];
const B = [50, 49, 50, 55, 54, 56];

function market(columns: Record<string, number[]>, dates = DATES): PriceMatrix {
  return {
    dates,
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

const SETTINGS: BacktestSettings = { initial: 1000, cashRate: 0, borrowSpread: 0 };

describe('runStrategy: hand-checked', () => {
  it('buy-and-hold equals the compounded asset', () => {
    const run = runStrategy(market({ A }), strategy({ weights: { A: 1 } }), SETTINGS);
    // 1000 buys 10 shares at 100; value = 10 × close.
    expect([...run.values]).toEqual(A.map((p) => 10 * p));
    const s = summarizeRun(run, { riskFreeRateAnnual: 0 });
    // (110/100)(121/110)(110/121)(100/110)(105/100) − 1 = 105/100 − 1
    expect(s.twr).toBeCloseTo(0.05, 14);
    expect(s.returns.map((r) => r.value)).toEqual(
      A.slice(1).map((p, i) => expect.closeTo(p / A[i]! - 1, 14) as unknown as number),
    );
    expect(run.rebalanceRows).toEqual([]);
    expect(run.trades).toHaveLength(1);
  });

  it('a monthly 60/40 equals the spreadsheet computation', () => {
    const run = runStrategy(
      market({ A, B }),
      strategy({ weights: { A: 0.6, B: 0.4 }, rebalance: 'monthly' }),
      SETTINGS,
    );
    // Row 0 (30 Jan): 600 / 100 = 6 A, 400 / 50 = 8 B.
    const v0 = 6 * 100 + 8 * 50; // 1000
    // Row 1 (31 Jan), a month end: value, then trade back to 60/40.
    const v1 = 6 * 110 + 8 * 49; // 1052
    const a1 = (0.6 * v1) / 110;
    const b1 = (0.4 * v1) / 49;
    // Row 2 (1 Feb): drift.
    const v2 = a1 * 121 + b1 * 50;
    // Row 3 (29 Feb), a month end: rebalance again.
    const v3 = a1 * 110 + b1 * 55;
    const a3 = (0.6 * v3) / 110;
    const b3 = (0.4 * v3) / 55;
    // Row 4 (1 Mar) is not the last row of March in the data; row 5 is the final row.
    const v4 = a3 * 100 + b3 * 54;
    const v5 = a3 * 105 + b3 * 56;
    const expected = [v0, v1, v2, v3, v4, v5];
    run.values.forEach((v, t) => expect(v).toBeCloseTo(expected[t]!, 9));
    expect(run.rebalanceRows).toEqual([1, 3]);
    expect(run.trades.filter((t) => t.date === '2024-01-31')).toEqual([
      expect.objectContaining({ symbol: 'A', quantity: expect.closeTo(a1 - 6, 12) }),
      expect.objectContaining({ symbol: 'B', quantity: expect.closeTo(b1 - 8, 12) }),
    ]);
    const s = summarizeRun(run, { riskFreeRateAnnual: 0 });
    expect(s.twr).toBeCloseTo(v5 / 1000 - 1, 12);
    // No flows: the MWR is the window's own return too (34 days, not annualised).
    expect(s.mwrBasis).toBe('period');
    expect(s.mwr).toBeCloseTo(v5 / 1000 - 1, 9);
  });

  it('a band never hit never trades after the first purchase', () => {
    const run = runStrategy(
      market({ A, B }),
      strategy({
        weights: { A: 0.6, B: 0.4 },
        rebalance: 'monthly',
        bands: { kind: 'absolute', width: 0.1 },
      }),
      SETTINGS,
    );
    // Weights on 31 Jan: 660/1052 = 0.627 (|Δ| 0.027); on 29 Feb: 6×110/(660 + 440) = 0.6.
    expect(run.rebalanceRows).toEqual([]);
    expect(run.trades.map((t) => t.date)).toEqual(['2024-01-30', '2024-01-30']);
    expect([...run.values]).toEqual(A.map((a, t) => 6 * a + 8 * B[t]!));
  });

  it('a relative band trades on the first scheduled row past it', () => {
    const run = runStrategy(
      market({ A, B }),
      strategy({
        weights: { A: 0.6, B: 0.4 },
        rebalance: 'never',
        bands: { kind: 'relative', width: 0.08 },
      }),
      SETTINGS,
    );
    // Checked daily without a schedule; limits 0.08 × 0.6 = 0.048 (A), 0.08 × 0.4 = 0.032 (B).
    // Row 1: A 660/1052 = 0.62738, B 392/1052 = 0.37262 (|Δ| 0.0274 both): inside.
    // Row 2: A 726/1126 = 0.64476 (|Δ| 0.0448 < 0.048), B 400/1126 = 0.35524 (|Δ| 0.0448 >
    // 0.032): trades.
    expect(run.rebalanceRows[0]).toBe(2);
  });

  it('costs by hand: the first purchase and a rebalance net of their own costs', () => {
    const k = 0.001; // 10 bps
    const run = runStrategy(
      market({ A, B }),
      strategy({ weights: { A: 0.6, B: 0.4 }, rebalance: 'monthly', costRate: k }),
      SETTINGS,
    );
    // Row 0: V′ = 1000 − k(0.6 V′ + 0.4 V′) → V′ = 1000 / 1.001.
    const n0 = 1000 / (1 + k);
    const a0 = (0.6 * n0) / 100;
    const b0 = (0.4 * n0) / 50;
    const cost0 = 1000 - n0;
    // Row 1: A rose, so A is sold and B bought: V′ = V − k(hA − 0.6V′) − k(0.4V′ − hB)
    // → V′ = (V − k(hA − hB)) / (1 + k(0.4 − 0.6)).
    const hA = a0 * 110;
    const hB = b0 * 49;
    const v = hA + hB;
    const n1 = (v - k * (hA - hB)) / (1 + k * (0.4 - 0.6));
    expect(0.6 * n1).toBeLessThan(hA); // the signs assumed above hold
    expect(0.4 * n1).toBeGreaterThan(hB);
    expect(run.values[0]).toBeCloseTo(n0, 9);
    expect(run.values[1]).toBeCloseTo(n1, 9);
    const cost1 = k * (hA - 0.6 * n1) + k * (0.4 * n1 - hB);
    expect(cost1).toBeCloseTo(v - n1, 9);
    const day1 = run.trades.filter((t) => t.date === '2024-01-31');
    expect(day1.reduce((s, t) => s + t.cost, 0)).toBeCloseTo(cost1, 9);
    expect(
      run.trades.filter((t) => t.date === '2024-01-30').reduce((s, t) => s + t.cost, 0),
    ).toBeCloseTo(cost0, 9);
    // The first return counts the first purchase's costs: V1 / 1000 − 1.
    const s = summarizeRun(run, { riskFreeRateAnnual: 0 });
    expect(s.returns[0]!.value).toBeCloseTo(n1 / 1000 - 1, 12);
  });

  it('borrowing interest by hand: 150 % in a flat asset at 3 % + 1 % spread', () => {
    const flat = [100, 100, 100, 100, 100, 100];
    const run = runStrategy(market({ A: flat }), strategy({ weights: { A: 1.5 } }), {
      initial: 1000,
      cashRate: 0.03,
      borrowSpread: 0.01,
    });
    // 15 shares, cash −500, paying (1.04)^(1/252) − 1 a row, compounded over rows 1..5.
    const r = 1.04 ** (1 / 252) - 1;
    const cash = (t: number): number => -500 * (1 + r) ** t;
    run.values.forEach((v, t) => expect(v).toBeCloseTo(1500 + cash(t), 9));
    expect(run.interest).toBeCloseTo(cash(5) + 500, 9);
    expect(run.interest).toBeLessThan(0);
  });

  it('lending interest by hand: 50 % invested, the rest earns 3 %', () => {
    const flat = [100, 100, 100, 100, 100, 100];
    const run = runStrategy(market({ A: flat }), strategy({ weights: { A: 0.5 } }), {
      initial: 1000,
      cashRate: 0.03,
      borrowSpread: 0.01,
    });
    const r = 1.03 ** (1 / 252) - 1;
    expect(run.values[5]).toBeCloseTo(500 + 500 * (1 + r) ** 5, 9);
    expect(run.interest).toBeCloseTo(500 * ((1 + r) ** 5 - 1), 9);
  });

  it('whole shares round down and leave cash', () => {
    const run = runStrategy(
      market({ A: [30, 31, 32] }, DATES.slice(0, 3)),
      strategy({
        weights: { A: 1 },
        wholeShares: true,
      }),
      SETTINGS,
    );
    // 1000 / 30 = 33.3 → 33 shares, 10 in cash.
    expect(run.trades[0]).toMatchObject({ quantity: 33, value: 990 });
    expect(run.values[2]).toBeCloseTo(33 * 32 + 10, 12);
  });
});

describe('runStrategy: flows', () => {
  const monthlyDeposit = { amount: 100, every: 'monthly' as const };

  it('a contribution does not change the TWR (single asset)', () => {
    const plain = runStrategy(market({ A }), strategy({ weights: { A: 1 } }), SETTINGS);
    const funded = runStrategy(
      market({ A }),
      strategy({ weights: { A: 1 }, flow: monthlyDeposit }),
      SETTINGS,
    );
    // Deposits on 31 Jan and 29 Feb buy 100/110 and 100/110 more shares.
    const shares = 10 + 100 / 110 + 100 / 110;
    expect(funded.values[5]).toBeCloseTo(shares * 105, 9);
    expect([...funded.flows]).toEqual([0, 100, 0, 100, 0, 0]);
    const a = summarizeRun(plain, { riskFreeRateAnnual: 0 });
    const b = summarizeRun(funded, { riskFreeRateAnnual: 0 });
    expect(b.twr).toBeCloseTo(a.twr, 12);
    expect(b.mwr).not.toBeCloseTo(a.mwr!, 4);
  });

  it('a contribution on a rebalance date joins the rebalance and leaves the TWR unchanged', () => {
    const spec = { weights: { A: 0.6, B: 0.4 }, rebalance: 'monthly' as const };
    const plain = runStrategy(market({ A, B }), strategy(spec), SETTINGS);
    const funded = runStrategy(
      market({ A, B }),
      strategy({ ...spec, flow: monthlyDeposit }),
      SETTINGS,
    );
    const a = summarizeRun(plain, { riskFreeRateAnnual: 0 });
    const b = summarizeRun(funded, { riskFreeRateAnnual: 0 });
    expect(b.twr).toBeCloseTo(a.twr, 12);
    // One trade per asset on each month end (the deposit and the rebalance in one).
    expect(funded.trades.filter((t) => t.date === '2024-01-31')).toHaveLength(2);
  });

  it('a contribution without a rebalance buys at the targets, net of its costs', () => {
    const k = 0.01;
    const run = runStrategy(
      market({ A, B }),
      strategy({
        weights: { A: 0.6, B: 0.4 },
        costRate: k,
        flow: { amount: 101, every: 'monthly' },
      }),
      SETTINGS,
    );
    // 101 = C′ + k(0.6 C′ + 0.4 C′) → C′ = 100: buys 60 of A at 110 and 40 of B at 49.
    const day1 = run.trades.filter((t) => t.date === '2024-01-31');
    expect(day1.map((t) => t.value)).toEqual([expect.closeTo(60, 9), expect.closeTo(40, 9)]);
    expect(day1.reduce((s, t) => s + t.cost, 0)).toBeCloseTo(1, 9);
  });

  it('a withdrawal sells pro rata and keeps the weights, cash included', () => {
    const run = runStrategy(
      market({ A, B }),
      strategy({ weights: { A: 0.9, B: 0.6 }, flow: { amount: -100, every: 'monthly' } }),
      SETTINGS,
    );
    // Row 0: 9 A, 12 B, cash −500. Row 1 before: 990 + 588 − 500 = 1078; f = 100 / 1078.
    const f = 100 / 1078;
    expect(run.values[1]).toBeCloseTo(978, 9);
    const day1 = run.trades.filter((t) => t.date === '2024-01-31');
    expect(day1.map((t) => t.quantity)).toEqual([
      expect.closeTo(-9 * f, 12),
      expect.closeTo(-12 * f, 12),
    ]);
    expect(run.flows[1]).toBe(-100);
  });

  it('a withdrawal of more than is left pays it out and stops the strategy', () => {
    const run = runStrategy(
      market({ A }),
      strategy({ weights: { A: 1 }, flow: { amount: -1060, every: 'monthly' } }),
      SETTINGS,
    );
    // 31 Jan: 10 × 110 = 1100 > 1060 pays in full (f = 1060/1100), leaving 10 × 40/1100
    // shares; on 29 Feb (A at 110 again) they are worth 40 < 1060: all of it is paid out.
    expect(run.flows[1]).toBe(-1060);
    expect(run.stopped).toMatchObject({ date: '2024-02-29', reason: 'depleted', value: 0 });
    expect(run.flows[3]).toBeCloseTo(-40, 9);
    expect(run.values[5]).toBe(0);
  });
});

describe('runStrategy: leverage losses and bad input', () => {
  it('a value at or below zero sells everything and stops (wiped out)', () => {
    const crash = [100, 100, 60, 80, 90, 100];
    const run = runStrategy(market({ A: crash }), strategy({ weights: { A: 3 } }), SETTINGS);
    // 30 shares, cash −2000: on the 40 % fall 30 × 60 − 2000 = −200.
    expect(run.stopped).toEqual({ date: '2024-02-01', row: 2, reason: 'wipedOut', value: -200 });
    expect([...run.values]).toEqual([1000, 1000, -200, -200, -200, -200]);
    const s = summarizeRun(run, { riskFreeRateAnnual: 0 });
    expect(s.returns.map((r) => r.value)).toEqual([0, -1]);
    expect(s.twr).toBe(-1);
  });

  it('refuses a missing symbol, a bad price, a bad initial, too much cost and a bad weighting', () => {
    const m = market({ A });
    expect(() => runStrategy(m, strategy({ weights: { Z: 1 } }), SETTINGS)).toThrow(/Z/);
    expect(() =>
      runStrategy(market({ A: [1, 0, 1, 1, 1, 1] }), strategy({ weights: { A: 1 } }), SETTINGS),
    ).toThrow(/prices\.A.*2024-01-31/);
    expect(() =>
      runStrategy(m, strategy({ weights: { A: 1 } }), { ...SETTINGS, initial: 0 }),
    ).toThrow(/initial/);
    expect(() => runStrategy(m, strategy({ weights: { A: 2 }, costRate: 0.5 }), SETTINGS)).toThrow(
      /costBps/,
    );
    expect(() => runStrategy(m, strategy({ weights: { A: 1 }, costRate: -0.1 }), SETTINGS)).toThrow(
      /costBps/,
    );
    expect(() =>
      runStrategy(
        m,
        { ...strategy({ weights: { A: 1 } }), weighting: () => new Float64Array(2) },
        SETTINGS,
      ),
    ).toThrow(/2 weights for 1 assets/);
    expect(() =>
      runStrategy(market({ A: [1] }, ['2024-01-02']), strategy({ weights: { A: 1 } }), SETTINGS),
    ).toThrow(/at least 2 rows/);
    expect(() =>
      runStrategy(
        market({ A: [1, 1] }, ['2024-01-03', '2024-01-02']),
        strategy({ weights: { A: 1 } }),
        SETTINGS,
      ),
    ).toThrow(/ascending/);
    expect(() => fixedWeights([Number.NaN])).toThrow(/weights\[0\]/);
  });
});

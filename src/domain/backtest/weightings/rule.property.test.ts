import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import { runStrategy } from '../engine.ts';
import type { PriceMatrix, WeightingContext } from '../types.ts';
import type { WeightingRecord } from './record.ts';
import { ruleWeighting, type WeightingRule } from './rule.ts';

/**
 * No look-ahead (docs/backtest.md, "Weightings"): the targets of row t are a function of the
 * closes of rows before t only, so changing the closes of row t and of every later row never
 * changes them. And the engine trades to exactly the targets the weighting reported.
 */

const NO_HIGHS = new Proxy(
  {},
  {
    get() {
      throw new Error('HiGHS is not needed here');
    },
  },
) as HighsRuntime;

function dates(rows: number): string[] {
  // Consecutive days from 1 Jan 2024 (months of 28 days keep the arithmetic trivial).
  return Array.from({ length: rows }, (_, t) => {
    const month = Math.floor(t / 28) + 1;
    return `2024-${String(month).padStart(2, '0')}-${String((t % 28) + 1).padStart(2, '0')}`;
  });
}

function matrix(columns: readonly (readonly number[])[]): PriceMatrix {
  return {
    dates: dates(columns[0]!.length),
    symbols: columns.map((_, j) => `S${j}`),
    closes: columns.map((c) => Float64Array.from(c)),
  };
}

function targets(m: PriceMatrix, rule: WeightingRule, row: number): number[] {
  const ctx: WeightingContext = {
    row,
    market: m,
    columns: rule.assets.map((_, j) => j),
    quantities: new Float64Array(rule.assets.length),
    cash: 0,
  };
  return [...ruleWeighting(rule)(ctx)];
}

const RULES: readonly Omit<WeightingRule, 'assets' | 'weights' | 'lookback'>[] = [
  { method: 'inverse-vol' },
  { method: 'risk-parity', optimizer: { highs: NO_HIGHS, riskFreeRateAnnual: 0 } },
  { method: 'equal', targetVol: 0.1, maxLeverage: 2 },
  { method: 'fixed', targetVol: 0.15, maxLeverage: 3, covariance: { method: 'ledoitWolf' } },
  { method: 'inverse-vol', covariance: { method: 'oas' }, targetVol: 0.2 },
  { method: 'fixed', tactical: { signal: 'moving-average', window: 3 } },
  { method: 'equal', tactical: { signal: 'moving-average', window: 4, signalAsset: 'S0' } },
  { method: 'fixed', tactical: { signal: 'dual-momentum', window: 3, top: 1, riskOff: 'S1' } },
  { method: 'fixed', tactical: { signal: 'dual-momentum', window: 2, top: 2 }, targetVol: 0.1 },
  {
    method: 'fixed',
    tactical: { signal: 'regime', window: 20, calmScale: 1.5, stressedScale: 0.5 },
  },
];

const scenario = fc
  .record({
    assets: fc.integer({ min: 2, max: 4 }),
    rows: fc.integer({ min: 8, max: 40 }),
    lookback: fc.integer({ min: 2, max: 6 }),
    rule: fc.integer({ min: 0, max: RULES.length - 1 }),
    seed: fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), {
      minLength: 160,
      maxLength: 160,
    }),
    shock: fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), {
      minLength: 160,
      maxLength: 160,
    }),
    at: fc.double({ min: 0, max: 0.999, noNaN: true }),
  })
  .map((s) => {
    const closes = Array.from({ length: s.assets }, (_, j) => {
      const c = [100];
      for (let t = 1; t < s.rows; t++) c.push(c[t - 1]! * (1 + s.seed[(j * 40 + t) % 160]!));
      return c;
    });
    return { ...s, closes, row: Math.floor(s.at * s.rows) };
  });

describe('weightings: no look-ahead (property)', () => {
  it('changing the closes from the rebalance row on never changes its targets', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const rule: WeightingRule = {
          ...RULES[s.rule]!,
          assets: s.closes.map((_, j) => `S${j}`),
          weights: s.closes.map(() => 1 / s.assets),
          lookback: s.lookback,
        };
        const before = targets(matrix(s.closes), rule, s.row);
        const shocked = s.closes.map((c, j) =>
          c.map((p, t) => (t >= s.row ? p * s.shock[(j * 40 + t) % 160]! : p)),
        );
        expect(targets(matrix(shocked), rule, s.row)).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});

describe('weightings in the engine', () => {
  it('every rebalance trades to the reported targets; the first row records its fallback', () => {
    // Two assets over 3 months of 28 rows; monthly rebalances on rows 27 and 55 (the last
    // row of each month but the final one). A zig-zags ±1 %, B ±3 %: inverse vol ≈ 3:1.
    const a = [100];
    const b = [100];
    for (let t = 1; t < 84; t++) {
      a.push(a[t - 1]! * (t % 2 === 0 ? 1.01 : 0.99));
      b.push(b[t - 1]! * (t % 2 === 0 ? 1.03 : 0.97));
    }
    const m = matrix([a, b]);
    const run = runStrategy(
      m,
      {
        name: 'iv',
        assets: ['S0', 'S1'],
        weighting: ruleWeighting({
          method: 'inverse-vol',
          assets: ['S0', 'S1'],
          weights: [0.5, 0.5],
          lookback: 20,
        }),
        rebalance: 'monthly',
        costRate: 0,
        wholeShares: false,
      },
      { initial: 1000, cashRate: 0, borrowSpread: 0 },
    );
    const log = run.weightingLog as readonly WeightingRecord[];
    expect(log.map((r) => r.row)).toEqual([0, 27, 55]);
    expect(log[0]!.fallback?.code).toBe('INSUFFICIENT_HISTORY');
    expect([...log[0]!.weights]).toEqual([0.5, 0.5]);
    expect(run.rebalanceRows).toEqual([27, 55]);
    for (const record of log.slice(1)) {
      // |returns| are 1 % and 3 % every row, so σA : σB ≈ 1 : 3 and wA ≈ 3/4.
      expect(record.weights[0]).toBeCloseTo(0.75, 2);
      // After the rebalance the holdings are exactly the targets of the value.
      const t = record.row;
      const trades = run.trades.filter((x) => x.date === m.dates[t]);
      expect(trades).toHaveLength(2);
      const value = run.values[t]!;
      const held = [0, 1].map((j) => {
        const bought = run.trades
          .filter((x) => x.symbol === `S${j}` && x.date <= m.dates[t]!)
          .reduce((q, x) => q + x.quantity, 0);
        return (bought * m.closes[j]![t]!) / value;
      });
      expect(held[0]).toBeCloseTo(record.weights[0]!, 12);
      expect(held[1]).toBeCloseTo(record.weights[1]!, 12);
    }
  });

  it('a plain fixed weighting leaves no log', () => {
    const m = matrix([
      [100, 101, 102],
      [50, 51, 52],
    ]);
    const run = runStrategy(
      m,
      {
        name: 'f',
        assets: ['S0', 'S1'],
        weighting: ruleWeighting({ method: 'fixed', assets: ['S0', 'S1'], weights: [0.6, 0.4] }),
        rebalance: 'daily',
        costRate: 0,
        wholeShares: false,
      },
      { initial: 1000, cashRate: 0, borrowSpread: 0 },
    );
    expect(run.weightingLog).toBeUndefined();
  });
});

describe('weightings on near-constant closes (a case the property above found)', () => {
  it('OAS inverse volatility on a window where one asset barely moves gives finite weights', () => {
    // Asset S0 moves by 1e-14 over the 4-row window before row 36 and then −5 % twice; OAS's
    // denominator α − μ²/n rounds to ≤ 0 there. Before the fix the shrinkage came out negative
    // and the variance −13,091 (refused as covariance[1][1]); now δ = 1 and the weights exist.
    const s0 = [100, 100, 100, ...Array<number>(29).fill(99.99999999996234), 95.00000004642355];
    s0.push(95.00000004642355, 90.25000008815258, 90.25000008815258, 90.25000008815258);
    const s1 = [...Array<number>(24).fill(93.82596866702492)];
    s1.push(...Array<number>(10).fill(93.82596867204), 89.13467027107603, 84.67793685142951);
    s1.push(84.67793685142951);
    const m = matrix([s0, s1]);
    const w = targets(
      m,
      {
        method: 'inverse-vol',
        covariance: { method: 'oas' },
        targetVol: 0.2,
        assets: ['S0', 'S1'],
        weights: [0.5, 0.5],
        lookback: 4,
      },
      36,
    );
    expect(w.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
  });
});

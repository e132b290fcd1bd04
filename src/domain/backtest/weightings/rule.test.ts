import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import { BallastError } from '../../errors.ts';
import type { PriceMatrix, WeightingContext } from '../types.ts';
import type { WeightingRecord } from './record.ts';
import { ruleWeighting, type WeightingRule } from './rule.ts';

/**
 * Hand-checked weightings (docs/backtest.md, "Weightings"). The fixtures are closes built
 * from chosen daily returns, so every volatility below is arithmetic on those returns. The
 * window of row t is the returns of rows t − L … t − 1 (closes t − L − 1 … t − 1).
 */

/** Closes from 100 compounding `returns` (one close more than returns), plus a last close. */
function closes(returns: readonly number[], last = 1.05): Float64Array {
  const out = [100];
  for (const r of returns) out.push(out.at(-1)! * (1 + r));
  out.push(out.at(-1)! * last);
  return Float64Array.from(out);
}

function market(columns: Record<string, Float64Array>): PriceMatrix {
  const rows = Object.values(columns)[0]!.length;
  const dates = Array.from({ length: rows }, (_, t) => `2024-01-${String(t + 1).padStart(2, '0')}`);
  return { dates, symbols: Object.keys(columns), closes: Object.values(columns) };
}

/** The targets of `rule` on `row`, with what it reported. */
function at(m: PriceMatrix, rule: WeightingRule, row: number) {
  const log: WeightingRecord[] = [];
  const ctx: WeightingContext = {
    row,
    market: m,
    columns: rule.assets.map((s) => m.symbols.indexOf(s)),
    quantities: new Float64Array(rule.assets.length),
    cash: 0,
    report: (r) => log.push(r),
  };
  const weights = [...ruleWeighting(rule)(ctx)];
  return { weights, log };
}

/** A HiGHS stand-in for the objectives that never call it (risk parity). */
const NO_HIGHS = new Proxy(
  {},
  {
    get() {
      throw new Error('HiGHS is not needed here');
    },
  },
) as HighsRuntime;

// A: 1 %, 3 %, 1 %, 3 % (mean 2 %, deviations ±1 %); B: 0, −4 %, 0, +4 % (mean 0).
// Sample variances (divisor 3): σA² = 4 × 0.0001 / 3, σB² = 2 × 0.0016 / 3, so σB/σA = √8.
const TWO = market({ A: closes([0.01, 0.03, 0.01, 0.03]), B: closes([0, -0.04, 0, 0.04]) });
const AB = { assets: ['A', 'B'], weights: [0.6, 0.4], lookback: 4 };

describe('equal and inverse-volatility weights', () => {
  it('equal weights are 1/n from the first row, without a window', () => {
    const three = market({ A: closes([0]), B: closes([0]), C: closes([0]) });
    const { weights, log } = at(
      three,
      { method: 'equal', assets: ['A', 'B', 'C'], weights: [1, 0, 0] },
      0,
    );
    expect(weights).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(log).toEqual([
      {
        row: 0,
        date: '2024-01-01',
        method: 'equal',
        weights: Float64Array.of(1 / 3, 1 / 3, 1 / 3),
      },
    ]);
  });

  it('inverse volatility on the four returns before row 5', () => {
    const { weights, log } = at(TWO, { method: 'inverse-vol', ...AB }, 5);
    // wA = (1/σA) / (1/σA + 1/σB) = σB / (σA + σB) = √8 / (1 + √8) = 2.828427 / 3.828427
    expect(weights[0]).toBeCloseTo(0.738796, 6);
    expect(weights[1]).toBeCloseTo(1 - 0.738796, 6);
    expect(log[0]!.fallback).toBeUndefined();
  });

  it('before the window exists the fallback is used and recorded', () => {
    // Row 4 has 3 returns before it (rows 1..3); the window needs 4.
    const { weights, log } = at(TWO, { method: 'inverse-vol', ...AB }, 4);
    expect(weights).toEqual([0.6, 0.4]);
    expect(log[0]!.fallback).toEqual({
      code: 'INSUFFICIENT_HISTORY',
      reason: '3 of the 4 daily returns needed before 2024-01-05',
      used: 'weights',
    });
    const equal = at(TWO, { method: 'inverse-vol', ...AB, fallback: 'equal' }, 0);
    expect(equal.weights).toEqual([0.5, 0.5]);
    expect(equal.log[0]!.fallback?.reason).toBe(
      '0 of the 4 daily returns needed before 2024-01-01',
    );
  });

  it('an asset that did not move fails inverse volatility (ZERO_VOLATILITY, fallback)', () => {
    const flat = market({ A: closes([0.01, 0.03, 0.01, 0.03]), B: closes([0, 0, 0, 0]) });
    const { weights, log } = at(flat, { method: 'inverse-vol', ...AB, fallback: 'equal' }, 5);
    expect(weights).toEqual([0.5, 0.5]);
    expect(log[0]!.fallback).toMatchObject({ code: 'ZERO_VOLATILITY', used: 'equal' });
    expect(log[0]!.fallback!.reason).toContain('B did not move');
  });
});

// Uncorrelated: A ±2 % alternating, B +1 %, +1 %, −1 %, −1 %: both means 0 and
// Σ (a·b) = 0.0002 − 0.0002 − 0.0002 + 0.0002 = 0, so the sample covariance is diagonal.
const UNCORRELATED = market({
  A: closes([0.02, -0.02, 0.02, -0.02]),
  B: closes([0.01, 0.01, -0.01, -0.01]),
});

describe('risk parity', () => {
  it('on two uncorrelated assets equals inverse volatility (computed here)', () => {
    const optimizer = { highs: NO_HIGHS, riskFreeRateAnnual: 0 };
    const rp = at(UNCORRELATED, { method: 'risk-parity', ...AB, optimizer }, 5);
    // Independent check: equal risk contributions on a diagonal Σ are wᵢ ∝ 1/σᵢ;
    // σA = 0.02·√(4/3), σB = 0.01·√(4/3), so wA = σB / (σA + σB) = 0.01 / 0.03.
    expect(rp.weights[0]).toBeCloseTo(1 / 3, 9);
    expect(rp.weights[1]).toBeCloseTo(2 / 3, 9);
    const iv = at(UNCORRELATED, { method: 'inverse-vol', ...AB }, 5);
    expect(rp.weights[0]).toBeCloseTo(iv.weights[0]!, 9);
  });
});

describe('target volatility', () => {
  // A ±1 % alternating, B +1, +1, −1, −1 %: uncorrelated, σ² = 4 × 0.0001 / 3 each (daily).
  const m = market({
    A: closes([0.01, -0.01, 0.01, -0.01]),
    B: closes([0.01, 0.01, -0.01, -0.01]),
  });
  const fixed = { method: 'fixed' as const, assets: ['A', 'B'], weights: [0.5, 0.5], lookback: 4 };

  it('scales fixed 50/50 to the target by hand', () => {
    // σp² = 252 × (0.25 σA² + 0.25 σB²) = 252 × 0.5 × 0.0004 / 3 = 0.0168; σp = 0.1296148
    // s = 0.10 / 0.1296148 = 0.7715167; weights 0.5 s = 0.3857584 each (the rest is cash).
    const { weights, log } = at(m, { ...fixed, targetVol: 0.1 }, 5);
    expect(weights[0]).toBeCloseTo(0.3857584, 6);
    expect(weights[1]).toBeCloseTo(0.3857584, 6);
    expect(log[0]!.exAnteVol).toBeCloseTo(Math.sqrt(0.0168), 9);
    expect(log[0]!.scale).toBeCloseTo(0.7715167, 6);
  });

  it('caps the scale at maxLeverage / Σ|w|', () => {
    // s = 0.30 / 0.1296148 = 2.31455 > cap 1.5 / 1 = 1.5: weights 0.75 each, 50 % borrowed.
    const { weights, log } = at(m, { ...fixed, targetVol: 0.3, maxLeverage: 1.5 }, 5);
    expect(weights[0]).toBeCloseTo(0.75, 12);
    expect(weights[1]).toBeCloseTo(0.75, 12);
    expect(log[0]!.scale).toBeCloseTo(1.5, 12);
    // The default cap is 1: never borrow.
    expect(at(m, { ...fixed, targetVol: 0.3 }, 5).weights[0]).toBeCloseTo(0.5, 12);
  });

  it('a flat window scales to the cap; without a window nothing is scaled', () => {
    const flat = market({ A: closes([0, 0, 0, 0]), B: closes([0, 0, 0, 0]) });
    expect(at(flat, { ...fixed, targetVol: 0.1, maxLeverage: 2 }, 5).weights).toEqual([1, 1]);
    const early = at(m, { ...fixed, targetVol: 0.1 }, 2);
    expect(early.weights).toEqual([0.5, 0.5]);
    expect(early.log[0]!.fallback?.code).toBe('INSUFFICIENT_HISTORY');
    expect(early.log[0]!.scale).toBeUndefined();
  });

  it('a plain fixed rule gives its weights and reports nothing', () => {
    const { weights, log } = at(m, { ...fixed }, 5);
    expect(weights).toEqual([0.5, 0.5]);
    expect(log).toEqual([]);
  });
});

describe('optimiser objectives on the window', () => {
  let highs: HighsRuntime;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('an infeasible optimisation is recorded with its fallback', () => {
    // The window's μ: A 252 × 2 % = 5.04, B 0; a 600 % return target is out of reach.
    const rule: WeightingRule = {
      method: 'optimize',
      ...AB,
      optimizer: {
        highs,
        riskFreeRateAnnual: 0,
        objective: { kind: 'efficientReturn', targetReturnAnnual: 6 },
      },
    };
    const { weights, log } = at(TWO, rule, 5);
    expect(weights).toEqual([0.6, 0.4]);
    expect(log[0]!.fallback).toMatchObject({ code: 'INFEASIBLE', used: 'weights' });
  });

  it('max Sharpe with no asset above the cash rate falls back to equal weights, scaled', () => {
    // μ: A 5.04, B 0 (annual); a cash rate of 600 % is above both.
    const rule: WeightingRule = {
      method: 'optimize',
      ...AB,
      fallback: 'equal',
      targetVol: 10,
      optimizer: { highs, riskFreeRateAnnual: 6, objective: { kind: 'maxSharpe' } },
    };
    const { weights, log } = at(TWO, rule, 5);
    expect(log[0]!.fallback).toMatchObject({ code: 'NO_ASSET_ABOVE_RISK_FREE', used: 'equal' });
    // The window is there, so the fallback is still scaled: to the cap 1 / Σ|w| = 1.
    expect(weights).toEqual([0.5, 0.5]);
    expect(log[0]!.scale).toBe(1);
  });

  it('a scenario objective takes the window as its scenarios', () => {
    // A gains 0.1 % every day; B alternates ±2 %. The worst day of any mix w·A + (1 − w)·B
    // loses 0.02(1 − w) − 0.001w, least at w = 1: minimum CVaR is all in A.
    const m = market({
      A: closes([0.001, 0.001, 0.001, 0.001]),
      B: closes([0.02, -0.02, 0.02, -0.02]),
    });
    const rule: WeightingRule = {
      method: 'optimize',
      ...AB,
      optimizer: { highs, riskFreeRateAnnual: 0, objective: { kind: 'minCvar', confidence: 0.95 } },
    };
    const { weights } = at(m, rule, 5);
    expect(weights[0]).toBeCloseTo(1, 9);
    expect(weights[1]).toBeCloseTo(0, 9);
  });
});

describe('bad rules', () => {
  const field = (rule: WeightingRule): unknown => {
    try {
      ruleWeighting(rule);
    } catch (e) {
      if (e instanceof BallastError) return [e.code, e.details.field];
      throw e;
    }
    return 'no error';
  };
  const base = { method: 'inverse-vol' as const, assets: ['A', 'B'], weights: [0.5, 0.5] };

  it('names the field', () => {
    expect(field({ ...base, lookback: 1 })).toEqual(['INVALID_INPUT', 'weighting.lookback']);
    expect(field({ ...base, lookback: 2.5 })).toEqual(['INVALID_INPUT', 'weighting.lookback']);
    expect(field({ ...base, targetVol: 0 })).toEqual(['INVALID_INPUT', 'weighting.targetVol']);
    expect(field({ ...base, targetVol: 0.1, maxLeverage: -1 })).toEqual([
      'INVALID_INPUT',
      'weighting.maxLeverage',
    ]);
    expect(field({ ...base, weights: [1] })).toEqual(['INVALID_INPUT', 'weights']);
    expect(field({ ...base, weights: [1, Number.NaN] })).toEqual(['INVALID_INPUT', 'weights[1]']);
    expect(field({ ...base, method: 'risk-parity' })).toEqual([
      'INVALID_INPUT',
      'weighting.optimizer',
    ]);
    const optimizer = { highs: NO_HIGHS, riskFreeRateAnnual: 0 };
    expect(field({ ...base, method: 'optimize', optimizer })).toEqual([
      'INVALID_INPUT',
      'weighting.objective',
    ]);
  });
});

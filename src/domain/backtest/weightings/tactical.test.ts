import { describe, expect, it } from 'vitest';
import { rejection } from '../../../../test/helpers/errors.ts';
import type { PriceMatrix, WeightingContext } from '../types.ts';
import type { WeightingRecord } from './record.ts';
import { ruleWeighting, type WeightingRule } from './rule.ts';

/** A matrix of consecutive days from 2 Jan 2024 with the given closes per symbol. */
function matrix(closes: Readonly<Record<string, readonly number[]>>): PriceMatrix {
  const symbols = Object.keys(closes);
  const rows = closes[symbols[0]!]!.length;
  return {
    dates: Array.from({ length: rows }, (_, t) => `2024-01-${String(t + 2).padStart(2, '0')}`),
    symbols,
    closes: symbols.map((s) => Float64Array.from(closes[s]!)),
  };
}

/** The targets of `rule` on `row` and what it recorded. */
function at(m: PriceMatrix, rule: WeightingRule, row: number) {
  const records: WeightingRecord[] = [];
  const ctx: WeightingContext = {
    row,
    market: m,
    columns: rule.assets.map((a) => m.symbols.indexOf(a)),
    quantities: new Float64Array(rule.assets.length),
    cash: 0,
    report: (r) => records.push(r),
  };
  const weights = [...ruleWeighting(rule)(ctx)];
  return { weights, record: records[0]! };
}

describe('moving-average signal', () => {
  // Row 4 reads the closes of rows 1…3: A 10, 11, 12 (mean 11, last 12: 12/11 − 1 = +9.09 %,
  // on); B 22, 21, 18 (mean 61/3 = 20.333…, last 18: 18/20.333 − 1 = −11.48 %, off).
  const m = matrix({
    A: [10, 10, 11, 12, 1, 1],
    B: [20, 22, 21, 18, 99, 99],
    C: [50, 50, 50, 50, 50, 50],
  });

  it('an asset below its average gives its weight to cash; one above keeps it', () => {
    const rule: WeightingRule = {
      method: 'fixed',
      assets: ['A', 'B'],
      weights: [0.6, 0.4],
      tactical: { signal: 'moving-average', window: 3 },
    };
    const { weights, record } = at(m, rule, 4);
    expect(weights).toEqual([0.6, 0]);
    expect(record.signal!.state).toEqual({ A: 'on', B: 'off' });
    expect(record.signal!.values['A']).toBeCloseTo(12 / 11 - 1, 14);
    expect(record.signal!.values['B']).toBeCloseTo(18 / (61 / 3) - 1, 14);
  });

  it('to the riskOff asset when there is one (held at weight 0 otherwise)', () => {
    const rule: WeightingRule = {
      method: 'fixed',
      assets: ['A', 'B', 'C'],
      weights: [0.6, 0.4, 0],
      tactical: { signal: 'moving-average', window: 3, riskOff: 'C' },
    };
    expect(at(m, rule, 4).weights).toEqual([0.6, 0, 0.4]);
  });

  it('with signalAsset one signal switches every asset: B below its average takes A off too', () => {
    const rule: WeightingRule = {
      method: 'fixed',
      assets: ['A', 'B', 'C'],
      weights: [0.6, 0.4, 0],
      tactical: { signal: 'moving-average', window: 3, riskOff: 'C', signalAsset: 'B' },
    };
    const { weights, record } = at(m, rule, 4);
    expect(weights[0]).toBe(0);
    expect(weights[1]).toBe(0);
    expect(weights[2]).toBeCloseTo(1, 15);
    expect(record.signal!.state).toEqual({ A: 'off', B: 'off' });
  });

  it('without N + 1 closes before the row the weights are held and the record says why', () => {
    const rule: WeightingRule = {
      method: 'fixed',
      assets: ['A', 'B'],
      weights: [0.6, 0.4],
      tactical: { signal: 'moving-average', window: 3 },
    };
    const { weights, record } = at(m, rule, 3);
    expect(weights).toEqual([0.6, 0.4]);
    expect(record.signal!.skipped).toEqual({
      code: 'INSUFFICIENT_HISTORY',
      reason: 'moving-average needs 4 closes before 2024-01-05 (has 3)',
    });
  });
});

describe('dual-momentum signal', () => {
  // Row 3 reads rows 0 and 2 (window 2): A 100 → 110 (+10 %), B 100 → 105 (+5 %),
  // C 100 → 98 (−2 %), BOND 100 → 101 (+1 %) or → 106 (+6 %).
  const closes = {
    A: [100, 0, 110, 1],
    B: [100, 0, 105, 1],
    C: [100, 0, 98, 1],
  };

  it('holds the top 2 by momentum, each with half the risky gross exposure', () => {
    const rule: WeightingRule = {
      method: 'fixed',
      assets: ['A', 'B', 'C', 'BOND'],
      weights: [0.25, 0.25, 0.25, 0.25],
      tactical: { signal: 'dual-momentum', window: 2, top: 2, riskOff: 'BOND' },
    };
    const { weights, record } = at(matrix({ ...closes, BOND: [100, 0, 101, 1] }), rule, 3);
    // Gross of A, B, C = 0.75 → 0.375 each for A and B; BOND keeps its own 0.25.
    expect(weights).toEqual([0.375, 0.375, 0, 0.25]);
    expect(record.signal!.state).toEqual({ A: 'on', B: 'on', C: 'off' });
    expect(record.signal!.values['hurdle']).toBeCloseTo(0.01, 14);
  });

  it('a chosen asset that does not beat riskOff gives its share to it (absolute momentum)', () => {
    const rule: WeightingRule = {
      method: 'fixed',
      assets: ['A', 'B', 'C', 'BOND'],
      weights: [0.25, 0.25, 0.25, 0.25],
      tactical: { signal: 'dual-momentum', window: 2, top: 2, riskOff: 'BOND' },
    };
    const { weights, record } = at(matrix({ ...closes, BOND: [100, 0, 106, 1] }), rule, 3);
    // B (+5 %) is chosen but below BOND's +6 %: its 0.375 goes to BOND (0.25 + 0.375).
    expect(weights).toEqual([0.375, 0, 0, 0.625]);
    expect(record.signal!.state).toEqual({ A: 'on', B: 'off', C: 'off' });
  });

  it('without riskOff the hurdle is cash over the window: (1 + 3 %)^(2/252) − 1', () => {
    const rule: WeightingRule = {
      method: 'fixed',
      assets: ['A', 'B', 'C'],
      weights: [0.5, 0.5, 0.5],
      cashRateAnnual: 0.03,
      tactical: { signal: 'dual-momentum', window: 2, top: 1 },
    };
    const { weights, record } = at(matrix(closes), rule, 3);
    expect(weights).toEqual([1.5, 0, 0]);
    expect(record.signal!.values['hurdle']).toBeCloseTo(1.03 ** (2 / 252) - 1, 15);
  });
});

describe('regime signal', () => {
  /** Closes whose daily returns alternate ±`small` for `calm` rows, then ±`big`. */
  function path(calm: number, stressed: number, small: number, big: number): number[] {
    const c = [100];
    for (let t = 1; t <= calm + stressed; t++)
      c.push(c[t - 1]! * (1 + (t % 2 === 0 ? 1 : -1) * (t <= calm ? small : big)));
    return c;
  }

  it('scales by stressedScale after a jump in volatility and by calmScale after calm', () => {
    const rule = (signalAsset: string): WeightingRule => ({
      method: 'fixed',
      assets: ['S', 'Q', 'BOND'],
      weights: [0.5, 0.5, 0],
      tactical: {
        signal: 'regime',
        window: 60,
        riskOff: 'BOND',
        signalAsset,
        calmScale: 1,
        stressedScale: 0.4,
      },
    });
    // S: 40 returns of ±0.2 % then 21 of ±3 %: the last return is in the stressed state.
    // Q: 40 of ±3 % then 21 of ±0.2 %: calm at the end.
    const m = matrix({
      S: path(40, 21, 0.002, 0.03),
      Q: path(40, 21, 0.03, 0.002),
      BOND: Array.from({ length: 62 }, () => 100),
    });
    const stressed = at(m, rule('S'), 61);
    expect(stressed.record.signal!.state).toEqual({ portfolio: 'stressed' });
    expect(stressed.record.signal!.values['stressedProbability']).toBeGreaterThan(0.99);
    // 60 % of each risky weight goes to BOND: 0.5·0.4 = 0.2 each, BOND 0.6.
    expect(stressed.weights[0]).toBeCloseTo(0.2, 15);
    expect(stressed.weights[1]).toBeCloseTo(0.2, 15);
    expect(stressed.weights[2]).toBeCloseTo(0.6, 15);
    const calm = at(m, rule('Q'), 61);
    expect(calm.record.signal!.state).toEqual({ portfolio: 'calm' });
    expect(calm.weights).toEqual([0.5, 0.5, 0]);
  });

  it('a window that did not move is recorded as skipped, with the weights held', () => {
    const m = matrix({ S: Array.from({ length: 30 }, () => 100) });
    const { weights, record } = at(
      m,
      {
        method: 'fixed',
        assets: ['S'],
        weights: [1],
        tactical: { signal: 'regime', window: 20, calmScale: 2, stressedScale: 0 },
      },
      25,
    );
    expect(weights).toEqual([1]);
    expect(record.signal!.skipped!.code).toBe('INVALID_INPUT');
  });
});

describe('tactical rules refused', () => {
  const base = { method: 'fixed' as const, assets: ['A', 'B'], weights: [0.5, 0.5] };
  it.each([
    [{ signal: 'moving-average', window: 1 }, 'weighting.tactical.window'],
    [{ signal: 'regime', window: 10, calmScale: 1, stressedScale: 0 }, 'weighting.tactical.window'],
    [{ signal: 'moving-average', window: 5, riskOff: 'Z' }, 'weighting.tactical.riskOff'],
    [{ signal: 'dual-momentum', window: 5, top: 3 }, 'weighting.tactical.top'],
    [
      { signal: 'regime', window: 20, calmScale: -1, stressedScale: 0 },
      'weighting.tactical.calmScale',
    ],
  ] as const)('%j names %s', async (tactical, field) => {
    const error = await rejection(
      Promise.resolve().then(() => ruleWeighting({ ...base, tactical: tactical })),
    );
    expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { field } });
  });
});

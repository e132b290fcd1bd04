import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  reference,
  referenceMwr,
  weekdays,
  type Case,
  type Frequency,
} from '../../../test/helpers/reference-backtest.ts';
import { runStrategy } from './engine.ts';
import { summarizeRun } from './summary.ts';
import type { StrategySpec } from './types.ts';
import { fixedWeights } from './weighting.ts';

/**
 * The engine against the second implementation in test/helpers/reference-backtest.ts (plain
 * loops written from docs/backtest.md, sharing no code with the engine), and a TWR chained
 * here: on random strategies (weights summing up to 3.6, bands, costs, flows, cash rates) both
 * give the same values, costs, interest, rebalance dates, flows and returns.
 */

const frequency = fc.constantFrom<Frequency>('daily', 'weekly', 'monthly', 'quarterly', 'annual');

const caseArb = fc
  .record({
    assets: fc.integer({ min: 1, max: 3 }),
    rows: fc.integer({ min: 3, max: 60 }),
    gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 60, maxLength: 60 }),
    moves: fc.array(fc.double({ min: -0.04, max: 0.04, noNaN: true }), {
      minLength: 180,
      maxLength: 180,
    }),
    starts: fc.array(fc.double({ min: 5, max: 300, noNaN: true }), { minLength: 3, maxLength: 3 }),
    weights: fc.array(fc.double({ min: 0, max: 1.2, noNaN: true }), { minLength: 3, maxLength: 3 }),
    rebalance: fc.oneof(fc.constant<'never'>('never'), frequency),
    band: fc.option(
      fc.record({
        kind: fc.constantFrom<'absolute' | 'relative'>('absolute', 'relative'),
        width: fc.double({ min: 0.005, max: 0.3, noNaN: true }),
      }),
    ),
    k: fc.constantFrom(0, 0.0005, 0.003, 0.01),
    flow: fc.option(
      fc.record({
        amount: fc.oneof(
          fc.double({ min: 1, max: 3000, noNaN: true }),
          fc.double({ min: -3000, max: -1, noNaN: true }),
        ),
        every: frequency,
      }),
    ),
    initial: fc.double({ min: 1000, max: 100_000, noNaN: true }),
    rate: fc.double({ min: 0, max: 0.1, noNaN: true }),
    spread: fc.double({ min: 0, max: 0.05, noNaN: true }),
  })
  .map((r): Case => {
    const dates = weekdays(r.rows, r.gaps);
    const prices: number[][] = [];
    for (let i = 0; i < r.rows; i++)
      prices.push(
        Array.from({ length: r.assets }, (_, j) =>
          i === 0 ? r.starts[j]! : prices[i - 1]![j]! * (1 + r.moves[i * 3 + j]!),
        ),
      );
    return { ...r, dates, prices, weights: r.weights.slice(0, r.assets) };
  });

function spec(c: Case): StrategySpec {
  return {
    name: 'random',
    assets: c.weights.map((_, j) => `S${j}`),
    weighting: fixedWeights(c.weights),
    rebalance: c.rebalance,
    bands: c.band ?? undefined,
    costRate: c.k,
    flow: c.flow ? { amount: c.flow.amount, every: c.flow.every } : undefined,
    wholeShares: false,
  };
}

const close = (a: number, b: number, scale: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(scale));

describe('runStrategy against a plain-loop second implementation', () => {
  it('agrees on random strategies', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const market = {
          dates: c.dates,
          symbols: c.weights.map((_, j) => `S${j}`),
          closes: c.weights.map((_, j) => Float64Array.from(c.prices, (row) => row[j]!)),
        };
        const run = runStrategy(market, spec(c), {
          initial: c.initial,
          cashRate: c.rate,
          borrowSpread: c.spread,
        });
        const ref = reference(c);
        const scale = Math.max(c.initial, ...ref.values.map(Math.abs));
        ref.values.forEach((v, t) => expect(close(run.values[t]!, v, scale)).toBe(true));
        ref.flows.forEach((f, t) => expect(close(run.flows[t]!, f, scale)).toBe(true));
        expect(close(run.costs, ref.costs, scale)).toBe(true);
        expect(close(run.interest, ref.interest, scale)).toBe(true);
        expect(run.rebalanceRows).toEqual(ref.rebalances);
        expect(run.stopped?.row ?? null).toBe(ref.stopRow);

        const s = summarizeRun(run, { riskFreeRateAnnual: c.rate });
        const end = ref.stopRow ?? c.dates.length - 1;
        let growth = 1;
        for (let t = 1; t <= end; t++) {
          const base = t === 1 ? c.initial : ref.values[t - 1]!;
          growth *= Math.max(0, (ref.values[t]! - ref.flows[t]!) / base);
        }
        expect(Math.abs(s.twr - (growth - 1))).toBeLessThan(1e-9);
        if (ref.stopRow === null) {
          const mwr = referenceMwr(c, ref);
          if (mwr !== null && s.mwr !== null) expect(Math.abs(s.mwr - mwr)).toBeLessThan(1e-7);
        }
      }),
      { numRuns: 400 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reference, weekdays, type Case } from '../../../test/helpers/reference-backtest.ts';
import { runStrategy } from './engine.ts';
import type { PriceMatrix, StrategyRun, StrategySpec } from './types.ts';
import { fixedWeights } from './weighting.ts';

/**
 * The margin rule and the leverage modes on random strategies (docs/backtest.md, "Margin and
 * leverage modes"):
 * - with the rule off (and `fixed-ratio` said explicitly) the engine is unchanged: it agrees
 *   with the plain-loop second implementation test/helpers/reference-backtest.ts;
 * - with a rule, the book is rebuilt here from the trades and the values (plain loops, no engine
 *   code): every close before its trades is checked by hand, a call happens exactly on the rows
 *   whose equity / gross is below the maintenance, and each call ends at the initial ratio; up
 *   to the first call the run equals the reference;
 * - in `fixed-debt` mode the loan after every rebalance is the loan after the first purchase.
 */

const caseArb = (maxWeight: number, worstMove = -0.08) =>
  fc
    .record({
      assets: fc.integer({ min: 1, max: 3 }),
      rows: fc.integer({ min: 3, max: 50 }),
      gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 50, maxLength: 50 }),
      moves: fc.array(fc.double({ min: worstMove, max: 0.06, noNaN: true }), {
        minLength: 150,
        maxLength: 150,
      }),
      starts: fc.array(fc.double({ min: 5, max: 300, noNaN: true }), {
        minLength: 3,
        maxLength: 3,
      }),
      weights: fc.array(fc.double({ min: 0.1, max: maxWeight, noNaN: true }), {
        minLength: 3,
        maxLength: 3,
      }),
      rebalance: fc.constantFrom<Case['rebalance']>('never', 'daily', 'weekly', 'monthly'),
      k: fc.constantFrom(0, 0.0005, 0.003, 0.01),
      flow: fc.option(
        fc.record({
          amount: fc.oneof(
            fc.double({ min: 1, max: 2000, noNaN: true }),
            fc.double({ min: -500, max: -1, noNaN: true }),
          ),
          every: fc.constantFrom<'weekly' | 'monthly'>('weekly', 'monthly'),
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
      return { ...r, band: null, dates, prices, weights: r.weights.slice(0, r.assets) };
    });

function marketOf(c: Case): PriceMatrix {
  return {
    dates: c.dates,
    symbols: c.weights.map((_, j) => `S${j}`),
    closes: c.weights.map((_, j) => Float64Array.from(c.prices, (row) => row[j]!)),
  };
}

function specOf(c: Case, over: Partial<StrategySpec> = {}): StrategySpec {
  return {
    name: 'random',
    assets: c.weights.map((_, j) => `S${j}`),
    weighting: fixedWeights(c.weights),
    rebalance: c.rebalance,
    costRate: c.k,
    flow: c.flow ?? undefined,
    wholeShares: false,
    ...over,
  };
}

const settingsOf = (c: Case) => ({ initial: c.initial, cashRate: c.rate, borrowSpread: c.spread });

const close = (a: number, b: number, scale: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(scale));

/** The book rebuilt from a run: shares and cash after each row's trades. */
function rebuild(c: Case, run: StrategyRun): { q: number[][]; cash: number[] } {
  const q: number[][] = [];
  const cash: number[] = [];
  const held = c.weights.map(() => 0);
  let i = 0;
  for (let t = 0; t < c.dates.length; t++) {
    while (i < run.trades.length && run.trades[i]!.date === c.dates[t]) {
      const trade = run.trades[i++]!;
      held[Number(trade.symbol.slice(1))]! += trade.quantity;
    }
    q.push([...held]);
    cash.push(run.values[t]! - held.reduce((s, x, j) => s + x * c.prices[t]![j]!, 0));
  }
  return { q, cash };
}

describe('margin off: the engine is unchanged', () => {
  it('agrees with the reference implementation', () => {
    fc.assert(
      fc.property(caseArb(1.2), (c) => {
        const run = runStrategy(
          marketOf(c),
          specOf(c, { margin: undefined, leverageMode: 'fixed-ratio' }),
          settingsOf(c),
        );
        const ref = reference(c);
        const scale = Math.max(c.initial, ...ref.values.map(Math.abs));
        ref.values.forEach((v, t) => expect(close(run.values[t]!, v, scale)).toBe(true));
        expect(close(run.costs, ref.costs, scale)).toBe(true);
        expect(close(run.interest, ref.interest, scale)).toBe(true);
        expect(run.rebalanceRows).toEqual(ref.rebalances);
        expect(run.marginCalls).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});

describe('margin on: calls exactly where the ratio is below the maintenance', () => {
  it('checks every close by hand on random levered strategies', () => {
    // Gross weights between 1.5 and 1 / maintenance (the most the config allows).
    const arb = fc
      .record({
        c: caseArb(1, -0.12),
        maintenance: fc.double({ min: 0.15, max: 0.35, noNaN: true }),
        extra: fc.double({ min: 0, max: 0.3, noNaN: true }),
        reach: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ c, maintenance, extra, reach }) => {
        const sum = c.weights.reduce((s, w) => s + w, 0);
        const gross = 1.5 + reach * (1 / maintenance - 1.5);
        return {
          c: { ...c, weights: c.weights.map((w) => (w / sum) * gross) },
          maintenance,
          extra,
        };
      });
    let called = 0;
    fc.assert(
      fc.property(arb, ({ c, maintenance, extra }) => {
        const initial = Math.min(1, maintenance + extra);
        const run = runStrategy(
          marketOf(c),
          specOf(c, { margin: { maintenance, initial } }),
          settingsOf(c),
        );
        const { q, cash } = rebuild(c, run);
        const lend = (1 + c.rate) ** (1 / 252) - 1;
        const borrow = (1 + c.rate + c.spread) ** (1 / 252) - 1;
        const calls = new Map((run.marginCalls ?? []).map((m) => [m.row, m]));
        const end = run.stopped?.row ?? c.dates.length - 1;
        const scale = Math.max(c.initial, ...Array.from(run.values, Math.abs));
        for (let t = 1; t <= end; t++) {
          // The close before the row's trades: yesterday's shares, cash with a row of interest.
          const c0 = cash[t - 1]!;
          const cashBefore = c0 + c0 * (c0 >= 0 ? lend : borrow);
          const h = q[t - 1]!.map((x, j) => x * c.prices[t]![j]!);
          const g = h.reduce((s, x) => s + Math.abs(x), 0);
          const e = h.reduce((s, x) => s + x, 0) + cashBefore;
          const call = calls.get(t);
          if (e > 0 && g > 0 && e / g < maintenance * (1 - 1e-9)) {
            expect(call).toBeDefined();
            expect(close(call!.equityBefore, e, scale)).toBe(true);
            expect(close(call!.grossBefore, g, scale)).toBe(true);
            // After the sale: shares + sold, cash + proceeds − k |proceeds|.
            const after = h.map(
              (x, j) => x + (call!.sold.find((s) => s.symbol === `S${j}`)?.value ?? 0),
            );
            const proceeds = call!.sold.reduce((s, x) => s - x.value, 0);
            const cashAfter = cashBefore + proceeds - c.k * proceeds;
            const g2 = after.reduce((s, x) => s + Math.abs(x), 0);
            const e2 = after.reduce((s, x) => s + x, 0) + cashAfter;
            if (g2 > 0) expect(Math.abs(e2 / g2 - initial)).toBeLessThan(1e-9);
            else expect(run.stopped?.row).toBe(t);
          } else if (e / g > maintenance * (1 + 1e-9) || e <= 0) expect(call).toBeUndefined();
        }
        if (calls.size === 0) {
          const ref = reference(c);
          ref.values.forEach((v, t) => expect(close(run.values[t]!, v, scale)).toBe(true));
        } else {
          called++;
          const first = Math.min(...calls.keys());
          const ref = reference(c);
          for (let t = 0; t < first; t++)
            expect(close(run.values[t]!, ref.values[t]!, scale)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    // The cases must reach the rule, or the test would prove nothing.
    expect(called).toBeGreaterThan(5);
  });
});

describe('fixed-debt: the loan after every rebalance is the first one', () => {
  it('holds on random levered strategies with costs, interest and flows', () => {
    fc.assert(
      fc.property(caseArb(1.2), (c) => {
        const gross = c.weights.reduce((s, w) => s + w, 0);
        fc.pre(gross > 1.05);
        const run = runStrategy(
          marketOf(c),
          specOf(c, { leverageMode: 'fixed-debt' }),
          settingsOf(c),
        );
        const { cash } = rebuild(c, run);
        // The first purchase: V′ = initial / (1 + kΣw), the loan V′ (Σw − 1).
        const d = (c.initial / (1 + c.k * gross)) * (gross - 1);
        expect(close(-cash[0]!, d, c.initial)).toBe(true);
        const end = run.stopped?.row ?? c.dates.length;
        const scale = Math.max(c.initial, ...Array.from(run.values, Math.abs));
        for (const t of run.rebalanceRows)
          if (t < end) expect(close(-cash[t]!, d, scale)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

import { threeMadeUpCloses } from '../../test/helpers/made-up-closes.ts';
import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import type { BacktestConfigInput } from '../data/backtest/backtest-config.ts';
import { backtest, type BacktestStrategyDocument } from './backtest.ts';
import { backtestConfigSchema, toBacktestConfig } from '../data/backtest/backtest-config.ts';
import { autoThreads, backtestSweep, type BacktestSweepVariant } from './backtest-sweep.ts';
import type { SweepVariant } from './backtest-sweep-grid.ts';

/**
 * What sweeps used to refuse — `optimize` weightings, dividends on unadjusted closes, exposure
 * targets mapped to funds — swept on one thread and on two, each variant checked against a
 * plain `backtest` of that variant's config written out by hand (docs/backtest.md, "Sweeps").
 */

const opened: { close(): Promise<void> }[] = [];
const deps = () => {
  const d = testDeps();
  opened.push(d);
  return d;
};
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});

type Strategy = Record<string, unknown>;

/** A sweep of `base` on `threads`, every variant's full document. */
const sweepOf = (base: BacktestConfigInput, axes: string[], threads: number) =>
  backtestSweep({ config: base, sweep: axes, full: true, threads }, deps());

/** The single backtest of `base` with its one strategy replaced by the variant's, named so. */
async function single(base: BacktestConfigInput, name: string, strategy: Strategy) {
  const doc = await backtest({ config: { ...base, strategies: [{ ...strategy, name }] } }, deps());
  return { strategy: doc.strategies[0]!, benchmark: doc.benchmark };
}

/** Every figure the sweep gives of a variant equals the single backtest's. */
function expectSame(v: BacktestSweepVariant, s: BacktestStrategyDocument): void {
  expect(v.finalValue, v.name).toBe(s.finalValue);
  expect(v.twr).toBe(s.twr);
  expect(v.twrAnnualized).toBe(s.twrAnnualized);
  expect(v.mwr).toBe(s.mwr);
  expect(v.metrics).toEqual(s.metrics);
  expect(v.costs).toBe(s.costs);
  expect(v.interest).toBe(s.interest);
  expect(v.rebalanceCount).toBe(s.rebalances.length);
  expect(v.values).toEqual(s.values);
  expect(v.trades).toEqual(s.trades);
  expect(v.dividends).toEqual(s.dividends);
  expect(v.exposureTargets).toEqual(s.exposureTargets);
  expect(v.simulated).toEqual(s.simulated);
}

/** Runs the sweep on 1 and on 2 threads and checks every variant against its single run. */
async function checkSweep(
  base: BacktestConfigInput,
  axes: string[],
  variants: readonly { name: string; strategy: Strategy }[],
) {
  const one = await sweepOf(base, axes, 1);
  const two = await sweepOf(base, axes, 2);
  expect(one.threads).toBe(1);
  expect(two.threads).toBe(2);
  expect(one.total).toBe(variants.length);
  expect(two.variants).toEqual(one.variants);
  expect(two.benchmark).toEqual(one.benchmark);
  for (const { name, strategy } of variants) {
    const { strategy: s, benchmark } = await single(base, name, strategy);
    const v = one.variants.find((x) => x.name === name);
    expect(v, name).toBeDefined();
    expectSame(v!, s);
    if (benchmark) {
      expect(one.benchmark!.finalValue).toBe(benchmark.finalValue);
      expect(one.benchmark!.twr).toBe(benchmark.twr);
    }
  }
  return one;
}

describe('sweeps of what a backtest runs beyond fixed weights', () => {
  it('optimize weightings: HiGHS objectives (min-cvar) and dense ones (min-variance)', async () => {
    const base: BacktestConfigInput = {
      prices: { text: threeMadeUpCloses(), name: 'p.csv' },
      initial: 10_000,
      cash: { rate: 0.02 },
      strategies: [
        {
          name: 'opt',
          weights: { A: 0.5, B: 0.5 },
          rebalance: 'monthly',
          weighting: { method: 'optimize', lookback: 40, objective: 'min-variance' },
        },
      ],
      benchmark: 'M',
    };
    const variants = ['min-variance', 'min-cvar'].flatMap((objective) =>
      [0, 10].map((costBps) => ({
        name: `opt [weighting.objective=${objective}, costBps=${costBps}]`,
        strategy: {
          weights: { A: 0.5, B: 0.5 },
          rebalance: 'monthly',
          weighting: { method: 'optimize', lookback: 40, objective },
          costBps,
        },
      })),
    );
    const doc = await checkSweep(
      base,
      ['weighting.objective=min-variance,min-cvar', 'costBps=0,10'],
      variants,
    );
    // The objectives differ, so the optimiser ran (a fallback would give equal weights).
    const byObjective = (o: string) =>
      doc.variants.find((v) => v.name === `opt [weighting.objective=${o}, costBps=0]`)!;
    expect(byObjective('min-cvar').finalValue).not.toBe(byObjective('min-variance').finalValue);
  });

  it('unadjusted closes with dividends, each variant paid with its own policy and taxed', async () => {
    // Taxed: the dividends and the gains are taxed at each year end (docs/backtest.md, "Taxes").
    const TAX = { rates: { shortTerm: 0.35, longTerm: 0.15 }, dividends: 'ordinary' as const };
    // Made-up dividends: A pays 1.5 per share three times, M (the benchmark) twice.
    const dividends = [
      'date,symbol,amount',
      '2023-03-15,A,1.5',
      '2023-06-15,A,1.5',
      '2023-09-15,A,1.5',
      '2023-05-01,M,0.2',
      '2023-10-02,M,0.2',
    ].join('\n');
    const base: BacktestConfigInput = {
      prices: { text: threeMadeUpCloses(), name: 'p.csv' },
      unadjusted: true,
      dividends: { text: dividends, name: 'd.csv' },
      initial: 10_000,
      cash: { rate: 0.03 },
      strategies: [{ name: 'div', weights: { A: 0.7, B: 0.3 }, rebalance: 'quarterly', tax: TAX }],
      benchmark: 'M',
    };
    const variants = (['cash', 'reinvest'] as const).flatMap((policy) =>
      [0, 25].map((costBps) => ({
        name: `div [dividends=${policy}, costBps=${costBps}]`,
        strategy: {
          weights: { A: 0.7, B: 0.3 },
          rebalance: 'quarterly',
          dividends: policy,
          costBps,
          tax: TAX,
        },
      })),
    );
    const doc = await checkSweep(base, ['dividends=cash,reinvest', 'costBps=0,25'], variants);
    const cash = doc.variants.find((v) => v.name === 'div [dividends=cash, costBps=0]')!;
    expect(cash.dividends!.policy).toBe('cash');
    expect(cash.dividends!.received).toBeGreaterThan(0);
  });

  it('exposure targets mapped to funds, per distinct mapping', async () => {
    const fund = (symbol: string, exposures: string) =>
      `  ${symbol}:\n    name: ${symbol} fund\n    category: Test\n    exposures: ${exposures}\n    provenance: test\n    validatedBy: null\n`;
    // A stacked fund ($1 equity + $1 Treasuries per $1) and a pure equity fund.
    const funds = `funds:\n${fund('STACK', '{ us_large_equity: 1.0, broad_ust: 1.0 }')}${fund('EQ', '{ us_large_equity: 1.0 }')}`;
    const base: BacktestConfigInput = {
      prices: { text: threeMadeUpCloses('date,EQ,STACK,M'), name: 'p.csv' },
      initial: 10_000,
      cash: { rate: 0.02, borrowSpread: 0.01 },
      funds: { text: funds, name: 'funds.yaml' },
      strategies: [
        {
          name: 'mapped',
          exposures: { us_large_equity: 1.5, broad_ust: 1.0 },
          funds: ['STACK', 'EQ'],
          rebalance: 'monthly',
        },
      ],
      benchmark: 'M',
    };
    const variants = [1.2, 1.5].flatMap((equity) =>
      [0, 10].map((costBps) => ({
        name: `mapped [exposures.us_large_equity=${equity}, costBps=${costBps}]`,
        strategy: {
          exposures: { us_large_equity: equity, broad_ust: 1.0 },
          funds: ['STACK', 'EQ'],
          rebalance: 'monthly',
          costBps,
        },
      })),
    );
    const doc = await checkSweep(
      base,
      ['exposures.us_large_equity=1.2,1.5', 'costBps=0,10'],
      variants,
    );
    // 1.5 equity + 1.0 Treasuries: STACK 1.0 + EQ 0.5 (by hand, backtest-exposures.test.ts);
    // 1.2: STACK 1.0 + EQ 0.2.
    const at = (e: number) =>
      doc.variants.find((v) => v.name === `mapped [exposures.us_large_equity=${e}, costBps=0]`)!;
    expect(at(1.5).exposureTargets!.funds.EQ).toBeCloseTo(0.5, 9);
    expect(at(1.2).exposureTargets!.funds.EQ).toBeCloseTo(0.2, 9);
    expect(at(1.2).exposureTargets!.funds.STACK).toBeCloseTo(1.0, 9);
  });

  it('simulated funds: the variants hold the simulated closes and say so', async () => {
    // The fixture of backtest-funds.test.ts: UPRO (3 × us_large_equity in config/funds.yaml)
    // is simulated from SPY before its first close on 2024-01-05.
    const base: BacktestConfigInput = {
      prices: {
        text: [
          'date,SPY,UPRO',
          '2024-01-02,100,',
          '2024-01-03,102,',
          '2024-01-04,99.96,',
          '2024-01-05,101.9592,30',
          '2024-01-08,103,30.9',
        ].join('\n'),
        name: 'p.csv',
      },
      initial: 1000,
      cash: { rate: 0.03 },
      simulate: { UPRO: { expenseRatio: 0.0091, financingSpread: 0.004 } },
      proxies: { us_large_equity: 'SPY' },
      strategies: [{ name: '3x', weights: { UPRO: 0.5, SPY: 0.5 }, rebalance: 'daily' }],
    };
    const variants = [0, 20].map((costBps) => ({
      name: `3x [costBps=${costBps}]`,
      strategy: { weights: { UPRO: 0.5, SPY: 0.5 }, rebalance: 'daily', costBps },
    }));
    const doc = await checkSweep(base, ['costBps=0,20'], variants);
    expect(doc.variants[0]!.simulated).toEqual([
      { symbol: 'UPRO', from: '2024-01-02', to: '2024-01-04' },
    ]);
  });

  it('names the variant whose mapped weights break a rule of the config', async () => {
    const fund = `funds:\n  EQ:\n    name: EQ fund\n    category: Test\n    exposures: { us_large_equity: 1.0 }\n    provenance: test\n    validatedBy: null\n`;
    const base: BacktestConfigInput = {
      prices: { text: threeMadeUpCloses('date,EQ,B,M'), name: 'p.csv' },
      funds: { text: fund, name: 'funds.yaml' },
      strategies: [{ name: 'm', exposures: { us_large_equity: 1 }, funds: ['EQ'] }],
    };
    // leverageMode fixed-debt needs mapped weights summing above 1; EQ maps to exactly 1.
    const error = await rejection(
      backtestSweep(
        { config: base, sweep: ['leverageMode=fixed-ratio,fixed-debt'], threads: 1 },
        deps(),
      ),
    );
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      details: {
        field: 'sweep',
        variant: 'm [leverageMode=fixed-debt]',
        configField: 'strategies[0].exposures',
      },
    });
    expect(error.message).toMatch(
      /^sweep: the variant m \[leverageMode=fixed-debt\]: strategies\[0\]\.exposures: fixed-debt needs mapped weights summing above 1/,
    );
  });

  it('counts the solves of a weighting when it chooses the threads', () => {
    const variant = (weighting?: Record<string, unknown>): SweepVariant => {
      const weights = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`S${i}`, 0.05]));
      const config = toBacktestConfig(
        backtestConfigSchema.parse({
          prices: 'unused.csv',
          strategies: [{ name: 'x', weights, rebalance: 'monthly', weighting }],
        }),
        process.cwd(),
      );
      const cash = { rate: 0, borrowSpread: 0 };
      return {
        name: 'x',
        strategy: 'x',
        strategyIndex: 0,
        params: {},
        config: config.strategies[0]!,
        initial: 1,
        cash,
      };
    };
    // 5,040 rows × 20 assets: the engine's 5,040 × (20 + 30) × 25 ns = 6.3 ms a variant.
    // min-cvar, L = 252, monthly: 240 solves × 250 × 252 × 20 ns = 302.4 ms more; four
    // variants ≈ 1.23 s > 1 s: every core. min-variance: 240 × 252 × 20² ns = 24.2 ms more;
    // four ≈ 0.12 s: this thread, as four fixed-weight variants (25 ms).
    const four = (w?: Record<string, unknown>) => Array.from({ length: 4 }, () => variant(w));
    const cvar = { method: 'optimize', lookback: 252, objective: 'min-cvar' };
    const minVar = { method: 'optimize', lookback: 252, objective: 'min-variance' };
    expect(autoThreads(5040, four(cvar))).toBe(Math.max(1, Math.min(8, availableParallelism())));
    expect(autoThreads(5040, four(minVar))).toBe(1);
    expect(autoThreads(5040, four())).toBe(1);
  });
});

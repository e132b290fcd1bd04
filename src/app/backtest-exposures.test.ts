import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import type { BacktestConfigInput } from '../data/backtest/backtest-config.ts';
import { backtest } from './backtest.ts';

/**
 * Exposure targets mapped to funds before the run (docs/backtest.md, "Exposure targets").
 * Every expected weight, exposure and residual is worked out by hand in the test.
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

const fund = (symbol: string, exposures: string) =>
  `  ${symbol}:\n    name: ${symbol} fund\n    category: Test\n    exposures: ${exposures}\n    provenance: test\n    validatedBy: null\n`;
// An RSSB-like stacked fund ($1 equity + $1 Treasuries per $1) and a pure equity fund.
const FUNDS = `funds:\n${fund('STACK', '{ us_large_equity: 1.0, broad_ust: 1.0 }')}${fund('EQ', '{ us_large_equity: 1.0 }')}`;

const PRICES = ['date,STACK,EQ,UPRO', '2024-01-02,100,50,20', '2024-01-03,110,45,22'].join('\n');

const config = (strategy: Record<string, unknown>, over: Partial<BacktestConfigInput> = {}) =>
  ({
    prices: { text: PRICES, name: 'p.csv' },
    initial: 1000,
    funds: { text: FUNDS, name: 'funds.yaml' },
    strategies: [{ name: 'mapped', ...strategy }],
    ...over,
  }) as BacktestConfigInput;

describe('backtest with exposure targets', () => {
  it('maps {equity 1.5, treasuries 1.0} to STACK 1.0 + EQ 0.5 exactly and runs those weights', async () => {
    const doc = await backtest(
      {
        config: config({
          exposures: { us_large_equity: 1.5, broad_ust: 1.0 },
          funds: ['stack', 'EQ'],
        }),
      },
      deps(),
    );
    const s = doc.strategies[0]!;
    // Treasuries come only from STACK: w_STACK = 1.0; equity 1.0 × 1.0 + w_EQ = 1.5: w_EQ = 0.5.
    expect(s.exposureTargets!.targets).toEqual({ us_large_equity: 1.5, broad_ust: 1.0 });
    expect(s.exposureTargets!.funds.STACK).toBeCloseTo(1.0, 9);
    expect(s.exposureTargets!.funds.EQ).toBeCloseTo(0.5, 9);
    expect(s.exposureTargets!.achieved.us_large_equity).toBeCloseTo(1.5, 9);
    expect(s.exposureTargets!.achieved.broad_ust).toBeCloseTo(1.0, 9);
    expect(s.exposureTargets!.residual).toBeCloseTo(0, 9);
    // $1000: 10 STACK at 100, 10 EQ at 50, cash −500 (rate 0). Next close:
    // 10 × 110 + 10 × 45 − 500 = 1050.
    expect(s.values.map((v) => v.value)).toEqual([1000, 1050]);
    expect(s.trades.map((t) => [t.symbol, t.quantity])).toEqual([
      ['STACK', expect.closeTo(10, 9)],
      ['EQ', expect.closeTo(10, 9)],
    ]);
  });

  it('reports the residual of a target the funds cannot reach', async () => {
    // Equity 0.5 with Treasuries 1.0: STACK alone gives equal amounts and EQ cannot be
    // shorted. min over a ≥ 0 of (a − 0.5)² + (a − 1)² is at a = 0.75 (EQ = 0: the gradient
    // in EQ, 2(0.75 − 0.5) = 0.5, is > 0); residual √(0.25² + 0.25²) = √0.125.
    const doc = await backtest(
      {
        config: config({
          exposures: { us_large_equity: 0.5, broad_ust: 1.0 },
          funds: ['STACK', 'EQ'],
        }),
      },
      deps(),
    );
    const e = doc.strategies[0]!.exposureTargets!;
    expect(e.funds.STACK).toBeCloseTo(0.75, 7);
    expect(e.funds.EQ).toBeCloseTo(0, 7);
    expect(e.achieved.us_large_equity).toBeCloseTo(0.75, 7);
    expect(e.achieved.broad_ust).toBeCloseTo(0.75, 7);
    expect(e.residual).toBeCloseTo(Math.sqrt(0.125), 7);
  });

  it('reads the shipped config/funds.yaml when the config has no funds source', async () => {
    // config/funds.yaml: UPRO carries 3.0 us_large_equity per $1, so 1.5 needs 0.5 of UPRO.
    const doc = await backtest(
      {
        config: config(
          { exposures: { us_large_equity: 1.5 }, funds: ['UPRO'] },
          { funds: undefined },
        ),
      },
      deps(),
    );
    const e = doc.strategies[0]!.exposureTargets!;
    expect(e.funds.UPRO).toBeCloseTo(0.5, 9);
    expect(e.residual).toBeCloseTo(0, 9);
    // 25 UPRO at 20 and $500 cash: 25 × 22 + 500 = 1050.
    expect(doc.strategies[0]!.finalValue).toBe(1050);
  });

  it('names the field of a fund without a definition, an exposure no fund carries, and weights with exposures', async () => {
    const noDef = await rejection(
      backtest(
        { config: config({ exposures: { us_large_equity: 1 }, funds: ['STACK', 'NOPE'] }) },
        deps(),
      ),
    );
    expect(noDef.code).toBe('INVALID_INPUT');
    expect(noDef.details).toMatchObject({ field: 'strategies[0].funds[1]', value: 'NOPE' });
    expect(noDef.message).toContain('no definition of NOPE in funds.yaml');

    const uncarried = await rejection(
      backtest({ config: config({ exposures: { gold: 1 }, funds: ['STACK', 'EQ'] }) }, deps()),
    );
    expect(uncarried.code).toBe('INVALID_INPUT');
    expect(uncarried.details).toMatchObject({ field: 'strategies[0].exposures.gold', value: 1 });
    expect(uncarried.message).toContain('no fund of STACK, EQ carries gold');

    const both = await rejection(
      backtest(
        {
          config: config({
            weights: { STACK: 1 },
            exposures: { us_large_equity: 1 },
            funds: ['STACK'],
          }),
        },
        deps(),
      ),
    );
    expect(both.code).toBe('INVALID_INPUT');
    expect(both.message).toContain('strategies[0].exposures');
    expect(both.message).toContain('not both');

    const noFunds = await rejection(
      backtest({ config: config({ exposures: { us_large_equity: 1 } }) }, deps()),
    );
    expect(noFunds.message).toContain('strategies[0].funds');

    const neither = await rejection(backtest({ config: config({}) }, deps()));
    expect(neither.message).toContain('strategies[0].weights');
  });

  it('refuses mapped weights the strategy rules forbid, naming exposures', async () => {
    // STACK 1.0 + EQ 0.5 sums to 1.5: a maintenance of 0.8 starts below it (1.5 × 0.8 > 1).
    const margin = await rejection(
      backtest(
        {
          config: config({
            exposures: { us_large_equity: 1.5, broad_ust: 1.0 },
            funds: ['STACK', 'EQ'],
            margin: { maintenance: 0.8 },
          }),
        },
        deps(),
      ),
    );
    expect(margin.code).toBe('INVALID_INPUT');
    expect(margin.details).toMatchObject({ field: 'strategies[0].exposures' });
  });
});

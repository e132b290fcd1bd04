import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import type { BacktestConfigInput } from '../data/backtest/backtest-config.ts';
import { WEIGHTING_OBJECTIVES } from '../data/backtest/weighting-config.ts';
import { backtest } from './backtest.ts';
import { OBJECTIVE_NAMES } from './optimize-input.ts';

const opened: { close(): Promise<void> }[] = [];
const deps = () => {
  const d = testDeps();
  opened.push(d);
  return d;
};
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});

/**
 * Weekdays of January to March 2024 (23 + 21 + 21 = 65 rows; month ends 31 Jan = row 22, 29 Feb = row 43,
 * 29 Mar the final row). A zig-zags −1 %, +1 %; B −3 %, +3 %, in step: every daily return
 * of B is 3 times A's, so σB = 3σA on any window and inverse volatility is
 * wA = (1/σA) / (1/σA + 1/(3σA)) = 3/4, wB = 1/4.
 */
function prices(): string {
  const lines = ['date,A,B'];
  let a = 100;
  let b = 100;
  let t = 0;
  for (
    let d = new Date(Date.UTC(2024, 0, 1));
    d.getUTCMonth() < 3;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
    if (t > 0) {
      const up = t % 2 === 0;
      a *= up ? 1.01 : 0.99;
      b *= up ? 1.03 : 0.97;
    }
    lines.push(`${d.toISOString().slice(0, 10)},${a},${b}`);
    t++;
  }
  return lines.join('\n');
}

const config = (strategies: BacktestConfigInput['strategies']): BacktestConfigInput => ({
  prices: { text: prices(), name: 'p.csv' },
  initial: 1000,
  strategies,
});

describe('backtest with weightings', () => {
  it('inverse volatility: the log, the fallback of the first row and its warning', async () => {
    const doc = await backtest(
      {
        config: config([
          {
            name: 'iv',
            weights: { a: 0.5, b: 0.5 },
            rebalance: 'monthly',
            weighting: { method: 'inverse-vol', lookback: 10 },
          },
        ]),
      },
      deps(),
    );
    const [iv] = doc.strategies;
    expect(doc.window.rows).toBe(65);
    expect(iv!.rebalances).toEqual(['2024-01-31', '2024-02-29']);
    expect(iv!.weighting).toEqual({
      method: 'inverse-vol',
      lookback: 10,
      covariance: 'sample',
      fallback: 'weights',
      fallbacks: 1,
    });
    const log = iv!.weightingLog!;
    expect(log.map((r) => r.date)).toEqual(['2024-01-01', '2024-01-31', '2024-02-29']);
    expect(log[0]).toEqual({
      date: '2024-01-01',
      method: 'inverse-vol',
      weights: { A: 0.5, B: 0.5 },
      fallback: {
        code: 'INSUFFICIENT_HISTORY',
        reason: '0 of the 10 daily returns needed before 2024-01-01',
        used: 'weights',
      },
    });
    for (const r of log.slice(1)) {
      expect(r.weights.A).toBeCloseTo(0.75, 9);
      expect(r.weights.B).toBeCloseTo(0.25, 9);
      expect(r.fallback).toBeUndefined();
    }
    const w = doc.warnings.find((x) => x.code === 'REBALANCE_FALLBACK');
    expect(w?.details).toEqual({
      strategy: 'iv',
      fallbacks: 1,
      rows: 3,
      codes: { INSUFFICIENT_HISTORY: 1 },
      used: 'weights',
      first: '2024-01-01',
      last: '2024-01-01',
    });
  });

  it('an infeasible optimisation on every rebalance is recorded with the fallback used', async () => {
    const doc = await backtest(
      {
        config: config([
          {
            name: 'opt',
            weights: { a: 1, b: 0 },
            rebalance: 'monthly',
            weighting: {
              method: 'optimize',
              lookback: 10,
              objective: { kind: 'efficient-return', targetReturnAnnual: 50 },
              fallback: 'equal',
            },
          },
          { name: 'fixed', weights: { a: 1 } },
        ]),
      },
      deps(),
    );
    const [opt, fixed] = doc.strategies;
    // A 5 000 % return target is beyond either asset's window mean.
    expect(opt!.weightingLog!.map((r) => r.fallback?.code)).toEqual([
      'INSUFFICIENT_HISTORY',
      'INFEASIBLE',
      'INFEASIBLE',
    ]);
    for (const r of opt!.weightingLog!) expect(r.weights).toEqual({ A: 0.5, B: 0.5 });
    expect(opt!.weighting!.fallbacks).toBe(3);
    expect(fixed!.weighting).toBeUndefined();
    expect(fixed!.weightingLog).toBeUndefined();
    const warned = doc.warnings.filter((x) => x.code === 'REBALANCE_FALLBACK');
    expect(warned.map((x) => x.details.strategy)).toEqual(['opt']);
    expect(warned[0]!.message).toContain('INFEASIBLE ×2');
  });

  it('a bad weighting is INVALID_INPUT naming the field', async () => {
    const e = await rejection(
      backtest(
        {
          config: config([
            { name: 'x', weights: { a: 1 }, weighting: { method: 'optimize', lookback: 10 } },
          ]),
        },
        deps(),
      ),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('strategies[0].weighting.objective');
  });

  it('takes exactly the objectives of optimize', () => {
    expect([...WEIGHTING_OBJECTIVES].sort()).toEqual([...OBJECTIVE_NAMES].sort());
  });
});

import { describe, expect, it } from 'vitest';
import { loadHighs } from '../core/solvers/highs.ts';
import { backtestConfigSchema, toBacktestConfig } from '../data/backtest/backtest-config.ts';
import type { PriceMatrix } from '../domain/backtest/types.ts';
import { addDays } from '../domain/calendar/iso-date.ts';
import { runSweepJobs, runSweepJobsLazily, type SweepJob } from './backtest-sweep-run.ts';

/**
 * HiGHS on a sweep's thread: loaded only when a job's `optimize` weighting touches it, once, and
 * never silently replaced by a fallback. The tests run in this order on purpose: the runtime a
 * thread loads is kept for its later jobs.
 */

// 60 rows of two made-up closes from a fixed linear congruential sequence (no randomness):
// A swings ±3 % a day, B ±1 %.
let state = 7;
const next = (): number => {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  return state / 2 ** 31 - 0.5;
};
const rows = 60;
const level = [100, 50];
const closes = [new Float64Array(rows), new Float64Array(rows)];
for (let t = 0; t < rows; t++) {
  if (t > 0) {
    level[0] = level[0]! * (1 + 0.06 * next());
    level[1] = level[1]! * (1 + 0.02 * next());
  }
  closes[0]![t] = level[0]!;
  closes[1]![t] = level[1]!;
}
const market: PriceMatrix = {
  dates: Array.from({ length: rows }, (_, t) => addDays('2024-01-01', t)),
  symbols: ['A', 'B'],
  closes,
};

const job = (objective: string): SweepJob => {
  const config = toBacktestConfig(
    backtestConfigSchema.parse({
      prices: 'unused.csv',
      strategies: [
        {
          name: objective,
          weights: { A: 0.5, B: 0.5 },
          rebalance: 'weekly',
          weighting: { method: 'optimize', lookback: 10, objective },
        },
      ],
    }),
    process.cwd(),
  );
  return {
    config: config.strategies[0]!,
    settings: { initial: 1000, cashRate: 0, borrowSpread: 0 },
  };
};
const context = { full: false };

describe('HiGHS on a sweep thread', () => {
  it('is not loaded for objectives that do not touch it, and a job that needs it fails loudly without it', async () => {
    let loads = 0;
    const load = () => {
      loads++;
      return loadHighs();
    };
    const dense = await runSweepJobsLazily(market, context, { jobs: [job('min-variance')], load });
    expect(loads).toBe(0);
    expect(dense[0]!.row).toEqual(runSweepJobs(market, context, [job('min-variance')])[0]!.row);
    expect(() => runSweepJobs(market, context, [job('min-cvar')])).toThrow(
      /sweep: min-cvar needs HiGHS, which this thread has not loaded/,
    );
  });

  it('is loaded once, on the first job that touches it, and gives what a loaded runtime gives', async () => {
    let loads = 0;
    const load = () => {
      loads++;
      return loadHighs();
    };
    const jobs = [job('min-variance'), job('min-cvar'), job('min-cvar')];
    const lazy = await runSweepJobsLazily(market, context, { jobs, load });
    expect(loads).toBe(1);
    // This thread now has the runtime: the plain runner uses it.
    const loaded = runSweepJobs(market, context, jobs);
    expect(lazy.map((o) => o.row)).toEqual(loaded.map((o) => o.row));
    // The optimiser ran: min-cvar's weights differ from min-variance's (a fallback would not).
    expect(lazy[1]!.row.finalValue).not.toBe(lazy[0]!.row.finalValue);
  });
});

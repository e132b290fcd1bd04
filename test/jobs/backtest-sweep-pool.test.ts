import { afterEach, describe, expect, it } from 'vitest';
import type { BacktestStrategyConfig } from '../../src/data/backtest/backtest-config.ts';
import {
  marketOf,
  runSweepJobs,
  shareMarket,
  type SweepJob,
} from '../../src/app/backtest-sweep-run.ts';
import { runSweepOnThreads } from '../../src/jobs/backtest-sweep-pool.ts';
import { backtestSweep } from '../../src/app/backtest-sweep.ts';
import { createApi } from '../../src/api/app.ts';
import { startRunService, type RunService } from '../../src/jobs/run-service.ts';
import { testDeps } from '../helpers/app-deps.ts';

/** A buy-and-hold of A from 100: +10 %, −10 %, +10 % (so 1,000 → 1,100 → 990 → 1,089). */
const market = {
  dates: ['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-29'],
  symbols: ['A', 'B'],
  closes: [Float64Array.from([100, 110, 99, 108.9]), Float64Array.from([50, 50, 50, 50])],
};

const strategy = (name: string, weights: Record<string, number>): BacktestStrategyConfig => ({
  name,
  weights: new Map(Object.entries(weights)),
  weightKeys: new Map(Object.keys(weights).map((k) => [k, k])),
  rebalance: 'never',
  costBps: 0,
  wholeShares: false,
  leverageMode: 'fixed-ratio',
});
const job = (name: string, weights: Record<string, number>): SweepJob => ({
  config: strategy(name, weights),
  settings: { initial: 1000, cashRate: 0, borrowSpread: 0 },
});

describe('the sweep threads', () => {
  it('share the closes in one buffer, read in place', () => {
    const shared = shareMarket(market);
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.buffer.byteLength).toBe(4 * 2 * 8);
    const view = marketOf(shared);
    expect(view.closes.map((c) => [...c])).toEqual(market.closes.map((c) => [...c]));
    expect(view.closes[1]!.buffer).toBe(shared.buffer);
  });

  it('run chunks on workers with the outcomes of this thread, in chunk order', async () => {
    const chunks = [
      [job('A', { A: 1 }), job('B', { B: 1 })],
      [job('half', { A: 0.5 })],
      [job('both', { A: 0.5, B: 0.5 })],
    ];
    const context = { market: shareMarket(market), full: true };
    const ticks: number[] = [];
    const result = await runSweepOnThreads(context, chunks, {
      threads: 2,
      onChunk: (n) => ticks.push(n),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const here = chunks.map((c) => runSweepJobs(market, { full: true }, c));
    expect(result.chunks).toEqual(here);
    // By hand: A held, 1,089; B flat, 1,000; half in A, half cash: 500 × 1.089 + 500 = 1,044.5.
    expect(result.chunks.flat().map((o) => o.row.finalValue)).toEqual([1089, 1000, 1044.5, 1044.5]);
    expect(ticks.sort()).toEqual([1, 1, 2]);
  });

  it('answer a failed job with its code and message, and stop on what onChunk throws', async () => {
    const context = { market: shareMarket(market), full: false };
    const failed = await runSweepOnThreads(context, [[job('C', { C: 1 })]], { threads: 1 });
    expect(failed).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'assets: not a column of the prices (A, B) (got "C")',
        details: { field: 'assets', value: 'C' },
      },
    });
    const stop = new Error('cancelled');
    await expect(
      runSweepOnThreads(context, [[job('A', { A: 1 })], [job('B', { B: 1 })]], {
        threads: 1,
        onChunk: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
    expect(await runSweepOnThreads(context, [], { threads: 2 })).toEqual({ ok: true, chunks: [] });
  });
});

describe('a backtest-sweep run (the job queue)', () => {
  let deps: ReturnType<typeof testDeps>;
  let service: RunService | undefined;
  afterEach(async () => {
    await service?.close();
    service = undefined;
    await deps.close();
  });

  const config = {
    prices: {
      text: ['date,A,B', ...market.dates.map((d, t) => `${d},${market.closes[0]![t]},50`)].join(
        '\n',
      ),
      name: 'p.csv',
    },
    initial: 1000,
    strategies: [{ name: 'mix', weights: { A: 0.5, B: 0.5 } }],
  };

  it('runs the sweep as a job: the same document as the use case', async () => {
    deps = testDeps({ offline: true });
    service = await startRunService(deps, { progressIntervalMs: 0 });
    const api = createApi(service.deps, { version: '9.9.9' });
    const input = { config, sweep: ['weights.A=0.5,1'], sortBy: 'finalValue' as const };
    const res = await api.request('/api/v1/runs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'backtest-sweep', input }),
    });
    expect(res.status).toBe(202);
    const { id } = JSON.parse(await res.text());
    await service.idle();
    const run = JSON.parse(await (await api.request(`/api/v1/runs/${id}`)).text());
    expect(run).toMatchObject({ status: 'succeeded', progress: { done: 2, total: 2 } });
    expect(run.result).toEqual(JSON.parse(JSON.stringify(await backtestSweep(input, deps))));
    // A at 0.5: 5 A and 10 B, 544.5 + 500 = 1,044.5 at the end. A at 1: 10 A, 10 B and 500
    // borrowed at 0 %, 1,089 + 500 − 500 = 1,089.
    expect(
      run.result.variants.map((v: { name: string; finalValue: number }) => [v.name, v.finalValue]),
    ).toEqual([
      ['mix [weights.A=1]', 1089],
      ['mix [weights.A=0.5]', 1044.5],
    ]);

    const path = await api.request('/api/v1/runs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'backtest-sweep',
        input: { config: { ...config, prices: 'p.csv' }, sweep: ['weights.A=1'] },
      }),
    });
    expect(path.status).toBe(400);
    const refused = JSON.parse(await path.text());
    expect(refused.details.field).toBe('input.config.prices');
    expect(refused.message).toContain('a run reads no server file');
  });
});

/**
 * `POST /api/v1/runs` with kind `backtest`: the run's result is the document of
 * `POST /api/v1/backtest` for the same body, its progress one step; a bad config object and a
 * prices path are refused at submission (`input.config.<field>`), a config given as text is
 * checked when it runs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../helpers/app-deps.ts';
import { call, json } from '../helpers/api-client.ts';
import { createApi } from '../../src/api/app.ts';
import type { BacktestRequest } from '../../src/app/backtest-request.ts';
import { startRunService, type RunService } from '../../src/jobs/run-service.ts';

let deps: ReturnType<typeof testDeps>;
let service: RunService | undefined;
beforeEach(() => {
  deps = testDeps({ offline: true });
});
afterEach(async () => {
  await service?.close();
  service = undefined;
  await deps.close();
});

type BacktestConfigInput = Extract<BacktestRequest['config'], { strategies: unknown }>;

const PRICES = [
  'date,A,B,M',
  '2024-01-30,100,50,10',
  '2024-01-31,110,49,11',
  '2024-02-29,110,55,11',
  '2024-03-01,100,54,10',
  '2024-03-04,105,56,10.5',
].join('\n');

const config = (over: Partial<BacktestConfigInput> = {}): BacktestConfigInput => ({
  prices: { text: PRICES, name: 'p.csv' },
  initial: 1000,
  strategies: [
    { name: 'hold A', weights: { A: 1 } },
    { name: '90-60', weights: { A: 0.9, B: 0.6 }, rebalance: 'monthly', costBps: 10 },
  ],
  benchmark: 'M',
  ...over,
});

async function start() {
  service = await startRunService(deps, { progressIntervalMs: 0 });
  return { api: createApi(service.deps, { version: '9.9.9' }), service };
}

describe('POST /api/v1/runs with kind backtest', () => {
  it('runs the backtest as a job: the same document as the route, progress 1 of 1', async () => {
    const { api: jobs, service } = await start();
    const input = { config: config() };
    const submitted = await call(jobs, '/api/v1/runs', json({ kind: 'backtest', input }));
    expect(submitted).toMatchObject({ status: 202, body: { kind: 'backtest', status: 'queued' } });
    await service.idle();
    const { body } = await call(jobs, `/api/v1/runs/${submitted.body.id}`);
    expect(body).toMatchObject({
      status: 'succeeded',
      progress: { done: 1, total: 1, label: 'running the backtest' },
    });
    const direct = await call(jobs, '/api/v1/backtest', json(input));
    expect(direct.status).toBe(200);
    expect(body.result).toEqual(direct.body);
    // Hold A by hand: 10 A at 100, worth 1,050 at 105 on the last row.
    expect(body.result.strategies[0].finalValue).toBe(1050);
  });

  it('refuses a bad config and a prices path at submission, naming input.config.<field>', async () => {
    const { api: jobs, service } = await start();
    const bad = config({ strategies: [{ name: 'x', weights: { A: -1 } }] });
    expect(
      await call(jobs, '/api/v1/runs', json({ kind: 'backtest', input: { config: bad } })),
    ).toMatchObject({
      status: 400,
      body: { details: { field: 'input.config.strategies[0].weights.A' } },
    });
    const string = { config: { ...config(), prices: '/etc/passwd' } };
    expect(
      await call(jobs, '/api/v1/runs', json({ kind: 'backtest', input: string })),
    ).toMatchObject({ status: 400, body: { details: { field: 'input.config.prices' } } });
    // A config given as text is checked when it runs: the run fails naming the field.
    const text = { config: { text: 'prices: p.csv\nstrategies: []', name: 'bt.yaml' } };
    const queued = await call(jobs, '/api/v1/runs', json({ kind: 'backtest', input: text }));
    await service.idle();
    const { body } = await call(jobs, `/api/v1/runs/${queued.body.id}`);
    expect(body).toMatchObject({
      status: 'failed',
      error: { code: 'INVALID_INPUT', details: { field: 'prices', file: 'bt.yaml' } },
    });
  });
});

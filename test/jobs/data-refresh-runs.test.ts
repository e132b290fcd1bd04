import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, json, type Doc } from '../helpers/api-client.ts';
import { testDeps } from '../helpers/app-deps.ts';
import { redirectingFetch, startMockServer, type MockServer } from '../helpers/mock-http.ts';
import { createApi } from '../../src/api/app.ts';
import { startRunService, type RunService } from '../../src/jobs/run-service.ts';
import { createDeps } from '../../src/app/create-deps.ts';
import { dataRefreshSchedule } from '../../src/app/data-refresh-run.ts';

/**
 * `data refresh` as server work: the `data-refresh` run kind through `POST /api/v1/runs` and
 * the in-process queue, and the daily schedule enqueuing it, against a mock Stooq speaking its
 * real daily CSV (test/fixtures/providers/stooq/README.md: SPY 2024-06-03..07).
 */

const STOOQ_SPY = readFileSync(
  new URL('../fixtures/providers/stooq/spy-daily.csv', import.meta.url),
  'utf8',
);
/** The fixture's bars of 2024-06-03..05 as stored by an earlier fetch from Stooq. */
const SEED = [
  { date: '2024-06-03', close: 517.03, dividend: 0, split: 1 },
  { date: '2024-06-04', close: 517.61, dividend: 0, split: 1 },
  { date: '2024-06-05', close: 523.75, dividend: 0, split: 1 },
];
const SEEDED = { source: 'stooq', fetchedAt: '2024-06-05T22:00:00.000Z' };

let stooq: MockServer;
beforeAll(async () => {
  // SPY answers; AGG's symbol is unknown to the provider (404): every provider of the chain failed.
  stooq = await startMockServer((req) =>
    req.query.get('s') === 'spy.us' ? { body: STOOQ_SPY } : { status: 404, body: 'Not Found' },
  );
});
afterAll(() => stooq.close());

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

describe('the data-refresh run kind', () => {
  it('refreshes on a worker, stores the alerts as the CLI does, and refuses a webhook over HTTP', async () => {
    const now = '2024-06-09T12:00:00.000Z';
    const deps = testDeps({ now, fetch: redirectingFetch(stooq.baseUrl) });
    open.push(deps);
    const store = await deps.store();
    await store.upsertPriceBars('SPY', SEED, SEEDED);
    await store.upsertPriceBars('AGG', SEED, SEEDED);
    const service: RunService = await startRunService(deps, { progressIntervalMs: 0 });
    open.push(service);
    const api = createApi(service.deps, { version: '9.9.9', rateLimit: false });

    const submitted = await call(
      api,
      '/api/v1/runs',
      json({ kind: 'data-refresh', input: { symbols: ['SPY', 'AGG'] } }),
    );
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    await service.idle();
    const run = (await call(api, `/api/v1/runs/${submitted.body.id}`)).body;
    expect(run).toMatchObject({ kind: 'data-refresh', status: 'succeeded', knownAt: now });
    // Sunday 9 June: the tail after the last stored 5 June is 6..9 June; the file has 6 and 7.
    expect(run.result.rows.map((r: Doc) => [r.id, r.status, r.from, r.to, r.newRows])).toEqual([
      ['SPY', 'refreshed', '2024-06-06', '2024-06-09', 2],
      ['AGG', 'stale', '2024-06-06', '2024-06-09', 0],
    ]);
    const alerts = (await call(api, '/api/v1/data/alerts')).body;
    expect(alerts).toEqual(run.result.alerts);
    expect(alerts).toMatchObject([
      {
        symbol: 'AGG',
        code: 'DATA_STALE',
        createdAt: now,
        details: { from: '2024-06-06', to: '2024-06-09', lastStored: '2024-06-05' },
      },
    ]);
    const closes = (await call(api, '/api/v1/data/SPY/prices?from=2024-06-06')).body;
    // The fixture's closes of 6 and 7 June.
    expect(closes.bars.map((b: Doc) => [b.date, b.close])).toEqual([
      ['2024-06-06', 523.74],
      ['2024-06-07', 523.11],
    ]);

    const hook = await call(
      api,
      '/api/v1/runs',
      json({ kind: 'data-refresh', input: { webhook: 'http://127.0.0.1:9/x' } }),
    );
    expect(hook.status).toBe(400);
    expect(hook.body).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'input.webhook' } });
  });

  it('fails with DATA_STALE when ids were due and none could be refreshed, alerts stored', async () => {
    const deps = testDeps({
      now: '2024-06-12T12:00:00.000Z',
      fetch: redirectingFetch(stooq.baseUrl),
    });
    open.push(deps);
    await (await deps.store()).upsertPriceBars('AGG', SEED, SEEDED);
    const service = await startRunService(deps, { progressIntervalMs: 0 });
    open.push(service);
    const api = createApi(service.deps, { version: '9.9.9', rateLimit: false });
    const submitted = await call(api, '/api/v1/runs', json({ kind: 'data-refresh', input: {} }));
    await service.idle();
    const run = (await call(api, `/api/v1/runs/${submitted.body.id}`)).body;
    expect(run).toMatchObject({ status: 'failed', error: { code: 'DATA_STALE' } });
    expect(run.error.details.rows.map((r: Doc) => [r.id, r.status])).toEqual([['AGG', 'stale']]);
    const stored = (await call(api, '/api/v1/data/alerts')).body;
    expect(stored.map((a: Doc) => [a.symbol, a.code])).toEqual([['AGG', 'DATA_STALE']]);
  });
});

describe('dataRefreshSchedule', () => {
  it('enqueues a refresh run at 18:30 New York on trading days; the queue executes it', async () => {
    // Friday 2024-06-07 08:00 EDT. By hand: 18:30 EDT = 22:30 UTC that day; the next trading day
    // is Monday 10 June (Saturday and Sunday skipped), again 22:30 UTC.
    let now = Date.parse('2024-06-07T12:00:00.000Z');
    const clock = {
      now: () => new Date(now).toISOString(),
      today: () => new Date(now).toISOString().slice(0, 10),
    };
    const deps = createDeps({
      env: { BALLAST_PRICE_PROVIDERS: 'stooq' },
      clock,
      db: join(mkdtempSync(join(tmpdir(), 'ballast-app-')), 'store.sqlite'),
      fetch: redirectingFetch(stooq.baseUrl),
      homedir: tmpdir(),
    });
    open.push(deps);
    await (await deps.store()).upsertPriceBars('SPY', SEED, SEEDED);
    const service = await startRunService(deps, { progressIntervalMs: 0 });
    open.push(service);
    const nexts: string[] = [];
    const enqueued: string[] = [];
    const count = await dataRefreshSchedule(
      { daily: '18:30', runs: 2, refresh: {} },
      service.deps,
      {
        // The queue finishes what it holds before time moves on.
        sleep: async (ms) => {
          await service.idle();
          now += ms;
        },
        onNext: (at) => nexts.push(at),
        onRun: (run) => enqueued.push(run.id),
      },
    );
    await service.idle();
    expect(count).toBe(2);
    expect(nexts).toEqual(['2024-06-07T22:30:00.000Z', '2024-06-10T22:30:00.000Z']);
    const runs = await (await deps.store()).runs.list();
    expect(runs.map((r) => r.id)).toEqual([...enqueued].reverse());
    expect(runs.map((r) => [r.kind, r.status, r.createdAt, r.knownAt])).toEqual([
      ['data-refresh', 'succeeded', '2024-06-10T22:30:00.000Z', '2024-06-10T22:30:00.000Z'],
      ['data-refresh', 'succeeded', '2024-06-07T22:30:00.000Z', '2024-06-07T22:30:00.000Z'],
    ]);
    // Friday's run fetched 6 and 7 June; Monday's found nothing newer in the file (no outage).
    const rows = (r: (typeof runs)[number]) =>
      (r.result as { rows: Doc[] }).rows.map((x) => [x.id, x.status, x.newRows]);
    expect(rows(runs[1]!)).toEqual([['SPY', 'refreshed', 2]]);
    expect(rows(runs[0]!)).toEqual([['SPY', 'refreshed', 0]]);
  });

  it('refuses a bad time or refresh input before waiting', async () => {
    const deps = testDeps({ offline: true });
    open.push(deps);
    const hooks = { sleep: () => Promise.reject(new Error('must not wait')) };
    await expect(
      dataRefreshSchedule({ daily: '25:00', refresh: {} }, deps, hooks),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'daily' } });
    await expect(
      dataRefreshSchedule({ daily: '18:30', refresh: { sigmas: -1 } }, deps, hooks),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'sigmas' } });
  });
});

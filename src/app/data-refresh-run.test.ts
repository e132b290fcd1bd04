import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import {
  redirectingFetch,
  startMockServer,
  type MockServer,
} from '../../test/helpers/mock-http.ts';
import { dataRefreshRun, enqueueDataRefresh } from './data-refresh-run.ts';
import type { RunQueue } from './deps.ts';

/**
 * The use cases of the `data-refresh` run called directly (the queue and the HTTP face:
 * test/jobs/data-refresh-runs.test.ts).
 */

let stooq: MockServer;
beforeAll(async () => {
  // Every symbol is unknown to the provider: 404, so every provider of the chain failed.
  stooq = await startMockServer(() => ({ status: 404, body: 'Not Found' }));
});
afterAll(() => stooq.close());

const SEED = [{ date: '2024-06-05', close: 100, dividend: 0, split: 1 }];

describe('dataRefreshRun', () => {
  it('is DATA_STALE with the rows and stored alerts when nothing due could be refreshed', async () => {
    const deps = testDeps({
      now: '2024-06-12T12:00:00.000Z',
      fetch: redirectingFetch(stooq.baseUrl),
    });
    try {
      const store = await deps.store();
      await store.upsertPriceBars('AGG', SEED, {
        source: 'stooq',
        fetchedAt: '2024-06-05T22:00:00.000Z',
      });
      const error = await dataRefreshRun({}, deps).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'DATA_STALE',
        details: { stale: 1, rows: [{ id: 'AGG', status: 'stale', from: '2024-06-06' }] },
      });
      const alerts = await store.alerts.list();
      expect(alerts.map((a) => [a.symbol, a.code])).toEqual([['AGG', 'DATA_STALE']]);
      expect((error as { details: { alerts: unknown } }).details.alerts).toEqual(alerts);
    } finally {
      await deps.close();
    }
  });
});

describe('enqueueDataRefresh', () => {
  it('stores a data-refresh run with the server’s input (webhook kept) and enqueues it', async () => {
    const deps = testDeps({ offline: true });
    try {
      await expect(enqueueDataRefresh({}, deps)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      const ids: string[] = [];
      const runQueue: RunQueue = { enqueue: (id) => Promise.resolve(void ids.push(id)) };
      const input = { symbols: ['SPY'], webhook: 'https://example.test/hook' };
      const doc = await enqueueDataRefresh(input, { ...deps, runQueue });
      expect(doc).toMatchObject({ kind: 'data-refresh', status: 'queued', knownAt: null });
      expect(ids).toEqual([doc.id]);
      expect((await (await deps.store()).runs.get(doc.id)).input).toEqual(input);
      await expect(
        enqueueDataRefresh({ webhook: 'ftp://x' }, { ...deps, runQueue }),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'webhook' } });
    } finally {
      await deps.close();
    }
  });
});

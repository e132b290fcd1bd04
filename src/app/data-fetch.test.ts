import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import {
  redirectingFetch,
  startMockServer,
  type MockServer,
} from '../../test/helpers/mock-http.ts';
import { dataFetch, dataFetchFailure } from './data-fetch.ts';

const STOOQ_SPY = readFileSync(
  new URL('../../test/fixtures/providers/stooq/spy-daily.csv', import.meta.url),
  'utf8',
);

let server: MockServer;
beforeAll(async () => {
  // Stooq wire format: spy.us answers the fixture, anything else "No data"
  server = await startMockServer((req) => ({
    body: req.query.get('s') === 'spy.us' ? STOOQ_SPY : 'No data',
  }));
});
afterAll(() => server.close());

describe('dataFetch use case (mock Stooq server)', () => {
  it('fetches what the provider has, records a failed id in its row, ticks per id', async () => {
    const d = testDeps({ fetch: redirectingFetch(server.baseUrl) });
    try {
      const doc = await dataFetch(
        { ids: ['spy', 'nope'], from: '2024-06-03', to: '2024-06-07' },
        d,
      );
      // the fixture, read independently: its data rows and first/last dates
      const rows = STOOQ_SPY.trim().split('\n').slice(1);
      expect(doc.rows[0]).toEqual({
        id: 'SPY',
        rows: rows.length,
        first: rows[0]!.split(',')[0],
        last: rows.at(-1)!.split(',')[0],
        sources: 'stooq',
        stale: false,
        note: '',
      });
      expect(doc.rows[1]).toMatchObject({ id: 'NOPE', rows: 0, stale: false });
      expect(doc.rows[1]!.note).toMatch(/^DATA_UNAVAILABLE: .*stooq/);
      expect(doc.failures).toBe(1);
      expect(dataFetchFailure(doc)).toMatchObject({
        code: 'DATA_UNAVAILABLE',
        details: { failures: 1 },
      });
      expect(d.progress.tasks[0]).toMatchObject({ label: 'fetching prices', total: 2, done: true });
      expect(d.progress.tasks[0]!.ticks).toEqual([1, 1]);
      // a second run finds the range covered: stored rows served, nothing asked again
      const asked = server.requests.length;
      const again = await dataFetch({ ids: ['SPY'], from: '2024-06-03', to: '2024-06-07' }, d);
      expect(again.rows[0]).toMatchObject({ rows: rows.length, stale: false });
      expect(server.requests.length).toBe(asked);
      expect(dataFetchFailure(again)).toBeUndefined();
    } finally {
      await d.close();
    }
  });

  it('serves stored data only when offline, marked stale', async () => {
    const d = testDeps({ offline: true, fetch: redirectingFetch(server.baseUrl) });
    try {
      const asked = server.requests.length;
      const doc = await dataFetch({ ids: ['SPY'], from: '2024-06-03', to: '2024-06-07' }, d);
      expect(doc.rows[0]).toMatchObject({ rows: 0, note: expect.stringMatching(/offline/) });
      expect(doc.failures).toBe(1);
      expect(server.requests.length).toBe(asked);
    } finally {
      await d.close();
    }
  });

  it('stops at a bad range, naming the field', async () => {
    const d = testDeps();
    try {
      await expect(
        dataFetch({ ids: ['SPY'], from: '2024-06-07', to: '2024-06-03' }, d),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'from' } });
    } finally {
      await d.close();
    }
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import {
  redirectingFetch,
  startMockServer,
  type MockServer,
} from '../../test/helpers/mock-http.ts';
import { dataRefresh, dataRefreshFailure } from './data-refresh.ts';
import { dataSchedule } from './data-schedule.ts';

/** Stooq's real daily CSV layout (test/fixtures/providers/stooq/README.md): SPY 2024-06-03..07. */
const STOOQ_SPY = readFileSync(
  new URL('../../test/fixtures/providers/stooq/spy-daily.csv', import.meta.url),
  'utf8',
);
/** The fixture's bars of 2024-06-03..05 as stored by an earlier fetch from Stooq. */
const SEED = [
  { date: '2024-06-03', close: 517.03, dividend: 0, split: 1 },
  { date: '2024-06-04', close: 517.61, dividend: 0, split: 1 },
  { date: '2024-06-05', close: 523.75, dividend: 0, split: 1 },
];

/** FRED's key-less download (test/fixtures/providers/fred/README.md): DGS3MO 2023-12-26..2024-01-05. */
const FRED_DGS3MO = readFileSync(
  new URL('../../test/fixtures/providers/fred/dgs3mo.csv', import.meta.url),
  'utf8',
);

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer((req) =>
    req.path === '/graph/fredgraph.csv'
      ? { body: FRED_DGS3MO, headers: { 'content-type': 'text/csv' } }
      : { body: req.query.get('s') === 'spy.us' ? STOOQ_SPY : 'No data' },
  );
});
afterAll(() => server.close());

describe('dataRefresh use case', () => {
  it('refreshes a universe’s stored symbols and reports the others not stored', async () => {
    const d = testDeps({
      now: '2024-06-08T12:00:00.000Z',
      fetch: redirectingFetch(server.baseUrl),
    });
    try {
      const store = await d.store();
      await store.upsertPriceBars('SPY', SEED, {
        source: 'stooq',
        fetchedAt: '2024-06-05T22:00:00.000Z',
      });
      await store.universes.put({ name: 'core', symbols: ['SPY', 'AGG'] });
      const doc = await dataRefresh({ universe: 'core' }, d);
      expect(doc.rows.map((r) => [r.id, r.status, r.from, r.to, r.newRows])).toEqual([
        ['SPY', 'refreshed', '2024-06-06', '2024-06-08', 2],
        ['AGG', 'not-stored', '', '', 0],
      ]);
      expect(doc.alerts).toEqual([]);
      expect(dataRefreshFailure(doc)).toBeUndefined();
      expect(d.progress.tasks[0]).toMatchObject({ label: 'refreshing', total: 2 });
    } finally {
      await d.close();
    }
  });

  it('leaves imported-only data alone by default and refuses --offline', async () => {
    const d = testDeps({
      now: '2024-06-08T12:00:00.000Z',
      fetch: redirectingFetch(server.baseUrl),
    });
    try {
      const store = await d.store();
      await store.upsertPriceBars('MINE', SEED, {
        source: 'csv:mine.csv',
        fetchedAt: '2024-06-05T22:00:00.000Z',
      });
      const before = server.requests.length;
      expect((await dataRefresh({}, d)).rows).toEqual([]);
      expect(server.requests.length).toBe(before);
    } finally {
      await d.close();
    }
    const offline = testDeps({ offline: true });
    try {
      await expect(dataRefresh({}, offline)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'offline' },
      });
    } finally {
      await offline.close();
    }
  });
});

describe('dataRefresh when one provider fails and the next has nothing new yet', () => {
  it('is refreshed with no new rows, not an outage (no DATA_STALE alert)', async () => {
    const d = testDeps({
      now: '2024-06-10T20:30:00.000Z',
      env: { BALLAST_PRICE_PROVIDERS: 'yahoo,stooq' },
      // Yahoo's host answers 404 (NOT_FOUND, not retried); Stooq's file ends 2024-06-07.
      fetch: redirectingFetch(server.baseUrl),
    });
    const handler = server.handler;
    server.handler = (req, n) => (req.path.startsWith('/v8/') ? { status: 404 } : handler(req, n));
    try {
      const store = await d.store();
      const stored = [...SEED, { date: '2024-06-06', close: 523.74, dividend: 0, split: 1 }];
      stored.push({ date: '2024-06-07', close: 523.11, dividend: 0, split: 1 });
      await store.upsertPriceBars('SPY', stored, {
        source: 'stooq',
        fetchedAt: '2024-06-07T22:00:00.000Z',
      });
      const doc = await dataRefresh({ symbols: ['SPY'] }, d);
      expect(doc.rows).toMatchObject([
        {
          id: 'SPY',
          status: 'refreshed',
          from: '2024-06-08',
          to: '2024-06-10',
          newRows: 0,
          last: '2024-06-07',
        },
      ]);
      expect(doc.rows[0]!.note).toContain('yahoo');
      expect(doc.alerts).toEqual([]);
    } finally {
      server.handler = handler;
      await d.close();
    }
  });
});

describe('dataRefresh of a stored economic series (mock FRED download)', () => {
  it('asks FRED only for the days after the last stored observation', async () => {
    const d = testDeps({
      now: '2024-01-05T23:00:00.000Z',
      fetch: redirectingFetch(server.baseUrl),
    });
    try {
      const store = await d.store();
      const fetchedAt = '2023-12-29T23:00:00.000Z';
      await store.upsertSeriesPoints('DGS3MO', [{ date: '2023-12-29', value: 0.054 }], {
        source: 'fred',
        fetchedAt,
      });
      const before = server.requests.length;
      const doc = await dataRefresh({}, d);
      const asked = server.requests.slice(before);
      expect(
        asked.map((r) => [r.path, r.query.get('id'), r.query.get('cosd'), r.query.get('coed')]),
      ).toEqual([['/graph/fredgraph.csv', 'DGS3MO', '2023-12-30', '2024-01-05']]);
      // The fixture's rows after 2023-12-29: 2024-01-01 (empty: no value) then 01-02..01-05.
      expect(doc.rows).toMatchObject([
        { kind: 'series', id: 'DGS3MO', status: 'refreshed', newRows: 4, last: '2024-01-05' },
      ]);
    } finally {
      await d.close();
    }
  });
});

describe('dataSchedule', () => {
  it('waits for 18:30 New York on the trading day, then refreshes the tail', async () => {
    const d = testDeps({ fetch: redirectingFetch(server.baseUrl) });
    try {
      const store = await d.store();
      await store.upsertPriceBars('SPY', SEED, {
        source: 'stooq',
        fetchedAt: '2024-06-05T22:00:00.000Z',
      });
      // Friday 2024-06-07 08:00 EDT; the run is that day at 18:30 EDT = 22:30 UTC.
      let now = Date.parse('2024-06-07T12:00:00.000Z');
      const clock = {
        now: () => new Date(now).toISOString(),
        today: () => new Date(now).toISOString().slice(0, 10),
      };
      const docs: { id: string; from: string; to: string; newRows: number }[][] = [];
      const nexts: string[] = [];
      const runs = await dataSchedule(
        { daily: '18:30', runs: 1, refresh: { symbols: ['SPY'] } },
        { ...d, clock },
        {
          sleep: (ms) => {
            now += ms;
            return Promise.resolve();
          },
          onNext: (at) => nexts.push(at),
          onResult: (doc) => docs.push(doc.rows),
        },
      );
      expect(runs).toBe(1);
      expect(nexts).toEqual(['2024-06-07T22:30:00.000Z']);
      expect(clock.now()).toBe('2024-06-07T22:30:00.000Z');
      expect(docs[0]).toMatchObject([
        { id: 'SPY', from: '2024-06-06', to: '2024-06-07', newRows: 2 },
      ]);
    } finally {
      await d.close();
    }
  });
});

describe('dataRefresh with a cross-check against a second provider', () => {
  /** Yahoo's chart answer (test/fixtures/providers/yahoo/README.md): SPY 2024-06-03..07. */
  const YAHOO_SPY = readFileSync(
    new URL('../../test/fixtures/providers/yahoo/chart-spy-daily.json', import.meta.url),
    'utf8',
  );

  async function refreshChecked(extra: { closeTolerance?: number; crossCheck: string }) {
    const d = testDeps({
      now: '2024-06-08T12:00:00.000Z',
      env: { BALLAST_PRICE_PROVIDERS: 'stooq,yahoo' },
      fetch: redirectingFetch(server.baseUrl),
    });
    const handler = server.handler;
    server.handler = (req, n) =>
      req.path.startsWith('/v8/finance/chart/SPY')
        ? { body: YAHOO_SPY, headers: { 'content-type': 'application/json' } }
        : handler(req, n);
    try {
      const store = await d.store();
      await store.upsertPriceBars('SPY', SEED, {
        source: 'stooq',
        fetchedAt: '2024-06-05T22:00:00.000Z',
      });
      const doc = await dataRefresh({ symbols: ['SPY'], ...extra }, d);
      return { doc, stored: await store.getPriceBars('SPY') };
    } finally {
      server.handler = handler;
      await d.close();
    }
  }

  it('alerts on closes more than 0.5 % apart and keeps the first provider’s bars', async () => {
    const { doc, stored } = await refreshChecked({ crossCheck: 'auto' });
    // Stooq stored 06-06 523.74 and 06-07 523.11; Yahoo's fixture has 534.66 and 534.01:
    // |523.74 − 534.66| / 534.66 = 10.92 / 534.66 = 0.02042 > 0.005, and
    // |523.11 − 534.01| / 534.01 = 10.90 / 534.01 = 0.02041 > 0.005.
    expect(doc.alerts.map((a) => [a.code, a.details['date']])).toEqual([
      ['PROVIDER_DISAGREEMENT', '2024-06-06'],
      ['PROVIDER_DISAGREEMENT', '2024-06-07'],
    ]);
    expect(doc.alerts[0]!.details['difference']).toBeCloseTo(10.92 / 534.66, 10);
    expect(doc.alerts[0]!.message).toBe(
      'SPY 2024-06-06: close 523.74 from stooq but 534.66 from yahoo',
    );
    expect(doc.rows[0]!.note).toContain('cross-check yahoo: 2 dates compared, 2 disagreements');
    expect(stored.filter((b) => b.date >= '2024-06-06').map((b) => [b.close, b.source])).toEqual([
      [523.74, 'stooq'],
      [523.11, 'stooq'],
    ]);
  });

  it('stays quiet within a wider tolerance and refuses a provider outside the chain', async () => {
    const { doc } = await refreshChecked({ crossCheck: 'yahoo', closeTolerance: 0.03 });
    expect(doc.alerts).toEqual([]);
    expect(doc.rows[0]!.note).toContain('cross-check yahoo: 2 dates compared, 0 disagreements');
    await expect(refreshChecked({ crossCheck: 'tiingo' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'crossCheck', value: 'tiingo' },
    });
  });
});

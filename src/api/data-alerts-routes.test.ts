import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, wire } from '../../test/helpers/api-client.ts';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { dataAlerts, type StoredAlert } from '../app/data-alerts.ts';
import { keyCreate } from '../app/key-create.ts';
import { createApi } from './app.ts';

/** Made-up alerts written straight to the store at two clock times (test data, not a refresh). */
const FIRST_AT = '2026-12-01T10:00:00.000Z';
const LATER_AT = '2026-12-03T09:00:00.000Z';

let deps: ReturnType<typeof testDeps>;
let api: ReturnType<typeof createApi>;
let first: StoredAlert;
let gap: StoredAlert;
let jump: StoredAlert;

beforeEach(async () => {
  // One store file, written by two processes' worth of deps whose clocks read different times.
  const early = testDeps({ offline: true, now: FIRST_AT });
  [first] = (await (
    await early.store()
  ).alerts.add([
    { symbol: 'agg', code: 'DATA_STALE', message: 'every provider failed', source: 'stooq' },
  ])) as [StoredAlert];
  await early.close();
  deps = testDeps({ offline: true, now: LATER_AT, db: early.db });
  [gap, jump] = (await (
    await deps.store()
  ).alerts.add([
    { symbol: 'SPY', code: 'GAP', message: '1 trading day missing', source: 'refresh' },
    {
      symbol: 'SPY',
      code: 'JUMP',
      message: 'return 7.1σ from the mean',
      details: { z: 7.1 },
      source: 'refresh',
    },
  ])) as [StoredAlert, StoredAlert];
  api = createApi(deps, { version: '9.9.9' });
});
afterEach(async () => {
  await deps.close();
});

describe('GET /api/v1/data/alerts', () => {
  it('gives the stored alerts oldest first: the `data alerts --format json` document', async () => {
    const res = await call(api, '/api/v1/data/alerts');
    expect(res).toEqual({ status: 200, body: wire([first, gap, jump]) });
    expect(res.body).toEqual(wire(await dataAlerts({}, deps)));
    // The store's clock stamps each alert; symbols come back upper-cased.
    expect(res.body.map((a: StoredAlert) => [a.createdAt, a.symbol, a.code])).toEqual([
      [FIRST_AT, 'AGG', 'DATA_STALE'],
      [LATER_AT, 'SPY', 'GAP'],
      [LATER_AT, 'SPY', 'JUMP'],
    ]);
    expect(res.body[2].details).toEqual({ z: 7.1 });
  });

  it('filters by `since` (a date is its UTC midnight, a timestamp is inclusive) and `limit`', async () => {
    for (const [query, expected] of [
      ['since=2026-12-01', [first, gap, jump]],
      ['since=2026-12-02', [gap, jump]],
      ['since=2026-12-03T09:00:00Z', [gap, jump]],
      ['since=2026-12-03T09:00:00.001Z', []],
      ['since=2026-12-04', []],
      ['limit=1', [jump]], // the newest kept
      ['limit=2&since=2026-12-01', [gap, jump]],
    ] as const)
      expect(await call(api, `/api/v1/data/alerts?${query}`), query).toEqual({
        status: 200,
        body: wire(expected),
      });
  });

  it('names a bad `since` or `limit` with 400', async () => {
    for (const [query, field, value] of [
      ['since=yesterday', 'since', 'yesterday'],
      ['since=2026-13-01', 'since', '2026-13-01'],
      ['limit=0', 'limit', 0],
      ['limit=many', 'limit', 'many'],
      ['limit=1.5', 'limit', 1.5],
    ] as const)
      expect(await call(api, `/api/v1/data/alerts?${query}`), query).toMatchObject({
        status: 400,
        body: { code: 'INVALID_INPUT', details: { field, value } },
      });
  });

  it('needs a read key when keys are required', async () => {
    const app = createApi(deps, { version: '9.9.9', auth: 'required' });
    const read = await keyCreate({ scope: 'read' }, deps);
    expect((await call(app, '/api/v1/data/alerts')).status).toBe(401);
    const res = await call(app, '/api/v1/data/alerts', {
      headers: { authorization: `Bearer ${read.key}` },
    });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(3);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, json, type Doc } from '../../test/helpers/api-client.ts';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { dataImport } from '../app/data-import.ts';
import { createApi } from './app.ts';

/**
 * `?knownAt=` through the HTTP app (docs/data-versions.md): a close imported on T1 and revised
 * by a second import on T2; reads before T2 answer with the first close, reads from T2 on with
 * the revised one, and the latest is the revised one. Writes refuse the parameter, and the read
 * cache never serves one time's answer for another.
 */

const T1 = '2024-06-20T20:00:00.000Z';
const T2 = '2024-06-21T20:00:00.000Z';
const BEFORE = '2024-06-21T00:00:00Z';
const FIRST = ['date,close', '2024-06-17,100', '2024-06-18,110', '2024-06-19,121'].join('\n');
// The provider revises the close of 18 June from 110 to 105.
const REVISED = ['date,close', '2024-06-18,105'].join('\n');

let deps: ReturnType<typeof testDeps>;
let api: ReturnType<typeof createApi>;
beforeEach(async () => {
  const first = testDeps({ offline: true, now: T1 });
  await dataImport({ file: { text: FIRST, name: 'a.csv' }, symbol: 'XYZ' }, first);
  await first.close();
  deps = testDeps({ offline: true, now: T2, db: first.db });
  await dataImport({ file: { text: REVISED, name: 'b.csv' }, symbol: 'XYZ' }, deps);
  api = createApi(deps, { version: '9.9.9', rateLimit: false });
});
afterEach(async () => {
  await deps.close();
});

const closes = (body: Doc): [string, number][] =>
  body.bars.map((b: Doc) => [b.date, b.close] as [string, number]);

describe('?knownAt on the HTTP API', () => {
  it('reads the close known at the time: the old one before the revision, the new one after', async () => {
    const before = await call(api, `/api/v1/data/XYZ/prices?knownAt=${BEFORE}`);
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(closes(before.body)).toEqual([
      ['2024-06-17', 100],
      ['2024-06-18', 110],
      ['2024-06-19', 121],
    ]);
    const after = await call(api, `/api/v1/data/XYZ/prices?knownAt=${T2}`);
    const latest = await call(api, '/api/v1/data/XYZ/prices');
    expect(closes(after.body)[1]).toEqual(['2024-06-18', 105]);
    expect(closes(latest.body)).toEqual(closes(after.body));
    // Before the first import nothing was known.
    const never = await call(api, '/api/v1/data/XYZ/prices?knownAt=2024-06-20T00:00:00Z');
    expect(never).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it('computes returns from the closes known then', async () => {
    const returnsAt = async (query: string) => {
      const got = await call(api, `/api/v1/data/XYZ/returns?from=2024-06-17${query}`);
      expect(got.status, JSON.stringify(got.body)).toBe(200);
      return JSON.stringify(got.body);
    };
    // Daily simple returns by hand: before the revision 110/100 − 1 = 0.1 and 121/110 − 1 = 0.1;
    // after it 105/100 − 1 = 0.05 and 121/105 − 1 = 0.15238095238….
    const before = await returnsAt(`&knownAt=${BEFORE}`);
    const after = await returnsAt(`&knownAt=${T2}`);
    expect(before).toContain('0.1');
    expect(before).not.toContain('0.05');
    expect(after).toContain('0.05');
    expect(after).toContain('0.15238095');
    expect(await returnsAt('')).toBe(after);
    // Coverage as known then: the data list gives the first import's fetch time before T2.
    const list = await call(api, `/api/v1/data?knownAt=${BEFORE}`);
    expect(JSON.stringify(list.body)).toContain(T1);
    expect(JSON.stringify(list.body)).not.toContain(T2);
  });

  it('computes a POST from the closes known then (estimate over stored symbols)', async () => {
    const estimate = async (query: string) => {
      const panel = { kind: 'symbols', symbols: ['XYZ'], from: '2024-06-17', to: '2024-06-19' };
      const got = await call(api, `/api/v1/estimate${query}`, json({ panel }));
      expect(got.status, JSON.stringify(got.body)).toBe(200);
      return got.body.mu.XYZ as number;
    };
    // Historical mean × 252 by hand: before the revision the returns are 0.1 and 0.1, so
    // 252 × 0.1 = 25.2; after it 1/20 and 16/105, mean 17/168, so 252 × 17/168 = 25.5.
    expect(await estimate(`?knownAt=${BEFORE}`)).toBeCloseTo(25.2, 10);
    expect(await estimate('')).toBeCloseTo(25.5, 10);
  });

  it('refuses knownAt on a write and on a bad time, naming it, and writes nothing', async () => {
    const fetch = await call(
      api,
      `/api/v1/data/fetch?knownAt=${BEFORE}`,
      json({ ids: ['XYZ'], from: '2024-06-17', to: '2024-06-19' }),
    );
    expect(fetch.status).toBe(400);
    expect(fetch.body).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'knownAt' } });
    expect(fetch.body.message).toMatch(/^knownAt: not accepted by POST \/api\/v1\/data\/fetch/);
    const imported = await call(
      api,
      `/api/v1/data/import?symbol=XYZ&knownAt=${BEFORE}`,
      json({ file: { text: REVISED, name: 'c.csv' }, symbol: 'XYZ' }),
    );
    expect(imported.body).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'knownAt' } });
    const bad = await call(api, '/api/v1/data/XYZ/prices?knownAt=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ details: { field: 'knownAt', value: 'yesterday' } });
    expect(bad.body.message).toContain('knownAt: must be an ISO-8601 timestamp');
    const twice = await call(api, `/api/v1/data/XYZ/prices?knownAt=${T1}&knownAt=${T2}`);
    expect(twice.body).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'knownAt' } });
    // The versions are as they were: the first close and its one revision.
    const store = await deps.store();
    expect((await store.getPriceBars('XYZ')).map((b) => b.close)).toEqual([100, 105, 121]);
  });

  it('keeps latest and known-at answers apart in the read cache', async () => {
    expect((await call(api, '/api/v1/portfolios', json({ name: 'p' }))).status).toBe(201);
    const ledger = [
      'date,type,symbol,quantity,price,amount,fees,account,lots',
      '2024-06-17,deposit,,,,1000,,MAIN,',
      '2024-06-17,buy,XYZ,10,100,,0,MAIN,',
    ].join('\n');
    const appended = await api.request('/api/v1/portfolios/p/transactions', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: ledger,
    });
    expect(appended.status).toBe(201);
    const holdings = async (query: string) => {
      const res = await api.request(`/api/v1/portfolios/p/holdings?asOf=2024-06-18${query}`);
      const body = (await res.json()) as Doc;
      expect(res.status, JSON.stringify(body)).toBe(200);
      return { cache: res.headers.get('x-cache'), value: body.totals.marketValue as number };
    };
    // 10 shares at the close of 18 June: 10 × 105 = 1050 now, 10 × 110 = 1100 before T2.
    expect(await holdings('')).toEqual({ cache: null, value: 1050 });
    expect(await holdings(`&knownAt=${BEFORE}`)).toEqual({ cache: null, value: 1100 });
    expect(await holdings('')).toEqual({ cache: 'hit', value: 1050 });
    expect(await holdings(`&knownAt=${BEFORE}`)).toEqual({ cache: 'hit', value: 1100 });
    expect(await holdings(`&knownAt=${T2}`)).toEqual({ cache: null, value: 1050 });
    // A route that reads no market data refuses it rather than ignoring it.
    const positions = await call(api, `/api/v1/portfolios/p/positions?knownAt=${BEFORE}`);
    expect(positions.body).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'knownAt' } });
  });

  it('publishes knownAt on the routes that accept it, and not on the writes', async () => {
    const doc = (await call(api, '/api/openapi.json')).body;
    const names = (path: string, method: string): string[] =>
      (doc.paths[path][method].parameters ?? []).map((p: Doc) => p.name);
    expect(names('/api/v1/data/{symbol}/prices', 'get')).toContain('knownAt');
    expect(names('/api/v1/portfolios/{id}/holdings', 'get')).toContain('knownAt');
    expect(names('/api/v1/backtest', 'post')).toContain('knownAt');
    expect(names('/api/v1/data/fetch', 'post')).not.toContain('knownAt');
    expect(names('/api/v1/data/import', 'post')).not.toContain('knownAt');
  });
});

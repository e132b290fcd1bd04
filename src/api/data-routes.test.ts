import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { bearer, call, json, wire } from '../../test/helpers/api-client.ts';
import { dataFetch, dataFetchFailure } from '../app/data-fetch.ts';
import { dataImport } from '../app/data-import.ts';
import { dataList } from '../app/data-list.ts';
import { dataPrices } from '../app/data-prices.ts';
import { dataQuality } from '../app/data-quality.ts';
import { keyCreate } from '../app/key-create.ts';
import { returns } from '../app/returns.ts';
import { createApi } from './app.ts';

const SPY = readFileSync(
  new URL('../../test/fixtures/providers/csv/spy-prices.csv', import.meta.url),
  'utf8',
);
const csv = (body: string, key?: string): RequestInit => ({
  method: 'POST',
  headers: {
    'content-type': 'text/csv',
    ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
  },
  body,
});

let deps: ReturnType<typeof testDeps>;
let api: ReturnType<typeof createApi>;
beforeEach(async () => {
  deps = testDeps({ offline: true });
  api = createApi(deps, { version: '9.9.9' });
  const imported = await call(api, '/api/v1/data/import?symbol=spy&name=spy.csv', csv(SPY));
  expect(imported.status).toBe(200);
});
afterEach(async () => {
  await deps.close();
});

/** The use case's document on a fresh store (an import writes only once per store). */
async function onFreshStore<T>(run: (d: ReturnType<typeof testDeps>) => Promise<T>): Promise<T> {
  const fresh = testDeps({ offline: true });
  try {
    return await run(fresh);
  } finally {
    await fresh.close();
  }
}

describe('POST /api/v1/data/import', () => {
  it('imports a CSV body or JSON with the file inline: the data import document', async () => {
    const direct = await onFreshStore((d) =>
      dataImport({ file: { text: SPY, name: 'spy.csv' }, symbol: 'SPY' }, d),
    );
    const again = await onFreshStore(async (d) => {
      await dataImport({ file: { text: SPY, name: 'spy.csv' }, symbol: 'SPY' }, d);
      return dataImport({ file: { text: SPY, name: 'spy.csv' }, symbol: 'SPY' }, d);
    });
    const viaApi = await onFreshStore((d) =>
      call(
        createApi(d, { version: '9.9.9' }),
        '/api/v1/data/import?symbol=SPY&name=spy.csv',
        csv(SPY),
      ),
    );
    expect(viaApi).toEqual({ status: 200, body: wire(direct) });
    const input = { file: { text: SPY, name: 'spy.csv' }, kind: 'prices', symbol: 'spy' };
    expect(await call(api, '/api/v1/data/import', json(input))).toEqual({
      status: 200,
      body: wire(again),
    });
  });

  it('names a bad field with 400 and refuses a file path', async () => {
    expect(await call(api, '/api/v1/data/import?kind=prices', csv(SPY))).toMatchObject({
      status: 400,
      body: { code: 'INVALID_INPUT', details: { field: 'symbol' } },
    });
    expect(
      await call(api, '/api/v1/data/import', json({ file: { path: 'spy.csv' }, symbol: 'SPY' })),
    ).toMatchObject({ status: 400, body: { details: { field: 'file.path' } } });
    const bad = await call(api, '/api/v1/data/import?symbol=X', csv('date,close\n2024-01-02,x\n'));
    expect(bad).toMatchObject({ status: 400, body: { code: 'INVALID_INPUT' } });
    expect(bad.body.message).toContain('request body');
  });
});

describe('GET /api/v1/data, prices, returns and quality', () => {
  it('lists the store: the data list document', async () => {
    const { status, body } = await call(api, '/api/v1/data');
    expect(status).toBe(200);
    expect(body.map((e: { id: string }) => e.id)).toEqual(['SPY']);
    expect(body).toEqual(wire(await dataList({}, deps)));
  });

  it('gives the stored bars of a symbol, 404 for an unknown one', async () => {
    const all = await call(api, '/api/v1/data/spy/prices');
    expect(all).toEqual({ status: 200, body: wire(await dataPrices({ symbol: 'spy' }, deps)) });
    expect(all.body.bars).toHaveLength(4);
    const some = await call(api, '/api/v1/data/SPY/prices?from=2024-06-21&to=2024-06-21');
    expect(some.body.bars.map((b: { date: string }) => b.date)).toEqual(['2024-06-21']);
    expect(await call(api, '/api/v1/data/NOPE/prices')).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND', details: { field: 'symbol', value: 'NOPE' } },
    });
    expect(await call(api, '/api/v1/data/SPY/prices?from=June')).toMatchObject({
      status: 400,
      body: { details: { field: 'from' } },
    });
  });

  it('gives the returns document of a symbol; offline, nothing stored is 424', async () => {
    const query = {
      from: '2024-06-01',
      to: '2024-06-20',
      frequency: 'daily',
      kind: 'price',
    } as const;
    const res = await call(
      api,
      `/api/v1/data/spy/returns?${new URLSearchParams(query).toString()}`,
    );
    expect(res).toEqual({
      status: 200,
      body: wire(await returns({ symbols: ['spy'], ...query }, deps)),
    });
    expect(res.body.series.SPY).toHaveLength(1);
    expect(await call(api, '/api/v1/data/SPY/returns?frequency=hourly')).toMatchObject({
      status: 400,
      body: { details: { field: 'frequency' } },
    });
    // The returns use case fetches what is missing: offline, an unknown symbol has no data.
    expect(await call(api, '/api/v1/data/NOPE/returns')).toMatchObject({
      status: 424,
      body: { code: 'DATA_UNAVAILABLE' },
    });
  });

  it('gives the quality reports of stored symbols, 404 for an unknown one', async () => {
    expect(await call(api, '/api/v1/data/quality?symbols=spy&jumpThreshold=0.1')).toEqual({
      status: 200,
      body: wire(await dataQuality({ symbols: ['spy'], jumpThreshold: 0.1 }, deps)),
    });
    expect(await call(api, '/api/v1/data/quality?symbols=SPY,NOPE')).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND', details: { field: 'symbols', value: 'NOPE' } },
    });
    for (const [query, field] of [
      ['', 'symbols'],
      ['symbols=SPY&jumpThreshold=big', 'jumpThreshold'],
    ])
      expect(await call(api, `/api/v1/data/quality?${query}`), query).toMatchObject({
        status: 400,
        body: { code: 'INVALID_INPUT', details: { field } },
      });
  });
});

describe('POST /api/v1/data/fetch', () => {
  it('offline, serves what is stored and gives the CLI --offline error for the rest', async () => {
    const stored = await call(
      api,
      '/api/v1/data/fetch',
      json({ ids: ['SPY'], from: '2024-06-18' }),
    );
    expect(stored).toEqual({
      status: 200,
      body: wire(await dataFetch({ ids: ['SPY'], from: '2024-06-18' }, deps)),
    });
    expect(stored.body.rows[0]).toMatchObject({ id: 'SPY', stale: true });
    const input = { ids: ['SPY', 'NOPE'], from: '2024-06-18' };
    const doc = await dataFetch(input, deps);
    const cli = dataFetchFailure(doc)!;
    expect(await call(api, '/api/v1/data/fetch', json(input))).toEqual({
      status: 424,
      body: {
        code: 'DATA_UNAVAILABLE',
        message: cli.message,
        details: wire({ ...cli.details, rows: doc.rows }),
      },
    });
    expect(cli.message).toBe('1 of 2 ids could not be fetched (see the table)');
  });

  it('names a bad field with 400', async () => {
    expect(await call(api, '/api/v1/data/fetch', json({ ids: [] }))).toMatchObject({
      status: 400,
      body: { code: 'INVALID_INPUT', details: { field: 'ids' } },
    });
  });
});

describe('the data routes with keys required', () => {
  it('need a write key to fetch or import (401, 403) and a read key to read', async () => {
    const app = createApi(deps, { version: '9.9.9', auth: 'required' });
    const read = await keyCreate({ scope: 'read' }, deps);
    const write = await keyCreate({ scope: 'write' }, deps);
    const fetch = { ids: ['SPY'], from: '2024-06-18' };
    expect((await call(app, '/api/v1/data/fetch', json(fetch))).status).toBe(401);
    expect((await call(app, '/api/v1/data/import?symbol=SPY', csv(SPY))).status).toBe(401);
    expect(await call(app, '/api/v1/data/fetch', json(fetch, { key: read.key }))).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect(await call(app, '/api/v1/data/import?symbol=SPY', csv(SPY, read.key))).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect((await call(app, '/api/v1/data/fetch', json(fetch, { key: write.key }))).status).toBe(
      200,
    );
    expect((await call(app, '/api/v1/data/import?symbol=SPY', csv(SPY, write.key))).status).toBe(
      200,
    );
    for (const path of [
      '/api/v1/data',
      '/api/v1/data/SPY/prices',
      '/api/v1/data/quality?symbols=SPY',
    ])
      expect((await call(app, path, bearer(read.key))).status, path).toBe(200);
  });
});

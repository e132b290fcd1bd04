import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { keyCreate } from '../app/key-create.ts';
import { createApi, type ApiOptions } from './app.ts';

const fund = (symbol: string, exposures: string) =>
  `  ${symbol}:\n    name: ${symbol} fund\n    category: Test\n    exposures: ${exposures}\n    provenance: test\n    validatedBy: null\n`;
const MINE = `funds:\n${fund('MYFUND', '{ gold: 2.0 }')}`;
const LEDGER = [
  'date,type,symbol,quantity,price,amount,fees,account,lots',
  '2024-01-02,deposit,,,,100,,A,',
  '2024-01-02,buy,MYFUND,10,10,,0,A,',
].join('\n');

let deps: ReturnType<typeof testDeps>;
beforeEach(() => {
  deps = testDeps({ offline: true });
});
afterEach(async () => {
  await deps.close();
});

/** A parsed JSON document (tests read into it freely). */
type Doc = ReturnType<typeof JSON.parse>;

function client(options: Partial<ApiOptions> = {}, key?: string) {
  const api = createApi(deps, { version: '9.9.9', ...options });
  return async (
    path: string,
    init: { method?: string; json?: unknown; body?: string; type?: string } = {},
  ): Promise<{ status: number; body: Doc; location: string | null }> => {
    const headers: Record<string, string> = {};
    if (key !== undefined) headers['authorization'] = `Bearer ${key}`;
    let body = init.body;
    if (init.json !== undefined) body = JSON.stringify(init.json);
    if (body !== undefined) headers['content-type'] = init.type ?? 'application/json';
    const res = await api.request(path, {
      method: init.method ?? 'GET',
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await res.text();
    const doc: Doc = text === '' ? undefined : JSON.parse(text);
    return { status: res.status, body: doc, location: res.headers.get('location') };
  };
}

describe('stored fund definitions over HTTP', () => {
  it('PUT creates (201) and replaces (200), GET lists and reads, DELETE removes (204)', async () => {
    const call = client();
    const created = await call('/api/v1/funds/stored/mine', {
      method: 'PUT',
      json: { funds: { text: MINE, name: 'mine.yaml' } },
    });
    expect(created).toMatchObject({
      status: 201,
      location: '/api/v1/funds/stored/mine',
      body: { name: 'mine', source: 'mine.yaml', funds: 1, created: true, warnings: [] },
    });
    const yaml = `${MINE}${fund('LEV', '{ us_large_equity: 2.0 }')}`;
    const replaced = await call('/api/v1/funds/stored/mine', {
      method: 'PUT',
      body: yaml,
      type: 'application/yaml',
    });
    expect(replaced).toMatchObject({ status: 200, body: { funds: 2, created: false } });
    const list = await call('/api/v1/funds/stored');
    expect(list.body).toEqual([expect.objectContaining({ name: 'mine', funds: 2 })]);
    const one = await call('/api/v1/funds/stored/mine');
    expect(one.body).toMatchObject({ name: 'mine', text: yaml, source: 'request body' });
    expect(Object.keys(one.body.definitions)).toEqual(['MYFUND', 'LEV']);
    expect((await call('/api/v1/funds/stored/mine', { method: 'DELETE' })).status).toBe(204);
    for (const method of ['GET', 'DELETE'])
      expect(await call('/api/v1/funds/stored/mine', { method })).toMatchObject({
        status: 404,
        body: { code: 'NOT_FOUND', details: { field: 'name', value: 'mine' } },
      });
  });

  it('answers 400 naming the field and stores nothing from a bad file, name or body', async () => {
    const call = client();
    const put = (name: string, json: unknown) =>
      call(`/api/v1/funds/stored/${name}`, { method: 'PUT', json });
    const bad = `funds:\n${fund('BAD', '{ nope: 1 }')}`;
    for (const [name, json, field] of [
      ['bad', { funds: { text: bad, name: 'b.yaml' } }, 'funds.BAD.exposures.nope'],
      ['bad', { funds: { text: 'funds: [1]' } }, 'funds'],
      ['bad', { funds: { path: '/etc/passwd' } }, 'funds.path'],
      ['bad', { name: 'x', funds: { text: MINE } }, 'name'],
      ['bad', {}, 'funds'],
      ['a%20b', { funds: { text: MINE } }, 'name'],
    ] as const) {
      const res = await put(name, json);
      expect([res.status, res.body.code, res.body.details.field], field).toEqual([
        400,
        'INVALID_INPUT',
        field,
      ]);
    }
    expect((await call('/api/v1/funds/stored')).body).toEqual([]);
  });

  it('named universes: PUT, GET, DELETE, 400 naming a repeated symbol', async () => {
    const call = client();
    const put = (json: unknown) => call('/api/v1/universe/stored/core', { method: 'PUT', json });
    expect(await put({ symbols: ['spy', 'agg'], description: 'core' })).toMatchObject({
      status: 201,
      location: '/api/v1/universe/stored/core',
      body: { name: 'core', symbols: ['SPY', 'AGG'], description: 'core', created: true },
    });
    expect((await put({ symbols: ['GLD'] })).status).toBe(200);
    expect((await call('/api/v1/universe/stored')).body).toEqual([
      expect.objectContaining({ name: 'core', symbols: ['GLD'] }),
    ]);
    expect((await call('/api/v1/universe/stored/core')).body.symbols).toEqual(['GLD']);
    const twice = await put({ symbols: ['SPY', 'spy'] });
    expect([twice.status, twice.body.details.field]).toEqual([400, 'symbols[1]']);
    expect((await call('/api/v1/universe/stored/core', { method: 'DELETE' })).status).toBe(204);
    expect((await call('/api/v1/universe/stored/core')).status).toBe(404);
  });
});

describe('stored definitions with keys required', () => {
  it('needs a key (401), a write key to PUT or DELETE (403 for a read key)', async () => {
    const read = await keyCreate({ scope: 'read' }, deps);
    const write = await keyCreate({ scope: 'write' }, deps);
    const anonymous = client({ auth: 'required' });
    const reader = client({ auth: 'required' }, read.key);
    const writer = client({ auth: 'required' }, write.key);
    const body = { method: 'PUT', json: { funds: { text: MINE } } };
    for (const path of ['/api/v1/funds/stored', '/api/v1/universe/stored/core'])
      expect((await anonymous(path)).status, path).toBe(401);
    expect((await anonymous('/api/v1/funds/stored/mine', body)).status).toBe(401);
    const denied = await reader('/api/v1/funds/stored/mine', body);
    expect([denied.status, denied.body.code]).toEqual([403, 'FORBIDDEN']);
    const deniedDelete = await reader('/api/v1/universe/stored/core', { method: 'DELETE' });
    expect(deniedDelete.status).toBe(403);
    expect((await reader('/api/v1/funds/stored')).body).toEqual([]);
    expect((await writer('/api/v1/funds/stored/mine', body)).status).toBe(201);
    expect((await reader('/api/v1/funds/stored/mine')).status).toBe(200);
    expect((await reader('/api/v1/funds/stored/mine', { method: 'DELETE' })).status).toBe(403);
  });
});

describe('analyses over HTTP with stored fund definitions', () => {
  it('GET exposures takes ?fundsStored=NAME, and sees a replaced set at once', async () => {
    const call = client();
    await call('/api/v1/portfolios', { method: 'POST', json: { name: 'p' } });
    await call('/api/v1/portfolios/p/transactions', {
      method: 'POST',
      body: LEDGER,
      type: 'text/csv',
    });
    await call('/api/v1/funds/stored/mine', { method: 'PUT', json: { funds: { text: MINE } } });
    const inline = await call(`/api/v1/portfolios/p/exposures?funds=${encodeURIComponent(MINE)}`);
    const stored = await call('/api/v1/portfolios/p/exposures?fundsStored=mine');
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(inline.body);
    expect(stored.body.exposures).toEqual([
      expect.objectContaining({ id: 'gold', economicValue: 200 }),
    ]);
    // Replacing the set grows the data version: the cached answer is not served again.
    const silver = MINE.replace('gold: 2.0', 'gold: 3.0');
    await call('/api/v1/funds/stored/mine', { method: 'PUT', json: { funds: { text: silver } } });
    const again = await call('/api/v1/portfolios/p/exposures?fundsStored=mine');
    expect(again.body.exposures[0]).toMatchObject({ id: 'gold', economicValue: 300 });

    const unknown = await call('/api/v1/portfolios/p/exposures?fundsStored=other');
    expect([unknown.status, unknown.body.details.field]).toEqual([404, 'funds.stored']);
    const both = await call(`/api/v1/portfolios/p/exposures?funds=x&fundsStored=mine`);
    expect([both.status, both.body.details.field]).toEqual([400, 'fundsStored']);
    const stress = await call('/api/v1/portfolios/p/stress', {
      method: 'POST',
      json: { funds: { stored: 'mine' }, shocks: [{ target: 'gold', kind: 'return', size: -0.1 }] },
    });
    expect(stress.status, JSON.stringify(stress.body)).toBe(200);
  });
});

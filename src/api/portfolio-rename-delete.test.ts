import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call as callApi, storeDemo, type Doc } from '../../test/helpers/api-client.ts';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { keyCreate } from '../app/key-create.ts';
import { createApi } from './app.ts';

let deps: ReturnType<typeof testDeps>;
let api: ReturnType<typeof createApi>;

beforeEach(async () => {
  deps = testDeps({ offline: true, now: '2025-10-01T20:00:00.000Z' });
  api = createApi(deps, { version: '9.9.9' });
  await storeDemo(api);
});
afterEach(async () => {
  await deps.close();
});

const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const call = (path: string, init?: RequestInit) => callApi(api, path, init);

describe('PATCH and DELETE /api/v1/portfolios/{id}', () => {
  it('renames by id or name; a taken name is 409, an unknown portfolio 404', async () => {
    await call('/api/v1/portfolios', json({ name: 'other' }));
    const renamed = await call('/api/v1/portfolios/1', json({ name: ' main ' }, 'PATCH'));
    expect(renamed).toEqual({
      status: 200,
      body: { id: 1, name: 'main', baseCurrency: 'USD', createdAt: '2025-10-01T20:00:00.000Z' },
    });
    expect((await call('/api/v1/portfolios/main')).body).toMatchObject({ id: 1, transactions: 22 });
    expect((await call('/api/v1/portfolios/demo')).status).toBe(404);
    expect(await call('/api/v1/portfolios/main', json({ name: 'other' }, 'PATCH'))).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT', details: { field: 'name', value: 'other' } },
    });
    expect(await call('/api/v1/portfolios/ghost', json({ name: 'x' }, 'PATCH'))).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND', details: { field: 'portfolio', value: 'ghost' } },
    });
    for (const [body, field] of [
      [{ name: '' }, 'name'],
      [{}, 'name'],
      [{ name: 'x', baseCurrency: 'EUR' }, 'baseCurrency'],
      [{ name: 'x', portfolio: 'other' }, 'portfolio'],
      ['x', 'body'],
    ] as const)
      expect(await call('/api/v1/portfolios/main', json(body, 'PATCH')), field).toMatchObject({
        status: 400,
        body: { code: 'INVALID_INPUT', details: { field } },
      });
    expect((await call('/api/v1/portfolios')).body.map((p: Doc) => p.name)).toEqual([
      'main',
      'other',
    ]);
  });

  it('deletes a portfolio with its ledger (204); then it is 404', async () => {
    await call('/api/v1/portfolios', json({ name: 'kept' }));
    const res = await api.request('/api/v1/portfolios/1', { method: 'DELETE' });
    expect([res.status, await res.text()]).toEqual([204, '']);
    expect((await call('/api/v1/portfolios/demo/transactions')).status).toBe(404);
    expect((await call('/api/v1/portfolios')).body.map((p: Doc) => p.name)).toEqual(['kept']);
    expect(await call('/api/v1/portfolios/demo', { method: 'DELETE' })).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND', details: { field: 'portfolio', value: 'demo' } },
    });
    // The name is free again; the new portfolio starts empty.
    await call('/api/v1/portfolios', json({ name: 'demo' }));
    expect((await call('/api/v1/portfolios/demo')).body).toMatchObject({ transactions: 0 });
  });

  it('with keys required: no key is 401, a read key 403, a write key renames and deletes', async () => {
    const guarded = createApi(deps, { version: '9.9.9', auth: 'required' });
    const read = await keyCreate({ scope: 'read' }, deps);
    const write = await keyCreate({ scope: 'write' }, deps);
    const as = (key: string | undefined, method: string, body?: unknown): RequestInit => ({
      method,
      headers: {
        ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const [method, body] of [
      ['PATCH', { name: 'x' }],
      ['DELETE', undefined],
    ] as const) {
      const anonymous = await guarded.request(
        '/api/v1/portfolios/demo',
        as(undefined, method, body),
      );
      expect([anonymous.status, anonymous.headers.get('www-authenticate')]).toEqual([
        401,
        'Bearer',
      ]);
      const reader = await guarded.request('/api/v1/portfolios/demo', as(read.key, method, body));
      expect(reader.status).toBe(403);
      expect(await reader.json()).toMatchObject({
        code: 'FORBIDDEN',
        details: { field: 'authorization' },
      });
    }
    expect(
      (await guarded.request('/api/v1/portfolios/demo/exposures', as(read.key, 'GET'))).status,
    ).toBe(200);
    expect((await call('/api/v1/portfolios/demo')).status).toBe(200);
    const renamed = await guarded.request(
      '/api/v1/portfolios/demo',
      as(write.key, 'PATCH', { name: 'x' }),
    );
    expect(renamed.status).toBe(200);
    expect((await guarded.request('/api/v1/portfolios/x', as(write.key, 'DELETE'))).status).toBe(
      204,
    );
  });
});

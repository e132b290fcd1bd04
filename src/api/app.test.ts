import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { optimize } from '../app/optimize.ts';
import { positions } from '../app/positions.ts';
import { createApi } from './app.ts';

const DEMO = readFileSync(new URL('../../data/demo/transactions.csv', import.meta.url), 'utf8');

let deps: ReturnType<typeof testDeps>;
let api: ReturnType<typeof createApi>;

beforeEach(() => {
  deps = testDeps({ offline: true });
  api = createApi(deps, { version: '9.9.9', bodyLimit: 64 * 1024 });
});
afterEach(async () => {
  await deps.close();
});

const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** A parsed JSON document (tests read into it freely). */
type Doc = ReturnType<typeof JSON.parse>;

async function call(path: string, init?: RequestInit): Promise<{ status: number; body: Doc }> {
  const res = await api.request(path, init);
  return { status: res.status, body: JSON.parse(await res.text()) };
}

async function createDemo(): Promise<number> {
  const created = await call('/api/v1/portfolios', json({ name: 'demo', baseCurrency: 'usd' }));
  await api.request('/api/v1/portfolios/demo/transactions', {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: DEMO,
  });
  return created.body.id as number;
}

describe('the HTTP API: service routes', () => {
  it('answers health, readiness, the OpenAPI document and the docs page', async () => {
    expect(await call('/api/health')).toEqual({
      status: 200,
      body: { status: 'ok', version: '9.9.9' },
    });
    expect(await call('/api/ready')).toEqual({
      status: 200,
      body: { status: 'ready', portfolios: 0 },
    });
    const docs = await api.request('/api/docs');
    expect(docs.headers.get('content-type')).toContain('text/html');
    expect(await docs.text()).toContain('<code>/api/v1/portfolios/{id}/positions</code>');
  });

  it('publishes an OpenAPI 3.1 document with every route and the use-case schemas', async () => {
    const { status, body } = await call('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(body.info).toMatchObject({ title: 'Ballast API', version: '9.9.9' });
    const operations = Object.entries(body.paths as Record<string, object>).flatMap(
      ([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /api/health',
        'GET /api/ready',
        'POST /api/v1/portfolios',
        'GET /api/v1/portfolios',
        'GET /api/v1/portfolios/{id}',
        'PATCH /api/v1/portfolios/{id}',
        'DELETE /api/v1/portfolios/{id}',
        'GET /api/v1/portfolios/{id}/positions',
        'POST /api/v1/portfolios/{id}/transactions',
        'GET /api/v1/portfolios/{id}/transactions',
        'PATCH /api/v1/portfolios/{id}/transactions/{line}',
        'DELETE /api/v1/portfolios/{id}/transactions/{line}',
        'GET /api/v1/portfolios/{id}/holdings',
        'GET /api/v1/portfolios/{id}/summary',
        'GET /api/v1/portfolios/{id}/exposures',
        'GET /api/v1/portfolios/{id}/risk',
        'GET /api/v1/portfolios/{id}/performance',
        'POST /api/v1/portfolios/{id}/stress',
        'POST /api/v1/portfolios/{id}/rebalance',
        'POST /api/v1/portfolios/{id}/plan',
        'GET /api/v1/portfolios/{id}/tax/gains',
        'GET /api/v1/portfolios/{id}/tax/form8949',
        'GET /api/v1/portfolios/{id}/tax/txf',
        'GET /api/v1/portfolios/{id}/tax/harvest',
        'GET /api/v1/portfolios/{id}/corporate-actions',
        'POST /api/v1/portfolios/{id}/corporate-actions/accept',
        'POST /api/v1/optimize',
        'POST /api/v1/frontier',
        'POST /api/v1/estimate',
        'GET /api/v1/estimate/universe',
        'POST /api/v1/analyze',
        'POST /api/v1/backtest',
        'POST /api/v1/simulate',
        'GET /api/v1/data',
        'GET /api/v1/data/quality',
        'GET /api/v1/data/alerts',
        'GET /api/v1/data/{symbol}/prices',
        'GET /api/v1/data/{symbol}/returns',
        'POST /api/v1/data/fetch',
        'POST /api/v1/data/import',
        'GET /api/v1/funds',
        'POST /api/v1/funds/validate',
        'POST /api/v1/location',
        'POST /api/v1/funds/check',
        'GET /api/v1/funds/stored',
        'GET /api/v1/funds/stored/{name}',
        'PUT /api/v1/funds/stored/{name}',
        'DELETE /api/v1/funds/stored/{name}',
        'GET /api/v1/universe',
        'GET /api/v1/universe/stored',
        'GET /api/v1/universe/stored/{name}',
        'PUT /api/v1/universe/stored/{name}',
        'DELETE /api/v1/universe/stored/{name}',
        'POST /api/v1/runs',
        'GET /api/v1/runs',
        'GET /api/v1/runs/{id}',
        'DELETE /api/v1/runs/{id}',
      ].sort(),
    );
    for (const [path, item] of Object.entries(body.paths as Record<string, Doc>))
      for (const operation of Object.values(item as Record<string, Doc>)) {
        expect(typeof operation.summary, path).toBe('string');
        expect(Object.keys(operation.responses).length, path).toBeGreaterThan(0);
      }
    const create = body.paths['/api/v1/portfolios'].post.requestBody.content['application/json'];
    expect(create.schema.required).toEqual(['name']);
    expect(create.schema.properties.name).toMatchObject({ type: 'string', maxLength: 100 });
    const positionsParams = body.paths['/api/v1/portfolios/{id}/positions'].get.parameters;
    expect(positionsParams.map((p: Doc) => `${p.in}:${p.name}`).sort()).toEqual([
      'path:id',
      'query:asOf',
      'query:lotMethod',
    ]);
    const optimizeBody =
      body.paths['/api/v1/optimize'].post.requestBody.content['application/json'];
    expect(optimizeBody.schema.required).toEqual(expect.arrayContaining(['moments', 'objective']));
  });
});

describe('the HTTP API: portfolios', () => {
  it('creates, lists and gets a portfolio by id or name', async () => {
    const created = await api.request(
      '/api/v1/portfolios',
      json({ name: 'main', baseCurrency: 'eur' }),
    );
    expect(created.status).toBe(201);
    const doc = (await created.json()) as object;
    expect(doc).toEqual({
      id: 1,
      name: 'main',
      baseCurrency: 'EUR',
      createdAt: '2024-06-20T20:00:00.000Z',
    });
    expect(created.headers.get('location')).toBe('/api/v1/portfolios/1');
    const summary = { ...doc, accounts: 0, transactions: 0 };
    expect(await call('/api/v1/portfolios')).toEqual({ status: 200, body: [summary] });
    expect(await call('/api/v1/portfolios/1')).toEqual({ status: 200, body: summary });
    expect(await call('/api/v1/portfolios/main')).toEqual({ status: 200, body: summary });
  });

  it('appends a CSV ledger, then JSON transactions numbered after it, and lists them', async () => {
    await call('/api/v1/portfolios', json({ name: 'p' }));
    const csv =
      'date,type,symbol,quantity,price,amount,fees,account,lots\n2024-01-02,deposit,,,,1000,,IRA,\n2024-01-03,buy,VTI,2,250,,,IRA,\n';
    const first = await api.request('/api/v1/portfolios/p/transactions', {
      method: 'POST',
      headers: { 'content-type': 'text/csv; charset=utf-8' },
      body: csv,
    });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({
      appended: 2,
      transactions: 2,
      lines: { first: 2, last: 3 },
    });
    const deposit = { date: '2024-02-01', type: 'deposit', account: 'IRA', amountCents: 5000 };
    const second = await call(
      '/api/v1/portfolios/1/transactions',
      json({ transactions: [deposit] }),
    );
    expect(second).toMatchObject({
      status: 201,
      body: { appended: 1, transactions: 3, lines: { first: 4, last: 4 } },
    });
    const listed = await call('/api/v1/portfolios/p/transactions');
    expect(listed.status).toBe(200);
    expect(
      listed.body.transactions.map((t: Doc) => [t.source.line, t.type, t.amountCents]),
    ).toEqual([
      [2, 'deposit', 100_000],
      [3, 'buy', undefined],
      [4, 'deposit', 5000],
    ]);
  });

  it('gives the positions document of `ballast positions --format json` for the same ledger', async () => {
    const id = await createDemo();
    const expected = positions({ transactions: { text: DEMO, name: 'transactions.csv' } });
    expect(await call(`/api/v1/portfolios/${id}/positions`)).toEqual({
      status: 200,
      body: expected,
    });
    const hifo = positions({
      transactions: { text: DEMO, name: 'x' },
      lotMethod: 'hifo',
      asOf: '2024-12-31',
    });
    expect(await call('/api/v1/portfolios/demo/positions?lotMethod=hifo&asOf=2024-12-31')).toEqual({
      status: 200,
      body: hifo,
    });
  });
});

describe('the HTTP API: optimize', () => {
  it('optimises returns sent inline and gives the use case’s document', async () => {
    // A and B have zero sample covariance; var(B) = 4 var(A), so min-variance weights are
    // 1/var ∝ (1, 1/4): A = 1 / 1.25 = 0.8, B = 0.2.
    const rows = ['date,A,B'];
    const a = [0.01, -0.01, 0.01, -0.01];
    const b = [0.02, 0.02, -0.02, -0.02];
    for (let i = 0; i < 24; i++) {
      const month = String((i % 12) + 1).padStart(2, '0');
      rows.push(`${2020 + Math.floor(i / 12)}-${month}-28,${a[i % 4]},${b[i % 4]}`);
    }
    const input = {
      moments: {
        kind: 'estimate',
        panel: { kind: 'file', file: { text: rows.join('\n'), name: 'r.csv' } },
      },
      objective: { kind: 'min-variance' },
    } as const;
    const { status, body } = await call('/api/v1/optimize', json(input));
    expect(status).toBe(200);
    expect(body.weights.A).toBeCloseTo(0.8, 9);
    expect(body.weights.B).toBeCloseTo(0.2, 9);
    const direct = JSON.parse(JSON.stringify(await optimize(input, deps)));
    // Everything but the solve's wall time is the use case's document.
    direct.diagnostics.solveMs = body.diagnostics.solveMs;
    expect(body).toEqual(direct);
  });

  it('refuses a file path: the server reads no file of its own', async () => {
    const input = {
      moments: { kind: 'estimate', panel: { kind: 'file', file: { path: '/etc/passwd' } } },
      objective: { kind: 'min-variance' },
    };
    const { status, body } = await call('/api/v1/optimize', json(input));
    expect(status).toBe(400);
    expect(body).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'moments.panel.file.path' },
    });
  });
});

describe('the HTTP API: errors', () => {
  it('names the invalid field with 400, like the CLI', async () => {
    const { status, body } = await call(
      '/api/v1/portfolios',
      json({ name: 'x', baseCurrency: 'dollars' }),
    );
    expect(status).toBe(400);
    expect(body.code).toBe('INVALID_INPUT');
    expect(body.details.field).toBe('baseCurrency');
    expect(body.message).toMatch(/^baseCurrency: /);
    expect(body).not.toHaveProperty('stack');
    await call('/api/v1/portfolios', json({ name: 'p' }));
    const row = await call(
      '/api/v1/portfolios/p/transactions',
      json({
        transactions: [{ date: '2024-13-01', type: 'deposit', account: 'A', amountCents: 1 }],
      }),
    );
    expect(row).toMatchObject({
      status: 400,
      body: { code: 'INVALID_INPUT', details: { field: 'transactions[0].date' } },
    });
    const lotMethod = await call('/api/v1/portfolios/p/positions?lotMethod=newest');
    expect(lotMethod).toMatchObject({ status: 400, body: { details: { field: 'lotMethod' } } });
  });

  it('refuses a body that is not JSON or not of a known type with 400', async () => {
    const broken = await call('/api/v1/portfolios', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(broken).toMatchObject({
      status: 400,
      body: { code: 'INVALID_INPUT', details: { field: 'body' } },
    });
    const text = await call('/api/v1/portfolios', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(text).toMatchObject({ status: 400, body: { details: { field: 'content-type' } } });
  });

  it('stores nothing of a batch with a bad row (all or nothing)', async () => {
    await call('/api/v1/portfolios', json({ name: 'p' }));
    const ok = { date: '2024-01-02', type: 'deposit', account: 'A', amountCents: 100 };
    const sellUnknown = {
      date: '2024-01-03',
      type: 'sell',
      account: 'A',
      symbol: 'VTI',
      quantity: 1,
      price: 1,
      lots: ['L99'],
    };
    const res = await call(
      '/api/v1/portfolios/p/transactions',
      json({ transactions: [ok, sellUnknown] }),
    );
    expect(res.status).toBe(400);
    expect((await call('/api/v1/portfolios/p/transactions')).body.transactions).toEqual([]);
  });

  it('answers an unknown portfolio or route with 404 and a taken name with 409', async () => {
    for (const path of [
      '/api/v1/portfolios/ghost',
      '/api/v1/portfolios/7/positions',
      '/api/v1/portfolios/ghost/transactions',
    ])
      expect(await call(path)).toMatchObject({
        status: 404,
        body: { code: 'NOT_FOUND', details: { value: path.split('/')[4] } },
      });
    expect(await call('/api/v1/nothing-here')).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND', details: { field: 'route' } },
    });
    await call('/api/v1/portfolios', json({ name: 'main' }));
    const dup = await call('/api/v1/portfolios', json({ name: 'main' }));
    expect(dup).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
  });

  it('refuses a body over the limit with 413, with or without a content length', async () => {
    const big = 'x'.repeat(64 * 1024 + 1);
    const sized = await call('/api/v1/portfolios', json({ name: big }));
    expect(sized).toMatchObject({
      status: 413,
      body: { code: 'TOO_LARGE', details: { limit: 65_536 } },
    });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await call('/api/v1/optimize', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    });
    expect(chunked).toMatchObject({ status: 413, body: { code: 'TOO_LARGE' } });
  });

  it('sends the secure headers and no CORS headers', async () => {
    const res = await api.request('/api/health', {
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

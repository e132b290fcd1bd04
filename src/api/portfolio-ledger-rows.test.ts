/**
 * The ledger-row routes of a stored portfolio — `PATCH|DELETE …/transactions/{line}`, the
 * append preview `POST …/transactions?dryRun=true` — and the `holdings` and `summary` reads:
 * each answers the document of its use case, and every bad input is one error naming its field.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call as callApi, json, wire, type Doc } from '../../test/helpers/api-client.ts';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { portfolioAppendPreview } from '../app/portfolio-append-preview.ts';
import { portfolioHoldings } from '../app/portfolio-holdings.ts';
import { portfolioSummary } from '../app/portfolio-summary.ts';
import { createApi } from './app.ts';

const HEADER = 'date,type,symbol,quantity,price,amount,fees,account,lots';
/** Lines 2–5: deposit $10 000; buy VTI 10 @ 100 (L3); buy VTI 5 @ 120 (L4); sell 4 of L3 @ 130. */
const LEDGER = [
  HEADER,
  '2024-01-02,deposit,,,,10000,,A,',
  '2024-01-03,buy,VTI,10,100,,,A,',
  '2024-02-01,buy,VTI,5,120,,,A,',
  '2024-03-01,sell,VTI,4,130,,,A,L3',
].join('\n');
const BASE = '/api/v1/portfolios/main';

let deps: ReturnType<typeof testDeps>;
let api: ReturnType<typeof createApi>;
beforeEach(async () => {
  deps = testDeps({ offline: true });
  api = createApi(deps, { version: '9.9.9', rateLimit: false });
  expect((await call('/api/v1/portfolios', json({ name: 'main' }))).status).toBe(201);
  const appended = await api.request(`${BASE}/transactions`, csvPost(LEDGER));
  expect(appended.status).toBe(201);
});
afterEach(async () => {
  await deps.close();
});

const call = (path: string, init?: RequestInit) => callApi(api, path, init);
const csvPost = (body: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'text/csv' },
  body,
});
const patch = (line: number | string, body: unknown) =>
  call(`${BASE}/transactions/${line}`, json(body, { method: 'PATCH' }));
const ledger = async (): Promise<Doc[]> => (await call(`${BASE}/transactions`)).body.transactions;

const BUY = {
  date: '2024-02-01',
  type: 'buy',
  symbol: 'VTI',
  quantity: 6,
  price: 110,
  account: 'A',
};

describe('PATCH /api/v1/portfolios/{id}/transactions/{line}', () => {
  it('replaces the row in place, by the portfolio’s id or name', async () => {
    const got = await patch(4, BUY);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      portfolio: { id: 1, name: 'main' },
      line: 4,
      previous: { quantity: 5, price: 120, source: { line: 4 } },
      transaction: { ...BUY, feesCents: 0, source: { line: 4 } },
      transactions: 4,
    });
    expect((await ledger())[2]).toEqual({ ...BUY, feesCents: 0, source: { line: 4 } });
    const byId = await call(
      '/api/v1/portfolios/1/transactions/4',
      json({ ...BUY, price: 111, source: { line: 4 } }, { method: 'PATCH' }),
    );
    expect(byId.status).toBe(200);
    expect((await ledger())[2]?.price).toBe(111);
  });

  it('names the JSON field of a bad value in details.field, with the line', async () => {
    const deposit = { date: '2024-01-02', type: 'deposit', account: 'A', amountCents: 1_000_000 };
    for (const [line, body, field] of [
      [4, { ...BUY, quantity: 0 }, 'quantity'],
      [4, { ...BUY, price: -1 }, 'price'],
      [4, { ...BUY, date: '2024-02-30' }, 'date'],
      [4, { ...BUY, date: '2024-03-02' }, 'date'], // after line 5's 2024-03-01
      [4, { ...BUY, type: 'purchase' }, 'type'],
      [4, { ...BUY, symbol: 42 }, 'symbol'],
      [4, { ...BUY, account: '' }, 'account'],
      [4, { ...BUY, feesCents: -3 }, 'feesCents'],
      [2, { ...deposit, amountCents: 12.5 }, 'amountCents'],
      [2, { ...deposit, source: { line: 3 } }, 'source.line'],
    ] as const) {
      const got = await patch(line, body);
      expect(got.status, field).toBe(400);
      expect(got.body, field).toMatchObject({
        code: 'INVALID_INPUT',
        details: { field, line },
      });
      expect(got.body.message, field).toMatch(new RegExp(`^${field.replace('.', '\\.')}: `));
    }
    expect((await ledger())[2]).toMatchObject({ quantity: 5, price: 120 });
  });

  it('refuses an edit that breaks a later row with that row’s error; nothing changes', async () => {
    const before = await ledger();
    const got = await patch(3, { ...BUY, date: '2024-01-03', quantity: 3, price: 100 });
    expect(got).toEqual({
      status: 400,
      body: {
        code: 'INVALID_INPUT',
        message: 'portfolio main:5: lots: the listed lots hold 3 of the 4 VTI shares to close',
        details: expect.objectContaining({ field: 'lots', line: 5, column: 'lots' }),
      },
    });
    expect(await ledger()).toEqual(before);
  });

  it('answers 404 for a line with no row or an unknown portfolio, 400 for a bad line or body', async () => {
    expect(await patch(9, BUY)).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND', details: { field: 'line', value: 9 } },
    });
    expect(
      await call('/api/v1/portfolios/ghost/transactions/4', json(BUY, { method: 'PATCH' })),
    ).toMatchObject({ status: 404, body: { details: { field: 'portfolio' } } });
    for (const line of ['four', '0', '4.5'])
      expect(await patch(line, BUY), line).toMatchObject({
        status: 400,
        body: { code: 'INVALID_INPUT', details: { field: 'line' } },
      });
    expect(await patch(4, [BUY])).toMatchObject({
      status: 400,
      body: { details: { field: 'body' } },
    });
  });
});

describe('DELETE /api/v1/portfolios/{id}/transactions/{line}', () => {
  it('deletes a row no later row needs (204); the others keep their lines', async () => {
    const res = await api.request(`${BASE}/transactions/4`, { method: 'DELETE' });
    expect([res.status, await res.text()]).toEqual([204, '']);
    expect((await ledger()).map((t) => t.source.line)).toEqual([2, 3, 5]);
  });

  it('refuses to delete a buy a later sale lists, naming the sale; 404 for an empty line', async () => {
    const before = await ledger();
    const got = await call(`${BASE}/transactions/3`, { method: 'DELETE' });
    expect(got).toMatchObject({
      status: 404,
      body: {
        code: 'NOT_FOUND',
        message: 'portfolio main:5: lots: lot "L3" is not an open long lot of VTI in account A',
        details: { field: 'lots', line: 5 },
      },
    });
    expect(await ledger()).toEqual(before);
    expect(await call(`${BASE}/transactions/6`, { method: 'DELETE' })).toMatchObject({
      status: 404,
      body: { details: { field: 'line', value: 6 } },
    });
  });
});

describe('POST /api/v1/portfolios/{id}/transactions?dryRun=true', () => {
  const BATCH = [
    HEADER,
    '2024-04-01,buy,VTI,2,140,,,A,',
    '2024-04-02,sell,VTI,1,150,,,A,L9',
    '2024-04-03,fee,,,,x,,A,',
  ].join('\n');

  it('lists every row’s result, stores nothing, and is the use case’s document', async () => {
    const got = await call(`${BASE}/transactions?dryRun=true`, csvPost(BATCH));
    expect(got.status).toBe(200);
    const direct = await portfolioAppendPreview(
      { portfolio: 'main', csv: { text: BATCH, name: 'request body' } },
      deps,
    );
    expect(got.body).toEqual(wire(direct));
    // stored last line 5: the file's line n is stored on n + 4
    expect(
      got.body.rows.map((r: Doc) => [r.line, r.storedLine, r.ok, r.error?.field ?? null]),
    ).toEqual([
      [2, 6, true, null],
      [3, 7, false, 'lots'],
      [4, 8, false, 'amount'],
    ]);
    expect([got.body.dryRun, got.body.valid, got.body.invalid]).toEqual([true, 1, 2]);
    expect(await ledger()).toHaveLength(4);
    // JSON rows, the body the append takes
    const rows = await call(
      `${BASE}/transactions?dryRun=true`,
      json({ transactions: [{ ...BUY, date: '2024-04-01', quantity: -1 }] }),
    );
    expect(rows.body.rows[0]).toMatchObject({ line: 6, ok: false, error: { field: 'quantity' } });
  });

  it('appends as before without dryRun or with dryRun=false, and refuses another value', async () => {
    const good = `${HEADER}\n2024-04-01,buy,VTI,2,140,,,A,`;
    expect((await call(`${BASE}/transactions?dryRun=false`, csvPost(good))).status).toBe(201);
    expect(await ledger()).toHaveLength(5);
    expect(await call(`${BASE}/transactions?dryRun=yes`, csvPost(good))).toMatchObject({
      status: 400,
      body: { code: 'INVALID_INPUT', details: { field: 'dryRun' } },
    });
    expect(await ledger()).toHaveLength(5);
  });
});

describe('GET holdings and summary of a stored portfolio', () => {
  it('answers the documents of portfolioHoldings and portfolioSummary, with the query options', async () => {
    const holdings = await call('/api/v1/portfolios/1/holdings?asOf=2024-06-30&lotMethod=hifo');
    expect(holdings).toEqual({
      status: 200,
      body: wire(
        await portfolioHoldings({ portfolio: 'main', asOf: '2024-06-30', lotMethod: 'hifo' }, deps),
      ),
    });
    // L3: 6 left @ 100, L4: 5 @ 120, valued at the last trade 130: 6 × 130 + 5 × 130 = 1 430
    expect(holdings.body.totals.marketValue).toBe(1430);
    const summary = await call(`${BASE}/summary?asOf=2024-06-30`);
    expect(summary).toEqual({
      status: 200,
      body: wire(await portfolioSummary({ portfolio: 'main', asOf: '2024-06-30' }, deps)),
    });
    // cash 10 000 − 1 000 − 600 + 520 = 8 920; + 1 430 = 10 350
    expect(summary.body.totalValue).toBe(10350);
  });

  it('names a bad query field, and an unknown portfolio or fund set', async () => {
    for (const route of ['holdings', 'summary']) {
      expect(await call(`${BASE}/${route}?asOf=2024-02-30`), route).toMatchObject({
        status: 400,
        body: { details: { field: 'asOf' } },
      });
      expect(await call(`${BASE}/${route}?lotMethod=newest`), route).toMatchObject({
        status: 400,
        body: { details: { field: 'lotMethod' } },
      });
      expect(await call(`/api/v1/portfolios/ghost/${route}`), route).toMatchObject({
        status: 404,
        body: { details: { field: 'portfolio', value: 'ghost' } },
      });
    }
    expect(await call(`${BASE}/summary?fundsStored=nope`)).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND', details: { field: 'funds.stored' } },
    });
  });

  it('documents the routes with their parameters', async () => {
    const doc = (await call('/api/openapi.json')).body;
    const names = (op: Doc) => op.parameters.map((p: Doc) => `${p.in}:${p.name}`).sort();
    expect(names(doc.paths['/api/v1/portfolios/{id}/transactions/{line}'].patch)).toEqual([
      'path:id',
      'path:line',
    ]);
    expect(names(doc.paths['/api/v1/portfolios/{id}/transactions'].post)).toEqual([
      'path:id',
      'query:dryRun',
    ]);
    expect(names(doc.paths['/api/v1/portfolios/{id}/holdings'].get)).toEqual([
      'path:id',
      'query:asOf',
      'query:knownAt',
      'query:lotMethod',
    ]);
    expect(names(doc.paths['/api/v1/portfolios/{id}/summary'].get)).toEqual([
      'path:id',
      'query:asOf',
      'query:funds',
      'query:fundsStored',
      'query:knownAt',
      'query:lotMethod',
    ]);
  });
});

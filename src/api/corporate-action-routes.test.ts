/**
 * `GET /api/v1/portfolios/{id}/corporate-actions` and `POST …/corporate-actions/accept`: the
 * proposals of a stored portfolio from stored bars, accepted in one transaction, then nothing
 * left to propose; a read key cannot accept.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, call as callApi, json, wire } from '../../test/helpers/api-client.ts';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { corporateActions } from '../app/corporate-actions.ts';
import { keyCreate } from '../app/key-create.ts';
import { createApi } from './app.ts';

/** Lines 2–3: deposit $10 000; buy 30 ABC @ 100 in account A. */
const LEDGER = [
  'date,type,symbol,quantity,price,amount,fees,account,lots',
  '2024-01-02,deposit,,,,10000,,A,',
  '2024-01-03,buy,ABC,30,100,,,A,',
].join('\n');
/** Stored ABC bars: a 4-for-1 split effective 2024-02-01, then $0.10 going ex 2024-03-01. */
const BARS = [
  { date: '2024-01-03', close: 100, dividend: 0, split: 1 },
  { date: '2024-02-01', close: 25, dividend: 0, split: 4 },
  { date: '2024-03-01', close: 26, dividend: 0.1, split: 1 },
];
const BASE = '/api/v1/portfolios/main/corporate-actions';

let deps: ReturnType<typeof testDeps>;
let api: ReturnType<typeof createApi>;
beforeEach(async () => {
  deps = testDeps({ offline: true });
  api = createApi(deps, { version: '9.9.9', rateLimit: false });
  expect((await call('/api/v1/portfolios', json({ name: 'main' }))).status).toBe(201);
  const appended = await api.request('/api/v1/portfolios/main/transactions', {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: LEDGER,
  });
  expect(appended.status).toBe(201);
  const store = await deps.store();
  await store.upsertPriceBars('ABC', BARS, {
    source: 'csv:abc.csv',
    fetchedAt: '2024-03-02T00:00:00.000Z',
  });
});
afterEach(async () => {
  await deps.close();
});

const call = (path: string, init?: RequestInit) => callApi(api, path, init);
const post = (path: string, init: RequestInit = {}) => call(path, { method: 'POST', ...init });

/**
 * By hand (docs/corporate-actions.md): the split row counts the 30 shares held at the start of
 * 2024-02-01; the dividend is paid on the split shares, 30 × 4 = 120, × $0.10 = $12.00.
 */
const SPLIT = { date: '2024-02-01', type: 'split', symbol: 'ABC', account: 'A', ratio: 4 };
const DIVIDEND = { date: '2024-03-01', type: 'dividend', symbol: 'ABC', account: 'A' };
const PROPOSED = [
  { ...SPLIT, shares: 30 },
  { ...DIVIDEND, amount: 12, shares: 120, perShare: 0.1 },
];

describe('GET /api/v1/portfolios/{id}/corporate-actions', () => {
  it('proposes the split and the dividend, by id or name, as the use case does', async () => {
    const got = await call(BASE);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      source: { portfolio: 'main' },
      through: null,
      proposed: PROPOSED,
      accepted: false,
      renumbered: [],
      unpriced: [],
    });
    expect(got.body).toEqual(wire(await corporateActions({ portfolio: 'main' }, deps)));
    expect((await call('/api/v1/portfolios/1/corporate-actions')).body).toEqual(got.body);
  });

  it('takes the CLI’s options: asOf before the dividend leaves only the split', async () => {
    const got = await call(`${BASE}?asOf=2024-02-15&dividendWindow=10&splitWindow=2`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ through: '2024-02-15', proposed: [{ ...SPLIT, shares: 30 }] });
    expect(got.body.proposed).toHaveLength(1);
  });

  it('names the query field of a bad value, and an unknown portfolio is 404', async () => {
    const bad = await call(`${BASE}?splitWindow=99`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'splitWindow' } });
    const date = await call(`${BASE}?asOf=2024-13-01`);
    expect(date.status).toBe(400);
    expect(date.body).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'asOf' } });
    const missing = await call('/api/v1/portfolios/nope/corporate-actions');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });
});

describe('POST /api/v1/portfolios/{id}/corporate-actions/accept', () => {
  it('writes the rows after the ledger’s last line; a second GET proposes nothing', async () => {
    // Read twice first: the second answer is the read cache's, kept until the data version grows.
    expect((await call(BASE)).body.proposed).toHaveLength(2);
    const cached = await api.request(BASE);
    expect(cached.headers.get('x-cache')).toBe('hit');
    const accepted = await post(`${BASE}/accept`);
    expect(accepted.status).toBe(200);
    // The ledger's rows are on lines 2 and 3: both new rows go after them, on 4 and 5.
    expect(accepted.body).toMatchObject({
      accepted: true,
      proposed: [
        { ...PROPOSED[0], line: 4 },
        { ...PROPOSED[1], line: 5 },
      ],
      renumbered: [],
    });
    const ledger = (await call('/api/v1/portfolios/main/transactions')).body.transactions;
    expect(ledger.slice(2)).toEqual([
      { ...SPLIT, feesCents: 0, source: { line: 4 } },
      { ...DIVIDEND, amountCents: 1200, feesCents: 0, source: { line: 5 } },
    ]);
    // Same URL as the cached read: the accept's transaction grew the data version.
    const again = await call(BASE);
    expect(again.body.proposed).toEqual([]);
    expect(again.body.recorded).toHaveLength(2);
    // Positions see the split: 30 × 4 = 120 ABC.
    const positions = (await call('/api/v1/portfolios/main/positions')).body;
    expect(JSON.stringify(positions)).toContain('"quantity":120');
    const twice = await post(`${BASE}/accept`);
    expect(twice.body).toMatchObject({ accepted: false, proposed: [] });
  });

  it('refuses a read key (403) and stores nothing; a write key accepts', async () => {
    const keyed = createApi(deps, { version: '9.9.9', auth: 'required', rateLimit: false });
    const read = await keyCreate({ scope: 'read' }, deps);
    const write = await keyCreate({ scope: 'write' }, deps);
    const auth = (key: string): RequestInit => ({ method: 'POST', ...bearer(key) });
    const denied = await callApi(keyed, `${BASE}/accept`, auth(read.key));
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    const readable = await callApi(keyed, BASE, bearer(read.key));
    expect(readable.status).toBe(200);
    expect(readable.body.proposed).toHaveLength(2);
    const ok = await callApi(keyed, `${BASE}/accept`, auth(write.key));
    expect(ok.status).toBe(200);
    expect(ok.body.accepted).toBe(true);
  });
});

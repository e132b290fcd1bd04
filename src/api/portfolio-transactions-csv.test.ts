import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, json, storeDemo } from '../../test/helpers/api-client.ts';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { runCli } from '../../test/helpers/run-cli.ts';
import { createApi } from './app.ts';

const DEMO = fileURLToPath(new URL('../../data/demo/transactions.csv', import.meta.url));
const BASE = '/api/v1/portfolios';

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

/** What `ballast portfolio export demo --format csv` prints for the demo ledger imported. */
async function cliCsv(): Promise<string> {
  const db = join(mkdtempSync(join(tmpdir(), 'ballast-api-csv-')), 'store.sqlite');
  await runCli('portfolio', 'create', 'demo', '--db', db);
  await runCli('portfolio', 'import', 'demo', '--transactions', DEMO, '--db', db);
  const run = await runCli('portfolio', 'export', 'demo', '--format', 'csv', '--db', db);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

describe('GET /api/v1/portfolios/{id}/transactions?format=csv', () => {
  it("is the CLI's CSV, and posting it to a new portfolio gives the same positions", async () => {
    const res = await api.request(`${BASE}/demo/transactions?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csv = await res.text();
    expect(csv).toBe(await cliCsv());

    expect((await call(api, BASE, json({ name: 'copy' }))).status).toBe(201);
    const posted = await api.request(`${BASE}/copy/transactions`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(posted.status).toBe(201);
    const positions = async (name: string) => call(api, `${BASE}/${name}/positions`);
    const demo = await positions('demo');
    expect(demo.status).toBe(200);
    expect(await positions('copy')).toStrictEqual(demo);
    const ledger = async (name: string) =>
      (await call(api, `${BASE}/${name}/transactions`)).body.transactions;
    expect(await ledger('copy')).toStrictEqual(await ledger('demo'));
  });

  it('keeps JSON the default, refuses another format, and is 409 for a ledger a CSV cannot say', async () => {
    for (const query of ['', '?format=json'])
      expect((await call(api, `${BASE}/1/transactions${query}`)).body).toMatchObject({
        portfolio: 'demo',
        transactions: expect.arrayContaining([expect.objectContaining({ source: { line: 2 } })]),
      });
    expect(await call(api, `${BASE}/demo/transactions?format=xml`)).toMatchObject({
      status: 400,
      body: { code: 'INVALID_INPUT', details: { field: 'format' } },
    });
    await call(api, BASE, json({ name: 'numbered' }));
    const deposit = { date: '2024-01-02', account: 'A', type: 'deposit', amountCents: 100 };
    // A row stored on line 1, where a CSV has its header.
    const first = { ...deposit, source: { line: 1 } };
    await call(api, `${BASE}/numbered/transactions`, json({ transactions: [first] }));
    expect(await call(api, `${BASE}/numbered/transactions?format=csv`)).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT', details: { line: 1, field: 'transactions[0].source.line' } },
    });
  });

  it('is documented as a text/csv response in the OpenAPI document', async () => {
    const doc = (await call(api, '/api/openapi.json')).body;
    const get = doc.paths['/api/v1/portfolios/{id}/transactions'].get;
    expect(Object.keys(get.responses['200'].content)).toEqual(['application/json', 'text/csv']);
    expect(get.parameters).toContainEqual(expect.objectContaining({ name: 'format', in: 'query' }));
  });
});

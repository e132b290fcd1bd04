import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { call as callApi, storeDemo, wire, type Doc } from '../../test/helpers/api-client.ts';
import { taxHarvest } from '../app/tax-harvest.ts';
import { createApi } from './app.ts';

let deps: ReturnType<typeof testDeps>;
let api: ReturnType<typeof createApi>;

beforeEach(async () => {
  // After the demo ledger's last row (2025-09-30), so every row counts by default.
  deps = testDeps({ offline: true, now: '2025-10-01T20:00:00.000Z' });
  api = createApi(deps, { version: '9.9.9' });
  await storeDemo(api);
  // The demo's IRA account is a traditional IRA; MARGIN is taxable.
  await (
    await deps.store()
  ).portfolios.setAccounts('demo', [
    { name: 'IRA', taxType: 'traditional_ira' },
    { name: 'MARGIN', taxType: 'taxable' },
  ]);
});
afterEach(async () => {
  await deps.close();
});

const call = (path: string) => callApi(api, path);
const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** Prices on 2025-05-01 that put the demo's UPRO and RSSB lots under water; BND at its cost. */
const PRICES = 'symbol,price\nUPRO,40\nRSSB,20\nBND,85.60\n';

describe('GET /api/v1/portfolios/{id}/tax/harvest', () => {
  it('is the `tax harvest --portfolio` document, by id or name', async () => {
    const direct = wire(await taxHarvest({ portfolio: 'demo' }, deps));
    expect(await call('/api/v1/portfolios/1/tax/harvest')).toEqual({ status: 200, body: direct });
    expect(await call('/api/v1/portfolios/demo/tax/harvest')).toEqual({
      status: 200,
      body: direct,
    });
  });

  it('takes the options from the query and the stored accounts from the portfolio', async () => {
    const options = { asOf: '2025-05-01', lotMethod: 'fifo', threshold: '300' };
    const got = await call(
      `/api/v1/portfolios/demo/tax/harvest?${query({ ...options, prices: PRICES })}`,
    );
    const direct = await taxHarvest(
      {
        portfolio: 'demo',
        asOf: '2025-05-01',
        lotMethod: 'fifo',
        threshold: 300,
        prices: { text: PRICES, name: 'query prices' },
      },
      deps,
    );
    expect(got).toEqual({ status: 200, body: wire(direct) });
    const doc: Doc = got.body;
    // By hand from data/demo/transactions.csv, as of 2025-05-01 (FIFO):
    // UPRO L21: 60 @ 58.75 = 3,525.00, now 60 × 40 = 2,400: loss −1,125, short: × 0.37 = 416.25.
    // RSSB L19: 300 @ 23.10 = 6,930.00, now 6,000: loss −930, short: × 0.37 = 344.10.
    // UPRO L3: 100 @ 95.40 = 9,540 split 2:1 to 200 sh, 50 sold: 150 sh at 9,540 × 150/200 =
    //   7,155, now 6,000: loss −1,155, long: × 0.20 = 231.00; blocked by the 2025-04-08 buy (L21).
    // RSSB L15: 800 @ 20.40 = 16,320, now 16,000: loss −320, long: × 0.20 = 64.00.
    // NTSX (loss 1.00, the buying fee) and RSST (no loss) are under the $300 threshold.
    expect(
      doc.candidates.map((c: Doc) => [c.symbol, c.lotId, c.term, c.loss, c.taxSaving, c.blocked]),
    ).toEqual([
      ['UPRO', 'L21', 'short', -1125, 416.25, false],
      ['RSSB', 'L19', 'short', -930, 344.1, false],
      ['UPRO', 'L3', 'long', -1155, 231, true],
      ['RSSB', 'L15', 'long', -320, 64, false],
    ]);
    expect(doc.candidates[2].blockedBy).toEqual([
      { date: '2025-04-08', account: 'MARGIN', symbol: 'UPRO', quantity: 60, lotId: 'L21' },
    ]);
    // 2025-05-01 − 30 days = 2025-04-01 (April has 30 days); + 30 = 2025-05-31.
    expect(doc.washWindow).toEqual({
      purchasesFrom: '2025-04-01',
      washUntil: '2025-05-31',
      firstCleanDate: '2025-06-01',
    });
    // −1,125 − 930 − 1,155 − 320 = −3,530; 416.25 + 344.10 + 231 + 64 = 1,055.35.
    expect(doc.totals).toEqual({
      candidates: 4,
      blocked: 1,
      loss: -3530,
      taxSaving: 1055.35,
      unblockedLoss: -2375,
      unblockedTaxSaving: 824.35,
    });
    // IRA lots: BND L14, DBMF L6, L18 (reinvested), L20 — never harvested.
    expect(doc.excluded).toEqual({ nonTaxableLots: 4, shortLots: 0, unpriced: [] });
    // In the shipped definitions UPRO and TQQQ are both { us_large_equity: 3.0 }: distance 0.
    const upro = doc.substitutes.find((s: Doc) => s.symbol === 'UPRO');
    expect(upro.inUniverse).toBe(true);
    expect(upro.substitutes).toContainEqual(
      expect.objectContaining({ symbol: 'TQQQ', distance: 0, difference: {} }),
    );
  });

  it('reads rates, tolerance and equivalents from the query', async () => {
    const params = {
      asOf: '2025-05-01',
      threshold: '300',
      shortRate: '0.5',
      longRate: '0.1',
      tolerance: '0',
      prices: PRICES,
      equivalents: 'symbol,group\nUPRO,SP500X3\nTQQQ,SP500X3\n',
    };
    const got = await call(`/api/v1/portfolios/demo/tax/harvest?${query(params)}`);
    expect(got.status).toBe(200);
    // UPRO L21: 1,125 × 0.5 = 562.50; UPRO L3: 1,155 × 0.1 = 115.50.
    const savings = got.body.candidates.map((c: Doc) => [c.lotId, c.taxSaving]);
    expect(savings).toContainEqual(['L21', 562.5]);
    expect(savings).toContainEqual(['L3', 115.5]);
    // TQQQ is in UPRO's group now: not a substitute.
    const upro = got.body.substitutes.find((s: Doc) => s.symbol === 'UPRO');
    expect(upro.group).toBe('SP500X3');
    expect(upro.substitutes.map((s: Doc) => s.symbol)).not.toContain('TQQQ');
  });

  it('names an invalid field with 400 and an unknown portfolio with 404', async () => {
    for (const [params, field] of [
      ['shortRate=2', 'shortRate'],
      ['threshold=-1', 'threshold'],
      ['tolerance=wide', 'tolerance'],
      ['lotMethod=newest', 'lotMethod'],
      ['asOf=2025-02-30', 'asOf'],
    ] as const) {
      const got = await call(`/api/v1/portfolios/demo/tax/harvest?${params}`);
      expect(got.status, params).toBe(400);
      expect(got.body, params).toMatchObject({ code: 'INVALID_INPUT', details: { field } });
    }
    const bad = await call(
      `/api/v1/portfolios/demo/tax/harvest?${query({ equivalents: 'symbol,group\nA,X\nA,Y\n' })}`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details).toMatchObject({ file: 'query equivalents', line: 3, value: 'Y' });
    const missing = await call('/api/v1/portfolios/nope/tax/harvest');
    expect(missing.status).toBe(404);
  });

  it('is documented in the OpenAPI document', async () => {
    const spec = (await call('/api/openapi.json')).body;
    const get = spec.paths['/api/v1/portfolios/{id}/tax/harvest'].get;
    expect(get.parameters.map((p: Doc) => p.name)).toEqual(
      expect.arrayContaining(['id', 'threshold', 'tolerance', 'shortRate', 'longRate', 'asOf']),
    );
  });
});

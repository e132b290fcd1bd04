import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { call as callApi, json, storeDemo, wire, type Doc } from '../../test/helpers/api-client.ts';
import { taxForm8949, taxTxf } from '../app/tax-forms.ts';
import { taxGains } from '../app/tax-gains.ts';
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

/**
 * A wash sale whose replacement is half in an IRA, by hand (FIFO): 100 VOO bought at 50.00
 * (5,000.00) and sold at 40.00 (4,000.00): a loss of 1,000.00 (10.00 a share). Within 30 days
 * 40 shares are bought in the IRA (2024-06-20) and 60 in TAXABLE (2024-06-21): the whole loss
 * is disallowed (code W, adjustment 1,000.00, gain 0), 40 × 10 = 400.00 of it lost for good
 * (an IRA lot's basis is never reported), 60 × 10 = 600.00 added to the TAXABLE lot.
 */
const WASH_LEDGER = `date,type,symbol,quantity,price,amount,fees,account,lots
2024-01-02,deposit,,,,20000,,TAXABLE,
2024-01-02,deposit,,,,10000,,IRA,
2024-01-02,buy,VOO,100,50,,0,TAXABLE,
2024-06-03,sell,VOO,100,40,,0,TAXABLE,
2024-06-20,buy,VOO,40,42,,0,IRA,
2024-06-21,buy,VOO,60,41,,0,TAXABLE,
`;

async function storeWash(): Promise<void> {
  expect((await callApi(api, '/api/v1/portfolios', json({ name: 'wash' }))).status).toBe(201);
  const posted = await api.request('/api/v1/portfolios/wash/transactions', {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: WASH_LEDGER,
  });
  expect(posted.status).toBe(201);
  await (
    await deps.store()
  ).portfolios.setAccounts('wash', [
    { name: 'IRA', taxType: 'traditional_ira' },
    { name: 'TAXABLE', taxType: 'taxable' },
  ]);
}

describe('GET /api/v1/portfolios/{id}/tax/gains', () => {
  it('is the `tax gains --portfolio` document, by id or name', async () => {
    const direct = wire(await taxGains({ portfolio: 'demo' }, deps));
    expect(await call('/api/v1/portfolios/1/tax/gains')).toEqual({ status: 200, body: direct });
    expect(await call('/api/v1/portfolios/demo/tax/gains')).toEqual({ status: 200, body: direct });
    // By hand from data/demo/transactions.csv: the IRA's DBMF sale (2022) is not reportable;
    // MARGIN sold BND (2023) and UPRO (2024), each held over a year.
    expect(direct.rows.map((r: Doc) => [r.disposed, r.symbol, r.part])).toEqual([
      ['2023-03-15', 'BND', 'II'],
      ['2024-07-15', 'UPRO', 'II'],
    ]);
  });

  it('takes the year, ledger options and rates from the query', async () => {
    const params = {
      year: '2024',
      lotMethod: 'hifo',
      partialLot: 'not-replacement',
      washSales: 'false',
      shortRate: '0.32',
      longRate: '0.15',
      stateRate: '0.05',
      niit: 'true',
    };
    const got = await call(`/api/v1/portfolios/demo/tax/gains?${query(params)}`);
    const direct = await taxGains(
      {
        portfolio: 'demo',
        year: 2024,
        lotMethod: 'hifo',
        partialLot: 'not-replacement',
        washSales: false,
        rates: { shortTerm: 0.32, longTerm: 0.15, state: 0.05, niit: 0.038 },
      },
      deps,
    );
    expect(got).toEqual({ status: 200, body: wire(direct) });
    // 2024: UPRO 50 × 70.50 = 3,525.00 − 50 × 95.40 / 2 = 2,385.00: +1,140.00 long-term,
    // taxed at 0.15 + 0.05 + 0.038 = 0.238: 271.32.
    expect(got.body.totals).toEqual({
      shortTerm: 0,
      longTerm: 1140,
      disallowed: 0,
      lost: 0,
      proceeds: 3525,
      costBasis: 2385,
    });
    expect(got.body.estimate).toEqual({
      taxedShortTerm: 0,
      taxedLongTerm: 1140,
      lossDeduction: 0,
      carryforward: 0,
      tax: 271.32,
    });
    expect(got.body).toMatchObject({ year: 2024, lotMethod: 'hifo', washSales: false });
  });

  it('gives a missing federal rate as 0 and a 2023 loss as a deduction', async () => {
    const got = await call(
      `/api/v1/portfolios/demo/tax/gains?${query({ year: '2023', shortRate: '0.32', stateRate: '0.05' })}`,
    );
    expect(got.status).toBe(200);
    // 2023: BND 7,210.00 − 8,560.00 = −1,350.00, under the $3,000 limit: deducted at the
    // ordinary rate 0.32 + 0.05: −499.50.
    expect(got.body.estimate).toEqual({
      taxedShortTerm: 0,
      taxedLongTerm: 0,
      lossDeduction: 1350,
      carryforward: 0,
      tax: -499.5,
    });
  });

  it('shows a wash sale across accounts with the part lost to the IRA', async () => {
    await storeWash();
    const got = await call('/api/v1/portfolios/wash/tax/gains?year=2024');
    expect(got).toEqual({
      status: 200,
      body: wire(await taxGains({ portfolio: 'wash', year: 2024 }, deps)),
    });
    expect(got.body.rows).toEqual([
      expect.objectContaining({
        symbol: 'VOO',
        account: 'TAXABLE',
        proceeds: 4000,
        costBasis: 5000,
        adjustmentCode: 'W',
        adjustment: 1000,
        gain: 0,
        part: 'I',
      }),
    ]);
    expect(got.body.totals).toMatchObject({ shortTerm: 0, disallowed: 1000, lost: 400 });
    // With the rule off the loss stands.
    const off = await call('/api/v1/portfolios/wash/tax/gains?year=2024&washSales=false');
    expect(off.body.totals).toMatchObject({ shortTerm: -1000, disallowed: 0, lost: 0 });
  });

  it('reads equivalents from the query', async () => {
    const equivalents = 'symbol,group\nBND,BONDS\nAGG,BONDS\n';
    const got = await call(`/api/v1/portfolios/demo/tax/gains?${query({ equivalents })}`);
    const direct = await taxGains(
      { portfolio: 'demo', equivalents: { text: equivalents, name: 'query equivalents' } },
      deps,
    );
    expect(got).toEqual({ status: 200, body: wire(direct) });
  });

  it('names the bad query parameter in one INVALID_INPUT', async () => {
    for (const [params, field] of [
      ['year=20x4', 'year'],
      ['year=1850', 'year'],
      ['shortRate=1.5', 'shortRate'],
      ['longRate=high', 'longRate'],
      ['shortRate=0.3&stateRate=-0.1', 'stateRate'],
      ['stateRate=0.05', 'stateRate'],
      ['niit=true', 'niit'],
      ['shortRate=0.3&niit=maybe', 'niit'],
      ['washSales=yes', 'washSales'],
      ['partialLot=some', 'partialLot'],
      ['lotMethod=newest', 'lotMethod'],
      ['asOf=2025-02-30', 'asOf'],
    ] as const) {
      const got = await call(`/api/v1/portfolios/demo/tax/gains?${params}`);
      expect(got.status, params).toBe(400);
      expect(got.body, params).toMatchObject({ code: 'INVALID_INPUT', details: { field } });
      expect(got.body.message, params).toMatch(new RegExp(`^${field}: `));
    }
    expect((await call('/api/v1/portfolios/nope/tax/gains')).status).toBe(404);
  });
});

/** The status, headers and raw bytes of an answer. */
async function raw(path: string) {
  const res = await api.request(path);
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}

const ascii = (bytes: Uint8Array, n: number): string => String.fromCharCode(...bytes.slice(0, n));

describe('GET /api/v1/portfolios/{id}/tax/form8949 and tax/txf', () => {
  it('sends the Form 8949 PDF of the use case as an attachment', async () => {
    const got = await raw('/api/v1/portfolios/demo/tax/form8949?format=pdf&year=2024&name=A%20B');
    const direct = await taxForm8949(
      { portfolio: 'demo', format: 'pdf', year: 2024, name: 'A B' },
      deps,
    );
    expect(got.status).toBe(200);
    expect(got.type).toBe('application/pdf');
    expect(got.disposition).toBe('attachment; filename="form8949-2024.pdf"');
    expect(ascii(got.bytes, 5)).toBe('%PDF-');
    expect(got.bytes).toEqual(direct.body);
  });

  it('sends the Form 8949 CSV of the use case, box and ledger options from the query', async () => {
    await storeWash();
    const csv = await raw(
      '/api/v1/portfolios/wash/tax/form8949?format=csv&year=2024&box=not-reported&lotMethod=lifo',
    );
    const direct = await taxForm8949(
      { portfolio: 'wash', format: 'csv', year: 2024, box: 'not-reported', lotMethod: 'lifo' },
      deps,
    );
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.disposition).toBe('attachment; filename="form8949-2024.csv"');
    expect(new TextDecoder().decode(csv.bytes)).toBe(direct.body);
    // The wash row's code and adjustment are in the file.
    expect(direct.body).toMatch(/,W,/);
    expect(direct.body).toContain('1000.00');
  });

  it('sends the TXF V042 file of the use case as an attachment', async () => {
    const got = await raw('/api/v1/portfolios/demo/tax/txf?year=2023&box=basis-not-reported');
    const direct = await taxTxf({ portfolio: 'demo', year: 2023, box: 'basis-not-reported' }, deps);
    expect(got.status).toBe(200);
    expect(got.type).toBe('application/vnd.intu.txf; charset=utf-8');
    expect(got.disposition).toBe('attachment; filename="gains-2023.txf"');
    const body = new TextDecoder().decode(got.bytes);
    expect(body.startsWith('V042')).toBe(true);
    expect(body).toBe(direct.body);
    // Without a year: every year's rows, and no year in the name.
    const all = await raw('/api/v1/portfolios/demo/tax/txf');
    expect(all.disposition).toBe('attachment; filename="gains.txf"');
  });

  it('names the bad query parameter in one INVALID_INPUT', async () => {
    for (const [path, field] of [
      ['form8949', 'format'],
      ['form8949?format=docx', 'format'],
      ['form8949?format=pdf&box=z', 'box'],
      ['form8949?format=pdf&year=next', 'year'],
      ['txf?box=z', 'box'],
      ['txf?washSales=no', 'washSales'],
      ['txf?lotMethod=newest', 'lotMethod'],
    ] as const) {
      const got = await call(`/api/v1/portfolios/demo/tax/${path}`);
      expect(got.status, path).toBe(400);
      expect(got.body, path).toMatchObject({ code: 'INVALID_INPUT', details: { field } });
    }
    expect((await call('/api/v1/portfolios/nope/tax/txf')).status).toBe(404);
  });

  it('documents the routes and their media types in the OpenAPI document', async () => {
    const spec = (await call('/api/openapi.json')).body;
    const names = (path: string) =>
      spec.paths[`/api/v1/portfolios/{id}/tax/${path}`].get.parameters.map((p: Doc) => p.name);
    expect(names('gains')).toEqual(
      expect.arrayContaining(['id', 'year', 'shortRate', 'longRate', 'stateRate', 'niit']),
    );
    expect(names('form8949')).toEqual(expect.arrayContaining(['format', 'year', 'box', 'name']));
    expect(names('txf')).toEqual(expect.arrayContaining(['year', 'box', 'washSales']));
    const content = (path: string) =>
      Object.keys(spec.paths[`/api/v1/portfolios/{id}/tax/${path}`].get.responses[200].content);
    expect(content('form8949')).toEqual(['application/pdf', 'text/csv']);
    expect(content('txf')).toEqual(['application/vnd.intu.txf']);
  });
});

import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { call as callApi, storeDemo, type Doc } from '../../test/helpers/api-client.ts';
import { exposures } from '../app/exposures.ts';
import { performance } from '../app/performance.ts';
import { plan } from '../app/plan.ts';
import { rebalance } from '../app/rebalance.ts';
import { risk } from '../app/risk.ts';
import { stress } from '../app/stress.ts';
import { createApi } from './app.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const DEMO = read('../../data/demo/transactions.csv');
const FUNDS = read('../../config/funds.yaml');

/** Unadjusted closes of the demo's first holdings (UPRO, BND) on every NYSE day of March 2021. */
const MARCH_2021 = (() => {
  const rows = ['date,symbol,close'];
  const days = ['2021-02-26'];
  for (let d = 1; d <= 31; d++) {
    const date = `2021-03-${String(d).padStart(2, '0')}`;
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(date);
  }
  days.forEach((date, i) => rows.push(`${date},UPRO,${95 + i / 4}`, `${date},BND,${86 - i / 20}`));
  return rows.join('\n');
})();

let deps: ReturnType<typeof testDeps>;
let api: ReturnType<typeof createApi>;

beforeEach(async () => {
  // After the demo ledger's last row (2025-09-30), so every row counts.
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

/** `doc` as the wire carries it, with every solver wall time (`solveMs`) set to 0. */
function wire(doc: unknown): Doc {
  return JSON.parse(JSON.stringify(doc), (key, value: unknown) => (key === 'solveMs' ? 0 : value));
}

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

describe('GET analyses of a stored portfolio (the use case’s document with --portfolio)', () => {
  it('exposures: by id or name, with query options and the fund definitions inline', async () => {
    expect(await call('/api/v1/portfolios/1/exposures')).toEqual({
      status: 200,
      body: wire(await exposures({ portfolio: 'demo' }, deps)),
    });
    // The shipped definitions with RSSB redefined as 2× US equities, and one price given.
    const funds = FUNDS.replace(/^ {2}RSSB:\n(?: {4}.*\n| {6}.*\n)+/m, (rssb) =>
      rssb.replace(/exposures:\n(?: {6}.*\n)+/, 'exposures:\n      us_large_equity: 2.0\n'),
    );
    expect(funds).not.toBe(FUNDS);
    const prices = 'symbol,price\nRSSB,25.00\n';
    const options = { asOf: '2024-12-31', lotMethod: 'hifo' };
    const got = await call(
      `/api/v1/portfolios/demo/exposures?${query({ ...options, funds, prices })}`,
    );
    const direct = await exposures(
      {
        portfolio: 'demo',
        lotMethod: 'hifo',
        asOf: '2024-12-31',
        funds: { text: funds, name: 'query funds' },
        prices: { text: prices, name: 'query prices' },
      },
      deps,
    );
    expect(got).toEqual({ status: 200, body: wire(direct) });
    const rssb = got.body.positions.find((p: Doc) => p.symbol === 'RSSB');
    expect([rssb.price, rssb.quantity]).toEqual([25, 1100]); // 800 + 300 bought on 2024-12-31
    // The redefined RSSB is used: the shipped definitions give other exposures at that price.
    const shipped = { portfolio: 'demo', ...options, prices: { text: prices } } as const;
    expect(got.body.exposures).not.toEqual(wire(await exposures(shipped, deps)).exposures);
  });

  it('risk: numbers and choices from the query', async () => {
    const options = {
      covariance: 'sample',
      confidence: 0.99,
      lambda: 0.9,
      source: 'sample',
    } as const;
    const got = await call(
      `/api/v1/portfolios/demo/risk?${query({ ...options, confidence: '0.99', lambda: '0.9' })}`,
    );
    expect(got.status).toBe(200);
    expect(got.body.valueAtRisk.confidence).toBe(0.99);
    expect(got.body).toEqual(wire(await risk({ portfolio: 'demo', ...options }, deps)));
  });

  it('performance: the window and the prices history inline', async () => {
    const got = await call(
      `/api/v1/portfolios/1/performance?${query({ to: '2021-03-31', period: 'quarterly', pricesHistory: MARCH_2021 })}`,
    );
    const direct = await performance(
      {
        portfolio: 'demo',
        to: '2021-03-31',
        period: 'quarterly',
        pricesHistory: { text: MARCH_2021, name: 'query pricesHistory' },
      },
      deps,
    );
    expect(got).toEqual({ status: 200, body: wire(direct) });
    expect(got.body).toMatchObject({ from: '2021-03-01', to: '2021-03-31', netFlows: 60000 });
  });

  it('performance: the after-tax view from the rate parameters', async () => {
    const window = { to: '2021-03-31', pricesHistory: MARCH_2021 };
    const rates = { shortRate: '0.32', longRate: '0.15', stateRate: '0.05', niit: '0.038' };
    const got = await call(`/api/v1/portfolios/demo/performance?${query({ ...window, ...rates })}`);
    const direct = await performance(
      {
        portfolio: 'demo',
        to: '2021-03-31',
        pricesHistory: { text: MARCH_2021, name: 'query pricesHistory' },
        taxRates: { shortTerm: 0.32, longTerm: 0.15, state: 0.05, niit: 0.038 },
      },
      deps,
    );
    expect(got).toEqual({ status: 200, body: wire(direct) });
    // March 2021: nothing sold, no income → no tax. End 31 March: cash 60 000 − 9 540 − 17 120
    // = 33 340, 100 UPRO × 100.75, 200 BND × 84.85 → 60 385. Modified Dietz from the base close
    // of 26 Feb (33 days) with the 60 000 of 1 March invested 31 days: 385 / (60 000 × 31/33).
    const md = 385 / ((60000 * 31) / 33);
    expect(got.body.afterTax).toMatchObject({ realizedShortTerm: 0, estimatedTax: 0, drag: 0 });
    expect(got.body.afterTax.return).toBeCloseTo(md, 12);
    expect(got.body.afterTax.pretaxReturn).toBeCloseTo(md, 12);
    const plain = await call(`/api/v1/portfolios/demo/performance?${query(window)}`);
    expect(plain.body.afterTax).toBeUndefined();
  });
});

describe('POST analyses of a stored portfolio (structured input in the body)', () => {
  it('stress: hypothetical shocks, and a built-in scenario', async () => {
    const shocks = [
      { target: 'equity', kind: 'return' as const, size: -30, unit: 'percent' as const },
    ];
    expect(await call('/api/v1/portfolios/demo/stress', json({ shocks }))).toEqual({
      status: 200,
      body: wire(await stress({ portfolio: 'demo', shocks }, deps)),
    });
    const rates = { scenario: 'rates-2022', source: 'sample' } as const;
    const got = await call('/api/v1/portfolios/1/stress', json(rates));
    expect(got).toEqual({
      status: 200,
      body: wire(await stress({ portfolio: 'demo', ...rates }, deps)),
    });
    expect(got.body.scenarios.map((s: Doc) => s.name)).toEqual(['rates-2022']);
  });

  it('rebalance: a targets file inline, and weights', async () => {
    const targets = { text: 'symbol,weight\nRSSB,0.5\nNTSX,0.3\nDBMF,0.2\n', name: 'targets.csv' };
    const input = { targets, fractional: true, costBps: 5 };
    const got = await call('/api/v1/portfolios/demo/rebalance', json(input));
    expect(got).toEqual({
      status: 200,
      body: wire(await rebalance({ portfolio: 'demo', ...input }, deps)),
    });
    expect(got.body.trades.length).toBeGreaterThan(0);
    const weights = { weights: { RSSB: 0.6, BND: 0.4 } };
    expect(await call('/api/v1/portfolios/1/rebalance', json(weights))).toEqual({
      status: 200,
      body: wire(await rebalance({ portfolio: 'demo', ...weights }, deps)),
    });
  });

  it('plan: the two-stage plan with its options', async () => {
    const input = { maxLeverage: 1.5, targetVolatilityAnnual: 0.12, fractional: true };
    const got = await call('/api/v1/portfolios/demo/plan', json(input));
    expect(got.status).toBe(200);
    expect(wire(got.body)).toEqual(wire(await plan({ portfolio: 'demo', ...input }, deps)));
  });
});

describe('analyses: invalid input, unknown portfolios, files and the ledger', () => {
  it('names the invalid field with 400, as the CLI does', async () => {
    for (const [path, init, field] of [
      ['exposures?lotMethod=newest', undefined, 'lotMethod'],
      ['exposures?asOf=2024-13-01', undefined, 'asOf'],
      ['risk?confidence=2', undefined, 'confidence'],
      ['risk?confidence=high', undefined, 'confidence'],
      ['risk?covariance=magic', undefined, 'covariance'],
      ['performance?period=weekly', undefined, 'period'],
      ['performance?from=2024-02-01&to=2024-01-01', undefined, 'from'],
      ['performance?shortRate=2', undefined, 'shortRate'],
      ['performance?longRate=0.15&niit=high', undefined, 'niit'],
      ['performance?stateRate=0.05', undefined, 'stateRate'],
      ['stress', json({ shocks: [{ target: 'rates', kind: 'yield', size: 2 }] }), 'shocks[0].unit'],
      ['stress', json({ scenario: 'covid-2020', window: { from: 'x', to: 'y' } }), 'window.from'],
      ['rebalance', json({}), 'targets'],
      ['rebalance', json({ weights: { RSSB: 'half' } }), 'weights.RSSB'],
      ['plan', json({ maxLeverage: 0.5 }), 'maxLeverage'],
      ['plan', json([1, 2]), 'body'],
    ] as const) {
      const got = await call(`/api/v1/portfolios/demo/${path}`, init);
      expect(got.status, path).toBe(400);
      expect(got.body, path).toMatchObject({ code: 'INVALID_INPUT', details: { field } });
      expect(got.body.message, path).toMatch(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: `));
    }
    const risky = await call('/api/v1/portfolios/demo/risk?confidence=high');
    expect(risky.body.details.value).toBe('high');
  });

  it('refuses file paths and a ledger in the body: the path names the portfolio', async () => {
    for (const [body, field] of [
      [{ targets: { path: '/etc/passwd' } }, 'targets.path'],
      [
        { optimize: { objective: 'min-variance', returns: { path: 'r.csv' } } },
        'optimize.returns.path',
      ],
      [{ portfolio: 'other', weights: { RSSB: 1 } }, 'portfolio'],
      [{ holdings: { text: 'symbol,quantity\n' }, weights: { RSSB: 1 } }, 'holdings'],
      [{ transactions: { text: DEMO }, weights: { RSSB: 1 } }, 'transactions'],
    ] as const) {
      const got = await call('/api/v1/portfolios/demo/rebalance', json(body));
      expect(got, field).toMatchObject({
        status: 400,
        body: { code: 'INVALID_INPUT', details: { field } },
      });
    }
    const funds = await call(`/api/v1/portfolios/demo/exposures?${query({ funds: 'path: /etc' })}`);
    expect(funds.status).toBe(400);
    expect(funds.body.message).toContain('query funds');
  });

  it('answers an unknown portfolio with 404 on every route', async () => {
    const routes: [string, RequestInit | undefined][] = [
      ['exposures', undefined],
      ['risk', undefined],
      ['performance', undefined],
      ['stress', json({})],
      ['rebalance', json({ weights: { RSSB: 1 } })],
      ['plan', json({})],
    ];
    for (const [route, init] of routes)
      for (const ref of ['ghost', '42'])
        expect(await call(`/api/v1/portfolios/${ref}/${route}`, init), route).toMatchObject({
          status: 404,
          body: { code: 'NOT_FOUND', details: { field: 'portfolio', value: ref } },
        });
  });

  it('documents each route with the use case’s own schema', async () => {
    const doc = (await call('/api/openapi.json')).body;
    const names = (op: Doc) => op.parameters.map((p: Doc) => `${p.in}:${p.name}`).sort();
    expect(names(doc.paths['/api/v1/portfolios/{id}/risk'].get)).toEqual(
      [
        'path:id',
        'query:asOf',
        'query:confidence',
        'query:covariance',
        'query:funds',
        'query:fundsStored',
        'query:knownAt',
        'query:lambda',
        'query:lotMethod',
        'query:prices',
        'query:source',
      ].sort(),
    );
    const confidence = doc.paths['/api/v1/portfolios/{id}/risk'].get.parameters.find(
      (p: Doc) => p.name === 'confidence',
    );
    expect(confidence.schema).toMatchObject({ type: 'number', exclusiveMinimum: 0 });
    for (const route of ['stress', 'rebalance', 'plan']) {
      const op = doc.paths[`/api/v1/portfolios/{id}/${route}`].post;
      const body = op.requestBody.content['application/json'].schema;
      expect(Object.keys(body.properties), route).not.toContain('portfolio');
      expect(Object.keys(body.properties), route).not.toContain('transactions');
      expect(op.summary, route).toContain('POST:');
    }
    const rebalanceBody =
      doc.paths['/api/v1/portfolios/{id}/rebalance'].post.requestBody.content['application/json'];
    expect(Object.keys(rebalanceBody.schema.properties)).toEqual(
      expect.arrayContaining(['targets', 'weights', 'optimize', 'minTrade', 'costBps']),
    );
  });
});

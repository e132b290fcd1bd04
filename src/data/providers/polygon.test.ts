import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import type { PriceBar } from '../../domain/market/types.ts';
import {
  startMockServer,
  type MockHandler,
  type MockReply,
  type MockServer,
  type RecordedRequest,
} from '../../../test/helpers/mock-http.ts';
import { newYorkDate } from './api-provider-support.ts';
import { createPolygonProvider } from './polygon.ts';
import { describeProviderContract, type ContractScenario } from './provider.contract.ts';

const fixture = (name: string): string =>
  readFileSync(
    new URL(`../../../test/fixtures/providers/polygon/${name}`, import.meta.url),
    'utf8',
  );
const json = (body: string, status = 200): MockReply => ({
  status,
  body,
  headers: { 'content-type': 'application/json' },
});
const KEY = 'pOlYgOnKeY_0123456789abcdefXYZ';
const instant = (): Promise<void> => Promise.resolve();
const SPLIT_RANGE = { symbol: 'AAPL', from: '2020-08-27', to: '2020-09-01' };
const DIVIDEND_RANGE = { symbol: 'AAPL', from: '2020-08-06', to: '2020-08-10' };

async function failure(p: Promise<unknown>): Promise<BallastError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

/** Routes by endpoint, the way Polygon's API is laid out. */
function route(
  req: RecordedRequest,
  replies: {
    aggs: (req: RecordedRequest) => MockReply;
    dividends?: string;
    splits?: string;
    ticker?: MockReply;
  },
): MockReply {
  if (req.path.startsWith('/v2/aggs/ticker/')) return replies.aggs(req);
  if (req.path === '/v3/reference/dividends')
    return json(fixture(replies.dividends ?? 'dividends-empty.json'));
  if (req.path === '/v3/reference/splits')
    return json(fixture(replies.splits ?? 'splits-empty.json'));
  if (req.path.startsWith('/v3/reference/tickers/'))
    return replies.ticker ?? json(fixture('ticker-aapl.json'));
  return json(fixture('ticker-not-found.json'), 404);
}

const pagedAggs = (req: RecordedRequest): MockReply =>
  json(fixture(req.query.has('cursor') ? 'aggs-aapl-page2.json' : 'aggs-aapl-page1.json'));

function handler(scenario: ContractScenario): MockHandler {
  return (req) => {
    switch (scenario) {
      case 'ok':
        return route(req, { aggs: pagedAggs, splits: 'splits-aapl.json' });
      case 'empty':
        return route(req, { aggs: () => json(fixture('aggs-empty.json')) });
      case 'notFound':
        return route(req, {
          aggs: () => json(fixture('aggs-empty.json')),
          ticker: json(fixture('ticker-not-found.json'), 404),
        });
      case 'garbage':
        return json('{"status":"OK","resultsCount":1,"results":[{"t":"2020-08-27","o":"x"}]}');
      case 'outage':
        return { status: 503, body: 'Service Unavailable' };
    }
  };
}

describeProviderContract({
  name: 'polygon',
  kind: 'prices',
  request: { id: SPLIT_RANGE.symbol, from: SPLIT_RANGE.from, to: SPLIT_RANGE.to },
  handler,
  create: (server, http) =>
    createPolygonProvider({ apiKey: KEY, baseUrl: server.baseUrl, ...http }),
  expectOk: (rows) => {
    const bars = rows as PriceBar[];
    expect(bars.map((b) => [b.date, b.close, b.split])).toEqual([
      ['2020-08-27', 500.04, 1],
      ['2020-08-28', 499.23, 1],
      ['2020-08-31', 129.04, 4],
      ['2020-09-01', 134.18, 1],
    ]);
  },
});

describe('Polygon provider', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });
  const provider = (extra: { maxPages?: number } = {}) =>
    createPolygonProvider({
      apiKey: KEY,
      baseUrl: server.baseUrl,
      retries: 2,
      sleep: instant,
      ...extra,
    });

  it('asks for unadjusted ascending day bars and follows next_url on the configured host', async () => {
    server.handler = (req) => route(req, { aggs: pagedAggs, splits: 'splits-aapl.json' });
    const bars = await provider().fetchPrices(SPLIT_RANGE);
    expect(bars).toHaveLength(4);
    const [first, second] = server.requests;
    expect(first?.path).toBe('/v2/aggs/ticker/AAPL/range/1/day/2020-08-27/2020-09-01');
    expect(Object.fromEntries(first?.query ?? [])).toEqual({
      adjusted: 'false',
      sort: 'asc',
      limit: '50000',
    });
    // The fixture's next_url names api.polygon.io: its path and cursor are replayed on our host.
    expect(second?.path).toBe('/v2/aggs/ticker/AAPL/range/1/day/1598846400000/1598932800000');
    expect(second?.query.get('cursor')).toBe('bGltaXQ9MiZzb3J0PWFzYw');
    expect(server.requests.map((r) => r.path).slice(2)).toEqual([
      '/v3/reference/dividends',
      '/v3/reference/splits',
    ]);
    expect(server.requests[2]?.query.get('ex_dividend_date.gte')).toBe('2020-08-27');
    expect(server.requests[3]?.query.get('execution_date.lte')).toBe('2020-09-01');
  });

  it('sends the key as a Bearer header on every request and never in a URL', async () => {
    server.handler = (req) => route(req, { aggs: pagedAggs, splits: 'splits-aapl.json' });
    await provider().fetchPrices(SPLIT_RANGE);
    expect(server.requests).toHaveLength(4);
    for (const req of server.requests) {
      expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(`${req.path}?${req.query.toString()}`).not.toContain(KEY);
    }
  });

  it('merges the split ratio split_to/split_from onto the bar of its execution date', async () => {
    server.handler = (req) => route(req, { aggs: pagedAggs, splits: 'splits-aapl.json' });
    const bars = await provider().fetchPrices(SPLIT_RANGE);
    expect(bars[2]).toEqual({
      date: '2020-08-31',
      open: 127.58,
      high: 131,
      low: 126,
      close: 129.04,
      volume: 225702700,
      dividend: 0,
      split: 4,
    });
  });

  it('merges cash dividends onto the bar of their ex-date', async () => {
    server.handler = (req) =>
      route(req, {
        aggs: () => json(fixture('aggs-aapl-dividend.json')),
        dividends: 'dividends-aapl.json',
      });
    const bars = await provider().fetchPrices(DIVIDEND_RANGE);
    expect(bars.map((b) => [b.date, b.close, b.dividend, b.split])).toEqual([
      ['2020-08-06', 455.61, 0, 1],
      ['2020-08-07', 444.45, 0.82, 1],
      ['2020-08-10', 450.91, 0, 1],
    ]);
  });

  it('adds same-day dividends, puts an event without a bar on the next bar, and reads reverse splits', async () => {
    const dividends = {
      status: 'OK',
      results: [
        { ex_dividend_date: '2020-08-07', cash_amount: 0.5 },
        { ex_dividend_date: '2020-08-07', cash_amount: 0.25 },
        { ex_dividend_date: '2020-08-08', cash_amount: 0.1 },
      ],
    };
    const splits = {
      status: 'OK',
      results: [{ execution_date: '2020-08-06', split_from: 10, split_to: 1 }],
    };
    server.handler = (req) => {
      if (req.path === '/v3/reference/dividends') return json(JSON.stringify(dividends));
      if (req.path === '/v3/reference/splits') return json(JSON.stringify(splits));
      return json(fixture('aggs-aapl-dividend.json'));
    };
    const bars = await provider().fetchPrices(DIVIDEND_RANGE);
    // 0.5 + 0.25 on the 7th; the Saturday 8th's 0.1 lands on Monday the 10th; 1-for-10 → 0.1.
    expect(bars.map((b) => [b.date, b.dividend, b.split])).toEqual([
      ['2020-08-06', 0, 0.1],
      ['2020-08-07', 0.75, 1],
      ['2020-08-10', 0.1, 1],
    ]);
  });

  it('dates bars by the New York calendar across a DST change', () => {
    expect(newYorkDate(1741323600000)).toBe('2025-03-07'); // 05:00Z, EST
    expect(newYorkDate(1741579200000)).toBe('2025-03-10'); // 04:00Z, EDT
    expect(newYorkDate(1598500800000)).toBe('2020-08-27');
  });

  it('tells an unknown ticker (NOT_FOUND) from a range without bars ([]) with the ticker overview', async () => {
    server.handler = (req) =>
      route(req, {
        aggs: () => json(fixture('aggs-empty.json')),
        ticker: json(fixture('ticker-not-found.json'), 404),
      });
    expect((await failure(provider().fetchPrices({ ...SPLIT_RANGE, symbol: 'NOSUCH' }))).code).toBe(
      'NOT_FOUND',
    );
    expect(server.requests.map((r) => r.path)).toEqual([
      '/v2/aggs/ticker/NOSUCH/range/1/day/2020-08-27/2020-09-01',
      '/v3/reference/tickers/NOSUCH',
    ]);
    server.handler = (req) => route(req, { aggs: () => json(fixture('aggs-empty.json')) });
    expect(await provider().fetchPrices(SPLIT_RANGE)).toEqual([]);
  });

  it('reports a bad key or a plan refusal as UNAUTHORIZED, in a 403 or a 200 body', async () => {
    for (const reply of [
      json(fixture('unknown-api-key.json'), 401),
      json(fixture('not-authorized.json'), 403),
      json(fixture('not-authorized.json'), 200),
    ]) {
      server.handler = () => reply;
      expect((await failure(provider().fetchPrices(SPLIT_RANGE))).code).toBe('UNAUTHORIZED');
    }
  });

  it('retries the per-minute limit and then reports RATE_LIMITED', async () => {
    server.handler = () => json(fixture('rate-limit.json'), 429);
    const e = await failure(provider().fetchPrices(SPLIT_RANGE));
    expect(e.code).toBe('RATE_LIMITED');
    expect(server.requests).toHaveLength(3);
  });

  it('reports a body status other than OK or DELAYED as DATA_UNAVAILABLE', async () => {
    server.handler = () =>
      json('{"status":"ERROR","request_id":"x","error":"Internal error, please retry"}');
    const e = await failure(provider().fetchPrices(SPLIT_RANGE));
    expect(e.code).toBe('DATA_UNAVAILABLE');
    expect(e.message).toContain('Internal error');
  });

  it('gives up on a next_url that never ends', async () => {
    server.handler = () => json(fixture('aggs-aapl-page1.json'));
    const e = await failure(provider({ maxPages: 5 }).fetchPrices(SPLIT_RANGE));
    expect(e.details['reason']).toBe('malformed');
    expect(server.requests).toHaveLength(5);
  });

  it('refuses to run without an API key, before any request', async () => {
    const e = await failure(
      createPolygonProvider({ baseUrl: server.baseUrl }).fetchPrices(SPLIT_RANGE),
    );
    expect(e.code).toBe('UNAUTHORIZED');
    expect(e.message).toContain('POLYGON_API_KEY');
    expect(server.requests).toHaveLength(0);
  });

  it('keeps the API key out of every error it reports', async () => {
    const replies: MockReply[] = [
      json(`{"status":"ERROR","request_id":"x","error":"Unknown API Key ${KEY}"}`, 401),
      json(fixture('rate-limit.json'), 429),
      json(fixture('not-authorized.json')),
      { status: 503, body: 'Service Unavailable' },
      json('[]'),
    ];
    for (const reply of replies) {
      server.handler = () => reply;
      const e = await failure(provider().fetchPrices(SPLIT_RANGE));
      expect(`${e.message} ${JSON.stringify(e.toJSON())}`).not.toContain(KEY);
    }
  });
});

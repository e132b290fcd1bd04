import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import type { PriceBar } from '../../domain/market/types.ts';
import {
  startMockServer,
  type MockHandler,
  type MockReply,
  type MockServer,
} from '../../../test/helpers/mock-http.ts';
import { describeProviderContract, type ContractScenario } from './provider.contract.ts';
import { createTiingoProvider } from './tiingo.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/providers/tiingo/${name}`, import.meta.url), 'utf8');
const json = (body: string, status = 200): MockReply => ({
  status,
  body,
  headers: { 'content-type': 'application/json' },
});
const KEY = '0123456789abcdef0123456789abcdef01234567';
const instant = (): Promise<void> => Promise.resolve();
const DIVIDEND_RANGE = { symbol: 'AAPL', from: '2020-08-06', to: '2020-08-10' };
const SPLIT_RANGE = { symbol: 'AAPL', from: '2020-08-27', to: '2020-09-01' };

async function failure(p: Promise<unknown>): Promise<BallastError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

function handler(scenario: ContractScenario): MockHandler {
  return () => {
    switch (scenario) {
      case 'ok':
        return json(fixture('aapl-dividend-prices.json'));
      case 'empty':
        return json('[]');
      case 'notFound':
        return json(fixture('ticker-not-found.json'), 404);
      case 'garbage':
        return json('[{"date":"2020-08-06T00:00:00.000Z","close":"455.61"}]');
      case 'outage':
        return { status: 502, body: '<html><body>502 Bad Gateway</body></html>' };
    }
  };
}

describeProviderContract({
  name: 'tiingo',
  kind: 'prices',
  request: { id: DIVIDEND_RANGE.symbol, from: DIVIDEND_RANGE.from, to: DIVIDEND_RANGE.to },
  handler,
  create: (server, http) => createTiingoProvider({ apiKey: KEY, baseUrl: server.baseUrl, ...http }),
  expectOk: (rows) => {
    const bars = rows as PriceBar[];
    expect(bars.map((b) => b.date)).toEqual(['2020-08-06', '2020-08-07', '2020-08-10']);
    expect(bars[1]).toMatchObject({ close: 444.45, dividend: 0.82, split: 1 });
  },
});

describe('Tiingo provider', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });
  const provider = (apiKey = KEY) =>
    createTiingoProvider({
      apiKey,
      baseUrl: server.baseUrl,
      retries: 2,
      sleep: instant,
    });

  it('asks the daily prices endpoint with the token in the Authorization header, not the URL', async () => {
    server.handler = () => json(fixture('aapl-dividend-prices.json'));
    await provider().fetchPrices({ ...DIVIDEND_RANGE, symbol: ' aapl ' });
    const [req] = server.requests;
    expect(req?.path).toBe('/tiingo/daily/AAPL/prices');
    expect(req?.query.get('startDate')).toBe('2020-08-06');
    expect(req?.query.get('endDate')).toBe('2020-08-10');
    expect(req?.query.has('token')).toBe(false);
    expect(req?.headers.authorization).toBe(`Token ${KEY}`);
  });

  it('maps divCash to the dividend on its ex-date and keeps raw prices with the adjusted close', async () => {
    server.handler = () => json(fixture('aapl-dividend-prices.json'));
    const bars = await provider().fetchPrices(DIVIDEND_RANGE);
    expect(bars[1]).toEqual({
      date: '2020-08-07',
      open: 452.82,
      high: 454.7,
      low: 441.17,
      close: 444.45,
      adjClose: 108.52,
      volume: 49511403,
      dividend: 0.82,
      split: 1,
    });
    expect(bars.map((b) => b.dividend)).toEqual([0, 0.82, 0]);
  });

  it('maps splitFactor to the split ratio on its effective day', async () => {
    server.handler = () => json(fixture('aapl-split-prices.json'));
    const bars = await provider().fetchPrices(SPLIT_RANGE);
    expect(bars.map((b) => [b.date, b.close, b.split])).toEqual([
      ['2020-08-27', 500.04, 1],
      ['2020-08-28', 499.23, 1],
      ['2020-08-31', 129.04, 4],
      ['2020-09-01', 134.18, 1],
    ]);
  });

  it('refuses to run without an API key, before any request', async () => {
    const e = await failure(provider('').fetchPrices(DIVIDEND_RANGE));
    expect(e.code).toBe('UNAUTHORIZED');
    expect(e.message).toContain('TIINGO_API_KEY');
    expect(e.details['provider']).toBe('tiingo');
    expect(server.requests).toHaveLength(0);
    const keyless = createTiingoProvider({ baseUrl: server.baseUrl });
    expect((await failure(keyless.fetchPrices(DIVIDEND_RANGE))).code).toBe('UNAUTHORIZED');
    expect(server.requests).toHaveLength(0);
  });

  it('reports a rejected token as UNAUTHORIZED', async () => {
    server.handler = () => json(fixture('invalid-token.json'), 401);
    expect((await failure(provider().fetchPrices(DIVIDEND_RANGE))).code).toBe('UNAUTHORIZED');
  });

  it('retries the request allocation message and then reports RATE_LIMITED, in a 429 or a 200', async () => {
    for (const status of [429, 200]) {
      server.requests.length = 0;
      server.handler = () => json(fixture('rate-limit.json'), status);
      const e = await failure(provider().fetchPrices(DIVIDEND_RANGE));
      expect(e.code).toBe('RATE_LIMITED');
      expect(server.requests).toHaveLength(3);
    }
  });

  it('keeps the API key out of every error it reports', async () => {
    const replies: MockReply[] = [
      json(fixture('ticker-not-found.json'), 404),
      json(`{"detail":"Invalid token ${KEY}."}`, 401),
      json(fixture('rate-limit.json'), 429),
      { status: 503, body: 'Service Unavailable' },
      json('{"detail":"Error: something else"}'),
    ];
    for (const reply of replies) {
      server.handler = () => reply;
      const e = await failure(provider().fetchPrices(DIVIDEND_RANGE));
      expect(`${e.message} ${JSON.stringify(e.toJSON())}`).not.toContain(KEY);
    }
  });
});

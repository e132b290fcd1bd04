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
import { createAlphaVantageProvider } from './alpha-vantage.ts';
import { describeProviderContract, type ContractScenario } from './provider.contract.ts';

const fixture = (name: string): string =>
  readFileSync(
    new URL(`../../../test/fixtures/providers/alpha-vantage/${name}`, import.meta.url),
    'utf8',
  );
const json = (body: string, status = 200): MockReply => ({
  status,
  body,
  headers: { 'content-type': 'application/json' },
});
const KEY = 'AV0KEY1SECRET23';
const instant = (): Promise<void> => Promise.resolve();
const IBM = { symbol: 'IBM', from: '2023-11-08', to: '2023-11-13' };

async function failure(p: Promise<unknown>): Promise<BallastError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

/** The IBM payload cut to the days after `IBM.to`: a symbol whose history starts later. */
function ibmListedAfterRange(): string {
  const body = JSON.parse(fixture('ibm-daily-adjusted.json')) as Record<
    string,
    Record<string, unknown>
  >;
  const days = Object.entries(body['Time Series (Daily)'] ?? {}).filter(([date]) => date > IBM.to);
  return JSON.stringify({ ...body, 'Time Series (Daily)': Object.fromEntries(days) });
}

function handler(scenario: ContractScenario): MockHandler {
  return () => {
    switch (scenario) {
      case 'ok':
        return json(fixture('ibm-daily-adjusted.json'));
      case 'empty':
        return json(ibmListedAfterRange());
      case 'notFound':
        return json(fixture('error-invalid-call.json'));
      case 'garbage':
        return json('{"Meta Data":{},"Time Series (Daily)":{"2023-11-09":{"1. open":"abc"}}}');
      case 'outage':
        return { status: 503, body: 'Service Unavailable' };
    }
  };
}

describeProviderContract({
  name: 'alpha-vantage',
  kind: 'prices',
  request: { id: IBM.symbol, from: IBM.from, to: IBM.to },
  handler,
  create: (server, http) =>
    createAlphaVantageProvider({ apiKey: KEY, baseUrl: server.baseUrl, ...http }),
  expectOk: (rows) => {
    const bars = rows as PriceBar[];
    expect(bars.map((b) => b.date)).toEqual([
      '2023-11-08',
      '2023-11-09',
      '2023-11-10',
      '2023-11-13',
    ]);
    expect(bars[1]).toMatchObject({ close: 146.62, dividend: 1.66, split: 1 });
  },
});

describe('Alpha Vantage provider', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });
  const provider = (apiKey = KEY) =>
    createAlphaVantageProvider({ apiKey, baseUrl: server.baseUrl, retries: 2, sleep: instant });

  it('asks TIME_SERIES_DAILY_ADJUSTED for the full history of the symbol', async () => {
    server.handler = () => json(fixture('ibm-daily-adjusted.json'));
    await provider().fetchPrices({ ...IBM, symbol: 'ibm' });
    const [req] = server.requests;
    expect(req?.path).toBe('/query');
    expect(Object.fromEntries(req?.query ?? [])).toEqual({
      function: 'TIME_SERIES_DAILY_ADJUSTED',
      symbol: 'IBM',
      outputsize: 'full',
      datatype: 'json',
      apikey: KEY,
    });
  });

  it('cuts the inclusive range client-side, oldest first, with numbers parsed from strings', async () => {
    server.handler = () => json(fixture('ibm-daily-adjusted.json'));
    const bars = await provider().fetchPrices(IBM);
    expect(bars[1]).toEqual({
      date: '2023-11-09',
      open: 147.76,
      high: 148.1,
      low: 146.31,
      close: 146.62,
      adjClose: 136.5201,
      volume: 3449102,
      dividend: 1.66,
      split: 1,
    });
    expect(bars.map((b) => b.dividend)).toEqual([0, 1.66, 0, 0]);
  });

  it('maps the split coefficient to the split ratio on its effective day', async () => {
    server.handler = () => json(fixture('aapl-split-daily-adjusted.json'));
    const bars = await provider().fetchPrices({
      symbol: 'AAPL',
      from: '2020-08-27',
      to: '2020-09-01',
    });
    expect(bars.map((b) => [b.date, b.close, b.split])).toEqual([
      ['2020-08-27', 500.04, 1],
      ['2020-08-28', 499.23, 1],
      ['2020-08-31', 129.04, 4],
      ['2020-09-01', 134.18, 1],
    ]);
  });

  it('retries a Note or a rate-limit Information body and then reports RATE_LIMITED', async () => {
    for (const name of ['note-frequency.json', 'information-daily-limit.json']) {
      server.requests.length = 0;
      server.handler = () => json(fixture(name));
      const e = await failure(provider().fetchPrices(IBM));
      expect(e.code).toBe('RATE_LIMITED');
      expect(e.details['provider']).toBe('alpha-vantage');
      expect(server.requests).toHaveLength(3);
    }
  });

  it('succeeds when data follows a Note', async () => {
    server.handler = (_req, n) =>
      n === 1 ? json(fixture('note-frequency.json')) : json(fixture('ibm-daily-adjusted.json'));
    const bars = await provider().fetchPrices(IBM);
    expect(bars).toHaveLength(4);
    expect(server.requests).toHaveLength(2);
  });

  it('reports a premium endpoint as UNAUTHORIZED at once, since retrying cannot help', async () => {
    server.handler = () => json(fixture('information-premium.json'));
    const e = await failure(provider().fetchPrices(IBM));
    expect(e.code).toBe('UNAUTHORIZED');
    expect(e.message).toMatch(/premium endpoint/);
    expect(server.requests).toHaveLength(1);
  });

  it('reports an invalid call as NOT_FOUND and a missing or invalid key as UNAUTHORIZED', async () => {
    server.handler = () => json(fixture('error-invalid-call.json'));
    expect((await failure(provider().fetchPrices(IBM))).code).toBe('NOT_FOUND');
    server.handler = () => json(fixture('error-apikey.json'));
    expect((await failure(provider().fetchPrices(IBM))).code).toBe('UNAUTHORIZED');
  });

  it('refuses to run without an API key, before any request', async () => {
    const e = await failure(
      createAlphaVantageProvider({ baseUrl: server.baseUrl }).fetchPrices(IBM),
    );
    expect(e.code).toBe('UNAUTHORIZED');
    expect(e.message).toContain('ALPHA_VANTAGE_API_KEY');
    expect(server.requests).toHaveLength(0);
  });

  it('keeps the API key out of every error it reports', async () => {
    const replies: MockReply[] = [
      json(fixture('error-invalid-call.json')),
      json(`{"Error Message": "the parameter apikey ${KEY} is invalid or missing."}`),
      json(fixture('note-frequency.json')),
      json(fixture('information-premium.json')),
      { status: 503, body: 'Service Unavailable' },
      json('{}'),
    ];
    for (const reply of replies) {
      server.handler = () => reply;
      const e = await failure(provider().fetchPrices(IBM));
      expect(`${e.message} ${JSON.stringify(e.toJSON())}`).not.toContain(KEY);
    }
  });
});

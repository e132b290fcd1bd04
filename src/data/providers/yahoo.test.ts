import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import type { PriceBar } from '../../domain/market/types.ts';
import {
  redirectingFetch,
  startMockServer,
  type MockHandler,
  type MockReply,
  type MockServer,
} from '../../../test/helpers/mock-http.ts';
import { describeProviderContract, type ContractScenario } from './provider.contract.ts';
import { createYahooProvider } from './yahoo.ts';

const fixture = (name: string): unknown =>
  JSON.parse(
    readFileSync(
      new URL(`../../../test/fixtures/providers/yahoo/${name}`, import.meta.url),
      'utf8',
    ),
  );

/** "Now" for every test: after all fixture windows, so later splits are looked up. */
const NOW = Date.parse('2026-01-05T12:00:00Z');
const instant = (): Promise<void> => Promise.resolve();

/** Yahoo's cookie page and crumb endpoint, as recorded by yahoo-finance2 (see README). */
function crumbFlow(path: string): MockReply | undefined {
  if (path === '/quote/AAPL') {
    return {
      body: '<!doctype html><html lang="en-US"></html>',
      headers: {
        'set-cookie':
          'A3=d=AQABBPu5wGoC&S=AQAAAtFf; Max-Age=31557600; Domain=.yahoo.com; Path=/; SameSite=None; Secure; HttpOnly',
      },
    };
  }
  if (path === '/v1/test/getcrumb') return { body: 'haT3oykhHqZ' };
  return undefined;
}

/** A chart route answering the daily and the monthly (later splits) request from fixtures. */
function chartRoute(symbol: string, daily: string, monthly: string): MockHandler {
  return (req) => {
    if (req.path !== `/v8/finance/chart/${symbol}`)
      return { status: 404, body: fixture('chart-not-found.json') };
    return { body: fixture(req.query.get('interval') === '1mo' ? monthly : daily) };
  };
}

const MAINTENANCE_PAGE =
  '<!DOCTYPE html><html><head><title>Yahoo</title></head><body>Will be right back...</body></html>';

function contractHandler(scenario: ContractScenario): MockHandler {
  switch (scenario) {
    case 'ok':
      return chartRoute('SPY', 'chart-spy-daily.json', 'chart-spy-monthly.json');
    case 'empty':
      return () => ({ body: fixture('chart-spy-empty.json') });
    case 'notFound':
      return () => ({ status: 404, body: fixture('chart-not-found.json') });
    case 'garbage':
      return () => ({ body: MAINTENANCE_PAGE, headers: { 'content-type': 'text/html' } });
    case 'outage':
      return () => ({ status: 503, body: 'Service Unavailable' });
  }
}

describeProviderContract({
  name: 'yahoo',
  kind: 'prices',
  request: { id: 'SPY', from: '2024-06-03', to: '2024-06-07' },
  handler: contractHandler,
  create: (server, http) =>
    createYahooProvider({ fetch: redirectingFetch(server.baseUrl), ...http, now: () => NOW }),
  expectOk: (rows) => {
    const bars = rows as PriceBar[];
    expect(bars.map((b) => b.date)).toEqual([
      '2024-06-03',
      '2024-06-04',
      '2024-06-05',
      '2024-06-06',
      '2024-06-07',
    ]);
    // No split after the window (the monthly answer has no events), so F = 1: values as served.
    expect(bars[0]).toEqual({
      date: '2024-06-03',
      open: 529.02,
      high: 529.31,
      low: 522.6,
      close: 527.8,
      adjClose: 516.61,
      volume: 46835700,
      dividend: 0,
      split: 1,
    });
  },
});

describe('yahoo provider', () => {
  let server: MockServer;
  const provider = (): ReturnType<typeof createYahooProvider> =>
    createYahooProvider({
      fetch: redirectingFetch(server.baseUrl),
      retries: 2,
      sleep: instant,
      now: () => NOW,
    });
  const use = (handler: MockHandler): void => {
    server.requests.length = 0;
    server.handler = (req, n) => crumbFlow(req.path) ?? handler(req, n);
  };
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());

  it('asks for daily bars with dividend and split events over a window padded to an inclusive end', async () => {
    use(chartRoute('SPY', 'chart-spy-daily.json', 'chart-spy-monthly.json'));
    await provider().fetchPrices!({ symbol: ' spy ', from: '2024-06-03', to: '2024-06-07' });
    const [daily, monthly] = server.requests;
    expect(daily?.path).toBe('/v8/finance/chart/SPY');
    expect(daily?.query.get('interval')).toBe('1d');
    expect(daily?.query.get('events')).toBe('div|split');
    // period1 = 2024-06-02 00:00 UTC (one day of padding), period2 = 2024-06-09 00:00 UTC:
    // the exclusive end is `to` + 1 day, plus one day of padding for exchanges east of UTC.
    expect(daily?.query.get('period1')).toBe(String(Date.parse('2024-06-02T00:00:00Z') / 1000));
    expect(daily?.query.get('period2')).toBe(String(Date.parse('2024-06-09T00:00:00Z') / 1000));
    expect(monthly?.query.get('interval')).toBe('1mo');
    expect(monthly?.query.get('events')).toBe('split');
    expect(monthly?.query.get('period1')).toBe(daily?.query.get('period2'));
  });

  it('un-adjusts split-adjusted prices and puts the split ratio on its date', async () => {
    use(chartRoute('NVDA', 'chart-nvda-daily.json', 'chart-nvda-monthly.json'));
    const bars = await provider().fetchPrices!({
      symbol: 'NVDA',
      from: '2021-07-16',
      to: '2021-07-22',
    });
    expect(bars.map((b) => [b.date, b.split])).toEqual([
      ['2021-07-16', 1],
      ['2021-07-19', 1],
      ['2021-07-20', 4],
      ['2021-07-21', 1],
      ['2021-07-22', 1],
    ]);
    const [, before, on, after] = bars;
    // Yahoo's 18.75 on 2021-07-19 is adjusted by the 4:1 (2021-07-20) and 10:1 (2024-06-10)
    // splits after it: traded close = 18.75 × 4 × 10 = 750; volume 1e9 / 40 = 25 000 000.
    expect(before?.close).toBeCloseTo(750, 9);
    expect(before?.volume).toBe(25_000_000);
    // From the split day on only the 10:1 split lies ahead: 18.80 × 10 = 188.
    expect(on?.close).toBeCloseTo(188, 9);
    expect(on?.open).toBeCloseTo(187, 9);
    expect(after?.close).toBeCloseTo(192.5, 9);
    // adjClose is Yahoo's fully adjusted close, kept as served.
    expect(before?.adjClose).toBe(18.6);
    // The 2-day return across the split with the docs/conventions.md formula: 188 / (750 / 4) − 1 = +0.27 %.
    expect(on!.close / (before!.close / on!.split) - 1).toBeCloseTo(188 / 187.5 - 1, 12);
  });

  it('puts a dividend on its ex-date and keeps the adjusted close', async () => {
    use(chartRoute('MSFT', 'chart-msft-daily.json', 'chart-spy-monthly.json'));
    const bars = await provider().fetchPrices!({
      symbol: 'MSFT',
      from: '2021-08-16',
      to: '2021-08-20',
    });
    expect(bars.map((b) => [b.date, b.dividend])).toEqual([
      ['2021-08-16', 0],
      ['2021-08-17', 0],
      ['2021-08-18', 0.56],
      ['2021-08-19', 0],
      ['2021-08-20', 0],
    ]);
    expect(bars[2]).toMatchObject({ close: 292.08, adjClose: 284.84, split: 1 });
  });

  it("returns [] for Yahoo's 400 'Data doesn't exist for startDate'", async () => {
    use(() => ({ status: 400, body: fixture('chart-no-data-400.json') }));
    expect(
      await provider().fetchPrices!({ symbol: 'SPY', from: '1990-01-01', to: '1990-01-05' }),
    ).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('reports a schema-invalid chart as malformed without retrying', async () => {
    use(() => ({
      body: {
        chart: { result: [{ meta: { symbol: 'SPY' }, timestamp: 'yesterday' }], error: null },
      },
    }));
    const e = await provider().fetchPrices!({
      symbol: 'SPY',
      from: '2024-06-03',
      to: '2024-06-07',
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BallastError);
    expect((e as BallastError).details).toMatchObject({ provider: 'yahoo', reason: 'malformed' });
    expect(server.requests).toHaveLength(1);
  });

  it('rejects an end date before the start date', async () => {
    const e = await provider().fetchPrices!({
      symbol: 'SPY',
      from: '2024-06-07',
      to: '2024-06-03',
    }).catch((x: unknown) => x);
    expect((e as BallastError).code).toBe('INVALID_INPUT');
  });

  it('fetches a quote with the cookie and crumb', async () => {
    use((req) =>
      req.path === '/v7/finance/quote' ? { body: fixture('quote-aapl.json') } : { status: 404 },
    );
    const quote = await provider().fetchQuote!('aapl');
    expect(quote).toEqual({
      symbol: 'AAPL',
      price: 333.69,
      currency: 'USD',
      time: new Date(1790971201 * 1000).toISOString(),
      source: 'yahoo',
    });
    const api = server.requests.find((r) => r.path === '/v7/finance/quote');
    expect(api?.query.get('symbols')).toBe('AAPL');
    expect(api?.query.get('crumb')).toBe('haT3oykhHqZ');
    expect(api?.headers.cookie).toContain('A3=');
  });

  it('renews a rejected crumb once and retries the quote', async () => {
    let quoteCalls = 0;
    use((req) => {
      if (req.path !== '/v7/finance/quote') return { status: 404 };
      quoteCalls++;
      return quoteCalls === 1
        ? { status: 401, body: fixture('quote-invalid-crumb-401.json') }
        : { body: fixture('quote-aapl.json') };
    });
    expect((await provider().fetchQuote!('AAPL')).price).toBe(333.69);
    expect(server.requests.filter((r) => r.path === '/v1/test/getcrumb')).toHaveLength(2);
  });

  it('reports a quote for an unknown symbol as NOT_FOUND', async () => {
    use((req) =>
      req.path === '/v7/finance/quote' ? { body: fixture('quote-empty.json') } : { status: 404 },
    );
    const e = await provider().fetchQuote!('ZZZZZZ').catch((x: unknown) => x);
    expect((e as BallastError).code).toBe('NOT_FOUND');
  });

  it('searches symbols, keeping only Yahoo Finance instruments', async () => {
    use((req) =>
      req.path === '/v1/finance/search' ? { body: fixture('search-aapl.json') } : { status: 404 },
    );
    const matches = await provider().search!('AAPL');
    expect(server.requests[0]?.query.get('q')).toBe('AAPL');
    expect(matches).toHaveLength(4);
    expect(matches[0]).toEqual({
      symbol: 'AAPL',
      name: 'Apple Inc.',
      exchange: 'NASDAQ',
      type: 'equity',
    });
    expect(matches[2]).toEqual({
      symbol: 'AAPW',
      name: 'Roundhill AAPL WeeklyPay ETF',
      exchange: 'BATS Trading',
      type: 'etf',
    });
  });

  it('passes the caller abort through without retrying', async () => {
    use(() => ({ status: 503, body: 'Service Unavailable' }));
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    const e = await provider().fetchPrices!({
      symbol: 'SPY',
      from: '2024-06-03',
      to: '2024-06-07',
      signal: controller.signal,
    }).catch((x: unknown) => x);
    expect((e as Error).message).toBe('user cancelled');
    expect(server.requests).toHaveLength(0);
  });
});

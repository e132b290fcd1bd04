/**
 * Corporate actions from each provider's documented wire format into the store and back: the
 * recorded fixtures served by a local mock server, fetched through the market-data service,
 * stored, and read from the store as `dividend` and `split` on the bars
 * (docs/corporate-actions.md, "Where the actions come from").
 */

import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import {
  redirectingFetch,
  startMockServer,
  type MockHandler,
  type MockServer,
} from '../../../test/helpers/mock-http.ts';
import type { MarketDataProvider } from '../providers/provider.ts';
import { createPolygonProvider } from '../providers/polygon.ts';
import { createTiingoProvider } from '../providers/tiingo.ts';
import { createYahooProvider } from '../providers/yahoo.ts';
import type { MarketStore } from '../store/market-store.ts';
import { openStore } from '../store/open-store.ts';
import { MarketDataService } from './service.ts';

const fixture = (provider: string, name: string): string =>
  readFileSync(
    new URL(`../../../test/fixtures/providers/${provider}/${name}`, import.meta.url),
    'utf8',
  );
const json = (body: string) => ({ body, headers: { 'content-type': 'application/json' } });
const instant = (): Promise<void> => Promise.resolve();
const clock = fixedClock('2026-01-05T12:00:00.000Z', '2026-01-05');

describe('dividends and splits: provider wire format → store', () => {
  let server: MockServer;
  let store: MarketStore;
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    store = await openStore({ url: ':memory:' });
  });
  afterEach(() => store.close());

  /** Fetches through the service with `provider` alone, then reads the stored bars. */
  async function stored(
    provider: MarketDataProvider,
    handler: MockHandler,
    request: { symbol: string; from: string; to: string },
  ): Promise<[string, number, number][]> {
    server.handler = handler;
    const service = new MarketDataService({
      store,
      clock,
      chains: { prices: [provider], series: [] },
    });
    await service.getPrices(request.symbol, request);
    const bars = await store.getPriceBars(request.symbol);
    return bars.map((b) => [b.date, b.dividend, b.split]);
  }

  it('Yahoo chart: events.dividends and events.splits', async () => {
    const yahoo = createYahooProvider({
      fetch: redirectingFetch(server.baseUrl),
      sleep: instant,
      now: () => Date.parse('2026-01-05T12:00:00Z'),
    });
    const chart =
      (daily: string, monthly: string): MockHandler =>
      (req) => {
        if (req.path === '/v1/test/getcrumb') return { body: 'haT3oykhHqZ' };
        if (!req.path.startsWith('/v8/finance/chart/')) return { body: '<html></html>' };
        return json(fixture('yahoo', req.query.get('interval') === '1mo' ? monthly : daily));
      };
    // chart-msft-daily.json: events.dividends has amount 0.56 dated 2021-08-18.
    const msft = await stored(yahoo, chart('chart-msft-daily.json', 'chart-spy-monthly.json'), {
      symbol: 'MSFT',
      from: '2021-08-16',
      to: '2021-08-20',
    });
    expect(msft.filter(([, d]) => d > 0)).toEqual([['2021-08-18', 0.56, 1]]);
    // chart-nvda-daily.json: events.splits numerator 4, denominator 1 on 2021-07-20.
    const nvda = await stored(yahoo, chart('chart-nvda-daily.json', 'chart-nvda-monthly.json'), {
      symbol: 'NVDA',
      from: '2021-07-16',
      to: '2021-07-22',
    });
    expect(nvda.filter(([, , s]) => s !== 1)).toEqual([['2021-07-20', 0, 4]]);
  });

  it('Tiingo: divCash and splitFactor', async () => {
    const tiingo = createTiingoProvider({
      apiKey: '0123456789abcdef0123456789abcdef01234567',
      baseUrl: server.baseUrl,
      sleep: instant,
    });
    // aapl-dividend-prices.json: divCash 0.82 on 2020-08-07.
    const dividend = await stored(
      tiingo,
      () => json(fixture('tiingo', 'aapl-dividend-prices.json')),
      { symbol: 'AAPL', from: '2020-08-06', to: '2020-08-10' },
    );
    expect(dividend).toEqual([
      ['2020-08-06', 0, 1],
      ['2020-08-07', 0.82, 1],
      ['2020-08-10', 0, 1],
    ]);
    // aapl-split-prices.json: splitFactor 4.0 on 2020-08-31.
    const split = await stored(tiingo, () => json(fixture('tiingo', 'aapl-split-prices.json')), {
      symbol: 'AAPL',
      from: '2020-08-27',
      to: '2020-09-01',
    });
    expect(split.filter(([, , s]) => s !== 1)).toEqual([['2020-08-31', 0, 4]]);
  });

  it('Polygon: /v3/reference/dividends cash_amount and /v3/reference/splits split_to / split_from', async () => {
    const polygon = createPolygonProvider({
      apiKey: 'pOlYgOnKeY_0123456789abcdefXYZ',
      baseUrl: server.baseUrl,
      sleep: instant,
    });
    const route =
      (aggs: (cursor: boolean) => string, dividends: string, splits: string): MockHandler =>
      (req) => {
        if (req.path === '/v3/reference/dividends') return json(fixture('polygon', dividends));
        if (req.path === '/v3/reference/splits') return json(fixture('polygon', splits));
        return json(fixture('polygon', aggs(req.query.has('cursor'))));
      };
    // dividends-aapl.json: cash_amount 0.82, ex_dividend_date 2020-08-07.
    const dividend = await stored(
      polygon,
      route(() => 'aggs-aapl-dividend.json', 'dividends-aapl.json', 'splits-empty.json'),
      { symbol: 'AAPL', from: '2020-08-06', to: '2020-08-10' },
    );
    expect(dividend).toEqual([
      ['2020-08-06', 0, 1],
      ['2020-08-07', 0.82, 1],
      ['2020-08-10', 0, 1],
    ]);
    // splits-aapl.json: split_from 1, split_to 4, execution_date 2020-08-31.
    const split = await stored(
      polygon,
      route(
        (cursor) => (cursor ? 'aggs-aapl-page2.json' : 'aggs-aapl-page1.json'),
        'dividends-empty.json',
        'splits-aapl.json',
      ),
      { symbol: 'AAPL', from: '2020-08-27', to: '2020-09-01' },
    );
    expect(split.filter(([, , s]) => s !== 1)).toEqual([['2020-08-31', 0, 4]]);
  });
});

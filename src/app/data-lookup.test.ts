import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import {
  redirectingFetch,
  startMockServer,
  type MockServer,
} from '../../test/helpers/mock-http.ts';
import { dataQuote, dataSearch } from './data-lookup.ts';

const SEARCH = JSON.parse(
  readFileSync(
    new URL('../../test/fixtures/providers/yahoo/search-aapl.json', import.meta.url),
    'utf8',
  ),
) as { quotes: { symbol: string; longname?: string; shortname?: string }[] };

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer((req) =>
    req.path === '/v1/finance/search' ? { body: SEARCH } : { status: 404 },
  );
});
afterAll(() => server.close());

const yahoo = () =>
  testDeps({ env: { BALLAST_PRICE_PROVIDERS: 'yahoo' }, fetch: redirectingFetch(server.baseUrl) });

describe('dataSearch and dataQuote use cases (mock Yahoo server)', () => {
  it('searches through Yahoo without opening the store', async () => {
    const d = yahoo();
    try {
      const hits = await dataSearch({ query: ' apple ' }, d);
      expect(hits[0]).toMatchObject({ symbol: SEARCH.quotes[0]!.symbol });
      expect(hits.map((h) => h.symbol)).toEqual(
        expect.arrayContaining([SEARCH.quotes[0]!.symbol, SEARCH.quotes[1]!.symbol]),
      );
      expect(server.requests.at(-1)!.query.get('q')).toBe('apple');
      expect(existsSync(d.db)).toBe(false);
    } finally {
      await d.close();
    }
  });

  it('refuses to look anything up offline', async () => {
    const d = testDeps({ offline: true, env: { BALLAST_PRICE_PROVIDERS: 'yahoo' } });
    try {
      await expect(dataSearch({ query: 'apple' }, d)).rejects.toMatchObject({
        code: 'DATA_UNAVAILABLE',
        details: { field: 'offline' },
      });
      await expect(dataQuote({ symbols: ['AAPL'] }, d)).rejects.toMatchObject({
        code: 'DATA_UNAVAILABLE',
      });
    } finally {
      await d.close();
    }
  });

  it('names every provider tried when none answers a quote', async () => {
    const d = yahoo();
    try {
      await expect(dataQuote({ symbols: ['aapl'] }, d)).rejects.toThrow(/yahoo/);
    } finally {
      await d.close();
    }
  });
});

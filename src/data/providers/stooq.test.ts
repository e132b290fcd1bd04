import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import type { PriceBar } from '../../domain/market/types.ts';
import {
  startMockServer,
  type MockHandler,
  type MockServer,
} from '../../../test/helpers/mock-http.ts';
import { describeProviderContract, type ContractScenario } from './provider.contract.ts';
import { createStooqProvider, parseStooqCsv, stooqSymbol } from './stooq.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/providers/stooq/${name}`, import.meta.url), 'utf8');
const instant = (): Promise<void> => Promise.resolve();

/** Stooq answers 200 in every case; the body says what happened (see the fixtures README). */
function contractHandler(scenario: ContractScenario): MockHandler {
  switch (scenario) {
    case 'ok':
      return () => ({ body: fixture('spy-daily.csv') });
    case 'empty':
      // "No data" for the dated request, but the yearly series exists: a range without sessions.
      return (req) => ({ body: req.query.has('d1') ? 'No data' : fixture('spy-yearly.csv') });
    case 'notFound':
      return () => ({ body: 'No data' });
    case 'garbage':
      return () => ({
        body: '<!DOCTYPE html><html><body>Please verify you are a human</body></html>',
      });
    case 'outage':
      return () => ({ status: 503, body: 'Service Temporarily Unavailable' });
  }
}

describeProviderContract({
  name: 'stooq',
  kind: 'prices',
  request: { id: 'SPY', from: '2024-06-03', to: '2024-06-07' },
  handler: contractHandler,
  create: (server, http) => createStooqProvider({ baseUrl: server.baseUrl, ...http }),
  expectOk: (rows) => {
    const bars = rows as PriceBar[];
    expect(bars).toHaveLength(5);
    // Stooq's close is already adjusted: it is also the adjusted close, with no events.
    expect(bars[0]).toEqual({
      date: '2024-06-03',
      open: 518.21,
      high: 518.49,
      low: 511.93,
      close: 517.03,
      adjClose: 517.03,
      volume: 45880127,
      dividend: 0,
      split: 1,
    });
  },
});

describe('stooqSymbol', () => {
  it('adds .us to a plain ticker and lower-cases it', () => {
    expect(stooqSymbol(' SPY ')).toBe('spy.us');
    expect(stooqSymbol('BRK-B')).toBe('brk-b.us');
  });

  it('keeps indices and symbols that already carry a Stooq market suffix', () => {
    expect(stooqSymbol('^SPX')).toBe('^spx');
    expect(stooqSymbol('VOD.UK')).toBe('vod.uk');
    expect(stooqSymbol('spy.us')).toBe('spy.us');
  });
});

describe('stooq provider', () => {
  let server: MockServer;
  const provider = (apiKey?: string): ReturnType<typeof createStooqProvider> =>
    createStooqProvider({
      baseUrl: server.baseUrl,
      retries: 1,
      sleep: instant,
      ...(apiKey ? { apiKey } : {}),
    });
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());
  const use = (handler: MockHandler): void => {
    server.requests.length = 0;
    server.handler = handler;
  };

  it('asks for the .us symbol over the inclusive range in YYYYMMDD form', async () => {
    use(() => ({ body: fixture('spy-daily.csv') }));
    await provider().fetchPrices!({ symbol: 'spy', from: '2024-06-03', to: '2024-06-07' });
    const [req] = server.requests;
    expect(req?.path).toBe('/q/d/l/');
    expect(Object.fromEntries(req!.query)).toEqual({
      s: 'spy.us',
      d1: '20240603',
      d2: '20240607',
      i: 'd',
    });
  });

  it('sends the API key as apikey and keeps it out of error messages', async () => {
    use(() => ({ status: 500, body: 'oops' }));
    const e = await provider('s3cret').fetchPrices!({
      symbol: 'SPY',
      from: '2024-06-03',
      to: '2024-06-07',
    }).catch((x: unknown) => x);
    expect(server.requests[0]?.query.get('apikey')).toBe('s3cret');
    expect(e).toBeInstanceOf(BallastError);
    expect(JSON.stringify((e as BallastError).toJSON())).not.toContain('s3cret');
  });

  it("maps 'No data' for a symbol Stooq does not know to NOT_FOUND after one probe", async () => {
    use(() => ({ body: 'No data' }));
    const e = await provider().fetchPrices!({
      symbol: 'ZZZZQ',
      from: '2024-06-03',
      to: '2024-06-07',
    }).catch((x: unknown) => x);
    expect((e as BallastError).code).toBe('NOT_FOUND');
    expect((e as BallastError).message).toContain('zzzzq.us');
    expect(server.requests.map((r) => r.query.get('i'))).toEqual(['d', 'y']);
  });

  it("maps 'Exceeded the daily hits limit' to RATE_LIMITED without retrying", async () => {
    use(() => ({ body: 'Exceeded the daily hits limit' }));
    const e = await provider().fetchPrices!({
      symbol: 'SPY',
      from: '2024-06-03',
      to: '2024-06-07',
    }).catch((x: unknown) => x);
    expect((e as BallastError).code).toBe('RATE_LIMITED');
    expect(server.requests).toHaveLength(1);
  });

  it('reads an index without a Volume column', async () => {
    use(() => ({ body: fixture('spx-index.csv') }));
    const bars = await provider().fetchPrices!({
      symbol: '^SPX',
      from: '2024-06-03',
      to: '2024-06-04',
    });
    expect(server.requests[0]?.query.get('s')).toBe('^spx');
    expect(bars.map((b) => [b.date, b.close, 'volume' in b])).toEqual([
      ['2024-06-03', 5283.4, false],
      ['2024-06-04', 5291.34, false],
    ]);
  });
});

describe('parseStooqCsv', () => {
  const all = { from: '1900-01-01', to: '2999-12-31' };

  it('reads volumes written with an exponent', () => {
    expect(parseStooqCsv(fixture('spy-yearly.csv'), all)[0]?.volume).toBe(23456400000);
  });

  it('rejects dates out of order, naming the line', () => {
    const text = 'Date,Open,High,Low,Close,Volume\n2024-06-04,1,1,1,1,1\n2024-06-03,1,1,1,1,1\n';
    expect(() => parseStooqCsv(text, all)).toThrow(
      /line 3: date 2024-06-03 is not after 2024-06-04/,
    );
  });

  it('rejects a non-numeric close as malformed', () => {
    const text = 'Date,Open,High,Low,Close,Volume\n2024-06-03,1,1,1,n/a,1\n';
    expect(() => parseStooqCsv(text, all)).toThrow(/malformed response: line 2: close is "n\/a"/);
  });
});

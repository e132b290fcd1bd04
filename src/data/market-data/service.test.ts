import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, type Clock } from '../../domain/clock.ts';
import { BallastError } from '../../domain/errors.ts';
import type { PriceBar } from '../../domain/market/types.ts';
import type { MarketDataProvider, PriceRequest } from '../providers/provider.ts';
import type { MarketStore } from '../store/market-store.ts';
import { openStore } from '../store/open-store.ts';
import { rejection } from '../../../test/helpers/errors.ts';
import { missingRange } from './covered-range.ts';
import { providersFromEnv } from './providers-from-env.ts';
import { MarketDataService } from './service.ts';

const bar = (date: string, close: number): PriceBar => ({ date, close, dividend: 0, split: 1 });

/** A scripted provider: answers from a fixed table of bars, or fails with the given error. */
function scripted(
  name: string,
  bars: PriceBar[],
  fail?: BallastError,
): MarketDataProvider & { calls: PriceRequest[] } {
  const calls: PriceRequest[] = [];
  return {
    name,
    kinds: ['prices'],
    calls,
    fetchPrices: (req) => {
      calls.push(req);
      if (fail) return Promise.reject(fail);
      return Promise.resolve(bars.filter((b) => b.date >= req.from && b.date <= req.to));
    },
  };
}

const BARS = [
  bar('2024-01-02', 100),
  bar('2024-01-03', 101),
  bar('2024-01-04', 99),
  bar('2024-01-05', 102),
];

describe('missingRange', () => {
  it('fetches everything the first time and only the non-final tail later', () => {
    expect(missingRange([], { from: '2024-01-01', to: '2024-01-31' })).toEqual({
      from: '2024-01-01',
      to: '2024-01-31',
    });
    // a fetch on 2024-01-10 of 01-01..01-31 made 01-01..01-09 final
    const past = [
      { requestedFrom: '2024-01-01', requestedTo: '2024-01-31', fetchedOn: '2024-01-10' },
    ];
    expect(missingRange(past, { from: '2024-01-02', to: '2024-01-09' })).toBeUndefined();
    expect(missingRange(past, { from: '2024-01-05', to: '2024-01-20' })).toEqual({
      from: '2024-01-10',
      to: '2024-01-20',
    });
    expect(missingRange(past, { from: '2023-12-01', to: '2024-01-05' })).toEqual({
      from: '2023-12-01',
      to: '2024-01-05',
    });
  });

  it('joins touching fetches and stops at a hole', () => {
    const past = [
      { requestedFrom: '2024-01-01', requestedTo: '2024-01-10', fetchedOn: '2024-02-01' },
      { requestedFrom: '2024-01-11', requestedTo: '2024-01-20', fetchedOn: '2024-02-01' },
      { requestedFrom: '2024-01-25', requestedTo: '2024-01-31', fetchedOn: '2024-02-01' },
    ];
    expect(missingRange(past, { from: '2024-01-01', to: '2024-01-20' })).toBeUndefined();
    expect(missingRange(past, { from: '2024-01-01', to: '2024-01-31' })).toEqual({
      from: '2024-01-21',
      to: '2024-01-31',
    });
  });
});

describe('MarketDataService', () => {
  let store: MarketStore;
  let clock: Clock;
  beforeEach(async () => {
    store = await openStore({ url: ':memory:' });
    clock = fixedClock('2024-02-01T15:00:00.000Z', '2024-02-01');
  });
  afterEach(() => store.close());

  it('fetches once, stores with provenance, then answers from the cache', async () => {
    const yahoo = scripted('yahoo', BARS);
    const service = new MarketDataService({
      store,
      clock,
      chains: { prices: [yahoo], series: [] },
    });
    const first = await service.getPrices(' spy ', { from: '2024-01-01', to: '2024-01-05' });
    expect(first.rows.map((r) => r.close)).toEqual([100, 101, 99, 102]);
    expect(first).toMatchObject({
      stale: false,
      sources: ['yahoo'],
      fetchedAt: '2024-02-01T15:00:00.000Z',
    });
    const again = await service.getPrices('SPY', { from: '2024-01-02', to: '2024-01-04' });
    expect(again.rows).toHaveLength(3);
    expect(yahoo.calls).toHaveLength(1);
  });

  it('falls back along the chain and records every attempt in the fetch log', async () => {
    const down = scripted(
      'yahoo',
      [],
      new BallastError('DATA_UNAVAILABLE', 'HTTP 503', { provider: 'yahoo' }),
    );
    const stooq = scripted('stooq', BARS);
    const service = new MarketDataService({
      store,
      clock,
      chains: { prices: [down, stooq], series: [] },
    });
    const r = await service.getPrices('SPY', { from: '2024-01-01', to: '2024-01-05' });
    expect(r.sources).toEqual(['stooq']);
    expect(r.attempts).toEqual([
      expect.objectContaining({ provider: 'yahoo', code: 'DATA_UNAVAILABLE' }),
    ]);
    const log = await store.listFetches({ key: 'SPY' });
    expect(log.map((l) => [l.provider, l.outcome])).toEqual(
      expect.arrayContaining([
        ['yahoo', 'error'],
        ['stooq', 'ok'],
      ]),
    );
  });

  it('serves stored data marked stale when every provider is down, and never invents the gap', async () => {
    const service1 = new MarketDataService({
      store,
      clock,
      chains: { prices: [scripted('yahoo', BARS.slice(0, 2))], series: [] },
    });
    await service1.getPrices('SPY', { from: '2024-01-01', to: '2024-01-03' });
    const later = fixedClock('2024-03-01T15:00:00.000Z', '2024-03-01');
    const down = scripted(
      'yahoo',
      [],
      new BallastError('DATA_UNAVAILABLE', 'HTTP 503', { provider: 'yahoo' }),
    );
    const service2 = new MarketDataService({
      store,
      clock: later,
      chains: { prices: [down], series: [] },
    });
    const r = await service2.getPrices('SPY', { from: '2024-01-01', to: '2024-01-31' });
    expect(r.stale).toBe(true);
    expect(r.rows.map((x) => x.date)).toEqual(['2024-01-02', '2024-01-03']);
    expect(down.calls[0]).toMatchObject({ from: '2024-01-04', to: '2024-01-31' });
  });

  it('names the symbol, range and every provider tried when nothing is stored', async () => {
    const a = scripted(
      'yahoo',
      [],
      new BallastError('NOT_FOUND', 'no such symbol', { provider: 'yahoo' }),
    );
    const b = scripted(
      'stooq',
      [],
      new BallastError('DATA_UNAVAILABLE', 'HTTP 503', { provider: 'stooq' }),
    );
    const service = new MarketDataService({ store, clock, chains: { prices: [a, b], series: [] } });
    const e = await rejection(service.getPrices('ZZZZ', { from: '2024-01-01', to: '2024-01-05' }));
    expect(e.code).toBe('DATA_UNAVAILABLE');
    expect(e.message).toContain('ZZZZ: no data for 2024-01-01..2024-01-05');
    expect(e.message).toContain('yahoo (NOT_FOUND');
    expect(e.message).toContain('stooq (DATA_UNAVAILABLE');
    expect(await store.coverage('ZZZZ')).toBeUndefined();
  });

  it('offline reads the store only', async () => {
    const yahoo = scripted('yahoo', BARS);
    const service = new MarketDataService({
      store,
      clock,
      chains: { prices: [yahoo], series: [] },
    });
    const e = await rejection(
      service.getPrices('SPY', { from: '2024-01-01', to: '2024-01-05', offline: true }),
    );
    expect(e.code).toBe('DATA_UNAVAILABLE');
    expect(yahoo.calls).toHaveLength(0);
  });

  it('uses only the provider asked for, and rejects an unknown one', async () => {
    const yahoo = scripted('yahoo', BARS);
    const stooq = scripted('stooq', BARS);
    const service = new MarketDataService({
      store,
      clock,
      chains: { prices: [yahoo, stooq], series: [] },
    });
    await service.getPrices('SPY', { from: '2024-01-01', to: '2024-01-05', provider: 'stooq' });
    expect([yahoo.calls.length, stooq.calls.length]).toEqual([0, 1]);
    const e = await rejection(
      service.getPrices('SPY', { from: '2024-01-01', to: '2024-01-31', provider: 'nope' }),
    );
    expect(e.code).toBe('INVALID_INPUT');
  });
});

describe('MarketDataService with a provider on a daily quota', () => {
  let store: MarketStore;
  beforeEach(async () => {
    store = await openStore({ url: ':memory:' });
  });
  afterEach(() => store.close());

  const service = (chain: MarketDataProvider[], now: string) =>
    new MarketDataService({
      store,
      clock: fixedClock(now, now.slice(0, 10)),
      chains: { prices: chain, series: [] },
    });

  it('asks it until the day’s calls are used, then skips it until midnight UTC', async () => {
    const av = { ...scripted('alpha-vantage', BARS), dailyQuota: 2 };
    const stooq = scripted('stooq', BARS);
    const at = (time: string) => service([av, stooq], `2024-02-01T${time}.000Z`);
    await at('09:00:00').getPrices('AAA', { from: '2024-01-02', to: '2024-01-05' });
    await at('09:01:00').getPrices('BBB', { from: '2024-01-02', to: '2024-01-05' });
    // Two calls logged today: the third symbol goes to the next provider without a request.
    const third = await at('23:59:00').getPrices('CCC', { from: '2024-01-02', to: '2024-01-05' });
    expect(av.calls.map((c) => c.symbol)).toEqual(['AAA', 'BBB']);
    expect(third.sources).toEqual(['stooq']);
    expect(third.attempts).toEqual([
      {
        provider: 'alpha-vantage',
        code: 'RATE_LIMITED',
        message: 'daily quota of 2 calls used today (UTC); not asked until tomorrow',
      },
    ]);
    // The next UTC day starts afresh.
    const next = await service([av, stooq], '2024-02-02T00:00:01.000Z').getPrices('DDD', {
      from: '2024-01-02',
      to: '2024-01-05',
    });
    expect(next.sources).toEqual(['alpha-vantage']);
    expect(av.calls).toHaveLength(3);
  });

  it('skips it for the rest of the day once it answered RATE_LIMITED', async () => {
    const limit = new BallastError('RATE_LIMITED', 'daily limit of 25 requests reached', {
      provider: 'alpha-vantage',
    });
    const av = { ...scripted('alpha-vantage', [], limit), dailyQuota: 25 };
    const stooq = scripted('stooq', BARS);
    const now = '2024-02-01T15:00:00.000Z';
    await service([av, stooq], now).getPrices('AAA', { from: '2024-01-02', to: '2024-01-05' });
    const r = await service([av, stooq], now).getPrices('BBB', {
      from: '2024-01-02',
      to: '2024-01-05',
    });
    expect(av.calls).toHaveLength(1);
    expect(r.attempts[0]).toMatchObject({ provider: 'alpha-vantage', code: 'RATE_LIMITED' });
    expect(r.attempts[0]!.message).toContain('answered RATE_LIMITED earlier today');
  });
});

describe('providersFromEnv daily quota', () => {
  it('gives Alpha Vantage the free plan’s 25 calls a day unless ALPHA_VANTAGE_DAILY_QUOTA says more', () => {
    const av = (env: Record<string, string>) =>
      providersFromEnv({ BALLAST_PRICE_PROVIDERS: 'alpha-vantage', ...env }).prices[0];
    expect(av({ ALPHA_VANTAGE_API_KEY: 'k' })?.dailyQuota).toBe(25);
    expect(av({ ALPHA_VANTAGE_API_KEY: 'k', ALPHA_VANTAGE_DAILY_QUOTA: '75' })?.dailyQuota).toBe(
      75,
    );
    expect(() => av({ ALPHA_VANTAGE_API_KEY: 'k', ALPHA_VANTAGE_DAILY_QUOTA: 'lots' })).toThrow(
      /ALPHA_VANTAGE_DAILY_QUOTA: expected a positive integer \(got "lots"\)/,
    );
    expect(providersFromEnv({ BALLAST_PRICE_PROVIDERS: 'stooq' }).prices[0]?.dailyQuota).toBe(
      undefined,
    );
  });
});

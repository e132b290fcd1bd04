import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import type { PriceBar, SeriesPoint } from '../../domain/market/types.ts';
import {
  startMockServer,
  type MockHandler,
  type MockServer,
} from '../../../test/helpers/mock-http.ts';
import type { MarketDataProvider } from './provider.ts';

/** The scenarios every provider answers, in its own wire format. */
export type ContractScenario = 'ok' | 'empty' | 'notFound' | 'garbage' | 'outage';

/** What a provider's test file supplies to {@link describeProviderContract}. */
export interface ProviderContractFixture {
  readonly name: string;
  /** Which method the contract exercises. */
  readonly kind: 'prices' | 'series';
  /** The id asked for (symbol or series id) and an inclusive range. */
  readonly request: { readonly id: string; readonly from: string; readonly to: string };
  /** Mock handler answering `scenario` exactly as the real provider would. */
  readonly handler: (scenario: ContractScenario) => MockHandler;
  /** Builds the provider against the mock server, with instant retries (sleep resolves at once). */
  readonly create: (
    server: MockServer,
    http: { retries: number; sleep: (ms: number) => Promise<void> },
  ) => MarketDataProvider;
  /** Provider-specific checks of the parsed `ok` payload (values from the fixture, by hand). */
  readonly expectOk: (rows: readonly (PriceBar | SeriesPoint)[]) => void;
}

async function fetchRows(
  provider: MarketDataProvider,
  f: ProviderContractFixture,
): Promise<(PriceBar | SeriesPoint)[]> {
  const { id, from, to } = f.request;
  if (f.kind === 'prices') return provider.fetchPrices!({ symbol: id, from, to });
  return provider.fetchSeries!({ seriesId: id, from, to });
}

async function failure(p: Promise<unknown>): Promise<BallastError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

/**
 * The shared provider contract: every provider runs these cases against a local mock server
 * speaking its real wire format.
 */
export function describeProviderContract(f: ProviderContractFixture): void {
  describe(`${f.name} provider contract`, () => {
    let server: MockServer;
    const retries = 2;
    const create = (): MarketDataProvider =>
      f.create(server, { retries, sleep: () => Promise.resolve() });
    beforeAll(async () => {
      server = await startMockServer();
    });
    afterAll(() => server.close());
    const use = (scenario: ContractScenario): void => {
      server.requests.length = 0;
      server.handler = f.handler(scenario);
    };

    it('returns ascending, unique, in-range rows with finite values', async () => {
      use('ok');
      const rows = await fetchRows(create(), f);
      expect(rows.length).toBeGreaterThan(0);
      const dates = rows.map((r) => r.date);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      expect(dates.every((d) => d >= f.request.from && d <= f.request.to)).toBe(true);
      for (const r of rows) {
        if ('close' in r) {
          expect(Number.isFinite(r.close) && r.close > 0).toBe(true);
          expect(r.dividend).toBeGreaterThanOrEqual(0);
          expect(r.split).toBeGreaterThan(0);
        } else expect(Number.isFinite(r.value)).toBe(true);
      }
      f.expectOk(rows);
    });

    it('returns an empty list for a range with no observations', async () => {
      use('empty');
      expect(await fetchRows(create(), f)).toEqual([]);
    });

    it('reports an unknown id as NOT_FOUND', async () => {
      use('notFound');
      const e = await failure(fetchRows(create(), f));
      expect(e.code).toBe('NOT_FOUND');
      expect(e.details['provider']).toBe(f.name);
    });

    it('reports a garbage payload as malformed DATA_UNAVAILABLE without retrying forever', async () => {
      use('garbage');
      const e = await failure(fetchRows(create(), f));
      expect(e.code).toBe('DATA_UNAVAILABLE');
      expect(e.details['reason']).toBe('malformed');
    });

    it('retries an outage and then reports DATA_UNAVAILABLE', async () => {
      use('outage');
      const e = await failure(fetchRows(create(), f));
      expect(e.code).toBe('DATA_UNAVAILABLE');
      expect(server.requests.length).toBeGreaterThanOrEqual(retries + 1);
    });

    it('retries a rate limit (429) and then succeeds', async () => {
      const ok = f.handler('ok');
      server.requests.length = 0;
      let limited = 0;
      server.handler = (req, n) => {
        if (limited < 1) {
          limited++;
          return { status: 429, body: 'Too Many Requests', headers: { 'retry-after': '0' } };
        }
        return ok(req, n);
      };
      const rows = await fetchRows(create(), f);
      expect(rows.length).toBeGreaterThan(0);
      expect(limited).toBe(1);
    });
  });
}

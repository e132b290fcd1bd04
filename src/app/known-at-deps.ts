/**
 * Dependencies that read market data as it was known at one time (docs/data-versions.md): the
 * HTTP API's `knownAt` parameter and a run's recorded knowledge time use them, as the CLI's
 * `--known-at` does through `createDeps`. Every read of bars, price columns, series and
 * coverage answers with the versions known then (`knownAtStore`); nothing is fetched (`offline`)
 * and a write of market data is refused with INVALID_INPUT naming `field`. Portfolios, runs,
 * keys and definitions are the store's as they are now.
 *
 * @example
 * ```ts
 * const then = knownAtDeps(deps, '2026-01-05T21:00:00Z');
 * await returns({ symbols: ['SPY'] }, then); // the closes known on 5 January at 21:00 UTC
 * ```
 */

import type { MarketDataService } from '../data/market-data/service.ts';
import { knownAtStore } from '../data/store/known-at-store.ts';
import type { MarketStore } from '../data/store/market-store.ts';
import { normalizeTimestamp } from '../data/store/validate.ts';
import type { AppDeps } from './deps.ts';

/**
 * `deps` reading market data as known at `knownAt` (module comment); the store and the
 * market-data service are opened on first use, once.
 *
 * @throws BallastError INVALID_INPUT naming `field` when `knownAt` is not an ISO-8601 timestamp
 *   with a time zone
 */
export function knownAtDeps(deps: AppDeps, knownAt: string, field = 'knownAt'): AppDeps {
  const at = normalizeTimestamp(field, knownAt);
  let store: Promise<MarketStore> | undefined;
  let service: Promise<MarketDataService> | undefined;
  const known = (): Promise<MarketStore> =>
    (store ??= deps.store().then((s) => knownAtStore(s, at, field)));
  const existing = deps.existingStore;
  return {
    ...deps,
    store: known,
    ...(existing === undefined
      ? {}
      : {
          existingStore: async () => ((await existing()) === undefined ? undefined : known()),
        }),
    marketData: () =>
      (service ??= (async () => {
        const { MarketDataService } = await import('../data/market-data/service.ts');
        const [s, chains] = await Promise.all([known(), deps.providers()]);
        return new MarketDataService({ store: s, chains, clock: deps.clock });
      })()),
    offline: true,
  };
}

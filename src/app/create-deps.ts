/**
 * Plain construction of {@link AppDeps}: one call per process (CLI run, API server, worker).
 * The store locator follows the documented order — `db` (the `--db` option), then
 * `$BALLAST_DB`, then `$DATABASE_URL`, then the default SQLite file in the user's data
 * directory — the most specific wins. Store engines, providers and HiGHS are imported only
 * when first used, so a command pays only for what it touches; a read that may do without a
 * store (`existingStore`) does not create the default file when it does not exist yet.
 */

import { normalizeTimestamp } from '../data/store/validate.ts';
import { useWasmCholesky } from '../data/wasm/cholesky-wasm.ts';
import { useWasmGrowingCholesky } from '../data/wasm/growing-cholesky-wasm.ts';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import type { HighsRuntime } from '../core/solvers/highs.ts';
import type { Clock } from '../domain/clock.ts';
import type { FetchFn } from '../data/http/http-client.ts';
import type { FallbackChains, MarketDataService } from '../data/market-data/service.ts';
import type { MarketStore } from '../data/store/market-store.ts';
import { defaultStorePath, resolveStoreLocator } from '../data/store/default-store-path.ts';
import {
  silentLogger,
  silentProgress,
  type AppDeps,
  type Logger,
  type ProgressReporter,
} from './deps.ts';

/** Inputs of {@link createDeps}. */
export interface CreateDepsOptions {
  /** Environment variables (provider keys, `BALLAST_DB`, `DATABASE_URL`, `XDG_DATA_HOME`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock: Clock;
  /** Explicit store locator (path or URL); beats the environment. */
  readonly db?: string | undefined;
  /** Store only: never call a provider. */
  readonly offline?: boolean | undefined;
  /**
   * Read market data as it was known at this ISO time (`--known-at`, docs/data-versions.md):
   * the store answers with the versions known then and refuses market-data writes; implies
   * `offline`.
   */
  readonly knownAt?: string | undefined;
  /** HTTP fetch for providers (tests inject a mock server's). */
  readonly fetch?: FetchFn | undefined;
  /** Home directory for the default store path; default `os.homedir()`. */
  readonly homedir?: string | undefined;
  readonly log?: Logger | undefined;
  readonly progress?: ProgressReporter | undefined;
}

/** {@link AppDeps} plus `close()`, which releases whatever was opened. */
export interface OwnedDeps extends AppDeps {
  /** Where the store is: a SQLite file path or a `postgres://` URL (as chosen, not opened). */
  storeLocation(): string;
  close(): Promise<void>;
}

/**
 * Builds the dependencies of use cases; resources open lazily (see the module comment). Also
 * makes large Cholesky factorisations and the active-set QP's factor updates in this thread run
 * by WebAssembly (data/wasm/: the same numbers, bit for bit).
 */
export function createDeps(options: CreateDepsOptions): OwnedDeps {
  // Large Cholesky factorisations and the active-set QP's factor updates by WebAssembly, bit for
  // bit the same.
  useWasmCholesky();
  useWasmGrowingCholesky();
  const knownAt =
    options.knownAt === undefined ? undefined : normalizeTimestamp('--known-at', options.knownAt);
  let store: Promise<MarketStore> | undefined;
  let service: Promise<MarketDataService> | undefined;
  let chains: Promise<FallbackChains> | undefined;
  const providers = (): Promise<FallbackChains> => {
    chains ??= import('../data/market-data/providers-from-env.ts').then(({ providersFromEnv }) =>
      providersFromEnv(options.env, options.fetch),
    );
    return chains;
  };
  let located: { url: string; isDefault: boolean } | undefined;
  // The options never change: the store is located once (a server asks on every request).
  const locate = (): { url: string; isDefault: boolean } => {
    if (located !== undefined) return located;
    const home = options.homedir ?? homedir();
    const url = resolveStoreLocator({ db: options.db, env: options.env, homedir: home });
    located = {
      url,
      isDefault: url === defaultStorePath({ ...options.env, BALLAST_DB: '' }, home),
    };
    return located;
  };
  const openStoreLazily = (): Promise<MarketStore> => {
    if (store !== undefined) return store;
    const { url, isDefault } = locate();
    // Only the default file's directory (the user's data directory) is created on demand.
    store ??= import('../data/store/open-store.ts').then(async ({ openStore }) => {
      const opened = await openStore({ url, clock: options.clock, createDirectory: isDefault });
      if (knownAt === undefined) return opened;
      const { knownAtStore } = await import('../data/store/known-at-store.ts');
      return knownAtStore(opened, knownAt);
    });
    return store;
  };
  const existingStore = async (): Promise<MarketStore | undefined> => {
    if (store !== undefined) return store;
    const { url, isDefault } = locate();
    if (store === undefined && isDefault && !existsSync(url)) return undefined;
    return openStoreLazily();
  };
  return {
    store: openStoreLazily,
    existingStore,
    marketData: () => {
      service ??= (async () => {
        const [{ MarketDataService }, fallbackChains] = await Promise.all([
          import('../data/market-data/service.ts'),
          providers(),
        ]);
        return new MarketDataService({
          store: await openStoreLazily(),
          clock: options.clock,
          chains: fallbackChains,
        });
      })();
      return service;
    },
    providers,
    solver: async (): Promise<HighsRuntime> =>
      (await import('../core/solvers/highs.ts')).loadHighs(),
    workers: async (size) => (await import('./worker-pool.ts')).workerPool(size),
    clock: options.clock,
    offline: options.offline === true || knownAt !== undefined,
    log: options.log ?? silentLogger,
    progress: options.progress ?? silentProgress,
    storeLocation: () => locate().url,
    close: async () => {
      if (store !== undefined) await (await store).close();
    },
  };
}

import { homedir } from 'node:os';
import type { Command } from 'commander';
import type { Clock } from '../domain/clock';
import type { FetchFn } from '../data/http/http-client';
import { providersFromEnv, type ProviderEnv } from '../data/market-data/providers-from-env';
import { MarketDataService } from '../data/market-data/service';
import { defaultStorePath } from '../data/store/default-store-path';
import type { MarketStore } from '../data/store/market-store';
import { openStore } from '../data/store/open-store';
import { systemClock } from '../data/system-clock';

/** Options every command accepts (`--db`, `--offline`). */
export interface GlobalOptions {
  readonly db?: string;
  readonly offline?: boolean;
}

/** What commands get from the entry point: environment, clock and (for tests) a fetch. */
export interface Runtime {
  readonly env: ProviderEnv;
  readonly clock: Clock;
  readonly fetch?: FetchFn;
}

/** The process's runtime: real environment, wall clock, global fetch. */
export const processRuntime = (): Runtime => ({ env: process.env, clock: systemClock });

/**
 * Lazily opened resources of one command run: the store (`--db`, else `$BALLAST_DB`, else a
 * SQLite file in the user's data directory) and the market-data service over it.
 */
export class CommandContext {
  private storePromise: Promise<MarketStore> | undefined;

  constructor(
    readonly runtime: Runtime,
    readonly options: GlobalOptions,
  ) {}

  /** True when `--offline`: store only, no provider is called. */
  get offline(): boolean {
    return this.options.offline === true;
  }

  /** The store, opened (and migrated) on first use. */
  store(): Promise<MarketStore> {
    const url =
      this.options.db ??
      this.runtime.env['DATABASE_URL'] ??
      defaultStorePath(this.runtime.env, homedir());
    this.storePromise ??= openStore({ url, clock: this.runtime.clock });
    return this.storePromise;
  }

  /** The cached market-data service with the fallback chains from the environment. */
  async service(): Promise<MarketDataService> {
    return new MarketDataService({
      store: await this.store(),
      clock: this.runtime.clock,
      chains: providersFromEnv(this.runtime.env, this.runtime.fetch),
    });
  }

  /** Closes whatever was opened. */
  async close(): Promise<void> {
    if (this.storePromise) await (await this.storePromise).close();
  }
}

/** Builds the context of a command from its options merged with the program's. */
export function contextOf(command: Command, runtime: Runtime): CommandContext {
  return new CommandContext(runtime, command.optsWithGlobals<GlobalOptions>());
}

import type { Command } from 'commander';
import { createDeps, type OwnedDeps } from '../app/create-deps.ts';
import type { ProgressReporter } from '../app/deps.ts';
import type { Clock } from '../domain/clock.ts';
import type { FetchFn } from '../data/http/http-client.ts';
import type { MarketDataService } from '../data/market-data/service.ts';
import type { MarketStore } from '../data/store/market-store.ts';
import { systemClock } from '../data/system-clock.ts';
import { terminalProgress } from './progress.ts';

/** Options every command accepts, anywhere on the line (`--db`, `--offline`). */
export interface GlobalOptions {
  readonly db?: string;
  readonly offline?: boolean;
}

/** What commands get from the entry point: environment, clock, (for tests) a fetch, and the terminal. */
export interface Runtime {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock: Clock;
  readonly fetch?: FetchFn;
  /** Where progress bars go (a terminal's stderr); none when absent. */
  readonly progress?: ProgressReporter;
}

/** The process's runtime: real environment, wall clock, global fetch, a bar on a terminal. */
export const processRuntime = (): Runtime => ({
  env: process.env,
  clock: systemClock,
  ...(process.stderr.isTTY
    ? { progress: terminalProgress({ write: (t) => process.stderr.write(t) }) }
    : {}),
});

/**
 * The use-case dependencies of one command run: the store chosen by `--db`, `$BALLAST_DB`,
 * `$DATABASE_URL` or the default file (in that order), `--offline`, the runtime's clock, fetch
 * and progress. Close them when the command ends.
 */
export function depsOf(command: Command, runtime: Runtime): OwnedDeps {
  const globals = command.optsWithGlobals<GlobalOptions>();
  return createDeps({
    env: runtime.env,
    clock: runtime.clock,
    db: globals.db,
    offline: globals.offline,
    fetch: runtime.fetch,
    progress: runtime.progress,
  });
}

/** Runs `work` with the command's dependencies and closes them afterwards, whatever happens. */
export async function withDeps<T>(
  command: Command,
  runtime: Runtime,
  work: (deps: OwnedDeps) => Promise<T>,
): Promise<T> {
  const deps = depsOf(command, runtime);
  try {
    return await work(deps);
  } finally {
    await deps.close();
  }
}

/**
 * Lazily opened resources of one command run (the store and market data over it). Kept for
 * commands not yet moved onto use cases; new code uses {@link withDeps}.
 */
export class CommandContext {
  private readonly deps: OwnedDeps;

  constructor(
    readonly runtime: Runtime,
    readonly options: GlobalOptions,
  ) {
    this.deps = createDeps({
      env: runtime.env,
      clock: runtime.clock,
      db: options.db,
      offline: options.offline,
      fetch: runtime.fetch,
      progress: runtime.progress,
    });
  }

  /** True when `--offline`: store only, no provider is called. */
  get offline(): boolean {
    return this.deps.offline;
  }

  /** The store, opened (and migrated) on first use. */
  store(): Promise<MarketStore> {
    return this.deps.store();
  }

  /** The market-data service with the fallback chains from the environment. */
  service(): Promise<MarketDataService> {
    return this.deps.marketData();
  }

  /** Closes whatever was opened. */
  async close(): Promise<void> {
    await this.deps.close();
  }
}

/** Builds the context of a command from its options merged with the program's. */
export function contextOf(command: Command, runtime: Runtime): CommandContext {
  return new CommandContext(runtime, command.optsWithGlobals<GlobalOptions>());
}

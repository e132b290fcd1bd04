import type { Command } from 'commander';
import { createDeps, type OwnedDeps } from '../app/create-deps.ts';
import type { ProgressReporter } from '../app/deps.ts';
import { systemClock, type Clock, type FetchFn } from '../app/runtime.ts';
import { terminalProgress } from './progress.ts';

/** Options every command accepts, anywhere on the line (`--db`, `--offline`). */
export interface GlobalOptions {
  readonly db?: string;
  readonly offline?: boolean;
  readonly knownAt?: string;
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
    knownAt: globals.knownAt,
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

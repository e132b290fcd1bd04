/**
 * `ballast worker`: executes the runs submitted to `ballast serve` on a PostgreSQL store, from
 * any machine that reaches the database (pg-boss; README "Jobs"). Start as many as the work
 * needs; each takes `--jobs` runs at a time and solves on `--solve-threads` worker threads, and
 * prints one line per run it executed (pieces of a spread sweep included).
 * With `SENTRY_DSN` set, an uncaught exception or an unexpected failure that ends the worker is
 * reported there first (`src/cli/error-reporting.ts`).
 */

import type { Command } from 'commander';
import { createLogger } from '../../api/log.ts';
import { invalidInput } from '../../app/errors.ts';
import { storeReady } from '../../app/store-ready.ts';
import { startRunService } from '../../jobs/run-service.ts';
import type { OwnedDeps } from '../../app/create-deps.ts';
import type { Runtime } from '../context.ts';
import { withErrorReporting } from '../error-reporting.ts';
import type { Io } from '../io.ts';
import { integerFlag, nextStopSignal } from '../stop-signal.ts';
import { serverDeps } from './serve.ts';

interface WorkerOptions {
  jobs: number;
  solveThreads: number;
}

/** `url` with its password hidden. */
const redact = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

/** `ballast worker` (module comment). */
export function registerWorker(program: Command, io: Io, runtime: Runtime): void {
  program
    .command('worker')
    .description(
      'Execute runs (POST /api/v1/runs) from the job queue of a PostgreSQL store (DATABASE_URL or --db postgres://…) until SIGINT or SIGTERM; run several, on any machine, to scale out',
    )
    .option('--jobs <n>', 'runs executed at once', integerFlag('--jobs', 1, 64), 1)
    .option(
      '--solve-threads <n>',
      'worker threads for the solves',
      integerFlag('--solve-threads', 1, 64),
      1,
    )
    .action(async (options: WorkerOptions, command: Command) => {
      const logger = await createLogger('info', { write: (line) => io.err(line) });
      const reporting = { env: runtime.env, log: logger, fetch: runtime.fetch };
      await withErrorReporting({ ...reporting, command: 'ballast worker' }, () =>
        work(options, serverDeps(command, runtime, logger), io),
      );
    });
}

/** Executes runs on the PostgreSQL store of `deps` until SIGINT or SIGTERM, then closes `deps`. */
async function work(options: WorkerOptions, deps: OwnedDeps, io: Io): Promise<void> {
  try {
    const location = deps.storeLocation();
    if (!/^postgres(ql)?:\/\//.test(location))
      throw invalidInput(
        '--db',
        location,
        'a worker needs a PostgreSQL store (DATABASE_URL or --db postgres://…); on SQLite, `ballast serve` executes runs itself',
      );
    await storeReady(deps);
    const service = await startRunService(deps, {
      postgresUrl: location,
      threads: { db: location, offline: deps.offline },
      concurrency: options.jobs,
      solveThreads: options.solveThreads,
      onFinish: (run, seconds) =>
        io.out(`run ${run.id} (${run.kind}): ${run.status} in ${seconds.toFixed(2)} s`),
    });
    io.out(
      `Ballast worker on ${redact(location)}: executing runs, ${options.jobs} at a time (SIGINT or SIGTERM stops)`,
    );
    const signal = await nextStopSignal();
    io.out(`${signal}: stopping after the runs in progress`);
    await service.close();
  } finally {
    await deps.close();
  }
}

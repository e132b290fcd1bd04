/**
 * The jobs of a server or a worker process: {@link startRunService} gives the API its
 * {@link AppDeps} with a run queue (`runQueue`), and executes runs with their solves on a pool
 * of worker threads (`solveOffThread`), so a long solve never blocks the thread serving
 * requests:
 *
 * - SQLite (and PGlite): the in-process queue executes every run here (`in-process-queue.ts`).
 * - PostgreSQL: pg-boss (`pg-boss-queue.ts`); this process executes runs too unless `work` is
 *   false, in which case `ballast worker` processes on any machine do (the scale-out path). A
 *   run that splits into pieces (a large backtest sweep) spreads them over the queue's workers
 *   (`deps.fanOut`, `run-fan-out.ts`).
 */

import type { AppDeps, RunQueue, StoredRun } from '../app/index.ts';
import type { SolveExecutor } from '../app/solve.ts';
import { InProcessRunQueue, type InProcessQueueOptions } from './in-process-queue.ts';
import { RunThreads } from './run-threads.ts';
import { PgBossRunQueue } from './pg-boss-queue.ts';
import { QueueFanOut } from './run-fan-out.ts';

/** Options of {@link startRunService}. */
export interface RunServiceOptions {
  /** The PostgreSQL connection string when the store is PostgreSQL (pg-boss), else undefined. */
  readonly postgresUrl?: string | undefined;
  /** Execute runs in this process (default true; SQLite needs it: nothing else would). */
  readonly work?: boolean;
  /** Runs executed at once by this process (default 1). */
  readonly concurrency?: number;
  /** Worker threads for solves (default 1). */
  readonly solveThreads?: number;
  /** pg-boss's schema (default `pgboss`). */
  readonly pgBossSchema?: string;
  /** Least time between two progress writes of a run (default 250 ms). */
  readonly progressIntervalMs?: number;
  /** Called when a run this process executed has ended (metrics). */
  readonly onFinish?: (run: StoredRun, seconds: number) => void;
  /**
   * Execute each run whole on run threads (`run-threads.ts`) that open the store `db` themselves
   * (`concurrency` threads), instead of on this thread with only the solves on worker threads.
   * Servers set it; it needs a store another thread can open (a file or PostgreSQL).
   */
  readonly threads?: { readonly db: string; readonly offline: boolean };
}

/** A started run service. */
export interface RunService {
  /**
   * `deps` with the run queue, for the API. Synchronous routes still solve on the calling
   * thread (they are meant for small problems); runs solve on the pool's threads.
   */
  readonly deps: AppDeps;
  /** Which queue runs go through. */
  readonly queue: 'in-process' | 'pg-boss';
  /** Runs waiting in this process's queue (in-process) or in pg-boss's. */
  waiting(): Promise<number>;
  /** Resolves when the in-process queue has nothing left (tests); immediate on pg-boss. */
  idle(): Promise<void>;
  /** Stops taking runs, waits for running ones, releases the threads. */
  close(): Promise<void>;
}

/** Starts the jobs of a process over `deps` (see the module comment). */
export async function startRunService(
  deps: AppDeps,
  options: RunServiceOptions = {},
): Promise<RunService> {
  const work = options.work ?? true;
  const concurrency = options.concurrency ?? 1;
  const progress =
    options.progressIntervalMs === undefined
      ? {}
      : { progressIntervalMs: options.progressIntervalMs };
  const onFinish = options.onFinish === undefined ? {} : { onFinish: options.onFinish };
  let solver: SolveExecutor | undefined;
  let threads: RunThreads | undefined;
  let execution: InProcessQueueOptions;
  let boss: PgBossRunQueue | undefined;
  if (options.postgresUrl !== undefined)
    boss = await PgBossRunQueue.start({
      url: options.postgresUrl,
      ...(options.pgBossSchema === undefined ? {} : { schema: options.pgBossSchema }),
      onError: (error) => deps.log.info(`job queue: ${error.message}`),
    });
  if (options.threads !== undefined && work) {
    const queue =
      options.postgresUrl === undefined
        ? {}
        : {
            queue: {
              url: options.postgresUrl,
              ...(options.pgBossSchema === undefined ? {} : { schema: options.pgBossSchema }),
            },
          };
    const pool = new RunThreads(
      concurrency,
      { ...options.threads, execution: progress, ...queue },
      (message) => deps.log.info(message),
    );
    threads = pool;
    execution = { concurrency, ...progress, ...onFinish, execute: threadExecute(pool, deps) };
  } else {
    if (deps.workers === undefined) throw new Error('startRunService needs deps.workers');
    solver = await deps.workers(options.solveThreads ?? 1);
    execution = {
      concurrency,
      solveConcurrency: options.solveThreads ?? 1,
      ...progress,
      ...onFinish,
    };
  }
  let jobDeps: AppDeps = solver === undefined ? deps : { ...deps, solveOffThread: solver };
  let queue: RunQueue;
  let service: Omit<RunService, 'deps' | 'close'> & { close(): Promise<void> };
  if (boss !== undefined) {
    const started = boss;
    jobDeps = {
      ...jobDeps,
      fanOut: new QueueFanOut(jobDeps, () => Promise.resolve(started), execution),
    };
    if (work) await started.work(jobDeps, execution);
    queue = started;
    service = {
      queue: 'pg-boss',
      waiting: () => started.waiting(),
      idle: () => Promise.resolve(),
      close: () => started.close(),
    };
  } else {
    if (!work) throw new Error('a store without PostgreSQL needs its runs executed in-process');
    const local = new InProcessRunQueue(jobDeps, execution);
    await local.start();
    queue = local;
    service = {
      queue: 'in-process',
      waiting: () => Promise.resolve(local.depth.waiting),
      idle: () => local.idle(),
      close: () => local.close(),
    };
  }
  return {
    ...service,
    deps: { ...deps, runQueue: queue },
    close: async () => {
      try {
        await service.close();
      } finally {
        await solver?.close();
        await threads?.close();
      }
    },
  };
}

/** Executes a run on `pool`, logging a thread's failure (the run stays as the store has it). */
function threadExecute(pool: RunThreads, deps: AppDeps) {
  return async (runId: string): Promise<StoredRun | undefined> => {
    const reply = await pool.execute(runId);
    if (reply.error !== undefined) deps.log.info(`run ${runId}: ${reply.error}`);
    return reply.run;
  };
}

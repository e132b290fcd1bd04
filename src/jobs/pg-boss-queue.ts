/**
 * The run queue on PostgreSQL: pg-boss (a job table in the same database, `SKIP LOCKED`
 * fetches), so runs submitted by any `ballast serve` are executed by any process that works
 * the queue — the server itself and `ballast worker` processes on other machines pointing at
 * the same database (the scale-out path, README "Jobs"). A pg-boss job carries only the run id;
 * `executeRun` claims the run in the store, so a job delivered twice executes once, and a
 * cancelled run is skipped. pg-boss keeps its tables in its own schema (`pgboss` by default).
 */

import type PgBoss from 'pg-boss';
import type { AppDeps, RunQueue } from '../app/index.ts';
import { executeRun, type ExecuteRunOptions } from '../app/run-execute.ts';
import type { StoredRun } from '../app/index.ts';

/** The pg-boss queue of runs. */
export const RUN_QUEUE_NAME = 'ballast-runs';

/** A pg-boss instance. */
type Boss = PgBoss;

/** Options of {@link PgBossRunQueue.start}. */
export interface PgBossQueueOptions {
  /** The PostgreSQL connection string of the store. */
  readonly url: string;
  /** pg-boss's schema (default `pgboss`). */
  readonly schema?: string;
  /** Where pg-boss's own errors go. */
  readonly onError?: (error: Error) => void;
  /**
   * Run pg-boss's maintenance (expiring, archiving) in this instance (default true); false for
   * an instance that only sends jobs (a run thread's fan-out).
   */
  readonly supervise?: boolean;
}

/** Options of {@link PgBossRunQueue.work}. */
export interface PgBossWorkOptions extends ExecuteRunOptions {
  /** Runs executed at once by this process (default 1). */
  readonly concurrency?: number;
  /** How often an idle worker polls, in seconds (pg-boss's minimum is 0.5; default 1). */
  readonly pollingIntervalSeconds?: number;
  /** Called when a run this process executed has ended (metrics). */
  readonly onFinish?: (run: StoredRun, seconds: number) => void;
  /** How a run is executed; default `executeRun` on this thread with the given deps. */
  readonly execute?: (runId: string) => Promise<StoredRun | undefined>;
}

/** A {@link RunQueue} on pg-boss (module comment). */
export class PgBossRunQueue implements RunQueue {
  readonly #boss: Boss;
  readonly #workers: string[] = [];

  private constructor(boss: Boss) {
    this.#boss = boss;
  }

  /** Connects, creates pg-boss's schema and the queue when missing, and starts pg-boss. */
  static async start(options: PgBossQueueOptions): Promise<PgBossRunQueue> {
    const { default: Boss } = await import('pg-boss');
    const boss = new Boss({
      connectionString: options.url,
      schema: options.schema ?? 'pgboss',
      max: 4,
      supervise: options.supervise ?? true,
      schedule: false,
    });
    boss.on('error', (error) => options.onError?.(error));
    await boss.start();
    if ((await boss.getQueue(RUN_QUEUE_NAME)) === null)
      await boss.createQueue(RUN_QUEUE_NAME).catch(async (error: unknown) => {
        // Another process created it between the check and here.
        if ((await boss.getQueue(RUN_QUEUE_NAME)) === null) throw error;
      });
    return new PgBossRunQueue(boss);
  }

  async enqueue(runId: string): Promise<void> {
    // No retries: a failed run is stored as failed; expiry bounds a worker that vanished.
    await this.#boss.send(RUN_QUEUE_NAME, { runId }, { retryLimit: 0, expireInHours: 6 });
    for (const id of this.#workers) this.#boss.notifyWorker(id);
  }

  /** Executes runs from the queue in this process, `concurrency` at a time, until {@link close}. */
  async work(deps: AppDeps, options: PgBossWorkOptions = {}): Promise<void> {
    const count = options.concurrency ?? 1;
    for (let i = 0; i < count; i++) {
      const id = await this.#boss.work<{ runId: string }>(
        RUN_QUEUE_NAME,
        { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
        async (jobs) => {
          for (const job of jobs) {
            const started = performance.now();
            const run = await (options.execute === undefined
              ? executeRun(job.data.runId, deps, options)
              : options.execute(job.data.runId));
            if (run !== undefined) options.onFinish?.(run, (performance.now() - started) / 1000);
          }
        },
      );
      this.#workers.push(id);
    }
  }

  /** Jobs waiting in the queue (pg-boss's count). */
  async waiting(): Promise<number> {
    return this.#boss.getQueueSize(RUN_QUEUE_NAME);
  }

  /** Stops working (waiting for runs in progress, up to 30 s) and disconnects. */
  async close(): Promise<void> {
    await this.#boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  }
}

/**
 * The in-process run queue (SQLite, and PostgreSQL when no pg-boss is wanted): run ids wait in
 * memory and are executed here, `concurrency` at a time, in submission order, by `executeRun`
 * (`src/app/run-execute.ts`). The store holds every run, so on `start()` the queue picks up the
 * runs a stopped server left `queued` and fails the ones it left `running` (nothing resumes a
 * half-done solve). One server per SQLite file executes runs.
 *
 * Solves run on the worker threads of `deps.solveOffThread` (the server sets it), so a long
 * frontier never blocks the thread serving requests; the rest of a run (reading inline
 * returns, estimating moments) is short and runs here.
 */

import type { AppDeps, RunQueue, StoredRun } from '../app/index.ts';
import { executeRun, type ExecuteRunOptions } from '../app/run-execute.ts';

/** Options of {@link InProcessRunQueue}. */
export interface InProcessQueueOptions extends ExecuteRunOptions {
  /** Runs executed at once (default 1). */
  readonly concurrency?: number;
  /** Called when a run this queue executed has ended (metrics). */
  readonly onFinish?: (run: StoredRun, seconds: number) => void;
  /** How a run is executed; default `executeRun` on this thread with the queue's deps. */
  readonly execute?: (runId: string) => Promise<StoredRun | undefined>;
}

/** The error stored on a run a stopped server left running. */
export const INTERRUPTED = {
  code: 'UNAVAILABLE',
  message: 'the server stopped while this run was running; submit it again',
  details: {},
} as const;

/** A {@link RunQueue} that executes runs in this process (module comment). */
export class InProcessRunQueue implements RunQueue {
  readonly #deps: AppDeps;
  readonly #options: InProcessQueueOptions;
  readonly #pending: string[] = [];
  readonly #active = new Set<Promise<void>>();
  #closed = false;
  #idle: (() => void)[] = [];

  constructor(deps: AppDeps, options: InProcessQueueOptions = {}) {
    this.#deps = deps;
    this.#options = options;
  }

  /** Picks up runs a stopped server left: `queued` ones run, `running` ones fail. */
  async start(): Promise<void> {
    const { runs } = await this.#deps.store();
    for (const run of await runs.list({ status: 'running', limit: 1000 }))
      await runs.finish(run.id, { status: 'failed', error: INTERRUPTED });
    const queued = await runs.list({ status: 'queued', limit: 1000 });
    for (const run of queued.reverse()) this.#pending.push(run.id);
    this.#pump();
  }

  enqueue(runId: string): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#pending.push(runId);
    this.#pump();
    return Promise.resolve();
  }

  /** Runs waiting and running in this process. */
  get depth(): { readonly waiting: number; readonly running: number } {
    return { waiting: this.#pending.length, running: this.#active.size };
  }

  /** Resolves when nothing waits or runs (tests, shutdown). */
  idle(): Promise<void> {
    if (this.#pending.length === 0 && this.#active.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Takes no more runs and waits for the running ones; waiting ones stay queued in the store. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#pending.length = 0;
    await Promise.all(this.#active);
  }

  #pump(): void {
    const limit = this.#options.concurrency ?? 1;
    while (!this.#closed && this.#active.size < limit && this.#pending.length > 0) {
      const id = this.#pending.shift()!;
      const task = this.#execute(id).finally(() => {
        this.#active.delete(task);
        this.#pump();
        if (this.#pending.length === 0 && this.#active.size === 0)
          for (const resolve of this.#idle.splice(0)) resolve();
      });
      this.#active.add(task);
    }
  }

  async #execute(id: string): Promise<void> {
    const started = performance.now();
    try {
      const run = await (this.#options.execute === undefined
        ? executeRun(id, this.#deps, this.#options)
        : this.#options.execute(id));
      if (run !== undefined) this.#options.onFinish?.(run, (performance.now() - started) / 1000);
    } catch (error) {
      // The store failed under the run (it was claimed, so it stays running until a restart).
      this.#deps.log.info(`run ${id}: ${String(error)}`);
    }
  }
}

/**
 * A small typed worker pool for optimisation solves (docs/architecture.md: worker_threads for CPU work).
 * `new SolvePool({ size })` starts `size` worker threads; `solve(job)` queues one
 * `optimize(highs, problem)` call and resolves with its {@link OptimizationResult} (or
 * rejects with a BallastError of the same code and message as in-process); jobs are handed to
 * idle workers in submission order, one job per worker at a time. `close()` terminates every
 * worker and rejects queued jobs. Always `close()` a pool (workers keep the process alive).
 *
 * Compiled (dist/, the CLI and the npm library), workers load `solve-worker.js` directly. From
 * the TypeScript sources (tests, `tsx`), the worker entry is a plain `.mjs` bootstrap that calls
 * tsx's `register()` first (worker threads do not inherit the parent's module hooks on Node 20).
 */

import { Worker } from 'node:worker_threads';
import { BallastError, invalidInput } from '../app/errors.ts';
import type { OptimizationResult } from '../app/solve.ts';
import {
  decodeError,
  type SolveJob,
  type SolveRequest,
  type SolveResponse,
} from './solve-protocol.ts';

const BOOTSTRAP = import.meta.url.endsWith('.js')
  ? new URL('./solve-worker.js', import.meta.url)
  : new URL('./solve-worker-bootstrap.mjs', import.meta.url);

/** Options of {@link SolvePool}. */
export interface SolvePoolOptions {
  /** Number of worker threads (integer ≥ 1). */
  readonly size: number;
}

interface Pending {
  readonly id: number;
  readonly job: SolveJob;
  readonly resolve: (result: OptimizationResult) => void;
  readonly reject: (error: BallastError) => void;
}

interface Slot {
  readonly worker: Worker;
  busy?: Pending;
}

/** A pool of solve workers (see the module comment). */
export class SolvePool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(options: SolvePoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1)
      throw invalidInput('size', options.size, 'the pool needs an integer number of workers ≥ 1');
    this.size = options.size;
    for (let i = 0; i < options.size; i++) this.slots.push(this.startWorker());
  }

  /** Runs `optimize(highs, job.inputs, job.options)` on a worker thread. */
  solve(job: SolveJob): Promise<OptimizationResult> {
    if (this.closed)
      return Promise.reject(new BallastError('INTERNAL', 'solve pool: solve() after close()'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  /** Terminates every worker; queued and running jobs reject with INTERNAL. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new BallastError('INTERNAL', 'solve pool closed before the job finished');
    for (const p of this.queue.splice(0)) p.reject(error);
    for (const slot of this.slots) {
      slot.busy?.reject(error);
      delete slot.busy;
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private startWorker(): Slot {
    const worker = new Worker(BOOTSTRAP);
    const slot: Slot = { worker };
    worker.on('message', (response: SolveResponse) => this.settle(slot, response));
    worker.on('error', (error: Error) => this.crash(slot, error));
    worker.on('exit', (code: number) => {
      if (!this.closed) this.crash(slot, new Error(`the worker exited with code ${code}`));
    });
    return slot;
  }

  private settle(slot: Slot, response: SolveResponse): void {
    const pending = slot.busy;
    if (pending === undefined || pending.id !== response.id) return;
    delete slot.busy;
    if (response.ok) pending.resolve(response.result);
    else pending.reject(decodeError(response.error));
    this.dispatch();
  }

  /** A worker died (uncaught error or exit): fail its job and replace it (once). */
  private crash(slot: Slot, error: Error): void {
    const pending = slot.busy;
    delete slot.busy;
    pending?.reject(new BallastError('INTERNAL', `solve worker failed: ${error.message}`));
    const index = this.slots.indexOf(slot);
    if (this.closed || index < 0) return;
    this.slots[index] = this.startWorker();
    void slot.worker.terminate();
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy !== undefined) continue;
      const pending = this.queue.shift()!;
      slot.busy = pending;
      const request: SolveRequest = { id: pending.id, job: pending.job };
      slot.worker.postMessage(request);
    }
  }
}

/** Runs `task` with a pool of `size` workers and closes the pool afterwards (also on error). */
export async function withSolvePool<T>(
  options: SolvePoolOptions,
  task: (pool: SolvePool) => Promise<T>,
): Promise<T> {
  const pool = new SolvePool(options);
  try {
    return await task(pool);
  } finally {
    await pool.close();
  }
}

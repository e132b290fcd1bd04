/**
 * A run thread (started by `run-threads.ts`; from the TypeScript sources through
 * `run-worker-bootstrap.mjs`, which registers tsx first): it opens its own dependencies on the
 * store named in `workerData` (a SQLite file or a PostgreSQL URL) and, for each run id it is
 * sent, executes the run there — claiming it, reading its input, computing, recording progress
 * and the result in the store — then answers with the run's final status. On PostgreSQL
 * (`workerData.queue`) a run's pieces are spread over the queue's workers (`run-fan-out.ts`). The thread serving
 * HTTP requests does none of that work.
 */

import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createDeps } from '../app/create-deps.ts';
import { executeRun, systemClock } from '../app/index.ts';
import type { AppDeps } from '../app/index.ts';
import { PgBossRunQueue } from './pg-boss-queue.ts';
import { QueueFanOut } from './run-fan-out.ts';
import type { RunThreadData, RunThreadReply, RunThreadRequest } from './run-threads.ts';

const port = parentPort;
if (port === null) throw new Error('run-worker.ts must run in a worker thread');
const data = workerData as RunThreadData;

/**
 * Runs are background work: on Linux this thread lowers its own scheduling priority (niceness
 * 10, its thread id read from /proc/thread-self), so that when the cores are busy the thread
 * serving requests gets them first. Elsewhere, or if refused, it keeps the normal priority.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // not Linux, or not allowed: the run just competes at the normal priority
  }
}
lowerPriority();
const base = createDeps({
  env: process.env,
  clock: systemClock,
  db: data.db,
  offline: data.offline,
  log: { debug: () => undefined, info: (message) => port.postMessage({ log: message }) },
});

/** pg-boss for sending a run's pieces (`run-fan-out.ts`), started on first use; no maintenance. */
function sender(queue: NonNullable<RunThreadData['queue']>): () => Promise<PgBossRunQueue> {
  let started: Promise<PgBossRunQueue> | undefined;
  return () =>
    (started ??= PgBossRunQueue.start({
      ...queue,
      supervise: false,
      onError: (error) => base.log.info(`job queue: ${error.message}`),
    }));
}

const deps: AppDeps =
  data.queue === undefined
    ? base
    : { ...base, fanOut: new QueueFanOut(base, sender(data.queue), data.execution) };

port.on('message', (request: RunThreadRequest) => {
  const started = performance.now();
  void executeRun(request.runId, deps, data.execution)
    .then(
      (run): RunThreadReply => ({
        runId: request.runId,
        run,
        seconds: (performance.now() - started) / 1000,
      }),
      (error: unknown): RunThreadReply => ({
        runId: request.runId,
        run: undefined,
        seconds: 0,
        error: String(error),
      }),
    )
    .then((reply) => port.postMessage(reply));
});

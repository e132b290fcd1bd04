/**
 * A run thread (started by `run-threads.ts`; from the TypeScript sources through
 * `run-worker-bootstrap.mjs`, which registers tsx first): it opens its own dependencies on the
 * store named in `workerData` (a SQLite file or a PostgreSQL URL) and, for each run id it is
 * sent, executes the run there — claiming it, reading its input, computing, recording progress
 * and the result in the store — then answers with the run's final status. The thread serving
 * HTTP requests does none of that work.
 */

import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createDeps } from '../app/create-deps.ts';
import { executeRun, systemClock } from '../app/index.ts';
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
const deps = createDeps({
  env: process.env,
  clock: systemClock,
  db: data.db,
  offline: data.offline,
  log: { debug: () => undefined, info: (message) => port.postMessage({ log: message }) },
});

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

/**
 * A thread of a backtest sweep (started by `backtest-sweep-pool.ts`; from the TypeScript
 * sources through `backtest-sweep-worker-bootstrap.mjs`, which registers tsx first). Its
 * `workerData` is the sweep's {@link SweepContext}: the price matrix in a SharedArrayBuffer,
 * read in place, the benchmark's returns and, with unadjusted closes, the dividends. For each
 * chunk of jobs it is sent it answers with their outcomes ({@link runSweepJobsLazily}, the same
 * code as the in-process sweep; HiGHS is loaded on this thread the first time a job's
 * `optimize` weighting touches it), or the error's wire shape.
 */

import { parentPort, workerData } from 'node:worker_threads';
import {
  loadSweepSolver,
  marketOf,
  runSweepJobsLazily,
  type SweepContext,
} from '../app/backtest-sweep-run.ts';
import type { SweepChunkReply, SweepChunkRequest } from './backtest-sweep-pool.ts';
import { encodeError } from './solve-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('backtest-sweep-worker.ts must run in a worker thread');
const context = workerData as SweepContext;
const market = marketOf(context.market);

port.on('message', (request: SweepChunkRequest) => {
  void runSweepJobsLazily(market, context, { jobs: request.jobs, load: loadSweepSolver })
    .then((outcomes): SweepChunkReply => ({ id: request.id, ok: true, outcomes }))
    .catch((error: unknown): SweepChunkReply => ({
      id: request.id,
      ok: false,
      error: encodeError(error),
    }))
    .then((reply) => port.postMessage(reply));
});

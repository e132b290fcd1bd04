/**
 * A thread of a backtest sweep (started by `backtest-sweep-pool.ts`; from the TypeScript
 * sources through `backtest-sweep-worker-bootstrap.mjs`, which registers tsx first). Its
 * `workerData` is the sweep's {@link SweepContext}: the price matrix in a SharedArrayBuffer,
 * read in place, and the benchmark's returns. For each chunk of jobs it is sent it answers with
 * their outcomes ({@link runSweepJobs}, the same code as the in-process sweep), or the error's
 * wire shape.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { marketOf, runSweepJobs, type SweepContext } from '../app/backtest-sweep-run.ts';
import type { SweepChunkReply, SweepChunkRequest } from './backtest-sweep-pool.ts';
import { encodeError } from './solve-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('backtest-sweep-worker.ts must run in a worker thread');
const context = workerData as SweepContext;
const market = marketOf(context.market);

port.on('message', (request: SweepChunkRequest) => {
  let reply: SweepChunkReply;
  try {
    reply = { id: request.id, ok: true, outcomes: runSweepJobs(market, context, request.jobs) };
  } catch (error) {
    reply = { id: request.id, ok: false, error: encodeError(error) };
  }
  port.postMessage(reply);
});

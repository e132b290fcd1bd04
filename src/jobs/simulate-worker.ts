/**
 * A Monte Carlo thread (started by `simulate-pool.ts`; from the TypeScript sources through
 * `simulate-worker-bootstrap.mjs`, which registers tsx first). Its `workerData` is the run's
 * model; for each range of paths it is sent it answers with their results (the same
 * `simulatePaths` as the in-process run), the arrays transferred, or the error's wire shape.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { simulatePaths, type SimulationModel } from '../app/simulate-threads.ts';
import type { SimulateReply, SimulateRequest } from './simulate-pool.ts';
import { encodeError } from './solve-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('simulate-worker.ts must run in a worker thread');
const model = workerData as SimulationModel;

port.on('message', (request: SimulateRequest) => {
  try {
    const result = simulatePaths(model, request.from, request.to);
    const reply: SimulateReply = { id: request.id, ok: true, result };
    port.postMessage(reply, [
      result.yearValues.buffer,
      result.depletedAt.buffer,
      result.maxDrawdown.buffer,
      result.maxRate.buffer,
    ] as ArrayBuffer[]);
  } catch (error) {
    const reply: SimulateReply = { id: request.id, ok: false, error: encodeError(error) };
    port.postMessage(reply);
  }
});

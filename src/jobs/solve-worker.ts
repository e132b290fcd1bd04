/**
 * A solve-pool worker (loaded by `solve-worker-bootstrap.mjs`, which registers tsx first): for
 * every {@link SolveRequest} it runs the domain's `optimize(highs, problem)` on its own
 * HiGHS runtime and answers with the result or the error's wire shape. Jobs run one at a time
 * per worker, in arrival order.
 */

import { parentPort } from 'node:worker_threads';
import { loadHighs } from '../core/solvers/highs.ts';
import { optimize } from '../domain/optimize/optimize.ts';
import { encodeError, type SolveRequest, type SolveResponse } from './solve-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('solve-worker.ts must run in a worker thread');

port.on('message', (request: SolveRequest) => {
  void loadHighs()
    .then((highs): SolveResponse => ({
      id: request.id,
      ok: true,
      result: optimize(highs, request.job.problem),
    }))
    .catch((thrown: unknown): SolveResponse => ({
      id: request.id,
      ok: false,
      error: encodeError(thrown),
    }))
    .then((response) => port.postMessage(response));
});

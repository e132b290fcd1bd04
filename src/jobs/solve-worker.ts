/**
 * A solve-pool worker (loaded by `solve-worker-bootstrap.mjs`, which registers tsx first, or
 * directly when compiled): for every {@link SolveRequest} it runs the app's `solveProblem` —
 * `optimize(highs, problem)` on the worker's own HiGHS runtime — and answers with the result or
 * the error's wire shape. Jobs run one at a time per worker, in arrival order.
 */

import { parentPort } from 'node:worker_threads';
import { solveProblem } from '../app/solve.ts';
import { encodeError, type SolveRequest, type SolveResponse } from './solve-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('solve-worker.ts must run in a worker thread');

port.on('message', (request: SolveRequest) => {
  void solveProblem(request.job.problem)
    .then((result): SolveResponse => ({ id: request.id, ok: true, result }))
    .catch((thrown: unknown): SolveResponse => ({
      id: request.id,
      ok: false,
      error: encodeError(thrown),
    }))
    .then((response) => port.postMessage(response));
});

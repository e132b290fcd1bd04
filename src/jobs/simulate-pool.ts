/**
 * The worker threads of a Monte Carlo run (docs/simulate.md, "Threads"). `simulateOnThreads`
 * starts up to `threads` workers (`simulate-worker.ts`) with the model as their `workerData`,
 * hands them ranges of paths one at a time as each becomes idle, and answers with every range's
 * results in range order, then stops the workers.
 *
 * Loaded at run time by URL from `src/app/simulate-threads.ts` (the app never imports jobs
 * statically). Failures are their wire shape (`{ code, message, details }`), which the app turns
 * into its own BallastError. Compiled, workers load `simulate-worker.js`; from the TypeScript
 * sources, a `.mjs` bootstrap that registers tsx first (as the sweep and solve pools do).
 */

import { Worker } from 'node:worker_threads';
import type { PathRange, PathResults, SimulationModel } from '../app/simulate-threads.ts';
import type { WireError } from './solve-protocol.ts';

const ENTRY = import.meta.url.endsWith('.js')
  ? new URL('./simulate-worker.js', import.meta.url)
  : new URL('./simulate-worker-bootstrap.mjs', import.meta.url);

/** Pool → worker: simulate paths [from, to). */
export interface SimulateRequest {
  readonly id: number;
  readonly from: number;
  readonly to: number;
}

/** Worker → pool: the range's results, or its error. */
export type SimulateReply =
  | { readonly id: number; readonly ok: true; readonly result: PathResults }
  | { readonly id: number; readonly ok: false; readonly error: WireError };

/** How a run on threads ended. */
export type SimulateThreadsResult =
  | { readonly ok: true; readonly parts: PathResults[] }
  | { readonly ok: false; readonly error: WireError };

/** Runs `ranges` of `model` on worker threads (module comment); resolves with a failure too. */
export function simulateOnThreads(
  model: SimulationModel,
  ranges: readonly PathRange[],
  options: {
    readonly threads: number;
    /** Told each finished range's path count (progress). */
    readonly onRange?: (paths: number) => void;
  },
): Promise<SimulateThreadsResult> {
  const size = Math.max(1, Math.min(options.threads, ranges.length));
  const parts = new Array<PathResults>(ranges.length);
  const workers: Worker[] = [];
  let next = 0;
  let left = ranges.length;
  let ended = false;
  return new Promise<SimulateThreadsResult>((resolve) => {
    const end = (result: SimulateThreadsResult): void => {
      if (ended) return;
      ended = true;
      for (const w of workers) void w.terminate();
      resolve(result);
    };
    const feed = (worker: Worker): void => {
      if (next >= ranges.length) return;
      const id = next++;
      const [from, to] = ranges[id]!;
      const request: SimulateRequest = { id, from, to };
      worker.postMessage(request);
    };
    if (ranges.length === 0) return end({ ok: true, parts: [] });
    for (let i = 0; i < size; i++) {
      const worker = new Worker(ENTRY, { workerData: model });
      workers.push(worker);
      worker.on('message', (reply: SimulateReply) => {
        if (ended) return;
        if (!reply.ok) return end({ ok: false, error: reply.error });
        parts[reply.id] = reply.result;
        const [from, to] = ranges[reply.id]!;
        options.onRange?.(to - from);
        if (--left === 0) return end({ ok: true, parts });
        feed(worker);
      });
      worker.on('error', (error: Error) =>
        end({
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `simulate worker failed: ${error.message}`,
            details: {},
          },
        }),
      );
      worker.on('exit', (code: number) =>
        end({
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `a simulate worker exited with code ${code}`,
            details: {},
          },
        }),
      );
      feed(worker);
    }
  });
}

/**
 * The worker threads of a backtest sweep (docs/backtest.md, "Sweeps"). `runSweepOnThreads`
 * starts up to `threads` workers (`backtest-sweep-worker.ts`) with the sweep's context as their
 * `workerData` — the closes in a SharedArrayBuffer, shared rather than copied — hands them the
 * chunks of jobs one at a time as each becomes idle (so a slow chunk does not hold the others
 * back), and answers with every chunk's outcomes in chunk order, then stops the workers.
 *
 * Loaded at run time by URL from `src/app/backtest-sweep-threads.ts` (the app never imports
 * jobs statically). It builds no error objects of its own: a failure is its wire shape
 * (`{ code, message, details }`), which the app turns into its own BallastError, so the error
 * class is the caller's even when this module is loaded from another build (dist/jobs/ beside
 * the bundled CLI). Compiled, workers load `backtest-sweep-worker.js`; from the TypeScript
 * sources, a `.mjs` bootstrap that registers tsx first (as the solve pool does).
 */

import { Worker } from 'node:worker_threads';
import type { SweepContext, SweepJob, SweepOutcome } from '../app/backtest-sweep-run.ts';
import type { WireError } from './solve-protocol.ts';

const ENTRY = import.meta.url.endsWith('.js')
  ? new URL('./backtest-sweep-worker.js', import.meta.url)
  : new URL('./backtest-sweep-worker-bootstrap.mjs', import.meta.url);

/** Pool → worker: run these jobs. */
export interface SweepChunkRequest {
  readonly id: number;
  readonly jobs: readonly SweepJob[];
}

/** Worker → pool: the chunk's outcomes in job order, or its error. */
export type SweepChunkReply =
  | { readonly id: number; readonly ok: true; readonly outcomes: SweepOutcome[] }
  | { readonly id: number; readonly ok: false; readonly error: WireError };

/** Options of {@link runSweepOnThreads}. */
export interface SweepThreadsOptions {
  /** Most worker threads (integer ≥ 1; no more are started than there are chunks). */
  readonly threads: number;
  /** Called with a chunk's job count when it is done; what it throws ends the sweep with it. */
  readonly onChunk?: (jobs: number) => void;
}

/** How a sweep on threads ended: the outcomes of each chunk, or the first failure. */
export type SweepThreadsResult =
  | { readonly ok: true; readonly chunks: SweepOutcome[][] }
  | { readonly ok: false; readonly error: WireError };

/**
 * Runs `chunks` on worker threads (module comment). Resolves with a failure as soon as a chunk
 * fails or a worker dies; rejects only with what `onChunk` threw.
 */
export function runSweepOnThreads(
  context: SweepContext,
  chunks: readonly (readonly SweepJob[])[],
  options: SweepThreadsOptions,
): Promise<SweepThreadsResult> {
  const size = Math.max(1, Math.min(options.threads, chunks.length));
  const out: SweepOutcome[][] = new Array<SweepOutcome[]>(chunks.length);
  const workers: Worker[] = [];
  let next = 0;
  let left = chunks.length;
  let ended = false;
  return new Promise<SweepThreadsResult>((resolve, reject) => {
    const end = (settle: () => void): void => {
      if (ended) return;
      ended = true;
      for (const w of workers) void w.terminate();
      settle();
    };
    const fail = (error: WireError): void => end(() => resolve({ ok: false, error }));
    const feed = (worker: Worker): void => {
      if (next >= chunks.length) return;
      const id = next++;
      const request: SweepChunkRequest = { id, jobs: chunks[id]! };
      worker.postMessage(request);
    };
    if (chunks.length === 0) return end(() => resolve({ ok: true, chunks: [] }));
    for (let i = 0; i < size; i++) {
      const worker = new Worker(ENTRY, { workerData: context });
      workers.push(worker);
      worker.on('message', (reply: SweepChunkReply) => {
        if (ended) return;
        if (!reply.ok) return fail(reply.error);
        out[reply.id] = reply.outcomes;
        try {
          options.onChunk?.(chunks[reply.id]!.length);
        } catch (thrown) {
          return end(() => reject(thrown instanceof Error ? thrown : new Error(String(thrown))));
        }
        if (--left === 0) return end(() => resolve({ ok: true, chunks: out }));
        feed(worker);
      });
      worker.on('error', (error: Error) =>
        fail({ code: 'INTERNAL', message: `sweep worker failed: ${error.message}`, details: {} }),
      );
      worker.on('exit', (code: number) =>
        fail({ code: 'INTERNAL', message: `a sweep worker exited with code ${code}`, details: {} }),
      );
      feed(worker);
    }
  });
}

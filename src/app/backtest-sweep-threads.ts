/**
 * The sweep's worker threads, loaded at run time by URL (jobs sit above the app in the layer
 * table, docs/architecture.md, so the app never imports them statically; `worker-pool.ts` does
 * the same for the solve pool). Compiled — dist/app/ or the bundled CLI in dist/bin/ — it loads
 * dist/jobs/backtest-sweep-pool.js; from the TypeScript sources (tests, tsx), the `.ts` module.
 * A failure comes back as its wire shape and is rebuilt here as this build's BallastError.
 */

import { BallastError } from '../domain/errors.ts';
import type { SweepContext, SweepJob, SweepOutcome } from './backtest-sweep-run.ts';

const POOL_URL = new URL(
  import.meta.url.endsWith('.js')
    ? '../jobs/backtest-sweep-pool.js'
    : '../jobs/backtest-sweep-pool.ts',
  import.meta.url,
);

/** The shape of the pool module (`src/jobs/backtest-sweep-pool.ts`). */
interface PoolModule {
  runSweepOnThreads(
    context: SweepContext,
    chunks: readonly (readonly SweepJob[])[],
    options: { readonly threads: number; readonly onChunk?: (jobs: number) => void },
  ): Promise<
    | { readonly ok: true; readonly chunks: SweepOutcome[][] }
    | {
        readonly ok: false;
        readonly error: {
          readonly code: BallastError['code'];
          readonly message: string;
          readonly details: Readonly<Record<string, unknown>>;
        };
      }
  >;
}

/**
 * The outcomes of `chunks` run on up to `threads` worker threads, chunk by chunk in order;
 * `onChunk` is told each finished chunk's job count (what it throws ends the sweep).
 *
 * @throws BallastError with the code and message a worker's job failed with.
 */
export async function runSweepOnThreads(
  context: SweepContext,
  chunks: readonly (readonly SweepJob[])[],
  options: { readonly threads: number; readonly onChunk?: (jobs: number) => void },
): Promise<SweepOutcome[][]> {
  const pool = (await import(POOL_URL.href)) as PoolModule;
  const result = await pool.runSweepOnThreads(context, chunks, options);
  if (!result.ok)
    throw new BallastError(result.error.code, result.error.message, result.error.details);
  return result.chunks;
}

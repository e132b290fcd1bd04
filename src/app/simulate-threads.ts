/**
 * Running a Monte Carlo model's paths: in this thread, or on worker threads
 * (`src/jobs/simulate-pool.ts`) loaded at run time by URL — jobs sit above the app in the layer
 * table (docs/architecture.md), so the app never imports them statically; the backtest sweep
 * does the same (`backtest-sweep-threads.ts`). Compiled, it loads dist/jobs/simulate-pool.js;
 * from the TypeScript sources (tests, tsx), the `.ts` module. Paths are cut into ranges of
 * {@link CHUNK_PATHS} whatever the thread count, and path i always draws from stream
 * (seed, i), so the results are the same bytes on any number of threads.
 */

import { availableParallelism } from 'node:os';
import { BallastError } from '../domain/errors.ts';
import {
  joinResults,
  simulatePaths,
  periodsOf,
  type PathResults,
  type SimulationModel,
} from '../domain/simulate/index.ts';

export { simulatePaths, type PathResults, type SimulationModel };

const POOL_URL = new URL(
  import.meta.url.endsWith('.js') ? '../jobs/simulate-pool.js' : '../jobs/simulate-pool.ts',
  import.meta.url,
);

/** Paths per range handed to a worker. */
export const CHUNK_PATHS = 1000;

/** A range of paths, [from, to). */
export type PathRange = readonly [number, number];

/** The shape of the pool module (`src/jobs/simulate-pool.ts`). */
interface PoolModule {
  simulateOnThreads(
    model: SimulationModel,
    ranges: readonly PathRange[],
    options: { readonly threads: number; readonly onRange?: (paths: number) => void },
  ): Promise<
    | { readonly ok: true; readonly parts: PathResults[] }
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

/** The ranges of `paths` paths, {@link CHUNK_PATHS} each (the last may be shorter). */
export function pathRanges(paths: number): PathRange[] {
  const out: PathRange[] = [];
  for (let from = 0; from < paths; from += CHUNK_PATHS)
    out.push([from, Math.min(paths, from + CHUNK_PATHS)]);
  return out;
}

/** Threads when not given: one per core (at most 8) for 20 million path-periods or more, else 1
 * (a worker costs a few tenths of a second to start; one thread does ~20 million path-periods a
 * second on bootstrap draws, bench/simulate.bench.ts). */
export function autoThreads(model: SimulationModel): number {
  return model.paths * periodsOf(model) >= 20_000_000
    ? Math.max(1, Math.min(8, availableParallelism()))
    : 1;
}

/**
 * The results of every path of `model`, on `threads` worker threads (1: this thread), range by
 * range; `onRange` is told each finished range's path count (progress). The ranges joined give
 * the same bytes as the paths run at once (module comment).
 *
 * @throws BallastError with the code and message a worker failed with.
 */
export async function runPaths(
  model: SimulationModel,
  threads: number,
  onRange: (paths: number) => void = () => undefined,
): Promise<PathResults> {
  const ranges = pathRanges(model.paths);
  if (ranges.length === 1) {
    const all = simulatePaths(model, 0, model.paths);
    onRange(model.paths);
    return all;
  }
  if (threads <= 1)
    return joinResults(
      ranges.map(([from, to]) => {
        const part = simulatePaths(model, from, to);
        onRange(to - from);
        return part;
      }),
      model.years,
    );
  const pool = (await import(POOL_URL.href)) as PoolModule;
  const result = await pool.simulateOnThreads(model, ranges, { threads, onRange });
  if (!result.ok)
    throw new BallastError(result.error.code, result.error.message, result.error.details);
  return joinResults(result.parts, model.years);
}

/**
 * The default {@link SolveExecutorFactory} of `createDeps`: the worker-thread pool of
 * `src/jobs/solve-pool.ts`, loaded at run time by URL on first use (jobs sit above the app in
 * the layer table, docs/architecture.md, so the app never imports them statically; the pool in
 * turn loads its workers by URL). Compiled, it loads `solve-pool.js`; from the TypeScript
 * sources (tests, tsx), `solve-pool.ts`.
 */

import type { SolveExecutor, SolveExecutorFactory } from './solve.ts';

/** The shape of the pool module this factory loads. */
interface PoolModule {
  readonly SolvePool: new (options: { readonly size: number }) => SolveExecutorLike;
}

/** The pool's own API: it takes `{ problem }` jobs. */
interface SolveExecutorLike {
  solve(job: {
    readonly problem: Parameters<SolveExecutor['solve']>[0];
  }): ReturnType<SolveExecutor['solve']>;
  close(): Promise<void>;
}

const POOL_URL = new URL(
  import.meta.url.endsWith('.js') ? '../jobs/solve-pool.js' : '../jobs/solve-pool.ts',
  import.meta.url,
);

/** Starts a pool of `size` solve workers (see the module comment). */
export const workerPool: SolveExecutorFactory = async (size) => {
  const { SolvePool } = (await import(POOL_URL.href)) as PoolModule;
  const pool = new SolvePool({ size });
  return { solve: (problem) => pool.solve({ problem }), close: () => pool.close() };
};

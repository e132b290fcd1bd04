/**
 * HiGHS only when a solve needs it. Most optimisations Ballast runs — the mean-variance family
 * on a dense covariance with bounds and a budget, risk parity, HRP, HERC — never call HiGHS:
 * the dense active-set kernel and the other family solvers run in plain TypeScript. Loading
 * the HiGHS WebAssembly runtime costs ~60 ms, a large share of a short command, so a use case
 * first runs its (pure, deterministic) solve with a stand-in runtime that records any use; if
 * the solve touched it, its outcome is discarded and the solve runs again with the real
 * runtime from `deps.solver()`. The result is the same either way.
 */

import type { HighsRuntime } from '../core/solvers/highs.ts';
import type { AppDeps } from './deps.ts';

/** What the stand-in throws when used (never escapes {@link withSolver}). */
class SolverNeeded extends Error {}

/**
 * Runs `solve` (a pure function of the runtime it is given) without loading HiGHS when it does
 * not need it, else with the runtime of `deps.solver()` (see the module comment).
 */
export async function withSolver<T>(
  deps: Pick<AppDeps, 'solver'>,
  solve: (highs: HighsRuntime) => T,
): Promise<T> {
  let used = false;
  const standIn = new Proxy(
    {},
    {
      get() {
        used = true;
        throw new SolverNeeded('HiGHS is loaded on demand');
      },
    },
  ) as HighsRuntime;
  try {
    const result = solve(standIn);
    if (!used) return result;
  } catch (error) {
    if (!used) throw error;
  }
  return solve(await deps.solver());
}

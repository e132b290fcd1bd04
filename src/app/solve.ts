/**
 * Solving optimisation problems off the calling thread. {@link SolveExecutor} is the port a use
 * case runs problems on (the frontier with `threads ≥ 2`); the worker-thread pool of
 * `src/jobs/solve-pool.ts` implements it, and its workers call {@link solveProblem} — the same
 * deterministic `optimize(highs, problem)` as in-process, so the results are identical.
 */

import { loadHighs } from '../core/solvers/highs.ts';
import { optimize } from '../domain/optimize/optimize.ts';
import type { OptimizationProblem } from '../domain/optimize/problem.ts';
import type { OptimizationResult } from '../domain/optimize/result.ts';

export type { OptimizationProblem } from '../domain/optimize/problem.ts';
export type { OptimizationResult } from '../domain/optimize/result.ts';

/** Runs optimisation problems (in order of submission, possibly in parallel). */
export interface SolveExecutor {
  /** Resolves with the result of `optimize(highs, problem)`, or rejects with its BallastError. */
  solve(problem: OptimizationProblem): Promise<OptimizationResult>;
  /** Releases the executor's threads; pending solves reject. */
  close(): Promise<void>;
}

/** Starts an executor with `size` worker threads. */
export type SolveExecutorFactory = (size: number) => Promise<SolveExecutor>;

/**
 * Solves one problem on this thread with the process's HiGHS runtime (loaded on first use):
 * what a solve worker runs for each job.
 */
export async function solveProblem(problem: OptimizationProblem): Promise<OptimizationResult> {
  return optimize(await loadHighs(), problem);
}

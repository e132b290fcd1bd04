/**
 * The efficient frontier with its solves on a {@link SolveExecutor} (worker threads): the same
 * portfolios as the domain's `efficientFrontier`, in the same order, with the same target
 * returns — min variance and max return first (in parallel), then the N − 2 inner
 * efficient-return points and the tangency portfolio (in parallel). Targets are
 * r_k = r_min + (r_max − r_min)·k/(N − 1) for 0 < k < N − 1 and r_max − 1e-12·(1 + |r_max|)
 * for the last point; returns are net of one-off transaction costs. Every point is solved by the
 * same deterministic `optimize` call as in-process, so the weights are identical; only
 * `diagnostics.solveMs` differs (it sums per-solve times measured on the workers). A failing
 * frontier reports the first error in point order, as the in-process loop does.
 */

import { BallastError, invalidInput } from '../domain/errors.ts';
import {
  assembleFrontier,
  frontierPoint as point,
  frontierTargets,
  type EfficientFrontier,
  type FrontierOptions,
  type FrontierPoint,
} from '../domain/optimize/mean-variance/frontier.ts';
import type { MeanVarianceObjective } from '../domain/optimize/objectives.ts';
import type { OptimizationInputs, OptimizationProblem } from '../domain/optimize/problem.ts';
import type { OptimizationResult } from '../domain/optimize/result.ts';

export type {
  EfficientFrontier,
  FrontierOptions,
  FrontierPoint,
} from '../domain/optimize/mean-variance/frontier.ts';
export type { OptimizationInputs } from '../domain/optimize/problem.ts';

/** Solves one problem (a worker pool's `solve`). */
export type SolveFn = (problem: OptimizationProblem) => Promise<OptimizationResult>;

/** Awaits every promise, then returns the values in order or throws the FIRST error in order. */
async function inOrder<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  return settled.map((s) => {
    if (s.status === 'rejected') throw s.reason;
    return s.value;
  });
}

/** {@link EfficientFrontier} of `inputs` with every solve through `solve` (module comment). */
export async function frontierOn(
  solve: SolveFn,
  inputs: OptimizationInputs,
  options: FrontierOptions,
): Promise<EfficientFrontier> {
  const count = options.points;
  if (!Number.isInteger(count) || count < 2)
    throw invalidInput('points', count, 'must be an integer ≥ 2');
  const base = {
    ...(options.constraints === undefined ? {} : { constraints: options.constraints }),
    ...(options.method === undefined ? {} : { method: options.method }),
  };
  let solves = 0;
  let solveMs = 0;
  const run = async (objective: MeanVarianceObjective): Promise<OptimizationResult> => {
    const r = await solve({ inputs, ...base, objective });
    solves += r.diagnostics.solves;
    solveMs += r.diagnostics.solveMs;
    options.onSolve?.();
    return r;
  };
  const ends = await inOrder([run({ kind: 'minVariance' }), run({ kind: 'maxReturn' })]);
  const low = ends[0]!;
  const high = ends[1]!;
  const rLow = low.expectedReturnAnnual - low.transactionCost;
  const rHigh = high.expectedReturnAnnual - high.transactionCost;
  const inner = frontierTargets(rLow, rHigh, count).map((target) =>
    target <= rLow
      ? Promise.resolve(point(low))
      : run({ kind: 'efficientReturn', targetReturnAnnual: target }).then(point),
  );
  const tangencyRun = run({ kind: 'maxSharpe' }).then(point, (error: unknown) => {
    if (error instanceof BallastError && error.code === 'NO_ASSET_ABOVE_RISK_FREE')
      return undefined;
    throw error;
  });
  const settled = await inOrder<FrontierPoint | undefined>([...inner, tangencyRun]);
  const tangency = settled.pop();
  const points = settled as FrontierPoint[];
  return assembleFrontier({
    points: [point(low), ...points],
    low,
    high,
    tangency,
    riskFreeRateAnnual: inputs.riskFreeRateAnnual,
    diagnostics: { solves, solveMs },
  });
}

/**
 * The frontier solve of `ballast frontier`: constraints from the flags (bounds, groups,
 * exposures, turnover and costs) and `--threads N` — 1 (default) solves in-process with the
 * domain's `efficientFrontier`; N ≥ 2 spreads the solves over a pool of N worker threads
 * (`src/jobs`), giving the same portfolios.
 */

import { loadHighs } from '../../core/solvers/highs.ts';
import {
  efficientFrontier,
  type EfficientFrontier,
} from '../../domain/optimize/mean-variance/frontier.ts';
import type { OptimizationInputs } from '../../domain/optimize/problem.ts';
import { parallelFrontier } from '../../jobs/frontier-parallel.ts';
import { withSolvePool } from '../../jobs/solve-pool.ts';
import { numberOption } from '../estimate/methods.ts';
import { portfolioConstraints, type ConstraintFlags } from './constraint-flags.ts';
import type { ObjectiveOptions } from './objectives.ts';

/** Flags of the frontier solve. */
export interface FrontierSolveFlags extends Omit<ObjectiveOptions, 'objective'>, ConstraintFlags {
  readonly threads?: string | undefined;
}

/** Solves the frontier of `inputs` with `points` points under the flags (module comment). */
export async function solveFrontier(
  inputs: OptimizationInputs,
  spec: { readonly points: number; readonly flags: FrontierSolveFlags },
): Promise<EfficientFrontier> {
  const threads =
    numberOption('threads', spec.flags.threads, (x) => Number.isInteger(x) && x >= 1) ?? 1;
  const { constraints } = await portfolioConstraints(inputs.assets, {
    ...spec.flags,
    objective: 'frontier',
  });
  const options = { points: spec.points, constraints };
  if (threads === 1) return efficientFrontier(await loadHighs(), inputs, options);
  return withSolvePool({ size: threads }, (pool) => parallelFrontier(pool, inputs, options));
}

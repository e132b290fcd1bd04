/**
 * Use case `frontier`: the mean-variance efficient frontier — N portfolios from the
 * minimum-variance portfolio to the maximum return, each solved exactly under the constraints —
 * with the tangency portfolio and the capital allocation line (docs/optimize.md). The moments
 * and their warnings come as for `optimize` (`optimization-data.ts`). With `threads ≥ 2` the
 * solves run on a pool of worker threads (`deps.workers`) and give the same portfolios; progress
 * ticks once per solve.
 *
 * @example
 * ```ts
 * const doc = await frontier(
 *   { moments: { kind: 'estimate', panel: { kind: 'file', file: { path: 'r.csv' } } }, points: 10 },
 *   deps,
 * );
 * doc.tangency?.weights;
 * ```
 */

import * as z from 'zod';
import {
  efficientFrontier,
  type EfficientFrontier,
  type FrontierOptions,
} from '../domain/optimize/mean-variance/frontier.ts';
import type { OptimizationInputs } from '../domain/optimize/problem.ts';
import type { Warning } from '../domain/warnings.ts';
import type { FrontierChartInput } from '../report/frontier.ts';
import type { AppDeps } from './deps.ts';
import { frontierOn } from './frontier-run.ts';
import { parseInput } from './input.ts';
import { loadOptimizationData } from './optimization-data.ts';
import { buildConstraints } from './optimize-constraints.ts';
import { constraintsInputSchema, optimizationDataShape } from './optimize-input.ts';

export type {
  EfficientFrontier,
  FrontierPoint,
} from '../domain/optimize/mean-variance/frontier.ts';
export type { FrontierChartInput } from '../report/frontier.ts';

/** Input of {@link frontier}. */
export const frontierInputSchema = z.object({
  ...optimizationDataShape,
  constraints: constraintsInputSchema.default({ longShort: false, groups: [] }),
  /** Number of points (default 20). */
  points: z.number().int().min(2).default(20),
  /** Worker threads for the solves (default 1: in-process). */
  threads: z.number().int().min(1).default(1),
});

/** What callers pass to {@link frontier}. */
export type FrontierInput = z.input<typeof frontierInputSchema>;

/** The `frontier` document (the CLI's `--format json`). */
export type FrontierDocument = EfficientFrontier & {
  /** The declared risk-free column and its annual rate. */
  readonly riskFree?: { readonly column: string; readonly rateAnnual: number };
  /** The estimate's warnings (e.g. `COVARIANCE_RANK_DEFICIENT`). */
  readonly warnings: readonly Warning[];
};

/** A frontier with what its chart needs. */
export interface FrontierRun {
  readonly document: FrontierDocument;
  /** The frontier and each asset at (√Σ_ii, μ_i), annual. */
  readonly chart: FrontierChartInput;
}

async function solveFrontier(
  inputs: OptimizationInputs,
  spec: { readonly options: FrontierOptions; readonly threads: number },
  deps: AppDeps,
): Promise<EfficientFrontier> {
  const offThread = deps.solveOffThread;
  if (offThread !== undefined && spec.threads === 1)
    return frontierOn((p) => offThread.solve(p), inputs, spec.options);
  if (spec.threads === 1 || deps.workers === undefined)
    return efficientFrontier(await deps.solver(), inputs, spec.options);
  const executor = await deps.workers(spec.threads);
  try {
    return await frontierOn((p) => executor.solve(p), inputs, spec.options);
  } finally {
    await executor.close();
  }
}

function assetPoints(inputs: OptimizationInputs): FrontierChartInput['assets'] {
  const { assets, covarianceAnnual: cov, expectedReturnsAnnual: mu } = inputs;
  return assets.map((name, i) => ({
    name,
    volatilityAnnual: Math.sqrt(cov.data[i * cov.cols + i]!),
    expectedReturnAnnual: mu[i]!,
  }));
}

/** The frontier and its chart input (see the module comment). */
export async function runFrontier(raw: FrontierInput, deps: AppDeps): Promise<FrontierRun> {
  const input = parseInput(frontierInputSchema, raw);
  const data = await loadOptimizationData(input, deps);
  const { constraints } = await buildConstraints(data.inputs.assets, input.constraints, deps);
  // One tick per run: min variance, max return, the points − 1 targets above it, the tangency.
  const task = deps.progress.start('solving the frontier', input.points + 2);
  let f: EfficientFrontier;
  try {
    f = await solveFrontier(
      data.inputs,
      {
        options: { points: input.points, constraints, onSolve: () => task.tick() },
        threads: input.threads,
      },
      deps,
    );
  } finally {
    task.done();
  }
  const document: FrontierDocument = {
    ...f,
    ...(data.riskFree === undefined ? {} : { riskFree: data.riskFree }),
    warnings: data.warnings,
  };
  return { document, chart: { frontier: f, assets: assetPoints(data.inputs) } };
}

/** The frontier document (see the module comment). */
export async function frontier(raw: FrontierInput, deps: AppDeps): Promise<FrontierDocument> {
  return (await runFrontier(raw, deps)).document;
}

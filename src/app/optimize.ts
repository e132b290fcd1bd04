/**
 * Use case `optimize`: optimal weights for one objective under constraints, verified and never
 * renormalised (docs/optimize.md, docs/conventions.md "Optimisation"). The moments come from a
 * returns panel estimated with any covariance and mean model of `estimate`, or from a moments
 * file written by `estimate --format json`; every warning of the estimate (e.g. a
 * rank-deficient sample covariance, `COVARIANCE_RANK_DEFICIENT`) and of the solve (heuristic
 * cardinality or fixed costs) is in the document. A zero-variance column is refused unless it
 * is declared the risk-free asset (`optimization-data.ts`).
 *
 * @example
 * ```ts
 * const doc = await optimize(
 *   {
 *     moments: { kind: 'estimate', panel: { kind: 'file', file: { path: 'r.csv' } } },
 *     objective: { kind: 'min-variance' },
 *   },
 *   deps,
 * );
 * doc.weights; // { A: 0.31, B: 0.69 }
 * ```
 */

import * as z from 'zod';
import { toBallastError } from '../domain/errors.ts';
import type { CardinalityLimits } from '../domain/optimize/constraints.ts';
import { optimize as solve } from '../domain/optimize/optimize.ts';
import type { OptimizationResult } from '../domain/optimize/result.ts';
import type { Warning } from '../domain/warnings.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { withSolver } from './lazy-solver.ts';
import { loadOptimizationData } from './optimization-data.ts';
import { buildConstraints } from './optimize-constraints.ts';
import {
  cardinalityInputSchema,
  constraintsInputSchema,
  objectiveInputSchema,
  optimizationDataShape,
} from './optimize-input.ts';
import { domainObjective } from './optimize-objective.ts';

export type { ConstraintCheck } from '../domain/optimize/check.ts';
export type { OptimizationDiagnostics } from '../domain/optimize/result.ts';
export {
  FEATURE_FIELD,
  objectivesAccepting,
  refusal,
  type ConstraintFeature,
} from '../domain/optimize/capabilities.ts';
export { isObjectiveKind } from '../domain/optimize/objectives.ts';
export * from './optimize-input.ts';

/** Input of {@link optimize}: the data, the objective, the constraints, cardinality limits. */
export const optimizeInputSchema = z.object({
  ...optimizationDataShape,
  objective: objectiveInputSchema,
  constraints: constraintsInputSchema.default({ longShort: false, groups: [] }),
  cardinality: cardinalityInputSchema.optional(),
});

/** What callers pass to {@link optimize}. */
export type OptimizeInput = z.input<typeof optimizeInputSchema>;

/** The `optimize` document (the CLI's `--format json`). */
export interface OptimizeDocument {
  readonly status: 'optimal';
  /** The objective as named in the input (`min-variance`). */
  readonly objective: string;
  /** In the objective's natural unit (docs/optimize.md). */
  readonly objectiveValue: number;
  /** Weights by asset, decimals of the portfolio (negative = short). */
  readonly weights: Readonly<Record<string, number>>;
  /** The cash line (negative = borrowing); 0 without one. */
  readonly cash: number;
  /** x = Eᵀw by economic exposure, when fund definitions were used. */
  readonly exposures?: Record<string, number>;
  readonly expectedReturnAnnual: number;
  readonly volatilityAnnual: number;
  /** (E − rf)/σ; null when σ = 0. */
  readonly sharpe: number | null;
  /** Variance fractions, summing to 1. */
  readonly riskContributions: Readonly<Record<string, number>>;
  /** Per-period CVaR at the objective's confidence (scenario objectives). */
  readonly cvar?: number;
  /** One-off cost of the trades from the current weights (weight units). */
  readonly transactionCost: number;
  readonly constraintsChecked: OptimizationResult['constraintsChecked'];
  readonly diagnostics: OptimizationResult['diagnostics'];
  /** The declared risk-free column and its annual rate. */
  readonly riskFree?: { readonly column: string; readonly rateAnnual: number };
  /** The estimate's warnings, then the solve's. */
  readonly warnings: readonly Warning[];
}

/** What a failed optimisation prints as JSON: the error code as status. */
export interface OptimizeFailureDocument {
  readonly status: string;
  readonly objective: string;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

const kebab = (kind: string): string => kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The document of a result (see {@link OptimizeDocument}). */
export function optimizeDocument(
  r: OptimizationResult,
  extra: Pick<OptimizeDocument, 'exposures' | 'riskFree' | 'warnings'>,
): OptimizeDocument {
  return {
    status: r.status,
    objective: kebab(r.objective),
    objectiveValue: r.objectiveValue,
    weights: r.weights,
    cash: r.cash,
    ...(extra.exposures === undefined ? {} : { exposures: extra.exposures }),
    expectedReturnAnnual: r.expectedReturnAnnual,
    volatilityAnnual: r.volatilityAnnual,
    sharpe: Number.isFinite(r.sharpe) ? r.sharpe : null,
    riskContributions: r.riskContributions,
    ...(r.riskMeasures.cvar === undefined ? {} : { cvar: r.riskMeasures.cvar }),
    transactionCost: r.transactionCost,
    constraintsChecked: r.constraintsChecked,
    diagnostics: r.diagnostics,
    ...(extra.riskFree === undefined ? {} : { riskFree: extra.riskFree }),
    warnings: [...extra.warnings, ...r.warnings],
  };
}

/** The failure document of an error thrown by {@link optimize} for `objective`. */
export function optimizeFailureDocument(
  error: unknown,
  objective: string,
): OptimizeFailureDocument {
  const e = toBallastError(error);
  return { status: e.code, objective, message: e.message, details: e.details };
}

function cardinalityOf(
  c: z.output<typeof cardinalityInputSchema> | undefined,
): CardinalityLimits | undefined {
  if (c === undefined) return undefined;
  return {
    ...(c.maxAssets === undefined ? {} : { maxAssets: c.maxAssets }),
    ...(c.minPositionWeight === undefined ? {} : { minPositionWeight: c.minPositionWeight }),
  };
}

/** Solves one optimisation (see the module comment). */
export async function optimize(raw: OptimizeInput, deps: AppDeps): Promise<OptimizeDocument> {
  const input = parseInput(optimizeInputSchema, raw);
  const task = deps.progress.start('optimize', 2);
  try {
    const data = await loadOptimizationData(input, deps);
    task.tick();
    const built = await buildConstraints(data.inputs.assets, input.constraints, deps);
    const cardinality = cardinalityOf(input.cardinality);
    const problem = {
      inputs: data.inputs,
      objective: domainObjective(input.objective, data),
      constraints: built.constraints,
      ...(cardinality === undefined ? {} : { cardinality }),
    };
    const result =
      deps.solveOffThread === undefined
        ? await withSolver(deps, (highs) => solve(highs, problem))
        : await deps.solveOffThread.solve(problem);
    task.tick();
    const map = built.exposures;
    const exposures =
      map === undefined
        ? undefined
        : (await import('./optimize-exposures.ts')).exposuresOf(map, result.weightsVector);
    return optimizeDocument(result, {
      ...(exposures === undefined ? {} : { exposures }),
      ...(data.riskFree === undefined ? {} : { riskFree: data.riskFree }),
      warnings: data.warnings,
    });
  } finally {
    task.done();
  }
}

/**
 * Risk parity (equal risk contribution) and custom risk budgets as optimisation results
 * (Maillard, Roncalli & Teïletche 2010, "The properties of equally weighted risk contribution
 * portfolios", J. Portfolio Management 36(4); solver in `risk-budget.ts`): long-only, fully
 * invested weights with w_i(Σw)_i/(wᵀΣw) = b_i, on the annual covariance of the inputs (the
 * weights do not depend on its scale). Equal budgets 1/n by default.
 *
 * The risk-budgeting portfolio is unique, so constraints cannot be imposed by the solver:
 * only weight bounds are accepted, and they are verified — a portfolio outside them is
 * INFEASIBLE (never clipped or renormalised). The shared allocator checks here also serve
 * HRP and HERC.
 */

import { BallastError, invalidInput } from '../../errors.ts';
import { checkConstraints } from '../check.ts';
import { riskResult, type RiskObjectiveKind, type RiskOptimizationResult } from '../scenario/outcome.ts';
import type { OptimizationInputs, PortfolioConstraints } from '../problem.ts';
import { validateInputs } from '../validate.ts';
import { solveRiskBudget, type RiskBudgetMethod } from './solve.ts';

/** Options of {@link optimizeRiskParity}. */
export interface RiskParitySpec {
  readonly inputs: OptimizationInputs;
  /** Risk budget per asset (> 0, summing to 1); default equal budgets (risk parity). */
  readonly budgets?: Readonly<Record<string, number>>;
  /** Only `minWeight` / `maxWeight` (verified, not imposed). */
  readonly constraints?: PortfolioConstraints;
  /** Newton (default) or cyclical coordinate descent. */
  readonly method?: RiskBudgetMethod;
  /** Target max |RC_i/σ − b_i|; default 1e-12. */
  readonly tolerance?: number;
  /** Iteration cap (defaults of `solveRiskBudget`). */
  readonly maxIterations?: number;
}

/**
 * Throws `INVALID_INPUT` when `constraints` holds anything but weight bounds (the allocators
 * of this file, HRP and HERC are long-only and fully invested by construction).
 */
export function assertBoundsOnly(
  objective: RiskObjectiveKind,
  constraints: PortfolioConstraints,
): void {
  const unsupported = (['longShort', 'budget', 'groups', 'exposures', 'turnover'] as const).filter(
    (key) =>
      constraints[key] !== undefined &&
      !(key === 'budget' && constraints.budget?.kind === 'fullyInvested'),
  );
  if (unsupported.length > 0) {
    throw invalidInput(
      'constraints',
      unsupported,
      `${objective} is long-only and fully invested; it supports only minWeight/maxWeight`,
    );
  }
}

/**
 * Throws `INFEASIBLE` naming the violated bounds when the allocator's unique weights break
 * `constraints` (verified with the same checks as every result).
 */
export function assertWithinBounds(spec: {
  readonly objective: RiskObjectiveKind;
  readonly assets: readonly string[];
  readonly weights: Float64Array;
  readonly constraints: PortfolioConstraints;
}): void {
  const failed = checkConstraints({
    assets: spec.assets,
    weights: spec.weights,
    cash: 0,
    constraints: spec.constraints,
  }).filter((c) => !c.ok);
  if (failed.length > 0) {
    throw new BallastError(
      'INFEASIBLE',
      `${spec.objective}: the allocation violates ${failed.map((c) => `${c.name} by ${-c.slack}`).join(', ')}; its weights are determined by the risk budgets and cannot be bounded`,
      { failed },
    );
  }
}

function budgetVector(
  assets: readonly string[],
  budgets: Readonly<Record<string, number>> | undefined,
): Float64Array {
  const n = assets.length;
  if (budgets === undefined) return new Float64Array(n).fill(1 / n);
  const unknown = Object.keys(budgets).filter((a) => !assets.includes(a));
  if (unknown.length > 0) throw invalidInput('budgets', unknown, 'unknown assets');
  return Float64Array.from(assets, (a) => {
    const b = budgets[a];
    if (b === undefined) throw invalidInput(`budgets.${a}`, b, 'every asset needs a budget');
    return b;
  });
}

/**
 * Risk parity / risk budgeting as a result. `objectiveValue` is the achieved residual
 * max_i |RC_i/σ − b_i|; `convergence` the iteration report. Throws `INVALID_INPUT` (inputs,
 * budgets, unsupported constraints), `INFEASIBLE` (bounds the unique portfolio breaks) or
 * `SOLVER_FAILED` (no convergence to the tolerance). No LP/QP solver is involved.
 */
export function optimizeRiskParity(spec: RiskParitySpec): RiskOptimizationResult {
  const { inputs } = spec;
  validateInputs(inputs);
  const constraints = spec.constraints ?? {};
  assertBoundsOnly('riskParity', constraints);
  const start = performance.now();
  const b = budgetVector(inputs.assets, spec.budgets);
  const solved = solveRiskBudget(inputs.covarianceAnnual, b, {
    ...(spec.method === undefined ? {} : { method: spec.method }),
    ...(spec.tolerance === undefined ? {} : { tolerance: spec.tolerance }),
    ...(spec.maxIterations === undefined ? {} : { maxIterations: spec.maxIterations }),
  });
  const solveMs = performance.now() - start;
  const { report, weights } = solved;
  if (!report.converged) {
    throw new BallastError(
      'SOLVER_FAILED',
      `riskParity: ${report.method} stopped after ${report.iterations} iterations with residual ${report.residual}`,
      { ...report },
    );
  }
  assertWithinBounds({ objective: 'riskParity', assets: inputs.assets, weights, constraints });
  return riskResult({
    inputs,
    constraints,
    objective: 'riskParity',
    objectiveValue: report.residual,
    weights,
    cash: 0,
    diagnostics: {
      solver: `risk-budget-${report.method}`,
      iterations: report.iterations,
      solveMs,
      solves: 1,
      message: `residual ${report.residual.toExponential(2)}`,
    },
    convergence: report,
  });
}

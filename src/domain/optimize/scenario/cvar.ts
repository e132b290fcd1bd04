/**
 * Minimum CVaR and mean-CVaR portfolios by the Rockafellar-Uryasev linear program
 * (Rockafellar & Uryasev 2000, "Optimization of conditional value-at-risk", J. Risk 2(3),
 * eq. 17; PyPortfolioOpt `EfficientCVaR`, Riskfolio-Lib `CVaR`) over T equally likely
 * historical scenarios r_t (per-period returns):
 *
 *   min  ζ + 1/((1−α)T) Σ_t u_t
 *   s.t. u_t ≥ −r_tᵀw − ζ,  u_t ≥ 0,  ζ free,  w ∈ portfolio constraints
 *
 * whose optimum is CVaR_α of the optimal portfolio (per period, positive = loss) and ζ a VaR_α.
 * Objectives:
 * - `minCvar`: the program above, optionally with μᵀw ≥ `targetReturnAnnual` (annual μ; the
 *   `targetReturn` row of the mean-variance family);
 * - `meanCvar`: max μ_pᵀw − λ·CVaR_α, i.e. min λ(ζ + Σu/((1−α)T)) − μ_pᵀw with μ_p = μ/k the
 *   per-period expected return (k = periods per year) and risk aversion λ > 0.
 * With a cash line, cash earns rf/k (borrowing costs (rf + spread)/k) in every scenario.
 * Optional cardinality (max holdings, minimum position) turns the LP into a MILP
 * (`cardinality.ts`). The CVaR reported is recomputed from the returned weights
 * (`cvar-measure.ts`), not read from the solver.
 */

import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import type { SolverProblem } from '../../../core/solvers/types.ts';
import { invalidInput } from '../../errors.ts';
import { cardinalityChecks, solveWithCardinality, type CardinalityLimits } from '../model/cardinality.ts';
import { buildPortfolioModel, returnCoefficients } from '../model/portfolio-model.ts';
import {
  cashReturnsPerPeriod,
  checkScenarios,
  CsrBuilder,
  LP_OPTIONS,
  extend,
  pushScenarioReturn,
  stackRows,
  type ScenarioInputs,
} from './scenario-lp.ts';
import { checkConfidence, tailRisk } from '../../measures/tail-risk.ts';
import {
  diagnosticsOf,
  riskResult,
  scenarioOutcome,
  type RiskOptimizationResult,
  type ScenarioOutcome,
  type ScenarioSolution,
} from './outcome.ts';
import { solveFixedCostMilp } from '../model/fixed-cost-milp.ts';
import { addTargetReturnRow } from '../mean-variance/solve.ts';
import type { OptimizationInputs, PortfolioConstraints } from '../problem.ts';
import { solveError } from '../model/solve-model.ts';

/** The CVaR objectives (α defaults to 0.95). */
export type CvarObjective =
  | { readonly kind: 'minCvar'; readonly confidence?: number; readonly targetReturnAnnual?: number }
  | { readonly kind: 'meanCvar'; readonly confidence?: number; readonly riskAversion: number };

/** Everything a CVaR optimisation needs. */
export interface CvarSpec extends ScenarioInputs {
  readonly inputs: OptimizationInputs;
  readonly objective: CvarObjective;
  readonly constraints?: PortfolioConstraints;
  readonly cardinality?: CardinalityLimits;
}

/** The assembled LP (without cardinality) and where its variables live. */
export interface CvarProgram {
  readonly problem: SolverProblem;
  /** Index of ζ; u_t follow it at ζ + 1 + t. */
  readonly zeta: number;
  readonly outcome: Omit<ScenarioOutcome, 'x' | 'report'>;
}

/**
 * Builds the Rockafellar-Uryasev program of `spec` on the portfolio model of its constraints
 * (no solve). Throws `INVALID_INPUT` for bad scenarios, α or λ.
 */
export function buildCvarProgram(spec: CvarSpec): CvarProgram {
  const { inputs, objective, scenarios } = spec;
  checkScenarios(spec, inputs.assets);
  const alpha = checkConfidence(objective.confidence ?? 0.95);
  const pm = buildPortfolioModel({
    assets: inputs.assets,
    riskFreeRateAnnual: inputs.riskFreeRateAnnual,
    ...(spec.constraints === undefined ? {} : { constraints: spec.constraints }),
    support: { integers: true },
  });
  const target = objective.kind === 'minCvar' ? objective.targetReturnAnnual : undefined;
  if (target !== undefined)
    addTargetReturnRow(pm, { mu: inputs.expectedReturnsAnnual, targetReturnAnnual: target });
  const base = pm.builder.build();
  const t = scenarios.rows;
  const zeta = base.variableCount;
  const cash = cashReturnsPerPeriod(pm, spec.periodsPerYear);
  const block = new CsrBuilder(t * (scenarios.cols + cash.size + 2));
  for (let s = 0; s < t; s++) {
    // r_tᵀw + ζ + u_t ≥ 0  ⇔  u_t ≥ −r_tᵀw − ζ
    pushScenarioReturn(block, { scenarios, t: s, cash });
    block.push(zeta, 1);
    block.push(zeta + 1 + s, 1);
    block.endRow(0, Infinity);
  }
  const nv = zeta + 1 + t;
  const tailWeight = 1 / ((1 - alpha) * t);
  const linear = new Float64Array(nv);
  let lambda = 1;
  if (objective.kind === 'meanCvar') {
    lambda = objective.riskAversion;
    if (!(lambda > 0) || !Number.isFinite(lambda))
      throw invalidInput('riskAversion', lambda, 'must be a finite number > 0');
    const r = returnCoefficients(pm, { mu: inputs.expectedReturnsAnnual, variableCount: zeta });
    for (let j = 0; j < zeta; j++) linear[j] = -r[j]! / spec.periodsPerYear;
  }
  linear[zeta] = lambda;
  for (let s = 0; s < t; s++) linear[zeta + 1 + s] = lambda * tailWeight;
  const lower = extend(base.lower, [-Infinity, ...new Float64Array(t)]);
  const upper = extend(base.upper, new Float64Array(t + 1).fill(Infinity));
  const problem: SolverProblem = {
    n: nv,
    linear,
    lower,
    upper,
    constraints: stackRows(base.constraints, block.build()),
    ...(base.integer === undefined
      ? {}
      : { integer: [...base.integer, ...new Array<boolean>(t + 1).fill(false)] }),
  };
  return {
    problem,
    zeta,
    outcome: { portfolio: pm, scenarioCash: cash },
  };
}

/** Solution of a CVaR objective: the generic scenario outcome plus the tail figures. */
export interface CvarSolution extends ScenarioSolution {
  readonly confidence: number;
  /** CVaR_α of the returned portfolio (per period, positive = loss), recomputed from weights. */
  readonly cvar: number;
  /** VaR_α of the returned portfolio (per period, positive = loss). */
  readonly valueAtRisk: number;
  /** The LP's own CVaR estimate ζ + Σu/((1−α)T) (for diagnostics). */
  readonly cvarFromSolver: number;
}

/**
 * Solves a CVaR objective. Throws `INVALID_INPUT` for bad inputs and `INFEASIBLE`,
 * `UNBOUNDED` or `SOLVER_FAILED` (with the solver's reason) when HiGHS does not return an
 * optimum.
 */
export function solveCvar(highs: HighsRuntime, spec: CvarSpec): CvarSolution {
  const program = buildCvarProgram(spec);
  const limits = spec.cardinality;
  const report =
    limits === undefined
      ? solveFixedCostMilp(highs, program.problem, {
          trades: program.outcome.portfolio.fixedCostTrades,
          options: LP_OPTIONS,
        })
      : solveWithCardinality(highs, program.problem, {
          assets: spec.inputs.assets.length,
          limits,
          options: LP_OPTIONS,
        });
  if (report.status !== 'optimal' || report.x === undefined)
    throw solveError(spec.objective.kind, report);
  const outcome = scenarioOutcome({ ...program.outcome, x: report.x, report });
  const alpha = spec.objective.confidence ?? 0.95;
  const tail = tailRisk(
    outcome.periodReturns(spec.scenarios).map((r) => -r),
    alpha,
  );
  const t = spec.scenarios.rows;
  let fromSolver = report.x[program.zeta]!;
  for (let s = 0; s < t; s++) fromSolver += report.x[program.zeta + 1 + s]! / ((1 - alpha) * t);
  return {
    ...outcome,
    confidence: alpha,
    cvar: tail.conditionalValueAtRisk,
    valueAtRisk: tail.valueAtRisk,
    cvarFromSolver: fromSolver,
  };
}

/**
 * CVaR objective as a full result: {@link solveCvar}, then annual metrics, constraint checks
 * (plus `targetReturn` for a return target) and `cvar` (per period, positive loss).
 * `objectiveValue` is CVaR_α for `minCvar` and μ_pᵀw − λ·CVaR_α (per period, μ_p = annual
 * expected return / periods per year) for `meanCvar`.
 */
export function optimizeCvar(highs: HighsRuntime, spec: CvarSpec): RiskOptimizationResult {
  const solved = solveCvar(highs, spec);
  const { objective } = spec;
  const result = riskResult({
    inputs: spec.inputs,
    constraints: spec.constraints ?? {},
    objective: objective.kind,
    objectiveValue: solved.cvar,
    weights: solved.weights,
    cash: solved.cash,
    diagnostics: diagnosticsOf(solved.report, spec.cardinality === undefined ? 1 : 2),
    riskMeasures: {
      confidence: solved.confidence,
      cvar: solved.cvar,
      valueAtRisk: solved.valueAtRisk,
    },
    extraChecks:
      spec.cardinality === undefined ? [] : cardinalityChecks(solved.weights, spec.cardinality),
    ...(objective.kind === 'minCvar' && objective.targetReturnAnnual !== undefined
      ? { targetReturnAnnual: objective.targetReturnAnnual }
      : {}),
  });
  if (objective.kind === 'minCvar') return result;
  const utility =
    result.expectedReturnAnnual / spec.periodsPerYear - objective.riskAversion * solved.cvar;
  return { ...result, objectiveValue: utility };
}

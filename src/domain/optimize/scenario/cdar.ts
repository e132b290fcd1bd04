/**
 * Drawdown objectives on historical scenarios (Chekhlov, Uryasev & Zabarankin 2005; LP of
 * `cdar-lp.ts`), drawdowns measured on cumulative uncompounded returns c_t = Σ_{s≤t} r_pᵀ
 * (per-period decimals; the start value 0 counts as a peak):
 *
 * - `minCdar`: min CDaR_α (the mean of the worst (1−α)T drawdowns, fractional convention
 *   of `cvar-measure.ts`), optionally with `targetReturnAnnual` and a `maxDrawdown` cap;
 * - `minMaxDrawdown`: min max_t D_t, optionally with `targetReturnAnnual`;
 * - `maxReturnDrawdown`: max μᵀw subject to `maxDrawdown` and/or `maxCdar` (at least one).
 *
 * Optional cardinality makes it a MILP (`cardinality.ts`). Reported CDaR and max drawdown
 * are recomputed from the returned weights.
 */

import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import type { SolverProblem } from '../../../core/solvers/types.ts';
import { invalidInput } from '../../errors.ts';
import { cardinalityChecks, solveWithCardinality, type CardinalityLimits } from '../model/cardinality.ts';
import { drawdownBlock, drawdowns, withBlockBounds, type DrawdownLayout } from './drawdown-lp.ts';
import { buildPortfolioModel, returnCoefficients, type PortfolioModel } from '../model/portfolio-model.ts';
import {
  cashReturnsPerPeriod,
  checkScenarios,
  LP_OPTIONS,
  stackRows,
  type ScenarioInputs,
} from './scenario-lp.ts';
import { checkConfidence, tailRisk } from '../../measures/tail-risk.ts';
import {
  diagnosticsOf,
  riskResult,
  scenarioOutcome,
  type RiskOptimizationResult,
} from './outcome.ts';
import { solveFixedCostMilp } from '../model/fixed-cost-milp.ts';
import { addTargetReturnRow } from '../mean-variance/solve.ts';
import type { OptimizationInputs, PortfolioConstraints } from '../problem.ts';
import { solveError } from '../model/solve-model.ts';

/** The drawdown objectives (α defaults to 0.95; limits are per-period decimals of c_t). */
export type CdarObjective =
  | {
      readonly kind: 'minCdar';
      readonly confidence?: number;
      readonly targetReturnAnnual?: number;
      readonly maxDrawdown?: number;
    }
  | { readonly kind: 'minMaxDrawdown'; readonly targetReturnAnnual?: number }
  | {
      readonly kind: 'maxReturnDrawdown';
      readonly confidence?: number;
      readonly maxDrawdown?: number;
      readonly maxCdar?: number;
    };

/** Everything a drawdown optimisation needs. */
export interface CdarSpec extends ScenarioInputs {
  readonly inputs: OptimizationInputs;
  readonly objective: CdarObjective;
  readonly constraints?: PortfolioConstraints;
  readonly cardinality?: CardinalityLimits;
}

function limit(name: string, v: number | undefined): number | undefined {
  if (v !== undefined && !(v >= 0 && Number.isFinite(v)))
    throw invalidInput(name, v, 'must be a finite number ≥ 0');
  return v;
}

/** What the result needs from the model build. */
export interface CdarParts {
  readonly portfolio: PortfolioModel;
  readonly cash: ReadonlyMap<number, number>;
  readonly confidence: number;
  readonly target: number | undefined;
  readonly maxDrawdown: number | undefined;
  readonly maxCdar: number | undefined;
}

/** The LP of `spec` (no solve), its variable layout and what the result needs. */
export function buildCdarProgram(spec: CdarSpec): {
  problem: SolverProblem;
  layout: DrawdownLayout;
  parts: CdarParts;
} {
  const { inputs, objective, scenarios } = spec;
  checkScenarios(spec, inputs.assets);
  const confidence = checkConfidence(
    objective.kind === 'minMaxDrawdown' ? 0.95 : (objective.confidence ?? 0.95),
  );
  const maxDrawdown = limit(
    'maxDrawdown',
    objective.kind === 'minMaxDrawdown' ? undefined : objective.maxDrawdown,
  );
  const maxCdar = limit(
    'maxCdar',
    objective.kind === 'maxReturnDrawdown' ? objective.maxCdar : undefined,
  );
  if (
    objective.kind === 'maxReturnDrawdown' &&
    maxDrawdown === undefined &&
    maxCdar === undefined
  ) {
    throw invalidInput(
      'maxDrawdown',
      undefined,
      'maxReturnDrawdown needs maxDrawdown and/or maxCdar',
    );
  }
  const pm = buildPortfolioModel({
    assets: inputs.assets,
    riskFreeRateAnnual: inputs.riskFreeRateAnnual,
    ...(spec.constraints === undefined ? {} : { constraints: spec.constraints }),
    support: { integers: true },
  });
  const target = objective.kind === 'maxReturnDrawdown' ? undefined : objective.targetReturnAnnual;
  if (target !== undefined)
    addTargetReturnRow(pm, { mu: inputs.expectedReturnsAnnual, targetReturnAnnual: target });
  const model = pm.builder.build();
  const cash = cashReturnsPerPeriod(pm, spec.periodsPerYear);
  const block = drawdownBlock({
    scenarios,
    base: model.variableCount,
    cash,
    confidence,
    ...(maxCdar === undefined ? {} : { maxCdar }),
  });
  const { layout } = block;
  const { lower, upper } = withBlockBounds(model, block);
  if (maxDrawdown !== undefined) upper[layout.maxDrawdown] = maxDrawdown;
  const linear = new Float64Array(layout.variableCount);
  const t = scenarios.rows;
  if (objective.kind === 'minCdar') {
    linear[layout.zeta] = 1;
    for (let s = 0; s < t; s++) linear[layout.tail + s] = 1 / ((1 - confidence) * t);
  } else if (objective.kind === 'minMaxDrawdown') {
    linear[layout.maxDrawdown] = 1;
  } else {
    const r = returnCoefficients(pm, {
      mu: inputs.expectedReturnsAnnual,
      variableCount: model.variableCount,
    });
    r.forEach((v, j) => (linear[j] = -v));
  }
  return {
    problem: {
      n: layout.variableCount,
      linear,
      lower,
      upper,
      constraints: stackRows(model.constraints, block.rows),
      ...(model.integer === undefined
        ? {}
        : {
            integer: [
              ...model.integer,
              ...new Array<boolean>(layout.variableCount - model.variableCount).fill(false),
            ],
          }),
    },
    layout,
    parts: { portfolio: pm, cash, target, confidence, maxDrawdown, maxCdar },
  };
}

/**
 * A drawdown objective as a full result (module comment). `objectiveValue`: CDaR_α for
 * `minCdar`, the max drawdown for `minMaxDrawdown`, the annual expected return for
 * `maxReturnDrawdown`. Extra checks: `targetReturn`, `maxDrawdown`, `maxCdar` when set, and
 * the cardinality limits. Throws `INVALID_INPUT`, `INFEASIBLE`, `UNBOUNDED` or `SOLVER_FAILED`.
 */
export function optimizeCdar(highs: HighsRuntime, spec: CdarSpec): RiskOptimizationResult {
  const { problem, parts } = buildCdarProgram(spec);
  const limits = spec.cardinality;
  const n = spec.inputs.assets.length;
  const report =
    limits === undefined
      ? solveFixedCostMilp(highs, problem, {
          trades: parts.portfolio.fixedCostTrades,
          options: LP_OPTIONS,
        })
      : solveWithCardinality(highs, problem, { assets: n, limits, options: LP_OPTIONS });
  if (report.status !== 'optimal' || report.x === undefined)
    throw solveError(spec.objective.kind, report);
  const solved = scenarioOutcome({
    portfolio: parts.portfolio,
    scenarioCash: parts.cash,
    x: report.x,
    report,
  });
  const dd = drawdowns(solved.periodReturns(spec.scenarios));
  const cdar = tailRisk(dd, parts.confidence).conditionalValueAtRisk;
  const maxDd = dd.reduce((m, v) => Math.max(m, v), 0);
  const extraChecks = [
    ...(parts.maxDrawdown === undefined
      ? []
      : [{ name: 'maxDrawdown', slack: parts.maxDrawdown - maxDd }]),
    ...(parts.maxCdar === undefined ? [] : [{ name: 'maxCdar', slack: parts.maxCdar - cdar }]),
    ...(limits === undefined ? [] : cardinalityChecks(solved.weights, limits)),
  ];
  const kind = spec.objective.kind;
  const result = riskResult({
    inputs: spec.inputs,
    constraints: spec.constraints ?? {},
    objective: kind,
    objectiveValue: kind === 'minCdar' ? cdar : maxDd,
    weights: solved.weights,
    cash: solved.cash,
    diagnostics: diagnosticsOf(report, limits === undefined ? 1 : 2),
    riskMeasures: { confidence: parts.confidence, cdar, maxDrawdown: maxDd },
    extraChecks,
    ...(parts.target === undefined ? {} : { targetReturnAnnual: parts.target }),
  });
  return kind === 'maxReturnDrawdown'
    ? { ...result, objectiveValue: result.expectedReturnAnnual }
    : result;
}

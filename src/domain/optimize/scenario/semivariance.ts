/**
 * Minimum semivariance (Markowitz 1959, "Portfolio Selection", ch. IX; the exact problem of
 * PyPortfolioOpt 1.5 `EfficientSemivariance`, Estrada 2008): over T historical periods with
 * benchmark B_t,
 *
 *   min (1/T) Σ_t min(r_p,t − B_t, 0)²,   w ∈ portfolio constraints,
 *
 * with r_p,t = r_tᵀw (+ cash returns) — the semivariance of the portfolio itself, not the
 * semicovariance approximation wᵀΣ⁻w. PyPortfolioOpt states it as the QP min Σn_t²/T s.t.
 * r_p,t − B_t + n_t − p_t = 0, n, p ≥ 0; Ballast solves the same problem in the weight space
 * by a semismooth Newton method whose steps are exact QPs (`semivariance-newton.ts`), because
 * HiGHS 1.15's QP solver fails on the (w, n, p) form. Figures are per period: semivariance and
 * semideviation √semivariance (× √periodsPerYear for an annual figure). Optional cardinality
 * uses the documented top-K heuristic of `cardinality.ts` (no MIQP).
 */

import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import { invalidInput } from '../../errors.ts';
import {
  cardinalityChecks,
  largestWeights,
  restrictSupport,
  type CardinalityLimits,
} from '../model/cardinality.ts';
import { buildPortfolioModel, type PortfolioModel } from '../model/portfolio-model.ts';
import {
  cashReturnsPerPeriod,
  checkScenarios,
  LP_OPTIONS,
  type ScenarioInputs,
} from './scenario-lp.ts';
import {
  diagnosticsOf,
  riskResult,
  scenarioOutcome,
  type RiskOptimizationResult,
} from './outcome.ts';
import { addTargetReturnRow } from '../mean-variance/solve.ts';
import type { OptimizationInputs, PortfolioConstraints } from '../problem.ts';
import { solveError } from '../model/solve-model.ts';
import {
  minimizeSemivariance,
  type SemivarianceData,
  type SemivarianceSolve,
} from './semivariance-newton.ts';

/** Everything a minimum-semivariance optimisation needs. */
export interface SemivarianceSpec extends ScenarioInputs {
  readonly inputs: OptimizationInputs;
  readonly constraints?: PortfolioConstraints;
  /** B: benchmark return per period, a constant or one per period; default 0. */
  readonly benchmark?: number | ArrayLike<number>;
  /** Optional floor on the annual expected return μᵀw (`targetReturn` row). */
  readonly targetReturnAnnual?: number;
  readonly cardinality?: CardinalityLimits;
}

/** Semivariance (1/T) Σ min(r_t − B_t, 0)² of per-period portfolio returns `r`. */
export function semivariance(returns: ArrayLike<number>, benchmark: ArrayLike<number>): number {
  let s = 0;
  for (let t = 0; t < returns.length; t++) {
    const d = Math.min(returns[t]! - benchmark[t]!, 0);
    s += d * d;
  }
  return s / returns.length;
}

function benchmarkSeries(spec: SemivarianceSpec): Float64Array {
  const t = spec.scenarios.rows;
  const b = spec.benchmark ?? 0;
  const out = typeof b === 'number' ? new Float64Array(t).fill(b) : Float64Array.from(b);
  if (out.length !== t)
    throw invalidInput('benchmark', out.length, `needs one value per period (${t})`);
  out.forEach((v, i) => {
    if (!Number.isFinite(v)) throw invalidInput(`benchmark[${i}]`, v, 'not a finite number');
  });
  return out;
}

/** The problem data of `spec` (no solve): the portfolio polytope, a_t and B. */
export function buildSemivarianceData(spec: SemivarianceSpec): {
  data: SemivarianceData;
  portfolio: PortfolioModel;
  cash: Map<number, number>;
} {
  const { inputs, scenarios } = spec;
  checkScenarios(spec, inputs.assets);
  const benchmark = benchmarkSeries(spec);
  const pm = buildPortfolioModel({
    assets: inputs.assets,
    riskFreeRateAnnual: inputs.riskFreeRateAnnual,
    ...(spec.constraints === undefined ? {} : { constraints: spec.constraints }),
  });
  if (spec.targetReturnAnnual !== undefined) {
    addTargetReturnRow(pm, {
      mu: inputs.expectedReturnsAnnual,
      targetReturnAnnual: spec.targetReturnAnnual,
    });
  }
  const model = pm.builder.build();
  const cash = cashReturnsPerPeriod(pm, spec.periodsPerYear);
  const n = scenarios.cols;
  const k = Math.max(n, ...[...cash.keys()].map((j) => j + 1));
  const t = scenarios.rows;
  const a = new Float64Array(t * k);
  for (let s = 0; s < t; s++) {
    a.set(scenarios.data.subarray(s * n, (s + 1) * n), s * k);
    for (const [j, rho] of cash) a[s * k + j] = rho;
  }
  return {
    data: { polytope: model, coefficients: { rows: t, cols: k, data: a }, benchmark },
    portfolio: pm,
    cash,
  };
}

function solveRestricted(
  highs: HighsRuntime,
  data: SemivarianceData,
  spec: { n: number; limits: CardinalityLimits },
): SemivarianceSolve {
  const first = minimizeSemivariance(highs, data, LP_OPTIONS);
  const x = first.report.x;
  if (first.report.status !== 'optimal' || x === undefined) return first;
  const p = data.polytope;
  const box = {
    n: p.variableCount,
    linear: new Float64Array(p.variableCount),
    lower: p.lower,
    upper: p.upper,
  };
  const keep = largestWeights(x, { k: spec.limits.maxAssets ?? spec.n, lower: p.lower, n: spec.n });
  const restricted = restrictSupport(box, {
    keep,
    minPositionWeight: spec.limits.minPositionWeight ?? 0,
  });
  const second = minimizeSemivariance(
    highs,
    { ...data, polytope: { ...p, lower: restricted.lower, upper: restricted.upper } },
    LP_OPTIONS,
  );
  const report = second.report;
  return {
    report: {
      ...report,
      iterations: report.iterations + first.report.iterations,
      solveMs: report.solveMs + first.report.solveMs,
      solver: `${report.solver ?? 'qp'}+cardinality-heuristic`,
    },
    qpSolves: first.qpSolves + second.qpSolves,
  };
}

/**
 * Minimum-semivariance portfolio as a full result. `objectiveValue` and
 * `riskMeasures.semivariance` are the per-period semivariance of the returned weights;
 * `riskMeasures.semideviation` its square root. Throws `INVALID_INPUT`, `INFEASIBLE`,
 * `UNBOUNDED` or `SOLVER_FAILED`.
 */
export function optimizeSemivariance(
  highs: HighsRuntime,
  spec: SemivarianceSpec,
): RiskOptimizationResult {
  const { data, portfolio, cash } = buildSemivarianceData(spec);
  const n = spec.inputs.assets.length;
  const limits = spec.cardinality;
  if (limits !== undefined) {
    if (
      limits.maxAssets !== undefined &&
      (!Number.isInteger(limits.maxAssets) || limits.maxAssets < 1)
    )
      throw invalidInput('maxAssets', limits.maxAssets, 'must be an integer ≥ 1');
    if (data.polytope.lower.subarray(0, n).some((l) => l < 0))
      throw invalidInput(
        'minWeight',
        Math.min(...data.polytope.lower.subarray(0, n)),
        'cardinality limits need long-only weights (min ≥ 0)',
      );
  }
  const solved =
    limits === undefined
      ? minimizeSemivariance(highs, data, LP_OPTIONS)
      : solveRestricted(highs, data, { n, limits });
  const { report } = solved;
  if (report.status !== 'optimal' || report.x === undefined)
    throw solveError('minSemivariance', report);
  const outcome = scenarioOutcome({ portfolio, scenarioCash: cash, x: report.x, report });
  const value = semivariance(outcome.periodReturns(spec.scenarios), data.benchmark);
  return riskResult({
    inputs: spec.inputs,
    constraints: spec.constraints ?? {},
    objective: 'minSemivariance',
    objectiveValue: value,
    weights: outcome.weights,
    cash: outcome.cash,
    diagnostics: diagnosticsOf(report, solved.qpSolves),
    riskMeasures: { semivariance: value, semideviation: Math.sqrt(value) },
    ...(limits === undefined ? {} : { extraChecks: cardinalityChecks(outcome.weights, limits) }),
    ...(spec.targetReturnAnnual === undefined
      ? {}
      : { targetReturnAnnual: spec.targetReturnAnnual }),
  });
}

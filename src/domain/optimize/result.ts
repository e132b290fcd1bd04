/**
 * The one result of every optimisation: weights by asset, annual return / volatility / Sharpe
 * and variance risk contributions (from the annual μ and Σ of the inputs, whatever the
 * objective), the objective's own risk figures, the verified constraint list, structured
 * solver diagnostics and warnings — the shape of `ballast optimize --format json`.
 *
 * Formulas (annual decimals): E = μᵀw + rf·max(cash, 0) − (rf + spread)·max(−cash, 0) (gross
 * of one-off transaction costs, reported separately); σ = √(wᵀΣw); Sharpe = (E − rf)/σ (NaN
 * when σ = 0, serialised as null); risk contributions RC_i = w_i(Σw)_i/σ² (fractions summing
 * to 1; all 0 when σ = 0), Maillard, Roncalli & Teïletche, J. Portf. Mgmt 36 (2010).
 */

import type { Warning } from '../warnings.ts';
import type { ConstraintCheck } from './check.ts';
import type { PortfolioConstraints } from './constraints.ts';
import type { ObjectiveKind } from './objectives.ts';
import type { OptimizationInputs } from './problem.ts';
import type { RiskBudgetReport } from './risk-budget/solve.ts';

/** How cardinality limits were met: an exact MILP, or the documented top-K heuristic. */
export type CardinalityMethod = 'exact-milp' | 'heuristic';

/**
 * How fixed trade costs were met: an exact MILP (linear objectives), an exact enumeration of
 * every trade pattern, or the documented local search (a heuristic).
 */
export type FixedCostMethod = 'exact-milp' | 'exact-enumeration' | 'heuristic';

/** Solver diagnostics of a run. */
export interface OptimizationDiagnostics {
  /** Which path produced the weights (`dense-active-set`, `highs-qp+polish`, `highs-lp`, …). */
  readonly solver: string;
  readonly iterations: number;
  /** Solve time in milliseconds (model build, solve, polish; not estimation or I/O). */
  readonly solveMs: number;
  /** Number of solves (efficientRisk bisects; targetVolatility scaling adds none). */
  readonly solves: number;
  readonly message: string;
  /** Scale applied along the capital allocation line for `targetVolatilityAnnual`. */
  readonly scaling?: { readonly factor: number; readonly capped: boolean };
  /** Present when fixed trade costs were configured: how they were met. */
  readonly fixedCosts?: FixedCostMethod;
  /** Present when cardinality limits were imposed: how they were met. */
  readonly cardinality?: CardinalityMethod;
}

/** Per-period risk figures of the returned portfolio (positive = loss), when computed. */
export interface RiskMeasures {
  /** α of CVaR / CDaR. */
  readonly confidence?: number;
  /** CVaR_α of period losses (Rockafellar-Uryasev, fractional tail; `measures/tail-risk.ts`). */
  readonly cvar?: number;
  readonly valueAtRisk?: number;
  /** CDaR_α of the drawdowns of cumulative (uncompounded) returns (`measures/drawdown.ts`). */
  readonly cdar?: number;
  /** Maximum drawdown of cumulative (uncompounded) returns. */
  readonly maxDrawdown?: number;
  /** Semivariance E[min(r_p − B, 0)²] over all periods, and its square root. */
  readonly semivariance?: number;
  readonly semideviation?: number;
}

/**
 * A successful optimisation. Failures are BallastErrors with codes (INVALID_INPUT,
 * INFEASIBLE, UNBOUNDED, NO_ASSET_ABOVE_RISK_FREE, SOLVER_FAILED), never partial weights: every
 * check in `constraintsChecked` holds to `CHECK_TOLERANCE` or `optimize` throws.
 */
export interface OptimizationResult {
  readonly status: 'optimal';
  readonly objective: ObjectiveKind;
  /**
   * Value of the objective in its natural unit: variance, Sharpe, return, ratio, tracking
   * error; CVaR / CDaR / max drawdown / semivariance per period; the risk-budget residual;
   * the annual volatility for HRP and HERC.
   */
  readonly objectiveValue: number;
  readonly weights: Readonly<Record<string, number>>;
  /** The same weights in asset order. */
  readonly weightsVector: Float64Array;
  /** Net cash (negative = borrowing); 0 when fully invested. */
  readonly cash: number;
  readonly expectedReturnAnnual: number;
  readonly volatilityAnnual: number;
  readonly sharpe: number;
  readonly riskContributions: Readonly<Record<string, number>>;
  /** One-off cost of trading from the current weights (0 without turnover). */
  readonly transactionCost: number;
  /** The objective's own per-period risk figures (empty for the mean-variance family). */
  readonly riskMeasures: RiskMeasures;
  readonly constraintsChecked: readonly ConstraintCheck[];
  /** Convergence of the risk-budgeting iteration (riskParity, riskBudget). */
  readonly convergence?: RiskBudgetReport;
  readonly diagnostics: OptimizationDiagnostics;
  /** What the result must say about itself (e.g. `CARDINALITY_HEURISTIC`). */
  readonly warnings: readonly Warning[];
}

/** Σw (length n) for the n × n covariance. */
export function covarianceTimes(inputs: OptimizationInputs, w: ArrayLike<number>): Float64Array {
  const n = inputs.assets.length;
  const c = inputs.covarianceAnnual.data;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += c[i * n + j]! * w[j]!;
    out[i] = s;
  }
  return out;
}

/** Annual expected return, volatility, Sharpe and risk contributions of weights plus cash. */
export function portfolioMetrics(
  inputs: OptimizationInputs,
  spec: {
    readonly weights: Float64Array;
    readonly cash: number;
    readonly constraints: PortfolioConstraints;
  },
): {
  expectedReturnAnnual: number;
  volatilityAnnual: number;
  sharpe: number;
  riskContributions: Float64Array;
} {
  const { weights: w, cash } = spec;
  const rf = inputs.riskFreeRateAnnual;
  const budget = spec.constraints.budget;
  const spread = budget?.kind === 'cashLine' ? budget.borrowSpreadAnnual : 0;
  let expected = cash >= 0 ? rf * cash : (rf + spread) * cash;
  w.forEach((v, i) => (expected += inputs.expectedReturnsAnnual[i]! * v));
  const sw = covarianceTimes(inputs, w);
  let variance = 0;
  w.forEach((v, i) => (variance += v * sw[i]!));
  variance = Math.max(0, variance);
  const vol = Math.sqrt(variance);
  const rc = Float64Array.from(w, (v, i) => (variance > 0 ? (v * sw[i]!) / variance : 0));
  return {
    expectedReturnAnnual: expected,
    volatilityAnnual: vol,
    sharpe: vol > 0 ? (expected - rf) / vol : Number.NaN,
    riskContributions: rc,
  };
}

/** Record keyed by asset from a vector in asset order. */
export function byAsset(assets: readonly string[], v: ArrayLike<number>): Record<string, number> {
  return Object.fromEntries(assets.map((a, i) => [a, v[i]! + 0]));
}

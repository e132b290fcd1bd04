/**
 * The optimisation result: weights by asset, annual return/volatility/Sharpe, risk
 * contributions, the verified constraint list and solver diagnostics — the shape of
 * `ballast optimize --format json` (CLI contract).
 *
 * Formulas (annual decimals): E = μᵀw + rf·max(cash, 0) − (rf + spread)·max(−cash, 0) (gross
 * of one-off transaction costs, reported separately); σ = √(wᵀΣw); Sharpe = (E − rf)/σ (NaN
 * when σ = 0, serialised as null); risk contributions RC_i = w_i(Σw)_i/σ² (fractions summing
 * to 1; all 0 when σ = 0), Maillard, Roncalli & Teïletche, J. Portf. Mgmt 36 (2010).
 */

import type { ConstraintCheck } from './check.ts';
import type { ObjectiveKind, OptimizationInputs, PortfolioConstraints } from './problem.ts';

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
}

/** A successful optimisation (failures are BallastErrors with codes, never partial weights). */
export interface OptimizationResult {
  readonly status: 'optimal';
  readonly objective: ObjectiveKind;
  /** Value of the objective in its natural unit (variance, Sharpe, return, ratio…). */
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
  /** One-off proportional cost of trading from the current weights (0 without turnover). */
  readonly transactionCost: number;
  readonly constraintsChecked: readonly ConstraintCheck[];
  readonly diagnostics: OptimizationDiagnostics;
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

/**
 * What to optimise: one discriminated union ({@link Objective}, discriminant `kind`) over four
 * families, each objective carrying the data only it needs — scenario objectives their
 * per-period returns panel, hierarchical ones their linkage, risk budgets their budgets.
 *
 * | family         | kinds                                                              | solved by                          |
 * |----------------|--------------------------------------------------------------------|------------------------------------|
 * | `meanVariance` | minVariance, maxSharpe, efficientReturn, efficientRisk, utility,   | QP / LP on μ and Σ (`mean-variance/`) |
 * |                | maxReturn, maxDiversification, minTrackingError                    |                                    |
 * | `scenario`     | minCvar, meanCvar, minCdar, minMaxDrawdown, maxReturnDrawdown,     | LP / MILP / Newton QPs on the      |
 * |                | minSemivariance                                                    | scenario returns (`scenario/`)     |
 * | `riskBudget`   | riskParity, riskBudget                                             | Newton / CCD on Σ (`risk-budget/`) |
 * | `hierarchical` | hrp, herc                                                          | clustering of Σ (`hierarchical/`)  |
 *
 * Units: annual decimals for μ, Σ, rf and return targets; per-period decimals (positive =
 * loss) for the scenario risk limits (CVaR, drawdowns), as the measures of `domain/measures`.
 */

import type { LinkageMethod } from '../../core/cluster/linkage.ts';
import type { Matrix } from '../../core/linalg/matrix.ts';

/**
 * The mean-variance family. All are solved exactly (QP or LP; the ratio objectives through the
 * Charnes-Cooper transformation):
 * - `minVariance`: min wᵀΣw.
 * - `maxSharpe`: max (rᵀw − rf)/√(wᵀΣw) — the tangency portfolio; NO_ASSET_ABOVE_RISK_FREE
 *   when no asset has μ_i > rf.
 * - `efficientReturn`: min wᵀΣw s.t. expected return ≥ target.
 * - `efficientRisk`: max expected return s.t. √(wᵀΣw) ≤ target (bisection on the utility
 *   parameter, then an exact solve on the final active set; `mean-variance/efficient-risk.ts`).
 * - `utility`: max rᵀw − (γ/2)wᵀΣw.
 * - `maxReturn`: max rᵀw (LP).
 * - `maxDiversification`: max σᵀw/√(wᵀΣw), σ_i = √Σ_ii (Choueifaty & Coignard 2008).
 * - `minTrackingError`: min (w − b)ᵀΣ(w − b) for benchmark weights b.
 * Here r is the annual return of every position: μ on assets, rf on positive cash,
 * rf + spread charged on borrowing, minus proportional transaction costs.
 */
export type MeanVarianceObjective =
  | { readonly kind: 'minVariance' }
  | { readonly kind: 'maxSharpe' }
  | { readonly kind: 'efficientReturn'; readonly targetReturnAnnual: number }
  | { readonly kind: 'efficientRisk'; readonly targetVolatilityAnnual: number }
  | { readonly kind: 'utility'; readonly riskAversion: number }
  | { readonly kind: 'maxReturn' }
  | { readonly kind: 'maxDiversification' }
  | { readonly kind: 'minTrackingError'; readonly benchmarkWeights: readonly number[] };

/**
 * T equally likely historical scenarios: per-period simple returns (T × n, rows = periods,
 * columns in the order of `inputs.assets`) and their periods per year (252, 52, 12…), which
 * converts annual μ and rf to per-period figures (arithmetic: μ / k).
 */
export interface ScenarioReturns {
  readonly returns: Matrix;
  readonly periodsPerYear: number;
}

/**
 * The CVaR objectives (Rockafellar-Uryasev LP, `scenario/cvar.ts`; α default 0.95):
 * `minCvar` min CVaR_α, optionally with an annual return floor; `meanCvar` max μ_pᵀw − λ·CVaR_α
 * with μ_p the per-period expected return and risk aversion λ > 0.
 */
export type CvarObjective =
  | {
      readonly kind: 'minCvar';
      readonly scenarios: ScenarioReturns;
      readonly confidence?: number;
      readonly targetReturnAnnual?: number;
    }
  | {
      readonly kind: 'meanCvar';
      readonly scenarios: ScenarioReturns;
      readonly confidence?: number;
      readonly riskAversion: number;
    };

/**
 * The drawdown objectives on cumulative uncompounded returns (`scenario/cdar.ts`; α default
 * 0.95; limits are per-period decimals): `minCdar` min CDaR_α (optionally with a return floor
 * and a max-drawdown cap), `minMaxDrawdown` min max_t D_t, `maxReturnDrawdown` max μᵀw under
 * `maxDrawdown` and/or `maxCdar` (at least one).
 */
export type DrawdownObjective =
  | {
      readonly kind: 'minCdar';
      readonly scenarios: ScenarioReturns;
      readonly confidence?: number;
      readonly targetReturnAnnual?: number;
      readonly maxDrawdown?: number;
    }
  | {
      readonly kind: 'minMaxDrawdown';
      readonly scenarios: ScenarioReturns;
      readonly targetReturnAnnual?: number;
    }
  | {
      readonly kind: 'maxReturnDrawdown';
      readonly scenarios: ScenarioReturns;
      readonly confidence?: number;
      readonly maxDrawdown?: number;
      readonly maxCdar?: number;
    };

/**
 * Minimum semivariance (1/T) Σ min(r_p,t − B_t, 0)² of the portfolio itself
 * (`scenario/semivariance.ts`), B a per-period benchmark (a constant or one value per period,
 * default 0), optionally with an annual return floor.
 */
export interface SemivarianceObjective {
  readonly kind: 'minSemivariance';
  readonly scenarios: ScenarioReturns;
  readonly benchmark?: number | ArrayLike<number>;
  readonly targetReturnAnnual?: number;
}

/** The scenario family: CVaR, drawdowns, semivariance. */
export type ScenarioObjective = CvarObjective | DrawdownObjective | SemivarianceObjective;

/** Iteration of the risk-budgeting solver: Newton (default) or cyclical coordinate descent. */
export type RiskBudgetMethod = 'newton' | 'ccd';

/** Settings of the risk-budgeting iteration (defaults of `risk-budget/solve.ts`). */
export interface RiskBudgetSolverSettings {
  readonly method?: RiskBudgetMethod;
  /** Target max |RC_i/σ − b_i|; default 1e-12. */
  readonly tolerance?: number;
  /** Newton iterations (default 100) or coordinate sweeps (default 100 000). */
  readonly maxIterations?: number;
}

/**
 * Risk budgeting on Σ (`risk-budget/`): long-only, fully invested weights with risk
 * contributions w_i(Σw)_i/(wᵀΣw) = b_i — equal budgets 1/n for `riskParity`, the given
 * `budgets` (asset → b_i > 0, Σb = 1, every asset named) for `riskBudget`.
 */
export type RiskBudgetObjective =
  | ({ readonly kind: 'riskParity' } & RiskBudgetSolverSettings)
  | ({
      readonly kind: 'riskBudget';
      readonly budgets: Readonly<Record<string, number>>;
    } & RiskBudgetSolverSettings);

/**
 * Hierarchical allocation on the correlation tree of Σ (`hierarchical/`): HRP (López de Prado
 * 2016; default linkage `single`) and HERC (Raffinot 2018; default linkage `ward`, cluster
 * count by the gap rule unless `clusters` is given).
 */
export type HierarchicalObjective =
  | { readonly kind: 'hrp'; readonly linkage?: LinkageMethod }
  | { readonly kind: 'herc'; readonly linkage?: LinkageMethod; readonly clusters?: number };

/** Every objective `optimize` solves. */
export type Objective =
  MeanVarianceObjective | ScenarioObjective | RiskBudgetObjective | HierarchicalObjective;

/** The kinds of {@link Objective}. */
export type ObjectiveKind = Objective['kind'];

/** The four families of the module table. */
export type ObjectiveFamily = 'meanVariance' | 'scenario' | 'riskBudget' | 'hierarchical';

/** The family of every objective kind (also the list of kinds, in the order of the table). */
export const OBJECTIVE_FAMILY: Readonly<Record<ObjectiveKind, ObjectiveFamily>> = {
  minVariance: 'meanVariance',
  maxSharpe: 'meanVariance',
  efficientReturn: 'meanVariance',
  efficientRisk: 'meanVariance',
  utility: 'meanVariance',
  maxReturn: 'meanVariance',
  maxDiversification: 'meanVariance',
  minTrackingError: 'meanVariance',
  minCvar: 'scenario',
  meanCvar: 'scenario',
  minCdar: 'scenario',
  minMaxDrawdown: 'scenario',
  maxReturnDrawdown: 'scenario',
  minSemivariance: 'scenario',
  riskParity: 'riskBudget',
  riskBudget: 'riskBudget',
  hrp: 'hierarchical',
  herc: 'hierarchical',
};

/** Every objective kind. */
export const OBJECTIVE_KINDS = Object.keys(OBJECTIVE_FAMILY) as readonly ObjectiveKind[];

/** Whether `kind` names an objective (e.g. to validate a user's choice). */
export function isObjectiveKind(kind: string): kind is ObjectiveKind {
  return Object.hasOwn(OBJECTIVE_FAMILY, kind);
}

/** Narrows an objective to the mean-variance family. */
export function isMeanVarianceObjective(o: Objective): o is MeanVarianceObjective {
  return OBJECTIVE_FAMILY[o.kind] === 'meanVariance';
}

/** Narrows an objective to the scenario family. */
export function isScenarioObjective(o: Objective): o is ScenarioObjective {
  return OBJECTIVE_FAMILY[o.kind] === 'scenario';
}

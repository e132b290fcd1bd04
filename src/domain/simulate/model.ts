/**
 * The data a Monte Carlo run is made of (docs/simulate.md): plain numbers and typed arrays
 * only, so a model can be handed to worker threads as it is (structured clone).
 *
 * Every path draws per-period **portfolio** returns: the weights are rebalanced every period,
 * so a period's portfolio return is p = Σ wᵢ rᵢ + c·(1 − Σ wᵢ) with c the cash rate per period
 * when 1 − Σw > 0 (cash earns it) and c the borrowing rate (cash rate + spread) per period when
 * Σw > 1 (the excess is borrowed); c = 0 without a cash setting.
 */

/** The generators of period returns. */
export type SimulationMethod = 'bootstrap' | 'block-bootstrap' | 'normal' | 'student-t' | 'regime';

/** How block-bootstrap blocks are drawn (docs/simulate.md, "Methods"). */
export type BlockType = 'fixed' | 'stationary';

/** A multivariate normal: mean vector and lower Cholesky-type factor L with LLᵀ = Σ. */
export interface GaussianModel {
  readonly mean: Float64Array;
  /** k × k row-major lower-triangular factor (zero columns for a singular Σ). */
  readonly lower: Float64Array;
}

/** Two-state regime model: the hidden chain and one normal per state (0 = calm, 1 = stressed). */
export interface RegimeModel {
  readonly states: readonly [GaussianModel, GaussianModel];
  /** [p00, p01, p10, p11]: pᵢⱼ = P(next state j | state i). */
  readonly transition: readonly [number, number, number, number];
  /** P(first period in state 1) — the chain's ergodic share of the stressed state. */
  readonly stressedStart: number;
}

/** Per-period generator of asset returns and the weights that make the portfolio's. */
export interface Generator {
  readonly method: SimulationMethod;
  /** Number of assets k. */
  readonly assets: number;
  /** Portfolio weights, k. */
  readonly weights: Float64Array;
  /** Cash part of each period's portfolio return: c·(1 − Σw) (module comment). */
  readonly cashReturn: number;
  /** bootstrap / block-bootstrap: the historical portfolio returns p_t, one per row. */
  readonly history?: Float64Array;
  readonly blockLength?: number;
  readonly blockType?: BlockType;
  /** normal / student-t. */
  readonly gaussian?: GaussianModel;
  /** student-t: degrees of freedom ν > 2. */
  readonly df?: number;
  readonly regime?: RegimeModel;
}

/** Withdrawals (amount > 0) or contributions (amount < 0) of a run. */
export interface WithdrawalPlan {
  /** Amount per payment in the first year (currency units). */
  readonly amount: number;
  /** Payments a year: 12 monthly, 4 quarterly, 1 annual. */
  readonly perYear: number;
  /** Yearly growth of the amount: year y (0-based) pays amount·(1 + inflation)^y. */
  readonly inflation: number;
}

/** Everything that fixes the paths of a run. */
export interface SimulationModel {
  readonly generator: Generator;
  readonly periodsPerYear: number;
  readonly years: number;
  readonly paths: number;
  readonly initial: number;
  readonly withdrawal?: WithdrawalPlan;
  /** Schedule of the safe-withdrawal-rate search: the withdrawal's, or annual without inflation. */
  readonly rateSchedule: { readonly perYear: number; readonly inflation: number };
  readonly seed: number;
}

/** Periods of a run: years × periodsPerYear. */
export function periodsOf(model: SimulationModel): number {
  return model.years * model.periodsPerYear;
}

/**
 * Whether a payment falls at the end of period t (1-based) of a year of `periodsPerYear`
 * periods with `perYear` payments: when ⌊t·perYear / periodsPerYear⌋ steps up, i.e. at the
 * end of every (periodsPerYear / perYear)-th period when that divides (252 days a year, monthly:
 * every 21st day), spread evenly when it does not (52 weeks, monthly: after weeks 4, 8, 13, …).
 */
export function paysAt(t: number, periodsPerYear: number, perYear: number): boolean {
  return (
    Math.floor((t * perYear) / periodsPerYear) > Math.floor(((t - 1) * perYear) / periodsPerYear)
  );
}

/**
 * The one tolerance table of the golden suites: docs/conventions.md, "Tolerances", row for
 * row. A golden test compares with a named entry of {@link TOLERANCES}, never with a number
 * of its own; where a reference file is itself less exact than the table (its peers agree to a
 * stated accuracy only), the comparison uses the entry of {@link REFERENCE_ACCURACY} that names
 * the file and the accuracy it states.
 */

/** docs/conventions.md, "Tolerances". */
export const TOLERANCES = {
  /** A constraint check on a result (bounds, budget, groups, caps): absolute. */
  constraintCheck: 1e-9,
  /** Weights against an exact peer solver (quadprog, cvxopt): absolute. */
  weightsVsExactSolver: 1e-7,
  /** Weights after the KKT polish against an exact solver: absolute. */
  weightsPolishedVsExactSolver: 1e-9,
  /** Portfolio return, volatility, Sharpe against a peer: relative. */
  portfolioFigureRelative: 1e-9,
  /** Risk-contribution fractions against budgets: absolute. */
  riskContributionVsBudget: 1e-8,
  /** Covariance and moments against numpy/pandas: relative. */
  momentsRelative: 1e-12,
  /** Money in the ledger: exact to the cent. */
  moneyCents: 0,
} as const;

/**
 * The stated accuracy of reference files that are less exact than {@link TOLERANCES}
 * (test/fixtures/peers/README.md).
 */
export const REFERENCE_ACCURACY = {
  /** `<panel>.reference.json` `min_cvar.cvar` (scipy HiGHS LP, GLPK): relative. */
  peerCvarRelative: 1e-7,
  /**
   * `hierarchical_reference.json`: HRP / HERC are closed-form given the tree, re-stated with
   * the same algorithm in float64, so weights agree to rounding: absolute.
   */
  hierarchicalWeights: 1e-12,
  /**
   * `scenario_reference.json` objective values (semivariance by SLSQP, CDaR and max drawdown
   * by an independent LP): relative.
   */
  scenarioObjectiveRelative: 1e-9,
} as const;

/** The relative error |actual − expected| / |expected| (|expected| floored at the smallest double). */
export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
}

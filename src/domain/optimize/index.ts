/**
 * Portfolio optimisation (docs/optimize.md has the map): one entry point for every objective,
 * `optimize(highs, problem)` (or `optimizeAsync(problem)`, which loads HiGHS on first use),
 * taking one {@link OptimizationProblem} — the inputs, one objective of the mean-variance,
 * scenario, risk-budget or hierarchical family, the constraints and cardinality limits — and
 * returning one {@link OptimizationResult}. Which constraint goes with which objective is the
 * table of `capabilities.ts`. A result passes every check (`constraintsChecked`, tolerance
 * 1e-9) or the call throws a BallastError (INVALID_INPUT, INFEASIBLE, UNBOUNDED,
 * NO_ASSET_ABOVE_RISK_FREE, SOLVER_FAILED); weights are never renormalised. Stage 2 of the
 * leverage-aware pipeline (exposures → funds) is `mapExposuresToFunds` / `planTwoStage`.
 */

export { optimize, optimizeAsync } from './optimize.ts';
export type {
  FixedCostSearch,
  OptimizationInputs,
  OptimizationProblem,
  QpPath,
} from './problem.ts';
export type * from './constraints.ts';
export type * from './objectives.ts';
export {
  isMeanVarianceObjective,
  isObjectiveKind,
  isScenarioObjective,
  OBJECTIVE_FAMILY,
  OBJECTIVE_KINDS,
} from './objectives.ts';
export type * from './result.ts';
export { portfolioMetrics } from './result.ts';
export type { ConstraintCheck, SlackCheck } from './check.ts';
export { CHECK_TOLERANCE, checkConstraints, constraintCheck } from './check.ts';
export type { Capability, ConstraintFeature } from './capabilities.ts';
export {
  accepts,
  CAPABILITIES,
  cardinalityMethodOf,
  checkCapabilities,
  FEATURE_FIELD,
  featuresOf,
  objectivesAccepting,
  refusal,
} from './capabilities.ts';
export { validateInputs } from './validate.ts';
export { efficientFrontier } from './mean-variance/frontier.ts';
export type {
  EfficientFrontier,
  FrontierOptions,
  FrontierPoint,
} from './mean-variance/frontier.ts';
export type { RiskBudgetReport } from './risk-budget/solve.ts';
export { fundExposureTable, mapExposuresToFunds } from './fund-mapping/mapping.ts';
export type * from './fund-mapping/types.ts';
export { planTwoStage } from './fund-mapping/two-stage.ts';
export type { TwoStageInput, TwoStageOptions, TwoStagePlan } from './fund-mapping/two-stage.ts';

/**
 * Portfolio optimisation (issue 6): the mean-variance family with leverage-aware constraints.
 *
 * `optimize(highs, inputs, { objective, constraints })` validates the inputs, solves the
 * objective exactly (dense active-set QP or HiGHS + KKT polish; Charnes-Cooper for ratios),
 * optionally scales to a target volatility along the CAL, verifies every constraint on the
 * returned weights and reports metrics. It never renormalises: a result passes every check
 * (`constraintsChecked`, tolerance 1e-9) or the call throws a BallastError with code
 * INVALID_INPUT, INFEASIBLE, UNBOUNDED, NO_ASSET_ABOVE_RISK_FREE or SOLVER_FAILED.
 */

export type * from './problem';
export type { ConstraintCheck } from './check';
export type { OptimizationDiagnostics, OptimizationResult } from './result';
export { checkConstraints, CHECK_TOLERANCE } from './check';
export { buildPortfolioModel, returnCoefficients, weightBounds } from './constraints';
export type { PortfolioModel } from './constraints';
export { ModelBuilder } from './constraints-model';
export type { LinearModel, ModelRow, VariableBlock } from './constraints-model';
export { efficientFrontier } from './frontier';
export type { EfficientFrontier, FrontierPoint } from './frontier';
export { portfolioMetrics } from './result';
export { solveModel, toSolverProblem } from './problem-solve';
export { validateInputs } from './problem-validate';

export { optimize, optimizeAsync } from './problem-optimize';

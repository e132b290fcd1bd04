/**
 * Portfolio optimisation: the mean-variance family with leverage-aware constraints.
 *
 * `optimize(highs, inputs, { objective, constraints })` validates the inputs, solves the
 * objective exactly (dense active-set QP or HiGHS + KKT polish; Charnes-Cooper for ratios),
 * optionally scales to a target volatility along the CAL, verifies every constraint on the
 * returned weights and reports metrics. It never renormalises: a result passes every check
 * (`constraintsChecked`, tolerance 1e-9) or the call throws a BallastError with code
 * INVALID_INPUT, INFEASIBLE, UNBOUNDED, NO_ASSET_ABOVE_RISK_FREE or SOLVER_FAILED.
 */

export type * from './problem.ts';
export type { ConstraintCheck } from './check.ts';
export type { OptimizationDiagnostics, OptimizationResult } from './result.ts';
export { checkConstraints, CHECK_TOLERANCE } from './check.ts';
export { buildPortfolioModel, returnCoefficients, weightBounds } from './constraints.ts';
export type { PortfolioModel } from './constraints.ts';
export { ModelBuilder } from './constraints-model.ts';
export type { LinearModel, ModelRow, VariableBlock } from './constraints-model.ts';
export { efficientFrontier } from './frontier.ts';
export type { EfficientFrontier, FrontierPoint } from './frontier.ts';
export { portfolioMetrics } from './result.ts';
export { solveModel, toSolverProblem } from './problem-solve.ts';
export { validateInputs } from './problem-validate.ts';

export { optimize, optimizeAsync } from './problem-optimize.ts';

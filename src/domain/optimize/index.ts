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
export { buildPortfolioModel, returnCoefficients, weightBounds } from './model/portfolio-model.ts';
export type { PortfolioModel } from './model/portfolio-model.ts';
export { ModelBuilder } from '../../core/solvers/model-builder.ts';
export type { LinearModel, ModelRow, VariableBlock } from '../../core/solvers/model-builder.ts';
export { efficientFrontier } from './mean-variance/frontier.ts';
export type { EfficientFrontier, FrontierPoint } from './mean-variance/frontier.ts';
export { portfolioMetrics } from './result.ts';
export { solveModel, toSolverProblem } from './model/solve-model.ts';
export { validateInputs } from './validate.ts';

export { optimize, optimizeAsync } from './mean-variance/optimize.ts';

/**
 * Forecast evaluation: walk-forward origins, QLIKE/MSE losses, univariate variance
 * forecasters with per-asset selection, and covariance forecasters scored on portfolios.
 */
export { qlike, squaredError } from './losses.ts';
export {
  walkForwardOrigins,
  type Origin,
  type TrainingWindow,
  type WalkForwardOptions,
} from './walk-forward.ts';
export {
  tabulate,
  type EvaluationTable,
  type ForecastFailure,
  type ModelEvaluation,
  type OriginOutcome,
} from './score.ts';
export {
  defaultVarianceForecasters,
  ewmaForecaster,
  garchForecaster,
  sampleVarianceForecaster,
  type DefaultForecasterOptions,
  type VarianceForecaster,
} from './forecasters.ts';
export { realisedVariance, walkForwardVariance, type VarianceWalkForward } from './univariate.ts';
export {
  selectModel,
  type HoldOutCheck,
  type ModelSelection,
  type SelectionOptions,
} from './select.ts';
export {
  evaluateVarianceForecasts,
  varianceEvaluationRows,
  type AssetVarianceEvaluation,
  type ReturnColumns,
  type VarianceEvaluationOptions,
  type VarianceEvaluationReport,
  type VarianceEvaluationRow,
} from './variance-evaluation.ts';
export { evaluationPortfolios, type PortfolioSetOptions } from './portfolios.ts';
export {
  evaluateCovarianceForecasts,
  type CovarianceEvaluation,
  type CovarianceEvaluationOptions,
  type CovarianceForecaster,
} from './covariance-evaluation.ts';

/**
 * Forecast evaluation (issue 5): walk-forward origins, QLIKE/MSE losses, univariate variance
 * forecasters with per-asset selection, and covariance forecasters scored on portfolios.
 */
export { qlike, squaredError } from './losses';
export {
  walkForwardOrigins,
  type Origin,
  type TrainingWindow,
  type WalkForwardOptions,
} from './walk-forward';
export {
  tabulate,
  type EvaluationTable,
  type ForecastFailure,
  type ModelEvaluation,
  type OriginOutcome,
} from './score';
export {
  defaultVarianceForecasters,
  ewmaForecaster,
  garchForecaster,
  sampleVarianceForecaster,
  type DefaultForecasterOptions,
  type VarianceForecaster,
} from './forecasters';
export { realisedVariance, walkForwardVariance, type VarianceWalkForward } from './univariate';
export {
  selectModel,
  type HoldOutCheck,
  type ModelSelection,
  type SelectionOptions,
} from './select';
export {
  evaluateVarianceForecasts,
  varianceEvaluationRows,
  type AssetVarianceEvaluation,
  type ReturnColumns,
  type VarianceEvaluationOptions,
  type VarianceEvaluationReport,
  type VarianceEvaluationRow,
} from './variance-evaluation';
export { evaluationPortfolios, type PortfolioSetOptions } from './portfolios';
export {
  evaluateCovarianceForecasts,
  type CovarianceEvaluation,
  type CovarianceEvaluationOptions,
  type CovarianceForecaster,
} from './covariance-evaluation';

/**
 * Estimation of expected returns and covariances (docs/conventions.md, "Estimation"): sample,
 * EWMA, GARCH(1,1), Ledoit-Wolf shrinkage (three targets), OAS, denoising, semicovariance and
 * factor-model covariances; historical, geometric, EWMA, James-Stein, CAPM, Black-Litterman and
 * building-block means. Returns are per period (rows = dates, oldest first); annualisation takes
 * `periodsPerYear` explicitly.
 *
 * @example
 * ```ts
 * import { annualizeCovariance, estimateCovariance } from 'ballast/estimate';
 * const { covariance, warnings } = estimateCovariance(returns, { method: 'ledoitWolf', target: 'constantCorrelation' });
 * const annual = annualizeCovariance(covariance, 252);
 * ```
 */

export {
  describeCovarianceMethod,
  estimateCovariance,
  type CovarianceMethod,
  type LedoitWolfTarget,
} from './estimate-covariance.ts';
export {
  estimateExpectedReturns,
  type ExpectedReturnEstimate,
  type ExpectedReturnMethod,
  type ExpectedReturnOptions,
} from './mean-estimate.ts';
export { annualizeCovariance } from './annualize-covariance.ts';
export { sampleCovariance } from './sample-covariance.ts';
export { ledoitWolf } from './ledoit-wolf.ts';
export { ledoitWolfSingleFactor } from './ledoit-wolf-single-factor.ts';
export { ledoitWolfConstantCorrelation } from './ledoit-wolf-constant-correlation.ts';
export { oracleApproximatingShrinkage } from './oas.ts';
export { ewmaCovariance } from './ewma-covariance.ts';
export { ewmaVariance } from './ewma-variance.ts';
export { fitGarch, type GarchFit, type GarchFitOptions } from './garch.ts';
export { garchCovariance } from './garch-covariance.ts';
export { factorModelCovariance } from './factor-covariance.ts';
export { denoiseCovariance } from './denoise-covariance.ts';
export { covarianceFromCorrelation, repairCovariance } from './repair-covariance.ts';
export { semicovariance } from './semicovariance.ts';
export { arithmeticMeanReturns, geometricMeanReturns } from './mean-historical.ts';
export { jamesSteinMeanReturns } from './mean-shrinkage.ts';
export { capmReturns, impliedEquilibriumReturns, marketImpliedRiskAversion } from './capm.ts';
export { blackLitterman } from './black-litterman.ts';
export { buildingBlockReturns, historicalBuildingBlocks } from './building-block.ts';
export {
  annualizeVariance,
  horizonVariance,
  horizonVarianceAnnual,
  volatilityAnnual,
} from './horizon.ts';

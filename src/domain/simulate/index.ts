/** Monte Carlo simulation of a rebalanced portfolio with withdrawals (docs/simulate.md). */
export * from './model.ts';
export { buildGenerator, cashReturnOf, type GeneratorFit, type GeneratorInput } from './build.ts';
export { pathFiller, type PathFiller } from './draw.ts';
export { gaussianOf, sampleCovariance, sampleMean, semidefiniteFactor } from './gaussian.ts';
export { joinResults, simulatePaths, type PathResults } from './paths.ts';
export { fitStudentTDf, lnGamma } from './student-t.ts';
export { FAN_LEVELS, summarise, type SimulationSummary } from './summary.ts';

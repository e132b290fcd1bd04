/**
 * The data flags of `optimize`, `frontier` (and `plan`) as the app's optimisation data: a
 * returns file with the estimation spec of the model flags, or a moments file (`--moments`),
 * plus the risk-free column and rate. A moments file carries its own estimate, so model flags
 * with it are refused naming them; `--returns` and `--moments` exclude each other.
 */

import type { Command } from 'commander';
import { BallastError, invalidInput } from '../../app/errors.ts';
import type { MomentsInput } from '../../app/optimize-input.ts';
import type { FlagNames } from '../flag-errors.ts';
import { estimationSpecOf, numberOption, type MethodOptions } from '../estimate/methods.ts';

/** The data flags (commander camelCase). */
export interface MomentsFlags extends MethodOptions {
  readonly returns?: string | undefined;
  readonly prices?: boolean | undefined;
  readonly moments?: string | undefined;
  readonly riskFreeColumn?: string | undefined;
}

/** The optimisation data of the app input (`optimizationDataShape`). */
export interface MomentsData {
  moments: MomentsInput;
  riskFreeColumn?: string;
  riskFreeRateAnnual?: number;
}

/** Model flags that make no sense with a moments file (option attribute → flag). */
const ESTIMATION_FLAGS: Readonly<Record<string, string>> = {
  covariance: '--covariance',
  mean: '--mean',
  lambda: '--lambda',
  span: '--span',
  horizon: '--horizon',
  factorReturns: '--factor-returns',
  factors: '--factors',
  marketWeights: '--market-weights',
  view: '--view',
  tau: '--tau',
  inflation: '--inflation',
  realRiskFree: '--real-risk-free',
  premiums: '--premiums',
  periodsPerYear: '--periods-per-year',
};

/** Refuses model flags given on the command line together with `--moments`. */
export function refuseEstimationFlags(command: Command): void {
  for (const [key, flag] of Object.entries(ESTIMATION_FLAGS)) {
    const source = command.getOptionValueSource(key);
    if (source !== undefined && source !== 'default')
      throw invalidInput(
        flag,
        command.getOptionValue(key) as unknown,
        'not with --moments: a moments file carries its own estimate',
      );
  }
}

/** The app's optimisation data of the flags (module comment). */
export function momentsData(options: MomentsFlags, command: Command): MomentsData {
  const rf = numberOption('rf', options.rf);
  const common = {
    ...(options.riskFreeColumn === undefined ? {} : { riskFreeColumn: options.riskFreeColumn }),
    ...(rf === undefined ? {} : { riskFreeRateAnnual: rf }),
  };
  if (options.moments !== undefined) {
    if (options.returns !== undefined)
      throw invalidInput('--moments', options.moments, 'give --returns or --moments, not both');
    refuseEstimationFlags(command);
    if (options.prices === true)
      throw invalidInput('--prices', true, 'not with --moments: it describes a --returns file');
    return { moments: { kind: 'file', moments: { path: options.moments } }, ...common };
  }
  if (options.returns === undefined)
    throw new BallastError('INVALID_INPUT', 'one of --returns or --moments is required', {
      field: 'returns|moments',
    });
  return {
    moments: {
      kind: 'estimate',
      panel: { kind: 'file', file: { path: options.returns }, prices: options.prices === true },
      spec: estimationSpecOf(options),
    },
    ...common,
  };
}

/** The estimation spec's fields (relative to the spec) → flags. */
const SPEC_FLAGS: FlagNames = {
  covariance: '--covariance',
  'covariance.lambda': '--lambda',
  'covariance.factorReturns': '--factor-returns',
  'covariance.factors': '--factors',
  mean: '--mean',
  'mean.span': '--span',
  'mean.riskAversion': '--risk-aversion',
  'mean.marketWeights': '--market-weights',
  'mean.views': '--view',
  'mean.tau': '--tau',
  'mean.inflationAnnual': '--inflation',
  'mean.realRiskFreeAnnual': '--real-risk-free',
  'mean.premiumsAnnual': '--premiums',
  periodsPerYear: '--periods-per-year',
  horizon: '--horizon',
  riskFreeRateAnnual: '--rf',
};

/**
 * Fields of the optimisation data → flags, for {@link withFlagNames}: the spec's fields under
 * `moments.spec`, those the estimators name themselves (factor returns, market weights,
 * premiums), the panel file and the moments file.
 */
export const MOMENTS_FLAGS: FlagNames = {
  ...Object.fromEntries(Object.entries(SPEC_FLAGS).map(([k, v]) => [`moments.spec.${k}`, v])),
  'covariance.factorReturns': '--factor-returns',
  'covariance.factors': '--factors',
  'mean.marketWeights': '--market-weights',
  'mean.premiumsAnnual': '--premiums',
  file: '--returns',
  'moments.panel': '--returns',
  'moments.moments': '--moments',
  riskFreeColumn: '--risk-free-column',
  riskFreeRateAnnual: '--rf',
};

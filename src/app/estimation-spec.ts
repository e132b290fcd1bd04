/**
 * Estimation model specs: which covariance and expected-return models to fit, with their
 * parameters, as zod-validated input shared by every use case that estimates moments
 * (`estimate`, and `optimize`/`frontier`/`plan` once they accept it) and by the HTTP API.
 * The names are the CLI's (`--covariance ledoit-wolf`, `--mean black-litterman`); this module
 * maps them onto the domain's discriminated unions (docs/conventions.md, "Estimation").
 *
 * @example
 * ```ts
 * const spec = parseEstimationSpec({
 *   covariance: { method: 'ewma', lambda: 0.97 },
 *   mean: { method: 'building-block', inflationAnnual: 0.02, realRiskFreeAnnual: 0.01,
 *           premiumsAnnual: { SPY: 0.04, AGG: 0.01 } },
 * });
 * ```
 */

import * as z from 'zod';
import type { Matrix } from '../core/linalg/matrix.ts';
import { invalidInput } from '../domain/errors.ts';
import type { BlackLittermanView } from '../domain/estimate/black-litterman-views.ts';
import type { CovarianceMethod, LedoitWolfTarget } from '../domain/estimate/estimate-covariance.ts';
import type { ExpectedReturnMethod } from '../domain/estimate/mean-estimate.ts';
import { parseInput } from './input.ts';
import { finiteSchema } from './schemas.ts';
import { textSourceSchema } from './sources.ts';

export type { Matrix } from '../core/linalg/matrix.ts';
export type { BlackLittermanView } from '../domain/estimate/black-litterman-views.ts';
export type { CovarianceMethod } from '../domain/estimate/estimate-covariance.ts';
export type { ExpectedReturnMethod } from '../domain/estimate/mean-estimate.ts';

/** Covariance model names (`--covariance`). */
export const COVARIANCE_MODELS = [
  'sample',
  'ewma',
  'ledoit-wolf',
  'ledoit-wolf-single-factor',
  'ledoit-wolf-constant-correlation',
  'oas',
  'semicovariance',
  'denoised',
  'garch',
  'factor',
] as const;

/** Expected-return model names (`--mean`). */
export const MEAN_MODELS = [
  'historical',
  'geometric',
  'ewma',
  'shrinkage',
  'capm',
  'black-litterman',
  'building-block',
] as const;

/** Ledoit-Wolf shrinkage targets (Ledoit & Wolf 2003, 2004). */
export const SHRINKAGE_TARGETS = [
  'constant-variance',
  'single-factor',
  'constant-correlation',
] as const;

/** A rate above −1 (annual decimal). */
const rateSchema = finiteSchema.gt(-1);
const idListSchema = z.array(z.string().trim().min(1)).min(1);

/**
 * A covariance model. Defaults: EWMA λ = 0.94 (RiskMetrics 1996) with 20 seed periods;
 * Ledoit-Wolf toward constant variance; semicovariance below 0 per period; denoising with
 * noise variance 1 (correlation scale). `garch` is GARCH(1,1) per asset with the sample
 * correlation (its horizon is {@link EstimationSpec.horizon}); `factor` regresses each asset
 * on the columns of a factor-returns file (`date,F1,F2,...`, same frequency as the assets),
 * all of them unless `factors` names some, on the dates both files share.
 */
export const covarianceModelSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('sample') }),
  z.object({
    method: z.literal('ewma'),
    lambda: finiteSchema.gt(0).lt(1).default(0.94),
    minPeriods: z.number().int().min(2).default(20),
  }),
  z.object({
    method: z.literal('ledoit-wolf'),
    target: z.enum(SHRINKAGE_TARGETS).default('constant-variance'),
  }),
  z.object({ method: z.literal('ledoit-wolf-single-factor') }),
  z.object({ method: z.literal('ledoit-wolf-constant-correlation') }),
  z.object({ method: z.literal('oas') }),
  z.object({ method: z.literal('semicovariance'), benchmark: finiteSchema.default(0) }),
  z.object({ method: z.literal('denoised'), noiseVariance: finiteSchema.positive().optional() }),
  z.object({ method: z.literal('garch') }),
  z.object({
    method: z.literal('factor'),
    factorReturns: textSourceSchema,
    factors: idListSchema.optional(),
  }),
]);

/** A Black-Litterman view: `A` returns 8 % a year, or `A+B` outperform `C` by 2 % a year. */
export const viewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('absolute'), asset: z.string().min(1), returnAnnual: finiteSchema }),
  z.object({
    kind: z.literal('relative'),
    outperform: idListSchema,
    underperform: idListSchema,
    spreadAnnual: finiteSchema,
  }),
]);

/**
 * An expected-return model. Defaults: EWMA span 500 periods; Black-Litterman with the
 * equilibrium prior Π = δΣw + rf, equal market weights, δ = 2.5 (He & Litterman 1999) and
 * τ = 0.05; `building-block` compounds user-set inflation, real cash return and a premium per
 * asset, μ = (1 + π)(1 + r_real_rf)(1 + p) − 1 (docs/conventions.md, "Returns").
 */
export const meanModelSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('historical') }),
  z.object({ method: z.literal('geometric') }),
  z.object({ method: z.literal('ewma'), span: finiteSchema.min(1).default(500) }),
  z.object({ method: z.literal('shrinkage') }),
  z.object({ method: z.literal('capm') }),
  z.object({
    method: z.literal('black-litterman'),
    /** Prior weights by asset (missing assets 0); default equal weights. */
    marketWeights: z.record(z.string(), finiteSchema).optional(),
    riskAversion: finiteSchema.positive().default(2.5),
    tau: finiteSchema.positive().default(0.05),
    views: z.array(viewSchema).default([]),
  }),
  z.object({
    method: z.literal('building-block'),
    inflationAnnual: rateSchema,
    realRiskFreeAnnual: rateSchema,
    /** Premium over cash per asset; every asset needs one. */
    premiumsAnnual: z.record(z.string(), rateSchema),
  }),
]);

/** Everything that defines an estimate besides the panel. */
export const estimationSpecSchema = z.object({
  covariance: covarianceModelSchema.default({ method: 'sample' }),
  mean: meanModelSchema.default({ method: 'historical' }),
  /** Periods per year of the returns; default: fixed by the panel source or inferred from the dates. */
  periodsPerYear: finiteSchema.positive().optional(),
  /** Forecast horizon in periods (GARCH variances average over it); default 1. */
  horizon: z.number().int().min(1).default(1),
  /** Risk-free rate, annual decimal: CAPM, the Black-Litterman prior, and the moments' rf. */
  riskFreeRateAnnual: finiteSchema.optional(),
});

/** What callers pass as an estimation spec (defaults applied inside). */
export type EstimationSpecInput = z.input<typeof estimationSpecSchema>;
/** A validated estimation spec. */
export type EstimationSpec = z.output<typeof estimationSpecSchema>;
/** A validated covariance model. */
export type CovarianceModel = z.output<typeof covarianceModelSchema>;
/** A Black-Litterman view as callers write it. */
export type ViewInput = z.input<typeof viewSchema>;
/** A validated expected-return model. */
export type MeanModel = z.output<typeof meanModelSchema>;

/** Validates an estimation spec (INVALID_INPUT names the field, e.g. `covariance.lambda`). */
export function parseEstimationSpec(raw: EstimationSpecInput): EstimationSpec {
  return parseInput(estimationSpecSchema, raw);
}

const TARGETS: Record<(typeof SHRINKAGE_TARGETS)[number], LedoitWolfTarget> = {
  'constant-variance': 'constantVariance',
  'single-factor': 'singleFactor',
  'constant-correlation': 'constantCorrelation',
};

/**
 * The domain covariance method of `model` (`garch` stays a marker: it is fitted per asset by
 * `garchCovariance`). `factor` needs the factor returns as a T × k matrix aligned with the
 * asset returns (`factorReturns`).
 */
export function covarianceMethodOf(
  model: CovarianceModel,
  factorReturns?: Matrix,
): CovarianceMethod | { readonly method: 'garch' } {
  switch (model.method) {
    case 'sample':
    case 'oas':
    case 'garch':
      return { method: model.method };
    case 'ewma':
      return { method: 'ewma', lambda: model.lambda, minPeriods: model.minPeriods };
    case 'ledoit-wolf':
      return { method: 'ledoitWolf', target: TARGETS[model.target] };
    case 'ledoit-wolf-single-factor':
      return { method: 'ledoitWolf', target: 'singleFactor' };
    case 'ledoit-wolf-constant-correlation':
      return { method: 'ledoitWolf', target: 'constantCorrelation' };
    case 'semicovariance':
      return { method: 'semicovariance', benchmark: model.benchmark };
    case 'denoised':
      return model.noiseVariance === undefined
        ? { method: 'denoised' }
        : { method: 'denoised', noiseVariance: model.noiseVariance };
    case 'factor':
      if (factorReturns === undefined)
        throw invalidInput('covariance.factorReturns', null, 'factor returns are required');
      return { method: 'factor', factorReturns };
  }
}

/** The position of `name` in `assets`: exact, else case-insensitive; −1 when absent. */
function assetIndex(assets: readonly string[], name: string): number {
  const exact = assets.indexOf(name);
  if (exact >= 0) return exact;
  const upper = name.trim().toUpperCase();
  return assets.findIndex((a) => a.toUpperCase() === upper);
}

/** Prior weights in asset order from a record (missing assets 0; default equal weights). */
export function marketWeightsOf(
  weights: Readonly<Record<string, number>> | undefined,
  assets: readonly string[],
): Float64Array {
  if (weights === undefined) return new Float64Array(assets.length).fill(1 / assets.length);
  const w = new Float64Array(assets.length);
  for (const [name, value] of Object.entries(weights)) {
    const i = assetIndex(assets, name);
    if (i < 0)
      throw invalidInput(
        `mean.marketWeights.${name}`,
        value,
        `unknown asset (assets: ${assets.join(', ')})`,
      );
    w[i] = value;
  }
  return w;
}

/** Premiums keyed by the panel's asset ids (matched case-insensitively). */
function premiumsOf(
  premiums: Readonly<Record<string, number>>,
  assets: readonly string[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(premiums)) {
    const i = assetIndex(assets, name);
    if (i < 0)
      throw invalidInput(
        `mean.premiumsAnnual.${name}`,
        value,
        `unknown asset (assets: ${assets.join(', ')})`,
      );
    out[assets[i]!] = value;
  }
  return out;
}

/** A view with its asset names matched to the panel's ids (exact, else case-insensitive). */
function viewOf(view: z.output<typeof viewSchema>, assets: readonly string[]): BlackLittermanView {
  const id = (name: string): string => assets[assetIndex(assets, name)] ?? name;
  return view.kind === 'absolute'
    ? { ...view, asset: id(view.asset) }
    : { ...view, outperform: view.outperform.map(id), underperform: view.underperform.map(id) };
}

/** What the mean models need besides their parameters. */
export interface MeanContext {
  readonly assets: readonly string[];
  /** Annual covariance of the chosen covariance model (Black-Litterman prior and posterior). */
  readonly covarianceAnnual: Matrix;
  readonly riskFreeRateAnnual: number;
}

/** The domain expected-return method of `model` (see {@link meanModelSchema}). */
export function meanMethodOf(model: MeanModel, ctx: MeanContext): ExpectedReturnMethod {
  switch (model.method) {
    case 'historical':
    case 'geometric':
    case 'shrinkage':
      return { method: model.method };
    case 'ewma':
      return { method: 'ewma', span: model.span };
    case 'capm':
      return { method: 'capm', riskFreeRateAnnual: ctx.riskFreeRateAnnual };
    case 'black-litterman':
      return {
        method: 'blackLitterman',
        covarianceAnnual: ctx.covarianceAnnual,
        prior: {
          kind: 'equilibrium',
          weights: marketWeightsOf(model.marketWeights, ctx.assets),
          riskAversion: model.riskAversion,
          riskFreeRateAnnual: ctx.riskFreeRateAnnual,
        },
        views: model.views.map((v) => viewOf(v, ctx.assets)),
        tau: model.tau,
      };
    case 'building-block':
      return {
        method: 'buildingBlock',
        inflationAnnual: model.inflationAnnual,
        realRiskFreeAnnual: model.realRiskFreeAnnual,
        premiumsAnnual: premiumsOf(model.premiumsAnnual, ctx.assets),
      };
  }
}

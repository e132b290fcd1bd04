/**
 * The input schemas `optimize`, `frontier` and `plan` share (the HTTP API publishes the same):
 * where the moments come from, the objective, the constraints and the cardinality limits. Asset
 * weights are keyed by asset name (never by position), so an input reads the same whatever the
 * column order of the returns; names are matched exactly, then case-insensitively.
 * Conventions: annual decimals for returns, volatilities and rates (docs/conventions.md,
 * "Units", "Optimisation").
 */

import * as z from 'zod';
import { estimationSpecSchema } from './estimation-spec.ts';
import { fundsSourceSchema } from './funds-source-schema.ts';
import { panelSourceSchema } from './returns-panel.ts';
import { finiteSchema } from './schemas.ts';
import { textSourceSchema } from './sources.ts';

/**
 * Where the optimiser's μ and Σ come from: a returns panel estimated with an estimation spec
 * (every covariance and mean model of `estimate`; default sample covariance and historical
 * mean), or a moments file written by `estimate --format json` (docs/moments.md). Scenario
 * objectives (CVaR, CDaR, semivariance) need the panel.
 */
export const momentsInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('estimate'),
    panel: panelSourceSchema,
    spec: estimationSpecSchema.default({
      covariance: { method: 'sample' },
      mean: { method: 'historical' },
      horizon: 1,
    }),
  }),
  z.object({ kind: z.literal('file'), moments: textSourceSchema }),
]);

/** What callers pass as {@link momentsInputSchema}. */
export type MomentsInput = z.input<typeof momentsInputSchema>;
/** A validated {@link momentsInputSchema}. */
export type MomentsSpec = z.output<typeof momentsInputSchema>;

/** `{ min, max }` without the absent sides (for types with exact optional properties). */
export function definedLimits(l: {
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}): { min?: number; max?: number } {
  return {
    ...(l.min === undefined ? {} : { min: l.min }),
    ...(l.max === undefined ? {} : { max: l.max }),
  };
}

const rate = finiteSchema;
const probability = finiteSchema.gt(0).lt(1);
const linkageSchema = z.enum(['single', 'average', 'complete', 'ward']);
const weightsByAsset = z.record(z.string().min(1), finiteSchema);

/** The mean-variance objectives (`kind` as the CLI names them). */
export const MEAN_VARIANCE_KINDS = [
  'min-variance',
  'max-sharpe',
  'efficient-return',
  'efficient-risk',
  'utility',
  'max-return',
  'max-diversification',
] as const;

/** The objectives outside the mean-variance family. */
export const OTHER_KINDS = [
  'risk-parity',
  'risk-budget',
  'hrp',
  'herc',
  'min-cvar',
  'min-cdar',
  'min-semivariance',
] as const;

/** Every objective `optimize` takes. */
export const OBJECTIVE_NAMES = [...MEAN_VARIANCE_KINDS, ...OTHER_KINDS] as const;

/** The objective kinds that need no parameter (every other field defaults). */
export const PARAMETERLESS_OBJECTIVES = [
  'min-variance',
  'max-sharpe',
  'utility',
  'max-return',
  'max-diversification',
  'risk-parity',
  'hrp',
  'herc',
  'min-cvar',
  'min-cdar',
  'min-semivariance',
] as const;

/**
 * One objective. Defaults: utility γ = 1; CVaR and CDaR confidence 0.95; HRP single linkage,
 * HERC Ward linkage with the gap rule for the number of clusters. `targetReturnAnnual` on the
 * scenario objectives is a floor on the annual expected return. Risk budgets: asset → b_i > 0,
 * summing to 1 (Roncalli, "Introduction to Risk Parity and Budgeting", 2013).
 */
export const objectiveInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('min-variance') }),
  z.object({ kind: z.literal('max-sharpe') }),
  z.object({ kind: z.literal('efficient-return'), targetReturnAnnual: rate }),
  z.object({ kind: z.literal('efficient-risk'), targetVolatilityAnnual: finiteSchema.positive() }),
  z.object({ kind: z.literal('utility'), riskAversion: finiteSchema.positive().default(1) }),
  z.object({ kind: z.literal('max-return') }),
  z.object({ kind: z.literal('max-diversification') }),
  z.object({ kind: z.literal('risk-parity') }),
  z.object({ kind: z.literal('risk-budget'), budgets: weightsByAsset }),
  z.object({ kind: z.literal('hrp'), linkage: linkageSchema.optional() }),
  z.object({ kind: z.literal('herc'), linkage: linkageSchema.optional() }),
  z.object({
    kind: z.literal('min-cvar'),
    confidence: probability.default(0.95),
    targetReturnAnnual: rate.optional(),
  }),
  z.object({
    kind: z.literal('min-cdar'),
    confidence: probability.default(0.95),
    targetReturnAnnual: rate.optional(),
  }),
  z.object({ kind: z.literal('min-semivariance'), targetReturnAnnual: rate.optional() }),
]);

/** What callers pass as an objective. */
export type ObjectiveInput = z.input<typeof objectiveInputSchema>;
/** A validated objective. */
export type ObjectiveSpec = z.output<typeof objectiveInputSchema>;

/** `{ min?, max? }` with min ≤ max. */
export const limitsSchema = z
  .object({ min: finiteSchema.optional(), max: finiteSchema.optional() })
  .refine((l) => l.min === undefined || l.max === undefined || l.min <= l.max, {
    message: 'the minimum exceeds the maximum',
  });

/** A group limit: min ≤ Σ_{i ∈ assets} w_i ≤ max. */
export const groupInputSchema = z.object({
  name: z.string().min(1),
  assets: z.array(z.string().min(1)).min(1),
  min: finiteSchema.optional(),
  max: finiteSchema.optional(),
});

/** What callers pass as a group. */
export type GroupInput = z.input<typeof groupInputSchema>;

/**
 * The constraints. Default: long-only 0 ≤ w ≤ 1, fully invested. `longShort` opens the bounds
 * to −1..1 (unless given) with `grossLeverage` capping Σ|w|; `borrowSpreadAnnual` opens a cash
 * line (lending at rf, borrowing at rf + spread, `maxBorrow` capping the borrowing). Groups come
 * as objects or as a CSV `group,asset,min,max` (one member per row). Economic exposures use
 * the fund definitions (default the shipped config/funds.yaml): every asset is a fund or an
 * exposure id; limits bound x = Eᵀw per exposure, per category, and Σ|x|. Turnover is measured
 * from current weights (assets not listed: 0), as an object or a CSV `asset,weight`; costs are
 * `costBps` per unit traded and `fixedCost` per traded asset (weight units). The tracking-error
 * limit is annual, against benchmark weights (assets not listed: 0).
 */
export const constraintsInputSchema = z.object({
  minWeight: finiteSchema.optional(),
  maxWeight: finiteSchema.optional(),
  longShort: z.boolean().default(false),
  grossLeverage: finiteSchema.positive().optional(),
  borrowSpreadAnnual: finiteSchema.nonnegative().optional(),
  maxBorrow: finiteSchema.nonnegative().optional(),
  groups: z.array(groupInputSchema).default([]),
  groupsFile: textSourceSchema.optional(),
  exposures: z
    .object({
      funds: fundsSourceSchema.optional(),
      limits: z.record(z.string().min(1), limitsSchema).optional(),
      categories: z.record(z.string().min(1), limitsSchema).optional(),
      grossMax: finiteSchema.positive().optional(),
    })
    .optional(),
  turnover: z
    .object({
      currentWeights: weightsByAsset.optional(),
      currentWeightsFile: textSourceSchema.optional(),
      maxTurnover: finiteSchema.nonnegative().optional(),
      costBps: finiteSchema.nonnegative().optional(),
      fixedCost: finiteSchema.nonnegative().optional(),
    })
    .optional(),
  trackingError: z
    .object({ benchmarkWeights: weightsByAsset, maxAnnual: finiteSchema.nonnegative() })
    .optional(),
});

/** What callers pass as constraints. */
export type ConstraintsInput = z.input<typeof constraintsInputSchema>;
/** Validated constraints. */
export type ConstraintsSpec = z.output<typeof constraintsInputSchema>;

/** At most `maxAssets` holdings; every holding ≥ `minPositionWeight`. */
export const cardinalityInputSchema = z
  .object({
    maxAssets: z.number().int().min(1).optional(),
    minPositionWeight: finiteSchema.gt(0).max(1).optional(),
  })
  .refine((c) => c.maxAssets !== undefined || c.minPositionWeight !== undefined, {
    message: 'give maxAssets, minPositionWeight or both',
  });

/**
 * The optimisation data every optimiser use case shares: the moments, the risk-free asset and
 * rate. `riskFreeColumn` declares one asset of the panel (or moments file) the risk-free
 * asset: it leaves the risky universe and its annualised mean return (μ for a moments file)
 * becomes the risk-free rate — the only way a zero-variance column is accepted.
 * `riskFreeRateAnnual` (default: the moments file's, else the spec's, else 0) cannot be given
 * with it.
 */
export const optimizationDataShape = {
  moments: momentsInputSchema,
  riskFreeColumn: z.string().trim().min(1).optional(),
  riskFreeRateAnnual: rate.optional(),
};

/**
 * Use case `estimate universe`: the return distribution of the exposure universe — monthly
 * exposure returns from the store (each exposure's preferred stored implementation), or the
 * bundled monthly real returns — with any model of {@link estimationSpecSchema} (default
 * covariance: Ledoit-Wolf). Twelve periods a year.
 *
 * @example
 * ```ts
 * const doc = await estimateUniverse({ source: 'sample' }, deps);
 * doc.source; // 'bundled'
 * ```
 */

import * as z from 'zod';
import type { AppDeps } from './deps.ts';
import { estimateMoments, type DistributionSummary } from './estimate-moments.ts';
import { covarianceModelSchema, estimationSpecSchema } from './estimation-spec.ts';
import { parseInput } from './input.ts';
import { loadReturnsPanel } from './returns-panel.ts';

/** Input of {@link estimateUniverse}. */
export const estimateUniverseInputSchema = estimationSpecSchema.extend({
  /** `auto`: the store when it holds universe data, else the sample; `bundled` = `sample`. */
  source: z
    .enum(['auto', 'store', 'sample', 'bundled'])
    .default('auto')
    .transform((s) => (s === 'bundled' ? 'sample' : s)),
  covariance: covarianceModelSchema.default({
    method: 'ledoit-wolf',
    target: 'constant-variance',
  }),
});

/** What callers pass to {@link estimateUniverse}. */
export type EstimateUniverseInput = z.input<typeof estimateUniverseInputSchema>;

/** The `estimate universe` document: where the data came from, then the estimate. */
export type EstimateUniverseDocument = {
  readonly source: 'bundled' | 'store';
} & DistributionSummary & {
    readonly riskFreeRateAnnual?: number;
  };

/** Estimates the universe's distribution (see the module comment). */
export async function estimateUniverse(
  raw: EstimateUniverseInput,
  deps: AppDeps,
): Promise<EstimateUniverseDocument> {
  const { source, ...spec } = parseInput(estimateUniverseInputSchema, raw);
  const panel = await loadReturnsPanel({ kind: 'universe', source }, deps);
  const { summary } = estimateMoments(panel, spec);
  return {
    source: panel.origin === 'sample' ? 'bundled' : 'store',
    ...summary,
    ...(spec.riskFreeRateAnnual === undefined
      ? {}
      : { riskFreeRateAnnual: spec.riskFreeRateAnnual }),
  };
}

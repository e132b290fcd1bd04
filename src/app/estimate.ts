/**
 * Use case `estimate`: annual expected returns and covariance of a returns panel (a file or
 * stored symbols) with any covariance and mean model of {@link estimationSpecSchema}, with the
 * window, method, warnings and a reproducible inputs hash. The document is also a moments file:
 * `readMoments` reads it back as an optimiser input (docs/moments.md). With `riskPremium` the
 * same models are also run on excess-of-cash and real returns of the symbols, side by side.
 *
 * @example
 * ```ts
 * const doc = await estimate(
 *   { panel: { kind: 'file', file: { path: 'r.csv' } }, covariance: { method: 'ledoit-wolf' } },
 *   deps,
 * );
 * doc.mu.SPY; // annual decimal
 * ```
 */

import * as z from 'zod';
import { invalidInput } from '../domain/errors.ts';
import type { AppDeps } from './deps.ts';
import { estimateMoments, type DistributionSummary } from './estimate-moments.ts';
import { estimationSpecSchema } from './estimation-spec.ts';
import { parseInput } from './input.ts';
import { filePanelSchema, loadReturnsPanel, symbolsPanelSchema } from './returns-panel.ts';

/** Input of {@link estimate}: the panel, the estimation spec and the risk-premium option. */
export const estimateInputSchema = estimationSpecSchema.extend({
  panel: z.discriminatedUnion('kind', [filePanelSchema, symbolsPanelSchema]),
  /** Symbols only: also estimate on excess-of-cash and real returns (cash DGS3MO, CPI CPIAUCSL). */
  riskPremium: z.boolean().default(false),
});

/** What callers pass to {@link estimate}. */
export type EstimateInput = z.input<typeof estimateInputSchema>;

/** Volatilities and correlations of one return kind. */
export interface RiskPremiumPanelView {
  readonly volatility: Record<string, number>;
  readonly correlation: (number | null)[][];
}

/** The `estimate` document (the CLI's `--format json`; readable by `readMoments`). */
export type EstimateDocument = DistributionSummary & {
  /** The risk-free rate given with the spec (annual decimal); absent when none was given. */
  readonly riskFreeRateAnnual?: number;
  /** With `riskPremium`: the same covariance model on total, excess and real returns. */
  readonly riskPremiumView?: Record<'total' | 'excess' | 'real', RiskPremiumPanelView>;
};

/** Estimates the moments of the panel (see the module comment). */
export async function estimate(raw: EstimateInput, deps: AppDeps): Promise<EstimateDocument> {
  const input = parseInput(estimateInputSchema, raw);
  const { panel: source, riskPremium, ...spec } = input;
  if (riskPremium && source.kind !== 'symbols')
    throw invalidInput(
      'riskPremium',
      true,
      'needs a symbols panel (cash and CPI come from the store or FRED)',
    );
  const panel = await loadReturnsPanel(source, deps);
  const { summary } = estimateMoments(panel, spec);
  let premium: EstimateDocument['riskPremiumView'];
  if (riskPremium && source.kind === 'symbols') {
    const views: Partial<Record<'total' | 'excess' | 'real', RiskPremiumPanelView>> = {};
    for (const kind of ['total', 'excess', 'real'] as const) {
      const p = await loadReturnsPanel({ ...source, returnKind: kind }, deps);
      const s = estimateMoments(p, { ...spec, mean: { method: 'historical' } }).summary;
      views[kind] = { volatility: s.volatility, correlation: s.correlation };
    }
    premium = views as Record<'total' | 'excess' | 'real', RiskPremiumPanelView>;
  }
  return {
    ...summary,
    ...(spec.riskFreeRateAnnual === undefined
      ? {}
      : { riskFreeRateAnnual: spec.riskFreeRateAnnual }),
    ...(premium === undefined ? {} : { riskPremiumView: premium }),
  };
}

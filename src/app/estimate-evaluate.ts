/**
 * Use case `estimate evaluate`: walk-forward forecast evaluation (docs/conventions.md,
 * "Forecast evaluation"). Expanding window, origins every `horizon` periods; per asset the
 * variance forecasts of the sample (baseline), EWMA (λ ∈ {0.94, 0.97, 0.99} on daily data,
 * {0.8, 0.9, 0.95} otherwise) and GARCH(1,1) are scored by QLIKE (primary) and MSE on the
 * h-period realised variance, and the best model per asset is chosen with its improvement over
 * the baseline (also on a hold-out half); covariance models are scored the same way on the
 * variance of an equal-weight and random portfolios. Ticks `deps.progress` per origin.
 *
 * @example
 * ```ts
 * const doc = await estimateEvaluate(
 *   { panel: { kind: 'file', file: { path: 'r.csv' } }, horizon: 5 },
 *   deps,
 * );
 * doc.variance.chosen; // [{ asset, chosenId, qlikeImprovement, … }]
 * ```
 */

import * as z from 'zod';
import { returnsMatrix } from '../domain/estimate/covariance-input.ts';
import {
  describeCovarianceMethod,
  estimateCovariance,
  type CovarianceMethod,
} from '../domain/estimate/estimate-covariance.ts';
import { evaluateCovarianceForecasts } from '../domain/estimate/evaluation/covariance-evaluation.ts';
import { defaultVarianceForecasters } from '../domain/estimate/evaluation/forecasters.ts';
import type { ModelSelection } from '../domain/estimate/evaluation/select.ts';
import {
  evaluateVarianceForecasts,
  varianceEvaluationRows,
  type VarianceEvaluationRow,
} from '../domain/estimate/evaluation/variance-evaluation.ts';
import { walkForwardOrigins } from '../domain/estimate/evaluation/walk-forward.ts';
import { inferPeriodsPerYear } from '../domain/series/infer-frequency.ts';
import type { Warning } from '../domain/warnings.ts';
import { windowOf, type DataWindow } from './data-window.ts';

export { windowLine, type DataWindow } from './data-window.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { filePanelSchema, loadReturnsPanel, symbolsPanelSchema } from './returns-panel.ts';

export type { ModelSelection } from '../domain/estimate/evaluation/select.ts';
export type { VarianceEvaluationRow } from '../domain/estimate/evaluation/variance-evaluation.ts';

/** The covariance candidates scored on portfolio variance (the first is the baseline). */
export const COVARIANCE_CANDIDATES: readonly CovarianceMethod[] = [
  { method: 'sample' },
  { method: 'ewma', lambda: 0.94, minPeriods: 20 },
  { method: 'ewma', lambda: 0.97, minPeriods: 20 },
  { method: 'ledoitWolf', target: 'constantVariance' },
  { method: 'ledoitWolf', target: 'constantCorrelation' },
  { method: 'oas' },
];

/** Input of {@link estimateEvaluate}. */
export const estimateEvaluateInputSchema = z.object({
  panel: z.discriminatedUnion('kind', [filePanelSchema, symbolsPanelSchema]),
  /** Forecast horizon h in periods (default 21); origins advance by h. */
  horizon: z.number().int().min(1).default(21),
  /** First training window (default 252, or half the data if shorter). */
  minObservations: z.number().int().min(2).optional(),
});

/** What callers pass to {@link estimateEvaluate}. */
export type EstimateEvaluateInput = z.input<typeof estimateEvaluateInputSchema>;

/** One covariance model's scores. */
export interface CovarianceEvaluationRow {
  readonly id: string;
  readonly meanQlike: number;
  readonly meanMse: number;
  readonly origins: number;
  readonly chosen: boolean;
}

/** The `estimate evaluate` document (the CLI's `--format json`). */
export interface EstimateEvaluateDocument {
  /** The data evaluated on: first and last date and number of periods of the panel. */
  readonly window: DataWindow;
  /** k of the panel, inferred from its dates. */
  readonly periodsPerYear: number;
  readonly horizon: number;
  readonly variance: {
    readonly rows: VarianceEvaluationRow[];
    readonly chosen: ({ readonly asset: string } & ModelSelection)[];
  };
  readonly covariance: {
    readonly rows: CovarianceEvaluationRow[];
    readonly selection: ModelSelection;
  };
  readonly warnings: readonly Warning[];
}

/** Runs the evaluation (see the module comment). */
export async function estimateEvaluate(
  raw: EstimateEvaluateInput,
  deps: AppDeps,
): Promise<EstimateEvaluateDocument> {
  const input = parseInput(estimateEvaluateInputSchema, raw);
  const panel = await loadReturnsPanel(input.panel, deps);
  const { table } = panel;
  const { horizon } = input;
  const minObservations =
    input.minObservations ?? Math.min(252, Math.floor(table.dates.length / 2));
  const periodsPerYear = inferPeriodsPerYear(table.dates);
  const walkForward = {
    horizon,
    step: horizon,
    window: { kind: 'expanding' as const, minObservations },
  };
  const origins = walkForwardOrigins(table.dates.length, walkForward).length;
  const task = deps.progress.start('walk-forward origins', origins * (table.ids.length + 1));
  const onOrigin = (): void => task.tick();
  try {
    const lambdas = periodsPerYear >= 252 ? [0.94, 0.97, 0.99] : [0.8, 0.9, 0.95];
    const report = evaluateVarianceForecasts(table, {
      walkForward,
      forecasters: defaultVarianceForecasters({ lambdas }),
      onOrigin,
    });
    const covariance = evaluateCovarianceForecasts(returnsMatrix(table), {
      walkForward,
      forecasters: COVARIANCE_CANDIDATES.map((m) => ({
        id: describeCovarianceMethod(m),
        label: describeCovarianceMethod(m),
        forecast: (w) => estimateCovariance(w, m).covariance,
      })),
      onOrigin,
    });
    return {
      window: windowOf(table.dates)!,
      periodsPerYear,
      horizon,
      variance: {
        rows: varianceEvaluationRows(report),
        chosen: report.assets.map((a) => ({ asset: a.asset, ...a.selection })),
      },
      covariance: {
        rows: covariance.models.map((m) => ({
          id: m.id,
          meanQlike: m.meanQlike,
          meanMse: m.meanMse,
          origins: m.count,
          chosen: m.id === covariance.selection.chosenId,
        })),
        selection: covariance.selection,
      },
      warnings: [...panel.warnings, ...report.warnings, ...covariance.warnings],
    };
  } finally {
    task.done();
  }
}

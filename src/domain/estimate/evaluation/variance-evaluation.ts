/**
 * Per-asset variance-forecast evaluation and model selection — what
 * `ballast estimate evaluate --returns FILE [--horizon 21]` runs: for each asset column a
 * walk-forward ({@link walkForwardVariance}) over the candidate forecasters, the model × loss
 * table, and the model chosen by mean QLIKE with its improvement over the baseline
 * ({@link selectModel}).
 */

import { defaultVarianceForecasters, type VarianceForecaster } from './forecasters.ts';
import { selectModel, type ModelSelection } from './select.ts';
import { walkForwardVariance, type VarianceWalkForward } from './univariate.ts';
import type { Warning } from '../../warnings.ts';
import type { WalkForwardOptions } from './walk-forward.ts';

/** Asset columns of per-period returns (an `AlignedTable` from `series/align-common` fits). */
export interface ReturnColumns {
  readonly ids: readonly string[];
  readonly columns: readonly Float64Array[];
}

/** Options of {@link evaluateVarianceForecasts}. */
export interface VarianceEvaluationOptions {
  readonly walkForward: WalkForwardOptions;
  /** Candidates (default {@link defaultVarianceForecasters}: sample, EWMA 0.94/0.97/0.99, GARCH). */
  readonly forecasters?: readonly VarianceForecaster[];
  /** Baseline model id (default `sample`). */
  readonly baselineId?: string;
  /** Hold-out share for the honest improvement (default 0.5). */
  readonly holdOutFraction?: number;
  /** Called once per asset and origin (progress reporting). */
  readonly onOrigin?: () => void;
}

/** One asset's walk-forward table and selection. */
export interface AssetVarianceEvaluation {
  readonly asset: string;
  readonly evaluation: VarianceWalkForward;
  readonly selection: ModelSelection;
}

/** The whole report: one entry per asset, in input order. */
export interface VarianceEvaluationReport {
  readonly horizon: number;
  readonly assets: readonly AssetVarianceEvaluation[];
  /** Each evaluation warning, its message prefixed with the asset id and `details.asset` set. */
  readonly warnings: readonly Warning[];
}

/** Runs the evaluation for every asset column (see the module note). */
export function evaluateVarianceForecasts(
  panel: ReturnColumns,
  options: VarianceEvaluationOptions,
): VarianceEvaluationReport {
  const forecasters = options.forecasters ?? defaultVarianceForecasters();
  const assets = panel.ids.map((asset, k): AssetVarianceEvaluation => {
    const evaluation = walkForwardVariance(panel.columns[k] ?? new Float64Array(0), {
      forecasters,
      walkForward: options.walkForward,
      ...(options.onOrigin === undefined ? {} : { onOrigin: options.onOrigin }),
    });
    const selection = selectModel(evaluation, {
      baselineId: options.baselineId ?? 'sample',
      ...(options.holdOutFraction === undefined
        ? {}
        : { holdOutFraction: options.holdOutFraction }),
    });
    return { asset, evaluation, selection };
  });
  return {
    horizon: options.walkForward.horizon,
    assets,
    warnings: assets.flatMap((a) =>
      a.evaluation.warnings.map((w) => ({
        code: w.code,
        message: `${a.asset}: ${w.message}`,
        details: { ...w.details, asset: a.asset },
      })),
    ),
  };
}

/** One printable row of the model × loss table. */
export interface VarianceEvaluationRow {
  readonly asset: string;
  readonly modelId: string;
  readonly label: string;
  readonly meanQlike: number;
  /** Mean QLIKE relative to the baseline's (< 1 = better than the baseline). */
  readonly relativeQlike: number;
  readonly meanMse: number;
  readonly origins: number;
  readonly failures: number;
  readonly chosen: boolean;
}

/** Flattens a report into rows (asset-major, models in candidate order) for tables and CSV. */
export function varianceEvaluationRows(report: VarianceEvaluationReport): VarianceEvaluationRow[] {
  return report.assets.flatMap(({ asset, evaluation, selection }) =>
    evaluation.models.map((m) => ({
      asset,
      modelId: m.id,
      label: m.label,
      meanQlike: m.meanQlike,
      relativeQlike: m.meanQlike / selection.baselineMeanQlike,
      meanMse: m.meanMse,
      origins: m.count,
      failures: m.failures,
      chosen: m.id === selection.chosenId,
    })),
  );
}

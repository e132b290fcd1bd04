/**
 * Model / parameter selection by mean QLIKE (docs/conventions.md: never pick parameters that
 * merely make estimated risk small). QLIKE is a consistent loss for the conditional variance
 * (Patton 2011), so its minimiser is the best forecast, not the smallest one — a forecaster
 * that halves the variance loses on QLIKE.
 *
 * Improvement against the baseline (the sample variance) is reported twice:
 * - over all scored origins, 1 − L̄_chosen/L̄_baseline — optimistic, because the model was
 *   chosen on those same origins;
 * - hold-out: choose on the earlier origins, score the choice on the later
 *   `holdOutFraction` of them — an honest out-of-sample estimate of the gain.
 */

import { invalidInput } from '../../errors.ts';
import type { EvaluationTable, ModelEvaluation } from './score.ts';

/** Options of {@link selectModel}. */
export interface SelectionOptions {
  /** Id of the reference model (e.g. `sample`). */
  readonly baselineId: string;
  /** Share of the latest origins held out for the honest check (default 0.5, in (0, 1)). */
  readonly holdOutFraction?: number;
}

/** The selection-honest improvement on the held-out origins. */
export interface HoldOutCheck {
  /** Model chosen on the earlier origins only. */
  readonly chosenId: string;
  /** Held-out origins scored. */
  readonly origins: number;
  readonly meanQlike: number;
  readonly baselineMeanQlike: number;
  /** 1 − meanQlike/baselineMeanQlike (negative when the choice did worse). */
  readonly qlikeImprovement: number;
}

/** The chosen model and its improvement against the baseline. */
export interface ModelSelection {
  readonly chosenId: string;
  readonly chosenLabel: string;
  readonly baselineId: string;
  readonly meanQlike: number;
  readonly baselineMeanQlike: number;
  /** 1 − L̄_chosen/L̄_baseline on all scored origins (≥ 0, optimistic). */
  readonly qlikeImprovement: number;
  /** 1 − MSE_chosen/MSE_baseline on all scored origins (may be negative). */
  readonly mseImprovement: number;
  /** Null when either part would have fewer than 2 origins. */
  readonly holdOut: HoldOutCheck | null;
}

function meanOver(values: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let k = from; k < to; k++) sum += values[k]!;
  return sum / (to - from);
}

const ratioGain = (model: number, baseline: number): number =>
  baseline > 0 ? 1 - model / baseline : 0;

function argmin(
  models: readonly ModelEvaluation[],
  score: (m: ModelEvaluation) => number,
): ModelEvaluation {
  let best: ModelEvaluation | undefined;
  for (const m of models)
    if (m.eligible && (best === undefined || score(m) < score(best))) best = m;
  return best ?? models[0]!;
}

/**
 * Chooses the eligible model with the lowest mean QLIKE (ties: the earlier model in the list).
 * Throws `INVALID_INPUT` when the baseline id is unknown or the baseline failed somewhere.
 */
export function selectModel(table: EvaluationTable, options: SelectionOptions): ModelSelection {
  const baseline = table.models.find((m) => m.id === options.baselineId);
  if (baseline === undefined || !baseline.eligible) {
    throw invalidInput(
      'baselineId',
      options.baselineId,
      'must name a model that forecast at every origin',
    );
  }
  const fraction = options.holdOutFraction ?? 0.5;
  if (!(fraction > 0 && fraction < 1))
    throw invalidInput('holdOutFraction', fraction, 'must be in (0, 1)');
  const chosen = argmin(table.models, (m) => m.meanQlike);
  const k = table.origins.length;
  const split = Math.floor(k * (1 - fraction));
  let holdOut: HoldOutCheck | null = null;
  if (split >= 2 && k - split >= 2) {
    const early = argmin(table.models, (m) => meanOver(m.qlikeByOrigin, 0, split));
    const meanQlike = meanOver(early.qlikeByOrigin, split, k);
    const baselineMeanQlike = meanOver(baseline.qlikeByOrigin, split, k);
    holdOut = {
      chosenId: early.id,
      origins: k - split,
      meanQlike,
      baselineMeanQlike,
      qlikeImprovement: ratioGain(meanQlike, baselineMeanQlike),
    };
  }
  return {
    chosenId: chosen.id,
    chosenLabel: chosen.label,
    baselineId: baseline.id,
    meanQlike: chosen.meanQlike,
    baselineMeanQlike: baseline.meanQlike,
    qlikeImprovement: ratioGain(chosen.meanQlike, baseline.meanQlike),
    mseImprovement: ratioGain(chosen.meanMse, baseline.meanMse),
    holdOut,
  };
}

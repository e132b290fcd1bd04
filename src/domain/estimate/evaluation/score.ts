/**
 * Turns per-origin forecast outcomes into the model × loss table shared by the univariate and
 * covariance evaluators. Policy (failure is data): a forecaster that throws a
 * `BallastError` at an origin records a {@link ForecastFailure}; a model with any failure is
 * shown but not eligible for selection; every model is scored on the same origins — those
 * where all eligible models produced a forecast — so the means are comparable.
 */

import { BallastError } from '../../errors.ts';
import { warning, type Warning } from '../../warnings.ts';

/** A forecast that could not be made (the run goes on). */
export interface ForecastFailure {
  readonly modelId: string;
  /** Index of the first forecast period (see `walkForwardOrigins`). */
  readonly origin: number;
  readonly code: string;
  readonly message: string;
}

/** What happened for one model at one origin: losses (already averaged over targets) or a failure. */
export type OriginOutcome =
  | { readonly ok: true; readonly qlike: number; readonly mse: number }
  | { readonly ok: false; readonly failure: ForecastFailure };

/** One row of the table: mean losses over the scored origins. */
export interface ModelEvaluation {
  readonly id: string;
  readonly label: string;
  /** Mean QLIKE over the scored origins where this model forecast (dimensionless). */
  readonly meanQlike: number;
  /** Mean squared error on the h-period variance scale (decimal⁴; compare within a horizon only). */
  readonly meanMse: number;
  /** Scored origins with a forecast from this model. */
  readonly count: number;
  /** Origins where this model failed. */
  readonly failures: number;
  /** False when the model failed anywhere: it is reported but never selected. */
  readonly eligible: boolean;
  /** QLIKE per scored origin (NaN where this model failed). */
  readonly qlikeByOrigin: Float64Array;
  readonly mseByOrigin: Float64Array;
}

/** The model × loss table of one walk-forward run. */
export interface EvaluationTable {
  readonly horizon: number;
  /** Scored origins (indices of the first forecast period), ascending. */
  readonly origins: readonly number[];
  readonly models: readonly ModelEvaluation[];
  readonly failures: readonly ForecastFailure[];
  /** Origins left out because the realised variance was 0 (QLIKE undefined). */
  readonly skippedOrigins: number;
  /** `FORECAST_MODEL_FAILED` per model that failed at some origin (details: model, failures, origins). */
  readonly warnings: readonly Warning[];
}

/** Inputs of {@link tabulate}: `outcomes[m][k]` is model m at `origins[k]`. */
export interface TabulateInput {
  readonly horizon: number;
  readonly models: readonly { readonly id: string; readonly label: string }[];
  readonly origins: readonly number[];
  readonly outcomes: readonly (readonly OriginOutcome[])[];
  readonly skippedOrigins: number;
}

function mean(values: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (const v of values) if (!Number.isNaN(v)) [sum, count] = [sum + v, count + 1];
  return count === 0 ? NaN : sum / count;
}

/**
 * Builds the table (see the module note). Throws `INSUFFICIENT_DATA` when no origin is left
 * or every model failed somewhere.
 */
export function tabulate(input: TabulateInput): EvaluationTable {
  const failures = input.outcomes.flatMap((row) => row.flatMap((o) => (o.ok ? [] : [o.failure])));
  const eligible = input.outcomes.map((row) => row.every((o) => o.ok));
  if (!eligible.some(Boolean) || input.origins.length === 0) {
    throw new BallastError(
      'INSUFFICIENT_DATA',
      `forecast evaluation has no usable origin${failures[0] ? ` (e.g. ${failures[0].modelId}: ${failures[0].message})` : ''}`,
      { origins: input.origins.length, failures: failures.length },
    );
  }
  const kept = input.origins.map((_, k) => k);
  const warnings: Warning[] = [];
  const models = input.models.map((model, m): ModelEvaluation => {
    const row = input.outcomes[m] ?? [];
    const qlikeByOrigin = Float64Array.from(kept, (k) => {
      const o = row[k];
      return o?.ok ? o.qlike : NaN;
    });
    const mseByOrigin = Float64Array.from(kept, (k) => {
      const o = row[k];
      return o?.ok ? o.mse : NaN;
    });
    const failed = row.filter((o) => !o.ok).length;
    if (failed > 0) {
      const first = row.find((o) => !o.ok);
      const why = first && !first.ok ? first.failure.message : '';
      warnings.push(
        warning(
          'FORECAST_MODEL_FAILED',
          `${model.label} failed at ${failed} of ${row.length} origins (${why}); excluded from selection`,
          { model: model.id, failures: failed, origins: row.length },
        ),
      );
    }
    return {
      id: model.id,
      label: model.label,
      meanQlike: mean(qlikeByOrigin),
      meanMse: mean(mseByOrigin),
      count: row.length - failed,
      failures: failed,
      eligible: eligible[m] ?? false,
      qlikeByOrigin,
      mseByOrigin,
    };
  });
  return {
    horizon: input.horizon,
    origins: input.origins,
    models,
    failures,
    skippedOrigins: input.skippedOrigins,
    warnings,
  };
}

/** Runs `forecast` and turns a thrown `BallastError` or a non-positive result into a failure. */
export function attempt(
  context: { readonly modelId: string; readonly origin: number },
  forecast: () => number,
):
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly failure: ForecastFailure } {
  try {
    const value = forecast();
    if (value > 0 && Number.isFinite(value)) return { ok: true, value };
    return {
      ok: false,
      failure: {
        ...context,
        code: 'SOLVER_FAILED',
        message: `forecast variance ${value} is not a finite positive number`,
      },
    };
  } catch (e) {
    if (!(e instanceof BallastError)) throw e;
    return { ok: false, failure: { ...context, code: e.code, message: e.message } };
  }
}

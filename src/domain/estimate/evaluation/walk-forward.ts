/**
 * Walk-forward origins (docs/conventions.md, "Forecast evaluation"). Returns are indexed 0 … T−1. At an
 * origin o the forecaster sees only returns [trainStart, o) — no look-ahead — and forecasts the
 * variance of the sum of returns [o, o + h). Origins advance by a fixed `step` from the first
 * one until the target window would run past the data. Steps shorter than h give overlapping
 * targets (fine for mean losses; serial correlation of the losses then matters for tests).
 *
 * Training windows: `expanding` (all returns from 0, at least `minObservations` of them) or
 * `rolling` (the last `length` returns).
 */

import { BallastError, invalidInput } from '../../errors.ts';

/** How much history each origin trains on. */
export type TrainingWindow =
  | { readonly kind: 'expanding'; readonly minObservations: number }
  | { readonly kind: 'rolling'; readonly length: number };

/** Walk-forward design shared by the univariate and covariance evaluators. */
export interface WalkForwardOptions {
  /** Forecast horizon h in periods of the data (1, 5, 21 for daily data). */
  readonly horizon: number;
  /** Periods between consecutive origins (e.g. h for non-overlapping targets). */
  readonly step: number;
  readonly window: TrainingWindow;
}

/** One forecast origin: train on [trainStart, origin), forecast [origin, origin + h). */
export interface Origin {
  readonly trainStart: number;
  readonly origin: number;
}

function positiveInteger(field: string, value: number): void {
  if (!Number.isInteger(value) || value < 1)
    throw invalidInput(field, value, 'must be an integer ≥ 1');
}

/**
 * The origins for a series of `length` returns. Throws `INVALID_INPUT` for a bad design and
 * `INSUFFICIENT_DATA` when not even one origin fits.
 */
export function walkForwardOrigins(length: number, options: WalkForwardOptions): Origin[] {
  positiveInteger('horizon', options.horizon);
  positiveInteger('step', options.step);
  const w = options.window;
  const first = w.kind === 'expanding' ? w.minObservations : w.length;
  positiveInteger(w.kind === 'expanding' ? 'window.minObservations' : 'window.length', first);
  const origins: Origin[] = [];
  for (let o = first; o + options.horizon <= length; o += options.step) {
    origins.push({ trainStart: w.kind === 'expanding' ? 0 : o - w.length, origin: o });
  }
  if (origins.length === 0) {
    throw new BallastError(
      'INSUFFICIENT_DATA',
      `walk-forward needs at least ${first + options.horizon} returns (training ${first} + horizon ${options.horizon}), got ${length}`,
      { observations: length, required: first + options.horizon },
    );
  }
  return origins;
}

/**
 * Use case `regimes`: calm and stressed regimes of one return series — a two-state Markov
 * switching model fitted by EM (Hamilton 1989; Kim smoother), or a volatility threshold (rolling
 * volatility above a quantile of itself) — and the volatility and correlation of every column of
 * the file in each regime, on the dates all columns share (docs/conventions.md, "Risk and
 * performance measures"). Figures are per period of the file; ratios rounded to 12 significant
 * digits in the correlation matrices.
 *
 * @example
 * ```ts
 * const doc = regimes({ returns: { path: 'daily.csv' }, column: 'SPY' });
 * doc.current.stressedProbability; // on the last date of SPY
 * ```
 */

import * as z from 'zod';
import { BallastError } from '../domain/errors.ts';
import { alignCommon } from '../domain/series/align-common.ts';
import {
  detectRegimes,
  regimeCovariance,
  type RegimeDetection,
  type RegimeMoments,
  type RegimeStats,
} from '../domain/stress/regimes.ts';
import { parseReturnsFileCsv } from '../data/providers/csv-file.ts';
import { parseInput } from './input.ts';
import { roundFine } from './rounding.ts';
import { readSource, textSourceSchema } from './sources.ts';

/** Input of {@link regimes}. */
export const regimesInputSchema = z.object({
  /** Returns CSV `date,A,B,…` (decimal simple returns). */
  returns: textSourceSchema,
  /** The series whose regimes are detected (case-insensitive column name). */
  column: z.string().trim().min(1),
  /** `markov` (default) or `threshold`. */
  model: z.enum(['markov', 'threshold']).default('markov'),
  /** Threshold model: rolling window in periods (default 21). */
  window: z.number().int().min(2).default(21),
  /** Threshold model: the quantile of rolling volatility above which a period is stressed (default 0.8). */
  quantile: z.number().gt(0).lt(1).default(0.8),
});

/** What callers pass to {@link regimes}. */
export type RegimesInput = z.input<typeof regimesInputSchema>;

/** Regime statistics of the file's columns, rounded to 12 significant digits. */
export interface RegimeStatsDocument {
  readonly count: number;
  readonly means: readonly number[];
  readonly vols: readonly number[];
  readonly covariance: readonly (readonly number[])[];
  readonly correlation: readonly (readonly (number | null)[])[];
}

/** The fitted model: Markov-switching parameters, or the volatility threshold. */
export type RegimeParameters =
  | {
      readonly means: readonly number[];
      readonly vols: readonly number[];
      readonly transition: readonly (readonly number[])[];
      readonly initial: readonly number[];
      readonly expectedDurations: readonly number[];
      readonly ergodic: readonly number[];
      readonly logLikelihood: number;
      readonly iterations: number;
      readonly converged: boolean;
    }
  | { readonly value: number; readonly window: number; readonly quantile: number };

/** The `regimes` document (the CLI's `--format json`). */
export interface RegimesDocument {
  readonly column: string;
  readonly model: 'markov' | 'threshold';
  readonly periods: number;
  readonly parameters: RegimeParameters;
  readonly calm: RegimeMoments;
  readonly stressed: RegimeMoments;
  readonly current: { readonly date: string; readonly stressedProbability: number };
  /** Stressed probability per date of the column (threshold: 0 or 1; null = unknown). */
  readonly probabilities: readonly { readonly date: string; readonly stressed: number | null }[];
  readonly correlationRegimes: {
    readonly columns: readonly string[];
    readonly calm: RegimeStatsDocument;
    readonly stressed: RegimeStatsDocument;
  };
}

function parameters(d: RegimeDetection): RegimeParameters {
  if (d.markov) {
    const f = d.markov;
    return {
      means: f.params.means,
      vols: f.params.vols,
      transition: f.params.transition,
      initial: f.params.initial,
      expectedDurations: f.expectedDurations,
      ergodic: f.ergodic,
      logLikelihood: f.logLikelihood,
      iterations: f.iterations,
      converged: f.converged,
    };
  }
  return { ...d.threshold! };
}

function statsDocument(s: RegimeStats): RegimeStatsDocument {
  const r = (x: number | null): number | null => (x === null ? null : roundFine(x));
  return {
    count: s.count,
    means: s.means.map(roundFine),
    vols: s.vols.map(roundFine),
    covariance: s.covariance.map((row) => row.map(roundFine)),
    correlation: s.correlation.map((row) => row.map(r)),
  };
}

/** Regimes of a return series (see the module comment). */
export function regimes(raw: RegimesInput): RegimesDocument {
  const input = parseInput(regimesInputSchema, raw);
  const { text, name } = readSource(input.returns, 'returns');
  const file = parseReturnsFileCsv(text, name);
  const column = file.columns.find((c) => c.toLowerCase() === input.column.toLowerCase());
  if (column === undefined)
    throw new BallastError(
      'NOT_FOUND',
      `column: no column "${input.column}" in ${name} (columns: ${file.columns.join(', ')})`,
      { field: 'column', value: input.column },
    );
  const series = file.seriesByColumn.get(column)!;
  const detection = detectRegimes(
    Float64Array.from(series, (p) => p.value),
    input.model === 'markov'
      ? { model: 'markov' }
      : { model: 'threshold', window: input.window, quantile: input.quantile },
  );
  const regimeByDate = new Map(series.map((p, t) => [p.date, detection.stressed[t] ?? null]));
  const aligned = alignCommon(
    file.columns.map((id) => ({ id, series: file.seriesByColumn.get(id)! })),
  );
  const { calm, stressed } = regimeCovariance(
    aligned.columns,
    aligned.dates.map((d) => regimeByDate.get(d) ?? null),
  );
  return {
    column,
    model: detection.model,
    periods: series.length,
    parameters: parameters(detection),
    calm: detection.calm,
    stressed: detection.stressedRegime,
    current: {
      date: series.at(-1)!.date,
      stressedProbability: detection.currentStressedProbability,
    },
    probabilities: series.map((p, t) => ({
      date: p.date,
      stressed: detection.stressedProbability[t] ?? null,
    })),
    correlationRegimes: {
      columns: aligned.ids,
      calm: statsDocument(calm),
      stressed: statsDocument(stressed),
    },
  };
}

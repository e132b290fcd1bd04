/**
 * The benchmark-relative part of the metric set: the two series are joined on the dates both
 * have (no filling), then beta, Jensen's alpha, tracking error, information ratio and capture
 * ratios are computed on the joined periods (conventions in `benchmark-relative.ts`).
 */

import { BallastError } from '../errors.ts';
import type { ReturnSeries } from '../series/types.ts';
import {
  beta,
  captureRatios,
  informationRatio,
  jensenAlpha,
  trackingError,
} from './benchmark-relative.ts';

/** Benchmark-relative metrics of the CLI contract; all null without a benchmark. */
export interface BenchmarkMetrics {
  readonly beta: number | null;
  readonly alpha: number | null;
  readonly trackingError: number | null;
  readonly informationRatio: number | null;
  readonly upCapture: number | null;
  readonly downCapture: number | null;
}

const NONE: BenchmarkMetrics = {
  beta: null,
  alpha: null,
  trackingError: null,
  informationRatio: null,
  upCapture: null,
  downCapture: null,
};

/** Whether two series have the same dates in the same order (then no join is needed). */
export function sameDates(a: ReturnSeries, b: ReturnSeries): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.date !== b[i]!.date) return false;
  return true;
}

/** Inner join of two dated series: the values of both on their common dates, in order. */
export function joinOnDates(
  returns: ReturnSeries,
  benchmark: ReturnSeries,
): { returns: Float64Array; benchmark: Float64Array } {
  if (sameDates(returns, benchmark)) {
    const r = new Float64Array(returns.length);
    const b = new Float64Array(returns.length);
    for (let i = 0; i < r.length; i++) {
      r[i] = returns[i]!.value;
      b[i] = benchmark[i]!.value;
    }
    return { returns: r, benchmark: b };
  }
  const byDate = new Map(benchmark.map((p) => [p.date, p.value]));
  const r: number[] = [];
  const b: number[] = [];
  for (const p of returns) {
    const v = byDate.get(p.date);
    if (v === undefined) continue;
    r.push(p.value);
    b.push(v);
  }
  return { returns: Float64Array.from(r), benchmark: Float64Array.from(b) };
}

/**
 * Relative metrics of `returns` against `options.benchmark` (nulls when absent). Throws
 * `INSUFFICIENT_DATA` when the series share fewer than 2 dates.
 */
export function benchmarkMetrics(
  returns: ReturnSeries,
  options: {
    readonly benchmark?: ReturnSeries;
    readonly periodsPerYear: number;
    readonly riskFreePerPeriod: number;
  },
): { periods: number; metrics: BenchmarkMetrics } {
  if (options.benchmark === undefined) return { periods: 0, metrics: NONE };
  const input = joinOnDates(returns, options.benchmark);
  const n = input.returns.length;
  if (n < 2)
    throw new BallastError(
      'INSUFFICIENT_DATA',
      `benchmark: only ${n} dates in common with the returns`,
      {
        field: 'benchmark',
        periods: n,
      },
    );
  const k = options.periodsPerYear;
  const te = trackingError(input, k);
  return {
    periods: n,
    metrics: {
      beta: beta(input),
      alpha: jensenAlpha(input, {
        periodsPerYear: k,
        riskFreePerPeriod: options.riskFreePerPeriod,
      }),
      trackingError: te,
      informationRatio: informationRatio(input, k),
      ...captureRatios(input),
    },
  };
}

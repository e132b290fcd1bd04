/**
 * The `rolling` block of `analyze`: trailing-window return, volatility, Sharpe, maximum
 * drawdown and (with a benchmark) beta of the analysed series, from `domain/analytics/rolling`
 * with the same conventions as the whole-sample metrics. Point j is dated at the last period of
 * its window. With a benchmark every rolling measure uses the dates both series share.
 */

import { riskFreePerPeriod } from '../domain/analytics/annualize.ts';
import {
  rollingBeta,
  rollingMaxDrawdown,
  rollingReturn,
  rollingSharpe,
  rollingVolatility,
} from '../domain/analytics/rolling.ts';
import { invalidInput } from '../domain/errors.ts';
import { alignCommon } from '../domain/series/align-common.ts';
import type { ReturnSeries } from '../domain/series/types.ts';
import type { ChartOption } from '../report/chart-style.ts';
import { rollingMetricsOption } from '../report/rolling.ts';

/** One window's measures; `null` where a measure is undefined (zero variance). */
export interface RollingPoint {
  readonly date: string;
  /** Π(1 + r) − 1 over the window, not annualised. */
  readonly return: number;
  /** Sample sd × √k. */
  readonly volatility: number;
  readonly sharpe: number | null;
  readonly maxDrawdown: number;
  readonly beta?: number | null;
}

/** The `rolling` block of the `analyze` document. */
export interface RollingReport {
  readonly window: number;
  readonly conventions: Record<string, string>;
  readonly points: RollingPoint[];
}

/** Inputs of {@link rollingReport}. */
export interface RollingInput {
  readonly series: ReturnSeries;
  readonly benchmark?: ReturnSeries | undefined;
  /** Window N in periods (≥ 2, at most the number of periods). */
  readonly window: number;
  readonly periodsPerYear: number;
  readonly riskFreeRateAnnual: number;
}

const ROLLING_CONVENTIONS = {
  return: 'compounded return over the window, Π(1 + r) − 1, not annualised',
  volatility: 'sample standard deviation (n − 1) of the window × √periodsPerYear',
  sharpe: '(mean − rf per period) / sample stdev × √periodsPerYear; null on zero variance',
  maxDrawdown: 'largest peak-to-trough fall of the window’s wealth path, including its start',
  beta: 'cov(r, benchmark) / var(benchmark) over the window (dates both share)',
};

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Rolling measures of `input.series` (module comment). Throws INVALID_INPUT (field
 * `rollingWindow`) when the window is longer than the periods.
 */
export function rollingReport(input: RollingInput): RollingReport {
  const aligned = input.benchmark
    ? alignCommon([
        { id: 'series', series: input.series },
        { id: 'benchmark', series: input.benchmark },
      ])
    : undefined;
  const dates = aligned ? aligned.dates : input.series.map((p) => p.date);
  const r = aligned ? aligned.columns[0]! : Float64Array.from(input.series, (p) => p.value);
  const b = aligned?.columns[1];
  if (input.window > r.length)
    throw invalidInput('rollingWindow', input.window, `is longer than the ${r.length} periods`);
  const options = {
    window: input.window,
    periodsPerYear: input.periodsPerYear,
    riskFreePerPeriod: riskFreePerPeriod(input.riskFreeRateAnnual, input.periodsPerYear),
  };
  const ret = rollingReturn(r, options);
  const vol = rollingVolatility(r, options);
  const sharpe = rollingSharpe(r, options);
  const mdd = rollingMaxDrawdown(r, options);
  const beta = b ? rollingBeta({ returns: r, benchmark: b }, options) : undefined;
  return {
    window: input.window,
    conventions: { ...ROLLING_CONVENTIONS },
    points: [...ret].map((value, j) => ({
      date: dates[j + input.window - 1]!,
      return: value,
      volatility: vol[j]!,
      sharpe: finite(sharpe[j]!),
      maxDrawdown: mdd[j]!,
      ...(beta ? { beta: finite(beta[j]!) } : {}),
    })),
  };
}

/** The rolling-metrics chart of the same input (`report/rolling`), series named for the legend. */
export function rollingChart(
  input: RollingInput & { readonly name: string; readonly benchmarkName?: string | undefined },
): ChartOption {
  return rollingMetricsOption({
    series: { name: input.name, returns: input.series },
    ...(input.benchmark
      ? { benchmark: { name: input.benchmarkName ?? 'Benchmark', returns: input.benchmark } }
      : {}),
    window: input.window,
    periodsPerYear: input.periodsPerYear,
    riskFreePerPeriod: riskFreePerPeriod(input.riskFreeRateAnnual, input.periodsPerYear),
  });
}

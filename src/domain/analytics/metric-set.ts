/**
 * The full metric set of `ballast analyze` over one dated per-period simple return series
 *. Every number follows {@link METRIC_CONVENTIONS}; undefined values
 * (zero variance, no benchmark, too few points for a moment) are null, never NaN or ∞.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { BallastError } from '../errors.ts';
import type { ReturnSeries } from '../series/types.ts';
import { warning, type Warning } from '../warnings.ts';
import {
  annualizedReturn,
  annualizedVolatility,
  riskFreePerPeriod,
  totalReturn,
} from './annualize.ts';
import { benchmarkMetrics, sameDates, type BenchmarkMetrics } from './metric-set-benchmark.ts';
import { METRIC_CONVENTIONS } from './conventions.ts';
import { maxDrawdown, ulcerIndex, valuesFromReturns } from './drawdown.ts';
import { droppedDatesWarning } from './dropped-dates.ts';
import { excessKurtosis, skewness, type MomentConvention } from './moments.ts';
import { bestWorst, hitRate } from './period-stats.ts';
import { calmarRatio, downsideDeviation, omegaRatio, sharpeRatio, sortinoRatio } from './ratios.ts';
import {
  cvarCornishFisher,
  cvarGaussian,
  cvarHistorical,
  varCornishFisher,
  varGaussian,
  varHistorical,
} from './value-at-risk.ts';

/** Options of {@link computeMetrics}. */
export interface MetricOptions {
  /** k (252, 52, 12, 4, 1): required, never guessed. */
  readonly periodsPerYear: number;
  /** Annual risk-free rate as a decimal (default 0), converted per period geometrically. */
  readonly riskFreeRateAnnual?: number;
  /** VaR/CVaR confidence α in (0, 1) (default 0.95). */
  readonly confidence?: number;
  /** Benchmark returns; relative metrics use the dates both series have. */
  readonly benchmark?: ReturnSeries;
  /** Sortino MAR per period (default: the per-period risk-free rate). */
  readonly minimumAcceptableReturn?: number;
  /** Omega threshold per period (default 0). */
  readonly omegaThreshold?: number;
  /** Skewness / kurtosis estimator (default `sampleAdjusted`). */
  readonly moments?: MomentConvention;
}

/** The `metrics` object of the CLI contract (per-period figures unless named annualised). */
export interface MetricSet extends BenchmarkMetrics {
  readonly totalReturn: number;
  readonly annualizedReturn: number;
  readonly annualizedVolatility: number;
  readonly sharpe: number | null;
  readonly sortino: number | null;
  readonly downsideDeviation: number;
  readonly calmar: number | null;
  readonly omega: number | null;
  readonly ulcerIndex: number;
  readonly maxDrawdown: number;
  /** The peak's date, the string `start` when the peak is the start value, null without drawdown. */
  readonly maxDrawdownPeak: IsoDate | null;
  readonly maxDrawdownTrough: IsoDate | null;
  readonly maxDrawdownRecovery: IsoDate | null;
  readonly varHistorical: number;
  readonly cvarHistorical: number;
  readonly varGaussian: number;
  readonly varCornishFisher: number;
  readonly cvarCornishFisher: number;
  readonly skewness: number | null;
  readonly excessKurtosis: number | null;
}

/** Figures beyond the CLI contract, same conventions. */
export interface SupplementaryMetrics {
  readonly ulcerPerformanceIndex: number | null;
  readonly cvarGaussian: number;
  readonly hitRate: number;
  readonly bestPeriod: { readonly date: IsoDate; readonly value: number };
  readonly worstPeriod: { readonly date: IsoDate; readonly value: number };
  readonly maxDrawdownDurationPeriods: number;
  readonly riskFreePerPeriod: number;
}

/** Result of {@link computeMetrics}. */
export interface MetricReport {
  readonly periods: number;
  /** Periods shared with the benchmark (0 without one). */
  readonly benchmarkPeriods: number;
  readonly metrics: MetricSet;
  readonly supplementary: SupplementaryMetrics;
  readonly conventions: typeof METRIC_CONVENTIONS;
  /** `DATES_DROPPED` when the benchmark lacks some dates of the series (relative metrics only). */
  readonly warnings: readonly Warning[];
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The warning when the benchmark-relative metrics use fewer dates than the series has. */
function benchmarkWarnings(returns: ReturnSeries, benchmark: ReturnSeries | undefined): Warning[] {
  if (benchmark === undefined || sameDates(returns, benchmark)) return [];
  const has = new Set(benchmark.map((p) => p.date));
  const dates = returns.map((p) => p.date);
  const w = droppedDatesWarning({
    field: 'benchmark',
    subject: 'benchmark-relative metrics',
    dates,
    kept: dates.filter((d) => has.has(d)),
    why: 'the benchmark has no return on them; the other metrics use every date',
  });
  return w ? [w] : [];
}

/**
 * The warning when the series covers less than a year (n < k periods): the annualised figures
 * (return, volatility, ratios) extrapolate it, as PerformanceAnalytics does, while a
 * performance report of such a window states the window's own return instead
 * (docs/conventions.md, "Measures").
 */
function shortWindowWarnings(periods: number, k: number): Warning[] {
  if (periods >= k) return [];
  return [
    warning(
      'ANNUALISED_UNDER_A_YEAR',
      `returns: ${periods} periods at ${k} a year cover less than a year; the annualised figures extrapolate them (totalReturn is the window's own return)`,
      { field: 'returns', periods, periodsPerYear: k },
    ),
  ];
}

/**
 * Computes the metric set of `returns` (ascending dates, simple returns, no gaps filled).
 * Throws `INSUFFICIENT_DATA` for fewer than 2 periods and `INVALID_INPUT` for a bad k or α.
 */
export function computeMetrics(returns: ReturnSeries, options: MetricOptions): MetricReport {
  if (returns.length < 2)
    throw new BallastError(
      'INSUFFICIENT_DATA',
      `returns: need at least 2 periods, got ${returns.length}`,
      {
        field: 'returns',
        periods: returns.length,
      },
    );
  const k = options.periodsPerYear;
  const r = Float64Array.from(returns, (p) => p.value);
  const dates = returns.map((p) => p.date);
  const rf = riskFreePerPeriod(options.riskFreeRateAnnual ?? 0, k);
  const confidence = options.confidence ?? 0.95;
  const moments = options.moments ?? 'sampleAdjusted';
  const values = valuesFromReturns(r);
  const dd = maxDrawdown(values);
  const dateOf = (index: number | null): IsoDate | null =>
    index === null ? null : (dates[index - 1] ?? null);
  const annual = annualizedReturn(r, k);
  const ulcer = ulcerIndex(values);
  const extremes = bestWorst(r)!;
  const relative = benchmarkMetrics(returns, { ...options, riskFreePerPeriod: rf });
  const metrics: MetricSet = {
    totalReturn: totalReturn(r),
    annualizedReturn: annual,
    annualizedVolatility: annualizedVolatility(r, k),
    sharpe: sharpeRatio(r, { periodsPerYear: k, riskFreePerPeriod: rf }),
    sortino: sortinoRatio(r, {
      periodsPerYear: k,
      riskFreePerPeriod: rf,
      minimumAcceptableReturn: options.minimumAcceptableReturn ?? rf,
    }),
    downsideDeviation: downsideDeviation(r, options.minimumAcceptableReturn ?? rf),
    calmar: calmarRatio(annual, dd?.depth ?? 0),
    omega: omegaRatio(r, options.omegaThreshold ?? 0),
    ulcerIndex: ulcer,
    maxDrawdown: dd?.depth ?? 0,
    maxDrawdownPeak: dd === null ? null : dd.peakIndex === 0 ? 'start' : dateOf(dd.peakIndex),
    maxDrawdownTrough: dd === null ? null : dateOf(dd.troughIndex),
    maxDrawdownRecovery: dd === null ? null : dateOf(dd.recoveryIndex),
    varHistorical: varHistorical(r, confidence),
    cvarHistorical: cvarHistorical(r, confidence),
    varGaussian: varGaussian(r, confidence),
    varCornishFisher: varCornishFisher(r, { confidence }),
    cvarCornishFisher: cvarCornishFisher(r, { confidence }),
    skewness: finite(skewness(r, moments)),
    excessKurtosis: finite(excessKurtosis(r, moments)),
    ...relative.metrics,
  };
  const rfAnnual = (1 + rf) ** k - 1;
  return {
    periods: r.length,
    benchmarkPeriods: relative.periods,
    metrics,
    supplementary: {
      ulcerPerformanceIndex: ulcer > 0 ? (annual - rfAnnual) / ulcer : null,
      cvarGaussian: cvarGaussian(r, confidence),
      hitRate: hitRate(r),
      bestPeriod: { date: dates[extremes.best.index]!, value: extremes.best.value },
      worstPeriod: { date: dates[extremes.worst.index]!, value: extremes.worst.value },
      maxDrawdownDurationPeriods: dd?.durationPeriods ?? 0,
      riskFreePerPeriod: rf,
    },
    conventions: METRIC_CONVENTIONS,
    warnings: [
      ...shortWindowWarnings(r.length, k),
      ...benchmarkWarnings(returns, options.benchmark),
    ],
  };
}

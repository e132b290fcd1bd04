/**
 * `ballast analyze --rolling N`: trailing-window return, volatility, Sharpe, maximum drawdown
 * and (with `--benchmark`) beta of the analysed series, from `domain/analytics/rolling` with the
 * same conventions as the whole-sample metrics. Point j is dated at the last period of its
 * window. With a benchmark every rolling measure uses the dates both series share.
 */

import { riskFreePerPeriod } from '../../domain/analytics/annualize.ts';
import {
  rollingBeta,
  rollingMaxDrawdown,
  rollingReturn,
  rollingSharpe,
  rollingVolatility,
} from '../../domain/analytics/rolling.ts';
import { invalidInput } from '../../domain/errors.ts';
import { alignCommon } from '../../domain/series/align-common.ts';
import type { ReturnSeries } from '../../domain/series/types.ts';
import { rollingMetricsOption } from '../../report/rolling.ts';
import { describeWrittenChart, writeChartFile } from '../format/chart-file.ts';
import { renderTable } from '../format/table.ts';
import type { Io } from '../io.ts';

/** One window's measures; `null` where a measure is undefined (zero variance). */
export interface RollingPoint {
  readonly date: string;
  readonly return: number;
  readonly volatility: number;
  readonly sharpe: number | null;
  readonly maxDrawdown: number;
  readonly beta?: number | null;
}

/** The `rolling` block of `analyze --format json`. */
export interface RollingReport {
  readonly window: number;
  readonly conventions: Record<string, string>;
  readonly points: RollingPoint[];
}

/** Inputs of {@link rollingReport}. */
export interface RollingInput {
  readonly series: ReturnSeries;
  readonly benchmark?: ReturnSeries | undefined;
  readonly window: number;
  readonly periodsPerYear: number;
  readonly riskFreeRateAnnual: number;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Parses `--rolling N`: an integer window ≥ 2 (INVALID_INPUT naming the flag otherwise). */
export function rollingWindowOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2)
    throw invalidInput('--rolling', value, 'must be an integer ≥ 2');
  return n;
}

/** Rolling measures of `input.series` (see the module comment). */
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
    throw invalidInput('--rolling', input.window, `is longer than the ${r.length} periods`);
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
    conventions: {
      return: 'compounded return over the window, Π(1 + r) − 1, not annualised',
      volatility: 'sample standard deviation (n − 1) of the window × √periodsPerYear',
      sharpe: '(mean − rf per period) / sample stdev × √periodsPerYear; null on zero variance',
      maxDrawdown: 'largest peak-to-trough fall of the window’s wealth path, including its start',
      beta: 'cov(r, benchmark) / var(benchmark) over the window (dates both share)',
    },
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

/** Writes the rolling-metrics chart (`--rolling-chart FILE.svg|.png`). */
export async function writeRollingChart(
  path: string,
  input: RollingInput & { name: string; benchmarkName?: string | undefined },
  io: Io,
): Promise<void> {
  const option = rollingMetricsOption({
    series: { name: input.name, returns: input.series },
    ...(input.benchmark
      ? { benchmark: { name: input.benchmarkName ?? 'Benchmark', returns: input.benchmark } }
      : {}),
    window: input.window,
    periodsPerYear: input.periodsPerYear,
    riskFreePerPeriod: riskFreePerPeriod(input.riskFreeRateAnnual, input.periodsPerYear),
  });
  io.err(describeWrittenChart(await writeChartFile(path, option)));
}

/** Table of each rolling measure's last, lowest and highest window value (dates included). */
export function renderRollingSummary(report: RollingReport): string {
  const keys = ['return', 'volatility', 'sharpe', 'maxDrawdown', 'beta'] as const;
  const rows = keys.flatMap((key) => {
    const values = report.points
      .map((p) => ({ date: p.date, value: p[key] }))
      .filter((v): v is { date: string; value: number } => typeof v.value === 'number');
    if (values.length === 0) return [];
    const low = values.reduce((a, b) => (b.value < a.value ? b : a));
    const high = values.reduce((a, b) => (b.value > a.value ? b : a));
    const last = values.at(-1)!;
    return [{ key, last, low, high }];
  });
  const cell = (v: { date: string; value: number }): string =>
    `${v.value.toPrecision(4)} (${v.date})`;
  return renderTable(rows, [
    { title: `Rolling ${report.window}`, value: (r) => r.key },
    { title: 'Last', value: (r) => cell(r.last), align: 'right' },
    { title: 'Lowest', value: (r) => cell(r.low), align: 'right' },
    { title: 'Highest', value: (r) => cell(r.high), align: 'right' },
  ]);
}

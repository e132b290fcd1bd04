/**
 * Rolling (trailing-window) metrics from `domain/analytics/rolling`: compounded window return
 * and annualised volatility (top grid, percent), annualised Sharpe and — with a benchmark —
 * beta (bottom grid, plain numbers). Entry j belongs to the date of period j + N − 1. With a
 * benchmark every measure uses the dates both series share (nothing filled). Windows with an
 * undefined Sharpe or beta (zero variance) are gaps, not zeros.
 */

import type { IsoDate } from '../domain/calendar/iso-date.ts';
import { invalidInput } from '../domain/errors.ts';
import {
  rollingBeta,
  rollingReturn,
  rollingSharpe,
  rollingVolatility,
} from '../domain/analytics/rolling.ts';
import { alignCommon } from '../domain/series/align-common.ts';
import {
  asPercent,
  baseOption,
  dateLine,
  paletteColor,
  timeAxis,
  valueAxis,
  type ChartOption,
} from './chart-style.ts';
import type { NamedReturns } from './wealth-paths.ts';

/** Input of {@link rollingMetricsOption}. */
export interface RollingChartInput {
  readonly series: NamedReturns;
  readonly benchmark?: NamedReturns;
  /** Window N in periods (≥ 2, at most the number of periods). */
  readonly window: number;
  /** Periods per year k used to annualise volatility and Sharpe. */
  readonly periodsPerYear: number;
  /** Per-period risk-free rate for the Sharpe ratio (default 0). */
  readonly riskFreePerPeriod?: number;
}

const finiteOrNull = (x: number): number | null =>
  Number.isFinite(x) ? Number(x.toPrecision(6)) : null;

/** Rolling return / volatility (top) and Sharpe / beta (bottom) on two stacked grids. */
export function rollingMetricsOption(input: RollingChartInput): ChartOption {
  const table = alignCommon([
    { id: input.series.name, series: input.series.returns },
    ...(input.benchmark
      ? [{ id: `${input.benchmark.name} (benchmark)`, series: input.benchmark.returns }]
      : []),
  ]);
  const n = table.dates.length;
  if (!(Number.isInteger(input.window) && input.window >= 2 && input.window <= n))
    throw invalidInput('window', input.window, `must be an integer in 2..${n} (the periods)`);
  const returns = table.columns[0]!;
  const options = {
    window: input.window,
    periodsPerYear: input.periodsPerYear,
    riskFreePerPeriod: input.riskFreePerPeriod ?? 0,
  };
  const dates: readonly IsoDate[] = table.dates.slice(input.window - 1);
  const dated = (values: Float64Array, scale: (x: number) => number | null) =>
    dates.map((d, j) => [d, scale(values[j]!)] as const);
  const lines = [
    dateLine({
      name: 'Return (window)',
      points: dated(rollingReturn(returns, options), asPercent),
      color: paletteColor(0),
    }),
    dateLine({
      name: 'Volatility (annualised)',
      points: dated(rollingVolatility(returns, options), asPercent),
      color: paletteColor(1),
    }),
    dateLine({
      name: 'Sharpe (annualised)',
      points: dated(rollingSharpe(returns, options), finiteOrNull),
      color: paletteColor(2),
      axisIndex: 1,
    }),
    ...(table.columns[1]
      ? [
          dateLine({
            name: `Beta to ${input.benchmark!.name}`,
            points: dated(
              rollingBeta({ returns, benchmark: table.columns[1] }, options),
              finiteOrNull,
            ),
            color: paletteColor(4),
            axisIndex: 1,
          }),
        ]
      : []),
  ];
  return {
    ...baseOption(
      `${input.series.name}: rolling ${input.window}-period metrics`,
      `${n} periods, ${input.periodsPerYear} per year`,
    ),
    legend: { bottom: 8, data: lines.map((s) => s['name'] as string) },
    grid: [
      { left: 72, right: 32, top: 72, height: '36%' },
      { left: 72, right: 32, top: '58%', bottom: 72 },
    ],
    xAxis: [timeAxis(0), timeAxis(1)],
    yAxis: [
      valueAxis('Return, volatility', { percent: true, scale: true }),
      valueAxis('Sharpe, beta', { gridIndex: 1, scale: true }),
    ],
    series: lines,
  };
}

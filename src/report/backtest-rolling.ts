/**
 * The backtest's rolling return figure: for each strategy's daily TWR (and the benchmark's,
 * grey and dashed, colours as in `backtest.ts`), the compounded return of the trailing
 * {@link ROLLING_ROWS} rows — 12 months of trading days, a year being 252 rows
 * (docs/backtest.md, "API and dashboard") — dated by the window's last row. A path with fewer
 * daily returns than the window draws no line; {@link rollingWindowFits} says whether any does.
 */

import { rollingReturn } from '../domain/analytics/rolling.ts';
import type { BacktestChartInput, BacktestPath } from './backtest.ts';
import {
  asPercent,
  baseOption,
  dateLine,
  paletteColor,
  timeAxis,
  valueAxis,
  type ChartOption,
} from './chart-style.ts';

/**
 * Rows of the rolling window: one year of trading days, the engine's `ROWS_PER_YEAR` (written
 * out so the dashboard's chunk does not pull in the engine's summary).
 */
export const ROLLING_ROWS = 252;

const BENCHMARK_COLOR = paletteColor(6);

/** True when some path of `input` has at least `window` daily returns (a line to draw). */
export function rollingWindowFits(input: BacktestChartInput, window = ROLLING_ROWS): boolean {
  const paths = [...input.strategies, ...(input.benchmark ? [input.benchmark] : [])];
  return paths.some((p) => p.returns.length >= window);
}

/** One path's line: `window` rows compounded, dashed for the benchmark. */
function rollingLine(
  path: BacktestPath,
  style: { color: string; dashed: boolean },
  window: number,
) {
  const { color, dashed } = style;
  const values = path.returns.map((r) => r.value);
  const rolled =
    values.length >= window
      ? rollingReturn(values, { window, periodsPerYear: ROLLING_ROWS })
      : new Float64Array();
  const line = dateLine({
    name: path.name,
    points: [...rolled].map((x, j) => [path.returns[j + window - 1]!.date, asPercent(x)] as const),
    color,
  });
  return dashed ? { ...line, lineStyle: { width: 1.2, color, type: 'dashed' } } : line;
}

/**
 * Rolling `window`-row return (default {@link ROLLING_ROWS}) of every strategy and the
 * benchmark, in percent, with a zero line.
 */
export function backtestRollingOption(
  input: BacktestChartInput,
  window: number = ROLLING_ROWS,
): ChartOption {
  const series: Record<string, unknown>[] = [
    ...input.strategies.map((s, k) =>
      rollingLine(s, { color: paletteColor(k < 6 ? k : k + 1), dashed: false }, window),
    ),
    ...(input.benchmark
      ? [rollingLine(input.benchmark, { color: BENCHMARK_COLOR, dashed: true }, window)]
      : []),
  ];
  const first = series[0];
  if (first !== undefined)
    series[0] = {
      ...first,
      markLine: {
        silent: true,
        symbol: 'none',
        label: { show: false },
        lineStyle: { color: '#6b7280', width: 1, type: 'solid' },
        data: [{ yAxis: 0 }],
      },
    };
  const title =
    window === ROLLING_ROWS
      ? 'Backtest: rolling 12-month return (252 rows, TWR)'
      : `Backtest: rolling ${window}-row return (TWR)`;
  return {
    ...baseOption(title),
    legend: { bottom: 8, data: series.map((s) => s['name'] as string) },
    grid: { left: 72, right: 32, top: 56, bottom: 72 },
    xAxis: timeAxis(),
    yAxis: valueAxis('Return over the window', { percent: true, scale: true }),
    series,
  };
}

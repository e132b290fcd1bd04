/**
 * The `backtest` figure: growth of $1 of each strategy's daily TWR (top) over its drawdown
 * (bottom, the underwater curve of the same wealth path including its start, as `drawdown.ts`
 * draws it), one colour per strategy and the benchmark grey and dashed. Every path starts at 1
 * on the backtest's first row (a real date: the close the portfolio was bought at).
 */

import type { IsoDate } from '../domain/calendar/iso-date.ts';
import { drawdownSeries, valuesFromReturns } from '../domain/analytics/drawdown.ts';
import {
  asPercent,
  baseOption,
  dateLine,
  paletteColor,
  timeAxis,
  valueAxis,
  type ChartOption,
} from './chart-style.ts';

/** One line of the figure: daily returns after the first row `start`. */
export interface BacktestPath {
  readonly name: string;
  readonly start: IsoDate;
  readonly returns: readonly { readonly date: IsoDate; readonly value: number }[];
}

/** Input of {@link backtestOption}. */
export interface BacktestChartInput {
  readonly strategies: readonly BacktestPath[];
  readonly benchmark?: BacktestPath | undefined;
}

const BENCHMARK_COLOR = paletteColor(6);

function lines(path: BacktestPath, color: string, dashed: boolean): Record<string, unknown>[] {
  const dates = [path.start, ...path.returns.map((r) => r.date)];
  const wealth = valuesFromReturns(path.returns.map((r) => r.value));
  const depth = drawdownSeries(wealth);
  const style = dashed ? { lineStyle: { width: 1.2, color, type: 'dashed' } } : {};
  const growth = dateLine({
    name: path.name,
    points: dates.map((d, i) => [d, Number(wealth[i]!.toPrecision(8))] as const),
    color,
  });
  const underwater = dateLine({
    name: `${path.name} drawdown`,
    points: dates.map((d, i) => [d, depth[i] === 0 ? 0 : -asPercent(depth[i]!)] as const),
    color,
    axisIndex: 1,
  });
  return [
    { ...growth, ...style },
    { ...underwater, ...style },
  ];
}

/** Growth of $1 stacked over drawdown for every strategy and the benchmark. */
export function backtestOption(input: BacktestChartInput): ChartOption {
  const series = [
    ...input.strategies.flatMap((s, k) => lines(s, paletteColor(k < 6 ? k : k + 1), false)),
    ...(input.benchmark ? lines(input.benchmark, BENCHMARK_COLOR, true) : []),
  ];
  const growthNames = series.filter((s) => s['yAxisIndex'] === 0).map((s) => s['name'] as string);
  return {
    ...baseOption('Backtest: growth of $1 (TWR) and drawdown'),
    legend: { bottom: 8, data: growthNames },
    grid: [
      { left: 72, right: 32, top: 56, height: '50%' },
      { left: 72, right: 32, top: '68%', bottom: 72 },
    ],
    xAxis: [timeAxis(0), timeAxis(1)],
    yAxis: [
      valueAxis('Value of $1', { scale: true }),
      { ...valueAxis('Drawdown', { percent: true, gridIndex: 1 }), max: 0 },
    ],
    series,
  };
}

/**
 * The composite figure of `ballast analyze`: growth of $1 (top, two thirds) over the
 * underwater chart (bottom) on two grids sharing the date range, series and benchmark as in
 * `growth.ts` and `drawdown.ts`.
 */

import { baseOption, timeAxis, valueAxis, type ChartOption } from './chart-style.ts';
import { drawdownLines } from './drawdown.ts';
import { growthLines } from './growth.ts';
import { wealthPaths, type PerformanceChartInput } from './wealth-paths.ts';

/** Growth of $1 stacked over drawdown, one legend for both. */
export function analysisOption(input: PerformanceChartInput): ChartOption {
  const { paths, note } = wealthPaths(input);
  const growth = growthLines(paths, 0);
  const drawdown = drawdownLines(paths, 1);
  const top = note === undefined ? 56 : 72;
  return {
    ...baseOption(`${input.series.name}: growth of $1 and drawdown`, note),
    legend: { bottom: 8, data: [...growth, ...drawdown].map((s) => s['name'] as string) },
    grid: [
      { left: 72, right: 32, top, height: '50%' },
      { left: 72, right: 32, top: '68%', bottom: 72 },
    ],
    xAxis: [timeAxis(0), timeAxis(1)],
    yAxis: [
      valueAxis('Value of $1', { scale: true }),
      { ...valueAxis('Drawdown', { percent: true, gridIndex: 1 }), max: 0 },
    ],
    series: [...growth, ...drawdown],
  };
}

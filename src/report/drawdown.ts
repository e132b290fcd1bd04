/**
 * The underwater chart: drawdown d_t = 1 − W_t / max_{s≤t} W_s of the wealth path including
 * its start value (`drawdownSeries`, docs/conventions.md), plotted as −d_t in percent so losses point
 * down. The analysed series is a filled red area, the benchmark a grey line.
 */

import { drawdownSeries } from '../domain/analytics/drawdown.ts';
import {
  asPercent,
  baseOption,
  dateLine,
  paletteColor,
  timeAxis,
  valueAxis,
  type ChartOption,
} from './chart-style.ts';
import { wealthPaths, type PerformanceChartInput, type WealthPath } from './wealth-paths.ts';

/** Drawdown series (percent, ≤ 0) of each path on axis `axisIndex`. */
export function drawdownLines(
  paths: readonly WealthPath[],
  axisIndex = 0,
): Record<string, unknown>[] {
  return paths.map((p, k) => {
    const depth = drawdownSeries(p.values);
    const color = k === 0 ? paletteColor(3) : paletteColor(6);
    const line = dateLine({
      name: `${p.name} drawdown`,
      points: p.dates.map((d, i) => [d, depth[i] === 0 ? 0 : -asPercent(depth[i]!)] as const),
      color,
      axisIndex,
    });
    return k === 0
      ? { ...line, areaStyle: { color, opacity: 0.25 } }
      : { ...line, lineStyle: { width: 1.2, color, type: 'dashed' } };
  });
}

/** Underwater (drawdown) chart of the series and the optional benchmark. */
export function drawdownOption(input: PerformanceChartInput): ChartOption {
  const { paths, note } = wealthPaths(input);
  return {
    ...baseOption('Drawdown (underwater)', note),
    legend: { bottom: 8, data: paths.map((p) => `${p.name} drawdown`) },
    grid: { left: 72, right: 32, top: note === undefined ? 56 : 72, bottom: 64 },
    xAxis: timeAxis(),
    yAxis: { ...valueAxis('Drawdown', { percent: true }), max: 0 },
    series: drawdownLines(paths),
  };
}

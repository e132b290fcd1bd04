/**
 * "Growth of $1": the wealth path W_t = Π_{s≤t}(1 + r_s) of the analysed series, with the
 * benchmark's on the same dates when given (see `wealth-paths.ts`).
 */

import {
  baseOption,
  dateLine,
  paletteColor,
  timeAxis,
  valueAxis,
  type ChartOption,
} from './chart-style.ts';
import { wealthPaths, type PerformanceChartInput, type WealthPath } from './wealth-paths.ts';

/** Options of {@link growthOfOneOption}. */
export interface GrowthChartOptions {
  /** Logarithmic value axis (default false: linear). */
  readonly logScale?: boolean;
}

/** Line series of the wealth paths (series first, benchmark grey-dashed) on axis `axisIndex`. */
export function growthLines(
  paths: readonly WealthPath[],
  axisIndex = 0,
): Record<string, unknown>[] {
  return paths.map((p, k) => {
    const color = k === 0 ? paletteColor(0) : paletteColor(6);
    const line = dateLine({
      name: p.name,
      points: p.dates.map((d, i) => [d, Number(p.values[i]!.toPrecision(8))] as const),
      color,
      axisIndex,
    });
    return k === 0 ? line : { ...line, lineStyle: { width: 1.4, color, type: 'dashed' } };
  });
}

/** Growth of $1 chart: one line per path, value axis "Value of $1", legend at the bottom. */
export function growthOfOneOption(
  input: PerformanceChartInput,
  options: GrowthChartOptions = {},
): ChartOption {
  const { paths, note } = wealthPaths(input);
  return {
    ...baseOption('Growth of $1', note),
    legend: { bottom: 8, data: paths.map((p) => p.name) },
    grid: { left: 72, right: 32, top: note === undefined ? 56 : 72, bottom: 64 },
    xAxis: timeAxis(),
    yAxis: valueAxis('Value of $1', { scale: true, log: options.logScale ?? false }),
    series: growthLines(paths),
  };
}

/**
 * Correlation heatmap: an n × n correlation matrix as coloured cells on a diverging scale
 * from −1 (red) through 0 (white) to +1 (blue), each cell labelled with its value to two
 * decimals when n ≤ 15. Rows are drawn top to bottom in the order of `names`.
 */

import type { Matrix } from '../core/linalg/matrix.ts';
import { invalidInput } from '../domain/errors.ts';
import { baseOption, type ChartOption } from './chart-style.ts';

/** Input of {@link correlationHeatmapOption}. */
export interface CorrelationChartInput {
  readonly names: readonly string[];
  /** Symmetric correlation matrix (n × n, entries in [−1, 1]). */
  readonly correlation: Matrix;
  /** Chart title (default "Correlation"). */
  readonly title?: string;
}

/** Correlation heatmap (see the module comment). */
export function correlationHeatmapOption(input: CorrelationChartInput): ChartOption {
  const n = input.names.length;
  const c = input.correlation;
  if (n === 0 || c.rows !== n || c.cols !== n)
    throw invalidInput('correlation', `${c.rows}×${c.cols}`, `must be ${n}×${n} (one per name)`);
  const data: [number, number, number][] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const v = c.data[i * n + j]!;
      if (!(v >= -1 - 1e-12 && v <= 1 + 1e-12))
        throw invalidInput(`correlation[${i}][${j}]`, v, 'must be in [−1, 1]');
      data.push([j, n - 1 - i, Number(v.toFixed(4))]);
    }
  const category = (labels: readonly string[], rotate: number): Record<string, unknown> => ({
    type: 'category',
    data: labels,
    splitArea: { show: false },
    axisTick: { show: false },
    axisLabel: { color: '#374151', rotate, width: 110, overflow: 'truncate', interval: 0 },
  });
  return {
    ...baseOption(input.title ?? 'Correlation', `${n} series`),
    tooltip: { trigger: 'item' },
    grid: { left: 16, right: 96, top: 72, bottom: 16 },
    xAxis: category(input.names, n > 8 ? 45 : 0),
    yAxis: category([...input.names].reverse(), 0),
    visualMap: {
      min: -1,
      max: 1,
      calculable: false,
      orient: 'vertical',
      right: 16,
      top: 'middle',
      itemHeight: 200,
      precision: 1,
      text: ['+1', '−1'],
      textStyle: { color: '#374151' },
      inRange: { color: ['#b2182b', '#f7f7f7', '#2166ac'] },
    },
    series: [
      {
        type: 'heatmap',
        name: 'Correlation',
        data,
        label: {
          show: n <= 15,
          fontSize: n <= 8 ? 13 : 10,
          color: '#111827',
          formatter: (p: { value?: unknown }) => ((p.value as number[])[2] ?? 0).toFixed(2),
        },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      },
    ],
  };
}

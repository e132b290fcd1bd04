/**
 * Histogram of per-period simple returns with the historical VaR and CVaR at confidence α
 * (`varHistorical`, `cvarHistorical`: type-7 quantile, losses positive) drawn as vertical
 * lines at −VaR and −CVaR. Bins are equal-width from the smallest to the largest return;
 * default count max(10, ⌈√n⌉) capped at 100. Each bin is [lo, hi) except the last, [lo, hi].
 */

import { cvarHistorical, varHistorical } from '../domain/analytics/value-at-risk.ts';
import { invalidInput } from '../domain/errors.ts';
import { asPercent, baseOption, paletteColor, valueAxis, type ChartOption } from './chart-style.ts';
import type { NamedReturns } from './wealth-paths.ts';

/** Input of {@link returnHistogramOption}. */
export interface HistogramChartInput {
  readonly series: NamedReturns;
  /** VaR/CVaR confidence α in (0, 1), e.g. 0.95. */
  readonly confidence: number;
  /** Number of bins (integer ≥ 1; default max(10, ⌈√n⌉) capped at 100). */
  readonly bins?: number;
}

/** Equal-width bins of `values`: lower edge, width and count per bin. */
export function histogramBins(
  values: ArrayLike<number>,
  bins: number,
): { lower: number; width: number; counts: number[] } {
  if (!(Number.isInteger(bins) && bins >= 1))
    throw invalidInput('bins', bins, 'must be an integer ≥ 1');
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    lo = Math.min(lo, values[i]!);
    hi = Math.max(hi, values[i]!);
  }
  const width = hi > lo ? (hi - lo) / bins : Math.abs(lo) * 0.01 || 1e-4;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++)
    counts[Math.min(bins - 1, Math.floor((values[i]! - lo) / width))]! += 1;
  return { lower: lo, width, counts };
}

/** Return histogram with VaR and CVaR lines (see the module comment). */
export function returnHistogramOption(input: HistogramChartInput): ChartOption {
  const values = input.series.returns.map((p) => p.value);
  if (values.length < 2)
    throw invalidInput('series.returns', values.length, 'at least 2 returns are needed');
  const var_ = varHistorical(values, input.confidence);
  const cvar = cvarHistorical(values, input.confidence);
  const bins = input.bins ?? Math.min(100, Math.max(10, Math.ceil(Math.sqrt(values.length))));
  const { lower, width, counts } = histogramBins(values, bins);
  const level = `${Number((input.confidence * 100).toPrecision(6))} %`;
  const line = (name: string, at: number, color: string) => ({
    name,
    xAxis: -asPercent(at),
    lineStyle: { color, type: 'dashed' as const, width: 1.6 },
    label: {
      formatter: `${name} ${(at * 100).toFixed(2)} %`,
      color,
      position: 'insideEndTop' as const,
      fontSize: 12,
    },
  });
  return {
    ...baseOption(
      `${input.series.name}: distribution of returns`,
      `${values.length} periods, ${bins} bins; historical VaR and CVaR at ${level}`,
    ),
    tooltip: { trigger: 'item' },
    grid: { left: 72, right: 32, top: 72, bottom: 64 },
    xAxis: {
      ...valueAxis('Return per period', { percent: true, scale: true }),
      nameGap: 30,
      min: asPercent(Math.min(lower, -cvar) - width),
      max: asPercent(lower + width * (bins + 1)),
      splitLine: { show: false },
      axisLabel: { formatter: '{value} %', showMinLabel: false, showMaxLabel: false },
    },
    yAxis: valueAxis('Periods'),
    series: [
      {
        type: 'bar',
        name: 'Periods',
        data: counts.map((c, i) => [asPercent(lower + width * (i + 0.5)), c]),
        barWidth: '96%',
        itemStyle: { color: paletteColor(0), opacity: 0.85 },
        markLine: {
          symbol: 'none',
          silent: true,
          data: [line('VaR', var_, paletteColor(3)), line('CVaR', cvar, paletteColor(4))],
        },
      },
    ],
  };
}

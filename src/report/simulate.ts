/**
 * Fan chart of a Monte Carlo run: the 5–95 % and 25–75 % bands and the median of the portfolio
 * value at each year end (year 0 = the initial value). Bands are stacked areas: an invisible
 * series at the lower quantile and the band's width stacked on it.
 */

import { baseOption, paletteColor, valueAxis, type ChartOption } from './chart-style.ts';

/** Input of {@link simulateFanOption}. */
export interface FanChartInput {
  /** Quantile values per year end, index 0 = the initial value. */
  readonly percentiles: {
    readonly p5: readonly number[];
    readonly p25: readonly number[];
    readonly p50: readonly number[];
    readonly p75: readonly number[];
    readonly p95: readonly number[];
  };
  readonly subtitle?: string;
}

function band(name: string, stack: string, area: { values: readonly number[]; opacity: number }) {
  const { values, opacity } = area;
  return {
    name,
    type: 'line' as const,
    stack,
    data: values.map((v) => Number(v.toPrecision(8))),
    symbol: 'none',
    lineStyle: { opacity: 0 },
    areaStyle: { color: paletteColor(0), opacity },
    itemStyle: { color: paletteColor(0), opacity: Math.max(opacity, 0.01) * 2.5 },
    silent: true,
  };
}

function base(stack: string, values: readonly number[]) {
  return { ...band(`${stack} base`, stack, { values, opacity: 0 }), areaStyle: { opacity: 0 } };
}

/** The fan chart option (module comment). */
export function simulateFanOption(input: FanChartInput): ChartOption {
  const p = input.percentiles;
  const years = p.p50.map((_, y) => String(y));
  const width = (hi: readonly number[], lo: readonly number[]) => hi.map((v, i) => v - lo[i]!);
  return {
    ...baseOption('Monte Carlo: portfolio value by year', input.subtitle),
    legend: { bottom: 8, data: ['5–95 %', '25–75 %', 'median'] },
    grid: { left: 90, right: 30, top: 70, bottom: 70 },
    xAxis: { type: 'category', data: years, name: 'year', nameLocation: 'middle', nameGap: 28 },
    yAxis: valueAxis('value', { scale: false }),
    series: [
      base('outer', p.p5),
      band('5–95 %', 'outer', { values: width(p.p95, p.p5), opacity: 0.18 }),
      base('inner', p.p25),
      band('25–75 %', 'inner', { values: width(p.p75, p.p25), opacity: 0.35 }),
      {
        name: 'median',
        type: 'line',
        data: p.p50.map((v) => Number(v.toPrecision(8))),
        symbol: 'none',
        lineStyle: { color: paletteColor(0), width: 2 },
        itemStyle: { color: paletteColor(0) },
      },
    ],
  };
}

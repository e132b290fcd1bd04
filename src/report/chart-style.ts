/**
 * Shared look of every Ballast chart: the ECharts option type, white background, no animation
 * (SSR renders the final frame), the font stack, the palette, and helpers turning domain values
 * (decimal returns, ISO dates) into plotted values.
 *
 * Plotted percentages are decimals × 100 rounded to 6 significant digits (display only; the
 * rounding is far below one pixel), so axis labels can use plain `{value} %` templates.
 * Dates are plotted on a UTC time axis (`useUTC: true`) at 00:00 UTC of the ISO date, so the
 * picture does not depend on the machine's time zone.
 */

import type { EChartsOption } from 'echarts';
import { toDayNumber, type IsoDate } from '../domain/calendar/iso-date.ts';

/** An ECharts option object: what every builder in `src/report` returns (no DOM, no I/O). */
export type ChartOption = EChartsOption;

/**
 * Font stack of chart text. Arimo is metric-compatible with Arial/Helvetica, the widths
 * ECharts assumes when it measures text without a canvas (SSR), so labels fit as laid out;
 * `renderPng` ships Arimo to resvg.
 */
export const CHART_FONT_FAMILY = 'Arimo, Arial, Helvetica, sans-serif';

/** Series colours in order (blue, orange, green, red, purple, teal, grey). */
export const PALETTE = [
  '#1f5fa8',
  '#d9822b',
  '#2a9d5c',
  '#c23b3b',
  '#7b5ea7',
  '#17a2b8',
  '#6b7280',
] as const;

/** Colour at `index` of {@link PALETTE}, cycling. */
export const paletteColor = (index: number): string => PALETTE[index % PALETTE.length]!;

/** A decimal as plotted percent: x × 100 to 6 significant digits (0.1234567 → 12.3457). */
export const asPercent = (x: number): number => Number((x * 100).toPrecision(6));

/** Epoch milliseconds of 00:00 UTC on an ISO date (x value on the time axis). */
export const timeOf = (date: IsoDate): number => toDayNumber(date) * 86_400_000;

/** Options every chart starts from: background, font, palette, no animation, UTC time. */
export function baseOption(title: string, subtitle?: string): ChartOption {
  return {
    animation: false,
    useUTC: true,
    backgroundColor: '#ffffff',
    color: [...PALETTE],
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    title: {
      text: title,
      ...(subtitle === undefined ? {} : { subtext: subtitle }),
      left: 'center',
      top: 8,
      textStyle: { fontSize: 16, fontWeight: 'bold', color: '#1f2937' },
      subtextStyle: { fontSize: 12, color: '#4b5563' },
    },
    tooltip: { trigger: 'axis' },
  };
}

/** A value axis with a name and an optional `{value} %` label template. */
export function valueAxis(
  name: string,
  options: { percent?: boolean; gridIndex?: number; scale?: boolean; log?: boolean } = {},
): Record<string, unknown> {
  return {
    type: options.log ? 'log' : 'value',
    name,
    nameLocation: 'middle',
    nameGap: 50,
    nameTextStyle: { fontSize: 12, color: '#374151' },
    gridIndex: options.gridIndex ?? 0,
    scale: options.scale ?? false,
    axisLabel: options.percent ? { formatter: '{value} %' } : {},
    splitLine: { lineStyle: { color: '#e5e7eb' } },
  };
}

/** A UTC time axis for dated series. */
export function timeAxis(gridIndex = 0, name = ''): Record<string, unknown> {
  return {
    type: 'time',
    gridIndex,
    name,
    nameLocation: 'middle',
    nameGap: 28,
    axisLabel: { hideOverlap: true, color: '#374151' },
    splitLine: { show: false },
  };
}

/** A line series on a time axis from dated values. */
export function dateLine(input: {
  name: string;
  points: readonly (readonly [IsoDate, number | null])[];
  color: string;
  axisIndex?: number;
}): Record<string, unknown> {
  return {
    type: 'line',
    name: input.name,
    data: input.points.map(([d, v]) => [timeOf(d), v]),
    xAxisIndex: input.axisIndex ?? 0,
    yAxisIndex: input.axisIndex ?? 0,
    showSymbol: false,
    sampling: 'lttb',
    lineStyle: { width: 1.6, color: input.color },
    itemStyle: { color: input.color },
  };
}

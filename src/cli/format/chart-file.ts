/**
 * `--chart FILE` glue: the file's extension picks the format (`.svg` → the SSR SVG document,
 * `.png` → that SVG rasterised by resvg), checked before any work is done. The renderer
 * (echarts + resvg) is imported only when a chart is written, so commands without `--chart`
 * do not pay for loading it.
 */

import { extname } from 'node:path';
import { invalidInput } from '../../app/errors.ts';
import { checkOutputPath, writeOutputFile } from '../../app/files.ts';
import type { ReturnSeries } from '../../app/returns-file.ts';
import { analysisOption } from '../../report/analysis.ts';
import type { ChartOption } from '../../report/chart-style.ts';
import { correlationHeatmapOption } from '../../report/correlation.ts';
import { returnHistogramOption } from '../../report/histogram.ts';
import { exposureTreemapOption, type ExposureChartInput } from '../../report/exposure.ts';
import { efficientFrontierOption, type FrontierChartInput } from '../../report/frontier.ts';
import {
  riskContributionsOption,
  type RiskContributionsChartInput,
} from '../../report/risk-contributions.ts';
import type { ChartSize } from '../../report/render.ts';
import type { Io } from '../io.ts';

/** Formats `--chart` writes. */
export type ChartFormat = 'svg' | 'png';

/**
 * The format of a `--chart` path from its extension (case-insensitive); INVALID_INPUT else.
 * Also checks, before any work is done, that the path can be written (`checkOutputPath`:
 * NOT_FOUND for a missing directory, INVALID_INPUT for an unwritable place), naming `flag`.
 */
export function chartFormatOf(path: string, flag = '--chart'): ChartFormat {
  const ext = extname(path).toLowerCase();
  if (ext !== '.svg' && ext !== '.png')
    throw invalidInput(flag, path, 'the file name must end in .svg or .png');
  checkOutputPath(path, flag);
  return ext === '.svg' ? 'svg' : 'png';
}

/** What {@link writeChartFile} wrote. */
export interface WrittenChart {
  readonly path: string;
  readonly format: ChartFormat;
  readonly bytes: number;
  readonly size: ChartSize;
}

/**
 * Renders `option` (default 960 × 600 pixels) and writes it to `path` in the format its
 * extension names. Throws INVALID_INPUT on a bad extension and NOT_FOUND / INVALID_INPUT
 * naming `options.flag` (default `--chart`) and the path when the file cannot be written.
 */
export async function writeChartFile(
  path: string,
  option: ChartOption,
  options: { readonly size?: ChartSize; readonly flag?: string } = {},
): Promise<WrittenChart> {
  const { size, flag = '--chart' } = options;
  const format = chartFormatOf(path, flag);
  const { renderPng, renderSvg, DEFAULT_CHART_SIZE } = await import('../../report/render.ts');
  const pixels = size ?? DEFAULT_CHART_SIZE;
  const svg = renderSvg(option, pixels);
  const content = format === 'svg' ? svg : renderPng(svg);
  writeOutputFile(path, content, { field: flag });
  return { path, format, bytes: content.length, size: pixels };
}

/** One line telling where the chart went, e.g. `chart: wrote out.png (png, 960×600, 61 kB)`. */
export function describeWrittenChart(chart: WrittenChart): string {
  return `chart: wrote ${chart.path} (${chart.format}, ${chart.size.width}×${chart.size.height}, ${Math.max(1, Math.round(chart.bytes / 1000))} kB)`;
}

/** Writes the `analyze` figure (growth of $1 over drawdown, with the benchmark when given). */
export async function writeAnalysisChart(
  path: string,
  input: {
    name: string;
    series: ReturnSeries;
    benchmark?: { name: string; series: ReturnSeries } | undefined;
  },
  io: Io,
): Promise<void> {
  const option = analysisOption({
    series: { name: input.name, returns: input.series },
    ...(input.benchmark
      ? { benchmark: { name: input.benchmark.name, returns: input.benchmark.series } }
      : {}),
  });
  io.err(describeWrittenChart(await writeChartFile(path, option)));
}

/**
 * Writes the `frontier` figure: the frontier, each asset at (√Σ_ii, μ_i) of the optimisation
 * inputs (annual), the tangency point and the CAL.
 */
export async function writeFrontierChart(
  path: string,
  input: FrontierChartInput,
  io: Io,
): Promise<void> {
  io.err(describeWrittenChart(await writeChartFile(path, efficientFrontierOption(input))));
}

/** Writes component risk contributions as bars (`ballast risk --chart`). */
export async function writeRiskContributionsChart(
  path: string,
  input: RiskContributionsChartInput,
  io: Io,
): Promise<void> {
  io.err(describeWrittenChart(await writeChartFile(path, riskContributionsOption(input))));
}

/** Writes the exposure breakdown treemap (`ballast exposures --chart`). */
export async function writeExposureChart(
  path: string,
  input: ExposureChartInput,
  io: Io,
): Promise<void> {
  io.err(describeWrittenChart(await writeChartFile(path, exposureTreemapOption(input))));
}

/**
 * Writes a correlation heatmap (`ballast estimate --chart`). An undefined correlation (an asset
 * with zero variance, `null`) cannot be drawn honestly: INVALID_INPUT naming the pair.
 */
export async function writeCorrelationChart(
  path: string,
  input: {
    names: readonly string[];
    correlation: readonly (readonly (number | null)[])[];
    title: string;
  },
  io: Io,
): Promise<void> {
  const n = input.names.length;
  const data = new Float64Array(n * n);
  input.correlation.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null)
        throw invalidInput(
          '--chart',
          path,
          `the correlation of ${input.names[i]} and ${input.names[j]} is undefined (zero variance)`,
        );
      data[i * n + j] = v;
    }),
  );
  const option = correlationHeatmapOption({
    names: input.names,
    correlation: { rows: n, cols: n, data },
    title: input.title,
  });
  io.err(describeWrittenChart(await writeChartFile(path, option)));
}

/** Writes the return histogram with historical VaR/CVaR lines (`analyze --histogram-chart`). */
export async function writeHistogramChart(
  path: string,
  input: { name: string; series: ReturnSeries; confidence: number },
  io: Io,
): Promise<void> {
  const option = returnHistogramOption({
    series: { name: input.name, returns: input.series },
    confidence: input.confidence,
  });
  io.err(describeWrittenChart(await writeChartFile(path, option)));
}

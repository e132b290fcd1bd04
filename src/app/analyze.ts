/**
 * Use case `analyze`: the performance and risk metric set of one column of a returns file, or of
 * a fixed-weight portfolio of its columns rebalanced every period, each metric with its
 * convention (`domain/analytics/metric-set`, docs/analytics.md); optionally the deepest
 * drawdowns, rolling-window measures, an attribution by position and economic exposure, and the
 * charts (growth of $1 over drawdown, return histogram with VaR/CVaR, rolling metrics) as ECharts
 * options for the face to render.
 *
 * Defaults: equal weights over every column but the benchmark; periods per year inferred from
 * the dates (the document states the value used); risk-free rate 0; VaR/CVaR confidence 0.95.
 * Missing data: the portfolio and the benchmark-relative metrics use only the dates their series
 * share (never filled), and each date dropped that way is counted in a `DATES_DROPPED` warning.
 *
 * @example
 * ```ts
 * const doc = await analyze(
 *   { returns: { path: 'returns.csv' }, weights: [{ symbol: 'SPY', weight: 0.6 }, { symbol: 'AGG', weight: 0.4 }] },
 *   deps,
 * );
 * doc.metrics.sharpe; // annualised, null on zero variance
 * ```
 */

import * as z from 'zod';
import { computeMetrics, type MetricReport } from '../domain/analytics/metric-set.ts';
import type { Warning } from '../domain/warnings.ts';
import type { ChartOption } from '../report/chart-style.ts';
import { analysisOption } from '../report/analysis.ts';
import { returnHistogramOption } from '../report/histogram.ts';
import { attributionReport, type AttributionReport } from './analyze-attribution.ts';
import { drawdownRows, type DrawdownRow } from './analyze-drawdowns.ts';
import { portfolioSeries, type CashLine } from './analyze-portfolio.ts';
import { rollingChart, rollingReport, type RollingReport } from './analyze-rolling.ts';
import { windowOf, type DataWindow } from './data-window.ts';
import type { AppDeps } from './deps.ts';
import { definitionNameSchema } from './funds-source-schema.ts';
import { parseInput } from './input.ts';
import { columnSeries, loadReturnsFile, periodsPerYearOf } from './returns-file.ts';
import { textSourceSchema } from './sources.ts';

export type { AttributionReport } from './analyze-attribution.ts';
export type { CashLine } from './analyze-portfolio.ts';
export type { DataWindow } from './data-window.ts';
export type { DrawdownRow } from './analyze-drawdowns.ts';
export type { RollingPoint, RollingReport } from './analyze-rolling.ts';
export type { MetricSet, SupplementaryMetrics } from '../domain/analytics/metric-set.ts';
export type { Warning } from '../domain/warnings.ts';

const name = z.string().trim().min(1);

/** Input of {@link analyze}. */
export const analyzeInputSchema = z
  .object({
    /** Returns file `date,A,B,...` (decimal simple returns per period). */
    returns: textSourceSchema,
    /** Analyse this one column (not with `weights`). */
    column: name.optional(),
    /**
     * Fixed weights rebalanced every period, in this order (default: equal, benchmark excluded).
     * They sum to 1 (within 1e-9); a portfolio that holds cash or borrows says so with the cash
     * line `CASH` (negative = borrowing), e.g. A=0.6, B=0.6, CASH=−0.2.
     */
    weights: z
      .array(z.object({ symbol: name, weight: z.number().finite() }))
      .min(1)
      .optional(),
    /** Benchmark column for beta, alpha, tracking error, information ratio and capture. */
    benchmark: name.optional(),
    /** k; default inferred from the dates of the analysed series. */
    periodsPerYear: z.number().finite().positive().optional(),
    /** Annual risk-free rate (decimal), converted per period as (1 + rf)^(1/k) − 1. */
    riskFreeRateAnnual: z.number().finite().gt(-1).default(0),
    /**
     * Annual rate (decimal) of the cash line `CASH` in `weights`, converted per period as
     * (1 + c)^(1/k) − 1; default 0. Only with a cash line.
     */
    cashRateAnnual: z.number().finite().gt(-1).optional(),
    /**
     * Annual spread (decimal) over `cashRateAnnual` that a negative cash line (borrowing) pays:
     * its rate is c + s; default 0. Only with a cash line.
     */
    borrowSpreadAnnual: z.number().finite().min(0).optional(),
    /** VaR/CVaR confidence α. */
    confidence: z.number().gt(0).lt(1).default(0.95),
    /** List the N deepest drawdowns. */
    drawdowns: z.number().int().min(1).optional(),
    /** Rolling measures over windows of this many periods. */
    rollingWindow: z.number().int().min(2).optional(),
    /** Attribution by position and exposure (`date,<exposure ids>[,cash_rate]`). */
    attribution: z
      .object({
        exposureReturns: textSourceSchema,
        /** Path of fund definitions YAML, or `{ stored: NAME }` (default config/funds.yaml). */
        funds: z
          .union([z.string().min(1), z.object({ stored: definitionNameSchema }).strict()])
          .optional(),
      })
      .optional(),
    /** Which chart options to build ({@link analyzeWithCharts}); none by default. */
    charts: z
      .object({ growth: z.boolean(), histogram: z.boolean(), rolling: z.boolean() })
      .partial()
      .default({}),
  })
  .refine((i) => i.column === undefined || i.weights === undefined, {
    path: ['column'],
    message: 'give column or weights, not both',
  })
  .refine((i) => !i.charts.rolling || i.rollingWindow !== undefined, {
    path: ['charts', 'rolling'],
    message: 'the rolling chart needs rollingWindow',
  });

/** What callers pass to {@link analyze} (defaults applied inside). */
export type AnalyzeInput = z.input<typeof analyzeInputSchema>;

/** The `analyze` document (the CLI's `--format json`). */
export interface AnalyzeDocument {
  /** Periods of the analysed series. */
  readonly periods: number;
  /** First and last date and number of periods of the analysed series. */
  readonly window?: DataWindow;
  /** k used to annualise (given, or inferred from the dates). */
  readonly periodsPerYear: number;
  readonly metrics: MetricReport['metrics'];
  readonly supplementary: MetricReport['supplementary'];
  readonly conventions: MetricReport['conventions'];
  /** The explicit cash line `CASH` of the weights, when there is one: weight and rate used. */
  readonly cashLine?: CashLine;
  readonly drawdowns?: DrawdownRow[];
  readonly rolling?: RollingReport;
  readonly attribution?: AttributionReport;
  readonly warnings: readonly Warning[];
}

/** Chart options of one run (those asked for in `input.charts`). */
export interface AnalyzeCharts {
  /** Growth of $1 over drawdown, with the benchmark. */
  readonly growth?: ChartOption;
  /** Return histogram with historical VaR and CVaR lines. */
  readonly histogram?: ChartOption;
  /** Rolling return, volatility, Sharpe (and beta). */
  readonly rolling?: ChartOption;
}

function windowField(dates: readonly string[]): { window?: DataWindow } {
  const window = windowOf(dates);
  return window === undefined ? {} : { window };
}

/** The document and the chart options asked for (module comment). */
export async function analyzeWithCharts(
  raw: AnalyzeInput,
  deps?: AppDeps,
): Promise<{ document: AnalyzeDocument; charts: AnalyzeCharts }> {
  const input = parseInput(analyzeInputSchema, raw);
  const file = loadReturnsFile(input.returns, 'returns');
  const { members, series, warnings, cashLine } = portfolioSeries(file, input);
  const benchmark = input.benchmark
    ? columnSeries(file, input.benchmark, 'benchmark').series
    : undefined;
  const periodsPerYear = periodsPerYearOf(
    input.periodsPerYear,
    series.map((p) => p.date),
  );
  deps?.log.debug(`analyze: ${series.length} periods, k = ${periodsPerYear}`);
  const report = computeMetrics(series, {
    periodsPerYear,
    riskFreeRateAnnual: input.riskFreeRateAnnual,
    confidence: input.confidence,
    ...(benchmark ? { benchmark } : {}),
  });
  const attribution = input.attribution
    ? await attributionReport({ members, ...input.attribution, deps })
    : undefined;
  const rollingInput = input.rollingWindow && {
    series,
    benchmark,
    window: input.rollingWindow,
    periodsPerYear,
    riskFreeRateAnnual: input.riskFreeRateAnnual,
  };
  const rolling = rollingInput && rollingReport(rollingInput);
  const document: AnalyzeDocument = {
    periods: report.periods,
    ...windowField(series.map((p) => p.date)),
    periodsPerYear,
    metrics: report.metrics,
    supplementary: report.supplementary,
    conventions: report.conventions,
    ...(cashLine ? { cashLine } : {}),
    ...(input.drawdowns === undefined ? {} : { drawdowns: drawdownRows(series, input.drawdowns) }),
    ...(rolling ? { rolling } : {}),
    ...(attribution ? { attribution: attribution.report } : {}),
    warnings: [...warnings, ...report.warnings, ...(attribution?.warnings ?? [])],
  };
  const label = input.column?.toUpperCase() ?? 'Portfolio';
  const benchmarkName = input.benchmark?.toUpperCase();
  const charts: AnalyzeCharts = {
    ...(input.charts.growth
      ? {
          growth: analysisOption({
            series: { name: label, returns: series },
            ...(benchmark && benchmarkName
              ? { benchmark: { name: benchmarkName, returns: benchmark } }
              : {}),
          }),
        }
      : {}),
    ...(input.charts.histogram
      ? {
          histogram: returnHistogramOption({
            series: { name: label, returns: series },
            confidence: input.confidence,
          }),
        }
      : {}),
    ...(input.charts.rolling && rollingInput
      ? { rolling: rollingChart({ ...rollingInput, name: label, benchmarkName }) }
      : {}),
  };
  return { document, charts };
}

/** The `analyze` document (see the module comment); charts are left out. */
export async function analyze(raw: AnalyzeInput, deps?: AppDeps): Promise<AnalyzeDocument> {
  return (await analyzeWithCharts(raw, deps)).document;
}

import type { Command } from 'commander';
import { computeMetrics } from '../../domain/analytics/metric-set.ts';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import type { ReturnSeries } from '../../domain/series/types.ts';
import { parseReturnsFileCsv } from '../../data/providers/csv-file.ts';
import { chartFormatOf, writeAnalysisChart, writeHistogramChart } from '../format/chart-file.ts';
import { renderTable } from '../format/table.ts';
import { parseFormat, readTextFile, type Format, type Io } from '../io.ts';
import { numberOption } from '../estimate/methods.ts';
import { drawdownRows, drawdownsOption, renderDrawdowns } from './analyze-drawdowns.ts';
import {
  renderRollingSummary,
  rollingReport,
  rollingWindowOption,
  writeRollingChart,
} from './analyze-rolling.ts';
import { inferPeriodsPerYear } from '../estimate/panel.ts';
import {
  attributionReport,
  renderAttribution,
  type PortfolioMember,
} from './analyze-attribution.ts';

interface AnalyzeOptions {
  returns: string;
  weights?: string;
  column?: string;
  periodsPerYear?: string;
  rf?: string;
  confidence?: string;
  benchmark?: string;
  chart?: string;
  rolling?: string;
  rollingChart?: string;
  histogramChart?: string;
  drawdowns?: string;
  exposureReturns?: string;
  funds?: string;
  format: Format;
}

/**
 * The analysed portfolio's members: one column at weight 1 (`--column`), or the columns of
 * `--weights A=0.6,B=0.4` (default equal weights over every column but the benchmark).
 */
export function portfolioMembers(
  file: { columns: readonly string[]; seriesByColumn: ReadonlyMap<string, ReturnSeries> },
  options: {
    weights?: string | undefined;
    column?: string | undefined;
    benchmark?: string | undefined;
  },
): PortfolioMember[] {
  const get = (name: string, field: string): PortfolioMember['series'] => {
    const s = file.seriesByColumn.get(name.trim().toUpperCase());
    if (!s) throw invalidInput(field, name, `no such column (columns: ${file.columns.join(', ')})`);
    return s;
  };
  if (options.column)
    return [
      {
        symbol: options.column.trim().toUpperCase(),
        series: get(options.column, '--column'),
        weight: 1,
      },
    ];
  return options.weights
    ? options.weights.split(',').map((part) => {
        const [name = '', value] = part.split('=');
        return {
          symbol: name.trim().toUpperCase(),
          series: get(name, '--weights'),
          weight: numberOption('weights', value)!,
        };
      })
    : file.columns
        .filter((c) => c !== options.benchmark?.trim().toUpperCase())
        .map((c, _, all) => ({ symbol: c, series: get(c, '--weights'), weight: 1 / all.length }));
}

/**
 * The analysed series: one column (`--column`), or a fixed-weight portfolio rebalanced every
 * period ({@link portfolioMembers}) on the dates where all its members have a return (never
 * filled).
 */
export function portfolioSeries(
  file: { columns: readonly string[]; seriesByColumn: ReadonlyMap<string, ReturnSeries> },
  options: {
    weights?: string | undefined;
    column?: string | undefined;
    benchmark?: string | undefined;
  },
): ReturnSeries {
  const members = portfolioMembers(file, options);
  if (options.column) return members[0]!.series;
  const maps = members.map((m) => new Map(m.series.map((p) => [p.date, p.value])));
  const dates = members[0]!.series.map((p) => p.date).filter((d) => maps.every((m) => m.has(d)));
  return dates.map((date) => ({
    date,
    value: members.reduce((s, m, i) => s + m.weight * maps[i]!.get(date)!, 0),
  }));
}

/** Registers `ballast analyze`: the metric set of a return series, each with its convention. */
export function registerAnalyze(program: Command, io: Io): void {
  program
    .command('analyze')
    .description(
      'Performance and risk metrics of a return series or a fixed-weight portfolio (rebalanced every period)',
    )
    .requiredOption('--returns <file>', 'returns CSV date,A,B,...')
    .option('--weights <list>', 'portfolio weights A=0.6,B=0.4 (default equal over all columns)')
    .option('--column <name>', 'analyse one column instead of a portfolio')
    .option('--periods-per-year <n>', 'periods per year (default: inferred)')
    .option('--rf <annual>', 'risk-free rate, annual decimal (default 0)')
    .option('--confidence <level>', 'VaR/CVaR confidence (default 0.95)')
    .option('--benchmark <column>', 'benchmark column for beta, alpha, tracking error, capture')
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .option('--chart <file>', 'also write growth of $1 and drawdown as .svg or .png')
    .option('--rolling <n>', 'also compute rolling return, volatility, Sharpe, drawdown (and beta)')
    .option('--rolling-chart <file>', 'write the rolling metrics (needs --rolling) as .svg or .png')
    .option('--drawdowns <n>', 'also list the n deepest drawdowns with peak, trough, recovery')
    .option(
      '--histogram-chart <file>',
      'write the return histogram with historical VaR/CVaR as .svg or .png',
    )
    .option(
      '--exposure-returns <file>',
      'also attribute the return by position and by exposure: CSV date,<exposure ids>[,cash_rate]',
    )
    .option('--funds <file>', 'fund definitions for --exposure-returns (default config/funds.yaml)')
    .action(async (options: AnalyzeOptions) => {
      if (options.chart) chartFormatOf(options.chart);
      if (options.histogramChart) chartFormatOf(options.histogramChart);
      const topDrawdowns = drawdownsOption(options.drawdowns);
      const window = rollingWindowOption(options.rolling);
      if (options.rollingChart) {
        chartFormatOf(options.rollingChart);
        if (window === undefined)
          throw invalidInput('--rolling-chart', options.rollingChart, 'needs --rolling N');
      }
      if (options.funds && !options.exposureReturns)
        throw invalidInput('--funds', options.funds, 'needs --exposure-returns FILE');
      if (options.weights && options.column)
        throw new BallastError('INVALID_INPUT', 'give --weights or --column, not both', {
          field: 'weights|column',
        });
      const file = parseReturnsFileCsv(readTextFile(options.returns, '--returns'), options.returns);
      const series = portfolioSeries(file, options);
      const benchmark = options.benchmark
        ? portfolioSeries(file, { column: options.benchmark })
        : undefined;
      const periodsPerYear =
        numberOption('periods-per-year', options.periodsPerYear, (x) => x > 0) ??
        inferPeriodsPerYear(series.map((p) => p.date));
      const riskFreeRateAnnual = numberOption('rf', options.rf) ?? 0;
      const report = computeMetrics(series, {
        periodsPerYear,
        riskFreeRateAnnual,
        confidence: numberOption('confidence', options.confidence, (x) => x > 0 && x < 1) ?? 0.95,
        ...(benchmark ? { benchmark } : {}),
      });
      if (options.chart)
        await writeAnalysisChart(
          options.chart,
          {
            name: options.column?.trim().toUpperCase() ?? 'Portfolio',
            series,
            benchmark: benchmark && {
              name: options.benchmark!.trim().toUpperCase(),
              series: benchmark,
            },
          },
          io,
        );
      const attribution = options.exposureReturns
        ? await attributionReport({
            members: portfolioMembers(file, options),
            exposureReturns: options.exposureReturns,
            funds: options.funds,
          })
        : undefined;
      if (options.histogramChart)
        await writeHistogramChart(
          options.histogramChart,
          {
            name: options.column?.trim().toUpperCase() ?? 'Portfolio',
            series,
            confidence: numberOption('confidence', options.confidence) ?? 0.95,
          },
          io,
        );
      const drawdowns = topDrawdowns === undefined ? undefined : drawdownRows(series, topDrawdowns);
      const rollingInput = window && {
        series,
        benchmark,
        window,
        periodsPerYear,
        riskFreeRateAnnual,
      };
      const rolling = rollingInput && rollingReport(rollingInput);
      if (rollingInput && options.rollingChart)
        await writeRollingChart(
          options.rollingChart,
          {
            ...rollingInput,
            name: options.column?.trim().toUpperCase() ?? 'Portfolio',
            benchmarkName: options.benchmark?.trim().toUpperCase(),
          },
          io,
        );
      if (options.format === 'json') {
        return io.out(
          JSON.stringify(
            {
              periods: report.periods,
              metrics: report.metrics,
              supplementary: report.supplementary,
              conventions: report.conventions,
              ...(drawdowns ? { drawdowns } : {}),
              ...(rolling ? { rolling } : {}),
              ...(attribution ? { attribution } : {}),
            },
            null,
            2,
          ),
        );
      }
      io.out(
        renderTable(Object.entries(report.metrics), [
          { title: 'Metric', value: ([k]) => k },
          {
            title: 'Value',
            value: ([, v]) =>
              v === null ? '—' : typeof v === 'number' ? v.toPrecision(6) : String(v),
            align: 'right',
          },
          {
            title: 'Convention',
            value: ([k]) => (report.conventions as Record<string, string>)[k] ?? '',
          },
        ]),
      );
      if (drawdowns) io.out(renderDrawdowns(drawdowns));
      if (rolling) io.out(renderRollingSummary(rolling));
      if (attribution) io.out(renderAttribution(attribution));
    });
}

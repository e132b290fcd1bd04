import type { Command } from 'commander';
import { analyzeWithCharts, type AnalyzeCharts, type AnalyzeDocument } from '../../app/analyze.ts';
import { invalidInput, warningLines } from '../../app/errors.ts';
import type { ChartOption } from '../../report/chart-style.ts';
import { chartFormatOf, describeWrittenChart, writeChartFile } from '../format/chart-file.ts';
import { renderDocument } from '../format/output.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { withDeps, type Runtime } from '../context.ts';
import { withFlagNames } from '../flag-errors.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { numberFlag, weightsFlag } from './analytics-flags.ts';
import { renderAttribution } from './analyze-attribution.ts';
import { drawdownsOption, renderDrawdowns } from './analyze-drawdowns.ts';
import { fundsOf, FUNDS_STORED_HELP } from './funds-flags.ts';
import { renderRollingSummary, rollingWindowOption } from './analyze-rolling.ts';

interface AnalyzeOptions {
  returns: string;
  weights?: string;
  column?: string;
  periodsPerYear?: string;
  rf?: string;
  cashRate?: string;
  borrowSpread?: string;
  confidence?: string;
  benchmark?: string;
  chart?: string;
  rolling?: string;
  rollingChart?: string;
  histogramChart?: string;
  drawdowns?: string;
  exposureReturns?: string;
  funds?: string;
  fundsStored?: string;
  format: Format;
}

/** The input fields of `analyze` the flags set, for error messages. */
const FLAGS = {
  returns: '--returns',
  column: '--column',
  weights: '--weights',
  benchmark: '--benchmark',
  periodsPerYear: '--periods-per-year',
  riskFreeRateAnnual: '--rf',
  cashRateAnnual: '--cash-rate',
  borrowSpreadAnnual: '--borrow-spread',
  confidence: '--confidence',
  drawdowns: '--drawdowns',
  rollingWindow: '--rolling',
  'attribution.exposureReturns': '--exposure-returns',
  'attribution.funds': '--funds',
  'attribution.funds.stored': '--funds-stored',
};

type MetricRow = [string, number | string | null];

const metricValue = (v: MetricRow[1]): string =>
  v === null ? '—' : typeof v === 'number' ? v.toPrecision(6) : String(v);

/** The metric table (name, value, convention) for people. */
export function analyzeTable(doc: AnalyzeDocument): string {
  const conventions = doc.conventions as Record<string, string>;
  const columns: Column<MetricRow>[] = [
    { title: 'Metric', value: ([k]) => k },
    { title: 'Value', value: ([, v]) => metricValue(v), align: 'right' },
    { title: 'Convention', value: ([k]) => conventions[k] ?? '' },
  ];
  return [
    renderTable(Object.entries(doc.metrics) as MetricRow[], columns),
    `${doc.periods} periods${doc.window ? ` (${doc.window.from}..${doc.window.to})` : ''}, k = ${doc.periodsPerYear} periods per year`,
    ...(doc.cashLine
      ? [
          `cash line CASH ${doc.cashLine.weight} at ${doc.cashLine.rateAnnual} a year (${doc.cashLine.ratePerPeriod.toPrecision(6)} a period)`,
        ]
      : []),
    ...(doc.drawdowns ? [renderDrawdowns(doc.drawdowns)] : []),
    ...(doc.rolling ? [renderRollingSummary(doc.rolling)] : []),
    ...(doc.attribution ? [renderAttribution(doc.attribution)] : []),
    ...warningLines(doc.warnings),
  ].join('\n');
}

/** The metric table as CSV: `metric,value,convention` (an undefined metric is an empty cell). */
export function analyzeCsv(doc: AnalyzeDocument): string {
  const conventions = doc.conventions as Record<string, string>;
  return renderCsv(Object.entries(doc.metrics) as MetricRow[], [
    { title: 'metric', value: ([k]) => k },
    { title: 'value', value: ([, v]) => (v === null ? '' : String(v)) },
    { title: 'convention', value: ([k]) => conventions[k] ?? '' },
  ]);
}

/** Checks the flags that only make sense together, before any work. */
function checkFlags(options: AnalyzeOptions, window: number | undefined): void {
  for (const [path, flag] of [
    [options.chart, '--chart'],
    [options.histogramChart, '--histogram-chart'],
    [options.rollingChart, '--rolling-chart'],
  ] as const)
    if (path !== undefined) chartFormatOf(path, flag);
  if (options.rollingChart && window === undefined)
    throw invalidInput('--rolling-chart', options.rollingChart, 'needs --rolling N');
  if (options.funds && !options.exposureReturns)
    throw invalidInput('--funds', options.funds, 'needs --exposure-returns FILE');
  if (options.fundsStored && !options.exposureReturns)
    throw invalidInput('--funds-stored', options.fundsStored, 'needs --exposure-returns FILE');
  if (options.weights && options.column)
    throw invalidInput('--weights', options.weights, 'give --weights or --column, not both');
}

async function writeCharts(
  charts: AnalyzeCharts,
  paths: Readonly<Record<keyof AnalyzeCharts, string | undefined>>,
  io: Io,
): Promise<void> {
  const flags = { growth: '--chart', histogram: '--histogram-chart', rolling: '--rolling-chart' };
  for (const key of ['growth', 'histogram', 'rolling'] as const) {
    const option: ChartOption | undefined = charts[key];
    const path = paths[key];
    if (option && path)
      io.err(describeWrittenChart(await writeChartFile(path, option, { flag: flags[key] })));
  }
}

/** Registers `ballast analyze`: the metric set of a return series, each with its convention. */
export function registerAnalyze(program: Command, io: Io, runtime: Runtime): void {
  program
    .command('analyze')
    .description(
      'Performance and risk metrics of a return series or a fixed-weight portfolio (rebalanced every period)',
    )
    .requiredOption('--returns <file>', 'returns CSV date,A,B,...')
    .option(
      '--weights <list>',
      'portfolio weights A=0.6,B=0.4 summing to 1, with CASH=-0.2 for cash or borrowing (default equal over all columns)',
    )
    .option('--column <name>', 'analyse one column instead of a portfolio')
    .option('--periods-per-year <n>', 'periods per year (default: inferred)')
    .option('--rf <annual>', 'risk-free rate, annual decimal (default 0)')
    .option('--cash-rate <annual>', 'annual rate of the CASH line, decimal (default 0)')
    .option(
      '--borrow-spread <annual>',
      'annual spread over --cash-rate paid when CASH is negative, decimal (default 0)',
    )
    .option('--confidence <level>', 'VaR/CVaR confidence (default 0.95)')
    .option('--benchmark <column>', 'benchmark column for beta, alpha, tracking error, capture')
    .option(
      '--format <format>',
      'table | json | csv (csv: the metric table)',
      parseFormat,
      'table' as Format,
    )
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
    .option('--funds-stored <name>', FUNDS_STORED_HELP)
    .action(async (options: AnalyzeOptions, command: Command) => {
      const window = rollingWindowOption(options.rolling);
      const drawdowns = drawdownsOption(options.drawdowns);
      checkFlags(options, window);
      const weights = weightsFlag(options.weights);
      const periodsPerYear = numberFlag('--periods-per-year', options.periodsPerYear, (x) => x > 0);
      const rf = numberFlag('--rf', options.rf);
      const cashRate = numberFlag('--cash-rate', options.cashRate);
      const borrowSpread = numberFlag('--borrow-spread', options.borrowSpread);
      const confidence = numberFlag('--confidence', options.confidence, (x) => x > 0 && x < 1);
      const funds = fundsOf(options);
      const { document, charts } = await withDeps(command, runtime, (deps) =>
        withFlagNames(FLAGS, () =>
          analyzeWithCharts(
            {
              returns: { path: options.returns },
              ...(options.column === undefined ? {} : { column: options.column }),
              ...(weights === undefined ? {} : { weights }),
              ...(options.benchmark === undefined ? {} : { benchmark: options.benchmark }),
              ...(periodsPerYear === undefined ? {} : { periodsPerYear }),
              ...(rf === undefined ? {} : { riskFreeRateAnnual: rf }),
              ...(cashRate === undefined ? {} : { cashRateAnnual: cashRate }),
              ...(borrowSpread === undefined ? {} : { borrowSpreadAnnual: borrowSpread }),
              ...(confidence === undefined ? {} : { confidence }),
              ...(drawdowns === undefined ? {} : { drawdowns }),
              ...(window === undefined ? {} : { rollingWindow: window }),
              ...(options.exposureReturns === undefined
                ? {}
                : {
                    attribution: {
                      exposureReturns: { path: options.exposureReturns },
                      ...(funds === undefined
                        ? {}
                        : { funds: 'path' in funds ? funds.path : funds }),
                    },
                  }),
              charts: {
                growth: options.chart !== undefined,
                histogram: options.histogramChart !== undefined,
                rolling: options.rollingChart !== undefined,
              },
            },
            deps,
          ),
        ),
      );
      await writeCharts(
        charts,
        { growth: options.chart, histogram: options.histogramChart, rolling: options.rollingChart },
        io,
      );
      if (options.format !== 'table')
        for (const line of warningLines(document.warnings)) io.err(line);
      io.out(
        renderDocument(options.format, {
          json: document,
          table: () => analyzeTable(document),
          csv: () => analyzeCsv(document),
        }),
      );
    });
}

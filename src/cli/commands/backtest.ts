import type { Command } from 'commander';
import { warningLines } from '../../app/errors.ts';
import {
  backtestWithChart,
  type BacktestDocument,
  type BacktestStrategyDocument,
} from '../../app/backtest.ts';
import { simulatedLabel, simulatedOn } from '../../app/backtest-extras.ts';
import { withDeps, type Runtime } from '../context.ts';
import { chartFormatOf, describeWrittenChart, writeChartFile } from '../format/chart-file.ts';
import { fmtMoney, fmtPercent } from '../format/numbers.ts';
import { renderDocument } from '../format/output.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { withFlagNames } from '../flag-errors.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import {
  checkNoSweepFlags,
  runSweepCommand,
  withSweepOptions,
  type SweepFlags,
} from './backtest-sweep.ts';
import { taxLines } from './backtest-tax.ts';

interface BacktestOptions {
  config: string;
  format: Format;
  chart?: string;
}

const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : fmtPercent(x);
const num = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : x.toFixed(2);

/** Every strategy, then the benchmark. */
function rowsOf(doc: BacktestDocument): BacktestStrategyDocument[] {
  return [...doc.strategies, ...(doc.benchmark ? [doc.benchmark] : [])];
}

const COLUMNS: Column<BacktestStrategyDocument>[] = [
  { title: 'Strategy', value: (s) => simulatedLabel(s.name, s.simulated) },
  { title: 'Final value', value: (s) => fmtMoney(s.finalValue), align: 'right' },
  { title: 'TWR', value: (s) => pct(s.twr), align: 'right' },
  { title: 'MWR', value: (s) => pct(s.mwr), align: 'right' },
  { title: 'CAGR', value: (s) => pct(s.twrAnnualized), align: 'right' },
  { title: 'Vol', value: (s) => pct(s.metrics?.annualizedVolatility), align: 'right' },
  { title: 'Max DD', value: (s) => pct(s.metrics ? -s.metrics.maxDrawdown : null), align: 'right' },
  { title: 'Sharpe', value: (s) => num(s.metrics?.sharpe), align: 'right' },
  { title: 'Costs', value: (s) => fmtMoney(s.costs), align: 'right' },
  { title: 'Interest', value: (s) => fmtMoney(s.interest), align: 'right' },
  { title: 'Rebalances', value: (s) => String(s.rebalances.length), align: 'right' },
  {
    title: 'Margin calls',
    value: (s) => (s.marginCalls ? String(s.marginCalls.length) : '—'),
    align: 'right',
  },
];

/** With unadjusted closes: the dividends each strategy received and what it did with them. */
const DIVIDENDS: Column<BacktestStrategyDocument> = {
  title: 'Dividends',
  value: (s) => (s.dividends ? `${fmtMoney(s.dividends.received)} ${s.dividends.policy}` : '—'),
  align: 'right',
};

/** The lines saying which prices are simulated (docs/backtest.md, "Simulated funds"). */
function simulatedLines(doc: BacktestDocument): string[] {
  return (doc.simulated ?? []).map(
    (f) =>
      `SIMULATED: ${f.symbol} ${f.from} .. ${f.to} (${f.rows} rows) from its definition, not its own prices (docs/backtest.md, "Simulated funds").`,
  );
}

/** The line saying how the returns are stated (GIPS: not annualised under a year). */
function basisLine(doc: BacktestDocument): string {
  const days = doc.strategies[0]!.windowDays;
  return doc.strategies[0]!.mwrBasis === 'period'
    ? `TWR and MWR are for the ${days}-day window, not annualised (a year or less, GIPS), so no CAGR is given.`
    : `TWR for the window; CAGR = TWR annualised on 252 rows a year; MWR = XIRR a year (Actual/365), over ${days} days.`;
}

/** The human-readable report: window, one row per strategy and the benchmark, warnings. */
export function backtestTable(doc: BacktestDocument): string {
  const { window: w, cash } = doc;
  return [
    `Backtest ${w.from} .. ${w.to} (${w.rows} rows from ${doc.prices}), ${fmtMoney(doc.initial)} invested at the first close; cash ${pct(cash.rate)} a year, borrowing ${pct(cash.rate + cash.borrowSpread)}`,
    ...(doc.dividends
      ? [`Closes unadjusted; dividends from ${doc.dividends.source} paid on their ex-dates.`]
      : []),
    renderTable(rowsOf(doc), doc.dividends ? [...COLUMNS, DIVIDENDS] : COLUMNS),
    ...simulatedLines(doc),
    ...taxLines(doc),
    basisLine(doc),
    'Vol, Sharpe (rf = the cash rate) and max drawdown: the daily returns, 252 a year (docs/backtest.md).',
    ...(doc.warnings.length ? ['', ...warningLines(doc.warnings)] : []),
  ].join('\n');
}

/**
 * The daily values: `date` and one column per strategy (then the benchmark); with simulated
 * funds, a last column `simulated` naming the funds simulated on that date.
 */
export function backtestCsv(doc: BacktestDocument): string {
  const series = rowsOf(doc);
  const dates = series[0]!.values.map((v) => v.date);
  return renderCsv(
    dates.map((_, t) => t),
    [
      { title: 'date', value: (t) => dates[t]! },
      ...series.map((s) => ({ title: s.name, value: (t: number) => String(s.values[t]!.value) })),
      ...(doc.simulated?.length
        ? [{ title: 'simulated', value: (t: number) => simulatedOn(dates[t]!, doc.simulated!) }]
        : []),
    ],
  );
}

/** Registers `ballast backtest`. */
export function registerBacktest(program: Command, io: Io, runtime: Runtime): void {
  withSweepOptions(program.command('backtest'))
    .description(
      'Run strategies of target weights over historical closes: schedules, bands, flows, costs, cash and borrowing; TWR, MWR, metrics, drawdowns, trades (docs/backtest.md)',
    )
    .requiredOption(
      '--config <file>',
      'backtest config YAML: prices or symbols, start, end, initial, cash, strategies, benchmark',
    )
    .option(
      '--chart <file>',
      'also write growth of $1 (TWR), drawdown and rolling 12-month return of every strategy and the benchmark as .svg or .png',
    )
    .option(
      '--format <format>',
      'table | json | csv (csv: the daily values, one column per strategy)',
      parseFormat,
      'table' as Format,
    )
    .action(async (options: BacktestOptions & SweepFlags, command: Command) => {
      if (options.sweep !== undefined) return runSweepCommand(options, command, { io, runtime });
      checkNoSweepFlags(options);
      if (options.chart !== undefined) chartFormatOf(options.chart);
      const { document, chart, chartSize, chartNote } = await withDeps(command, runtime, (deps) =>
        withFlagNames({ config: '--config' }, () =>
          backtestWithChart(
            { config: { path: options.config }, chart: options.chart !== undefined },
            deps,
          ),
        ),
      );
      if (options.format !== 'table')
        for (const line of warningLines(document.warnings)) io.err(line);
      io.out(
        renderDocument(options.format, {
          json: document,
          table: () => backtestTable(document),
          csv: () => backtestCsv(document),
        }),
      );
      if (options.chart !== undefined && chart) {
        const size = chartSize === undefined ? {} : { size: chartSize };
        io.err(describeWrittenChart(await writeChartFile(options.chart, chart, size)));
        if (chartNote !== undefined) io.err(`chart: ${chartNote}`);
      }
    });
}

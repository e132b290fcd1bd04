import type { Command } from 'commander';
import { invalidInput, warningLines } from '../../app/errors.ts';
import {
  performanceWithChart,
  type PerformanceDocument,
  type PerformancePeriod,
} from '../../app/performance.ts';
import { withDeps, type Runtime } from '../context.ts';
import { attributionTable } from '../format/attribution.ts';
import { chartFormatOf, describeWrittenChart, writeChartFile } from '../format/chart-file.ts';
import { fmtMoney, fmtPercent } from '../format/numbers.ts';
import { renderDocument } from '../format/output.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { withFlagNames } from '../flag-errors.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { parseDateOption, parseLotMethod, requireOneOf } from './options.ts';
import { ratesOf, type RateFlags } from './tax-gains.ts';
import { brokerOption, transactionsSource, type BrokerChoice } from './broker-flag.ts';
import { withCurrencyOptions, type CurrencyOptions } from './currency-flags.ts';

const PERIODS = { month: 'monthly', quarter: 'quarterly', year: 'annual' } as const;
const TIMINGS = { start: 'startOfDay', end: 'endOfDay' } as const;

/** The input fields of `performance` the flags set, for error messages. */
const FLAGS = {
  transactions: '--transactions',
  portfolio: '--portfolio',
  from: '--from',
  to: '--to',
  benchmark: '--benchmark',
  pricesHistory: '--prices-history',
  lotMethod: '--lot-method',
  accounts: '--accounts',
  equivalents: '--equivalents',
  baseCurrency: '--base-currency',
  currencies: '--currencies',
};

interface PerformanceOptions extends RateFlags, CurrencyOptions {
  transactions?: string;
  broker?: BrokerChoice;
  portfolio?: string;
  from?: string;
  to?: string;
  benchmark?: string;
  period: string;
  pricesHistory?: string;
  lotMethod: string;
  flowTiming: string;
  format: Format;
  chart?: string;
  accounts?: string;
  equivalents?: string;
}

/** The rates of the after-tax view; a state rate or NIIT alone is refused. */
function taxRatesOf(options: PerformanceOptions): ReturnType<typeof ratesOf> {
  const rates = ratesOf(options);
  if (rates === undefined) {
    const alone = options.stateRate !== undefined ? '--state-rate' : options.niit ? '--niit' : '';
    if (alone)
      throw invalidInput(alone, options.stateRate ?? true, 'give --short-rate or --long-rate too');
  }
  return rates;
}

/** The after-tax lines of the table (docs/tax.md "After-tax return"). */
function afterTaxLines(doc: PerformanceDocument): string[] {
  const a = doc.afterTax;
  if (!a) return [];
  const rows = [
    ['Realised short-term (taxable, wash sales applied)', fmtMoney(a.realizedShortTerm)],
    ['Realised long-term (taxable, wash sales applied)', fmtMoney(a.realizedLongTerm)],
    ['Dividends (taxable, assumed qualified)', fmtMoney(a.dividends)],
    ['Interest (taxable)', fmtMoney(a.interest)],
    ['Estimated tax (the window as one tax year)', fmtMoney(a.estimatedTax)],
    ['Return before tax (Modified Dietz)', pct(a.pretaxReturn)],
    ['Return after tax (Modified Dietz)', pct(a.return)],
    ['Tax drag', pct(a.drag)],
  ];
  return [
    '',
    'After tax (estimated at your flat marginal rates; IRA accounts owe nothing here)',
    renderTable(rows, [
      { title: 'Measure', value: (r) => r[0]! },
      { title: 'Value', value: (r) => r[1]!, align: 'right' },
    ]),
  ];
}

function pick<T extends Record<string, string>>(name: string, value: string, map: T): T[keyof T] {
  if (Object.hasOwn(map, value)) return map[value as keyof T];
  throw invalidInput(`--${name}`, value, `expected one of ${Object.keys(map).join(', ')}`);
}

const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : fmtPercent(x);

function periodColumns(doc: PerformanceDocument): Column<PerformancePeriod>[] {
  return [
    { title: 'Period', value: (p) => p.period },
    { title: 'Start', value: (p) => p.start },
    { title: 'End', value: (p) => p.end },
    { title: 'TWR', value: (p) => pct(p.twr), align: 'right' },
    ...(doc.benchmark
      ? [
          {
            title: 'Benchmark',
            value: (p: PerformancePeriod) => pct(p.benchmarkTwr),
            align: 'right' as const,
          },
        ]
      : []),
    { title: 'Flows', value: (p) => fmtMoney(p.flows), align: 'right' },
    { title: 'End value', value: (p) => fmtMoney(p.endValue), align: 'right' },
  ];
}

/** The line saying whether the returns are annualised (GIPS: not for a year or less). */
export function annualisationLine(doc: PerformanceDocument): string {
  return doc.mwrBasis === 'period'
    ? `Returns are for the ${doc.windowDays}-day window, not annualised (GIPS: a period of a year or less is never annualised).`
    : `Annualised figures: TWR geometric on 252 trading days a year, MWR as XIRR (Actual/365), over ${doc.windowDays} days.`;
}

/** The human-readable report: summary, period table, accounts, attribution, warnings. */
export function performanceTable(doc: PerformanceDocument, timing: string): string {
  const b = doc.benchmark;
  const annual = doc.mwrBasis === 'annual';
  const summary = [
    ['Start value', fmtMoney(doc.startValue)],
    ['End value', fmtMoney(doc.endValue)],
    ['Net flows', fmtMoney(doc.netFlows)],
    ['TWR', pct(doc.twr)],
    ['TWR annualised', annual ? pct(doc.twrAnnualized) : '— (not annualised)'],
    [annual ? 'MWR (XIRR, annual)' : 'MWR (for the period, not annualised)', pct(doc.mwr)],
    ...(doc.currency
      ? [
          ['TWR in local currency (constant FX rates)', pct(doc.currency.twrLocal)],
          ['Currency effect (TWR − local)', pct(doc.currency.currencyEffect)],
        ]
      : []),
    ...(b
      ? [
          [`Benchmark ${b.symbol} (total return)`, pct(b.twr)],
          ['Excess (TWR − benchmark)', pct(b.excess)],
        ]
      : []),
    ['Realised short-term', fmtMoney(doc.pnl.realizedShortTerm)],
    ['Realised long-term', fmtMoney(doc.pnl.realizedLongTerm)],
    ['Unrealised', fmtMoney(doc.pnl.unrealized)],
    ['Income (dividends + interest)', fmtMoney(doc.pnl.income)],
    ['Fees (not on trades)', fmtMoney(doc.pnl.fees)],
  ];
  return [
    `Performance ${doc.from} .. ${doc.to} (start value at the previous close; flows at the ${timing} of the day)`,
    renderTable(summary, [
      { title: 'Measure', value: (r) => r[0]! },
      { title: 'Value', value: (r) => r[1]!, align: 'right' },
    ]),
    annualisationLine(doc),
    ...afterTaxLines(doc),
    '',
    renderTable(doc.periods, periodColumns(doc)),
    '',
    renderTable(doc.accounts, [
      { title: 'Account', value: (a) => a.account },
      { title: 'End value', value: (a) => fmtMoney(a.endValue), align: 'right' },
      { title: 'TWR', value: (a) => pct(a.twr), align: 'right' },
    ]),
    '',
    attributionTable(doc),
    ...(doc.warnings.length ? ['', ...warningLines(doc.warnings)] : []),
  ].join('\n');
}

/** The period table as CSV. */
export function performanceCsv(doc: PerformanceDocument): string {
  return renderCsv(doc.periods, [
    { title: 'period', value: (p) => p.period },
    { title: 'start', value: (p) => p.start },
    { title: 'end', value: (p) => p.end },
    { title: 'twr', value: (p) => String(p.twr) },
    {
      title: 'benchmark_twr',
      value: (p) => (p.benchmarkTwr === undefined ? '' : String(p.benchmarkTwr)),
    },
    { title: 'flows', value: (p) => String(p.flows) },
    { title: 'end_value', value: (p) => String(p.endValue) },
  ]);
}

/** Registers `ballast performance`. */
export function registerPerformance(program: Command, io: Io, runtime: Runtime): void {
  const command = program
    .command('performance')
    .description(
      'Portfolio history from the ledger and stored prices: TWR, MWR, periods, benchmark, P&L, attribution by position',
    )
    .option('--transactions <file>', 'transactions CSV (see README "Transactions file")')
    .option('--portfolio <name>', 'the ledger of this stored portfolio, instead of --transactions')
    .addOption(brokerOption())
    .option(
      '--from <date>',
      'first day whose return counts (default: the first transaction)',
      (v) => parseDateOption('--from', v),
    )
    .option(
      '--to <date>',
      'last day, inclusive (default: today, or the last date of --prices-history)',
      (v) => parseDateOption('--to', v),
    )
    .option(
      '--benchmark <symbol>',
      'benchmark total return from adjusted closes over the same periods',
    )
    .option('--period <p>', 'month | quarter | year (rows of the period table)', 'month')
    .option(
      '--prices-history <file>',
      'CSV date,symbol,close[,adj_close] instead of the store (unadjusted closes)',
    )
    .option(
      '--lot-method <method>',
      'fifo | lifo | hifo | average | specific',
      parseLotMethod,
      'fifo',
    )
    .option(
      '--flow-timing <t>',
      'start | end: external flows enter at the start (default) or the end of their day',
      'start',
    )
    .option(
      '--chart <file>',
      'also write growth of $1 of the daily TWR over its drawdown (and the benchmark) as .svg or .png',
    )
    .option('--short-rate <r>', 'after tax: marginal federal rate on short-term gains and interest')
    .option('--long-rate <r>', 'after tax: federal rate on long-term gains and dividends')
    .option('--state-rate <r>', 'after tax: state rate on all of them (decimal)')
    .option('--niit', 'after tax: add the 3.8 % net investment income tax')
    .option(
      '--accounts <file>',
      'after tax: accounts CSV account,type (default: the stored portfolio’s, else all taxable)',
    )
    .option('--equivalents <file>', 'after tax: substantially identical securities (symbol,group)');
  withCurrencyOptions(command)
    .option(
      '--format <format>',
      'table | json | csv (csv: the period table)',
      parseFormat,
      'table' as Format,
    )
    .action(async (options: PerformanceOptions, command: Command) => {
      requireOneOf(options as unknown as Record<string, unknown>, ['transactions', 'portfolio']);
      const period = pick('period', options.period, PERIODS);
      const flowTiming = pick('flow-timing', options.flowTiming, TIMINGS);
      if (options.chart !== undefined) chartFormatOf(options.chart);
      const taxRates = taxRatesOf(options);
      if (options.from && options.to && options.from > options.to)
        throw invalidInput('--from', options.from, `must not be after --to ${options.to}`);
      const { document, chart } = await withDeps(command, runtime, (deps) =>
        withFlagNames(FLAGS, () =>
          performanceWithChart(
            {
              ...(options.transactions === undefined && options.broker === undefined
                ? {}
                : { transactions: transactionsSource(options)! }),
              ...(options.portfolio === undefined ? {} : { portfolio: options.portfolio }),
              ...(options.from === undefined ? {} : { from: options.from }),
              ...(options.to === undefined ? {} : { to: options.to }),
              ...(options.benchmark === undefined ? {} : { benchmark: options.benchmark }),
              period,
              ...(options.pricesHistory === undefined
                ? {}
                : { pricesHistory: { path: options.pricesHistory } }),
              lotMethod: options.lotMethod,
              flowTiming,
              chart: options.chart !== undefined,
              ...(taxRates === undefined ? {} : { taxRates }),
              ...(options.accounts === undefined ? {} : { accounts: { path: options.accounts } }),
              ...(options.equivalents === undefined
                ? {}
                : { equivalents: { path: options.equivalents } }),
              ...(options.baseCurrency === undefined ? {} : { baseCurrency: options.baseCurrency }),
              ...(options.currencies === undefined ? {} : { currencies: options.currencies }),
            },
            deps,
          ),
        ),
      );
      if (options.format !== 'table')
        for (const line of warningLines(document.warnings)) io.err(line);
      io.out(
        renderDocument(options.format, {
          json: document,
          table: () => performanceTable(document, options.flowTiming),
          csv: () => performanceCsv(document),
        }),
      );
      if (options.chart !== undefined && chart)
        io.err(describeWrittenChart(await writeChartFile(options.chart, chart)));
    });
}

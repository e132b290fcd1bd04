import type { Command } from 'commander';
import { addDays, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { createNyseCalendar } from '../../domain/calendar/trading-calendar.ts';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import type { LotMethod, Transaction } from '../../domain/ledger/types.ts';
import { BenchmarkSeries, type AdjustedClose } from '../../domain/performance/benchmark.ts';
import { portfolioHistory, symbolsToPrice } from '../../domain/performance/history.ts';
import {
  performanceReport,
  type PerformanceFlag,
  type PerformanceReport,
  type PeriodRow,
} from '../../domain/performance/performance-report.ts';
import type { ClosePoint } from '../../domain/performance/types.ts';
import { parsePricesHistoryCsv } from '../../data/ledger/prices-history-csv.ts';
import { parseTransactionsCsv } from '../../data/ledger/transactions-csv.ts';
import { contextOf, type CommandContext, type Runtime } from '../context.ts';
import { attributionJson, attributionTable } from '../format/attribution.ts';
import { chartFormatOf } from '../format/chart-file.ts';
import { benchmarkDailyReturns, writePerformanceChart } from '../format/performance-chart.ts';
import { fmtMoney, fmtPercent, roundCents, roundFine } from '../format/numbers.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { parseFormat, readTextFile, type Format, type Io } from '../io.ts';
import { parseDateOption, parseLotMethod } from './options.ts';

const PERIODS = { month: 'monthly', quarter: 'quarterly', year: 'annual' } as const;
const TIMINGS = { start: 'startOfDay', end: 'endOfDay' } as const;

interface PerformanceOptions {
  transactions: string;
  from?: string;
  to?: string;
  benchmark?: string;
  period: string;
  pricesHistory?: string;
  lotMethod: LotMethod;
  flowTiming: string;
  format: Format;
  chart?: string;
}

interface Prices {
  readonly closes: Map<string, readonly ClosePoint[]>;
  readonly benchmark?: BenchmarkSeries;
  readonly warnings: string[];
}

function pick<T extends Record<string, string>>(name: string, value: string, map: T): T[keyof T] {
  if (Object.hasOwn(map, value)) return map[value as keyof T];
  throw invalidInput(`--${name}`, value, `expected one of ${Object.keys(map).join(', ')}`);
}

function unavailable(symbol: string, where: string): BallastError {
  return new BallastError('DATA_UNAVAILABLE', `${symbol}: no prices in ${where}`, {
    field: 'prices',
    symbol,
  });
}

function pricesFromFile(file: string, need: { symbols: string[]; benchmark?: string }): Prices {
  const parsed = parsePricesHistoryCsv(readTextFile(file, '--prices-history'), file);
  const closes = new Map<string, readonly ClosePoint[]>();
  for (const s of need.symbols)
    closes.set(s, parsed.closes.get(s) ?? throwing(unavailable(s, `--prices-history ${file}`)));
  if (need.benchmark === undefined) return { closes, warnings: [] };
  const adj = parsed.adjusted.get(need.benchmark);
  if (!adj) throw unavailable(need.benchmark, `the adj_close column of --prices-history ${file}`);
  return { closes, benchmark: new BenchmarkSeries(need.benchmark, adj), warnings: [] };
}

function throwing(e: Error): never {
  throw e;
}

async function pricesFromStore(
  ctx: CommandContext,
  need: { symbols: string[]; benchmark?: string; from: IsoDate; to: IsoDate },
): Promise<Prices> {
  const service = await ctx.service();
  const range = { from: need.from, to: need.to, offline: ctx.offline };
  const closes = new Map<string, readonly ClosePoint[]>();
  const warnings: string[] = [];
  for (const symbol of need.symbols) {
    const result = await service.getPrices(symbol, range);
    if (result.stale)
      warnings.push(
        `${symbol}: served from the store only (${result.attempts.map((a) => a.message).join('; ')})`,
      );
    closes.set(
      symbol,
      result.rows.map((b) => ({ date: b.date, close: b.close })),
    );
  }
  if (need.benchmark === undefined) return { closes, warnings };
  const bars = (await service.getPrices(need.benchmark, range)).rows;
  const adj: AdjustedClose[] = bars.flatMap((b) =>
    b.adjClose === undefined ? [] : [{ date: b.date, adjClose: b.adjClose }],
  );
  if (adj.length === 0) throw unavailable(need.benchmark, 'the store with an adjusted close');
  return { closes, benchmark: new BenchmarkSeries(need.benchmark, adj), warnings };
}

/** One line per flag, for people. */
export function describeFlag(f: PerformanceFlag): string {
  switch (f.kind) {
    case 'carriedClose':
      return `${f.symbol}: no close on ${f.from}..${f.to}; the close of ${f.priceDate} was carried forward`;
    case 'lastTrade':
      return `${f.symbol}: no close yet on ${f.from}..${f.to}; valued at the ledger's last trade price (${f.priceDate})`;
    case 'partialPeriod':
      return `${f.period} is a partial period (${f.start}..${f.end})`;
    case 'benchmarkCarried':
      return `benchmark ${f.symbol}: no adjusted close on ${f.date}; the one of ${f.priceDate} was used`;
    case 'undefinedMeasure':
      return `${f.measure} is undefined: ${f.reason}`;
  }
}

const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : fmtPercent(x);

function periodColumns(report: PerformanceReport): Column<PeriodRow>[] {
  return [
    { title: 'Period', value: (p) => p.period },
    { title: 'Start', value: (p) => p.start },
    { title: 'End', value: (p) => p.end },
    { title: 'TWR', value: (p) => pct(p.twr), align: 'right' },
    ...(report.benchmark
      ? [
          {
            title: 'Benchmark',
            value: (p: PeriodRow) => pct(p.benchmarkTwr),
            align: 'right' as const,
          },
        ]
      : []),
    { title: 'Flows', value: (p) => fmtMoney(p.flows), align: 'right' },
    { title: 'End value', value: (p) => fmtMoney(p.endValue), align: 'right' },
  ];
}

/** The human-readable report: summary, period table, accounts, flags. */
export function performanceTable(report: PerformanceReport, timing: string): string {
  const b = report.benchmark;
  const summary = [
    ['Start value', fmtMoney(report.startValue)],
    ['End value', fmtMoney(report.endValue)],
    ['Net flows', fmtMoney(report.netFlows)],
    ['TWR', pct(report.twr)],
    ['TWR annualised', pct(report.twrAnnualized)],
    ['MWR (XIRR, annual)', pct(report.mwr)],
    ...(b
      ? [
          [`Benchmark ${b.symbol} (total return)`, pct(b.twr)],
          ['Excess (TWR − benchmark)', pct(b.excess)],
        ]
      : []),
    ['Realised short-term', fmtMoney(report.pnl.realizedShortTerm)],
    ['Realised long-term', fmtMoney(report.pnl.realizedLongTerm)],
    ['Unrealised', fmtMoney(report.pnl.unrealized)],
    ['Income (dividends + interest)', fmtMoney(report.pnl.income)],
    ['Fees (not on trades)', fmtMoney(report.pnl.fees)],
  ];
  return [
    `Performance ${report.from} .. ${report.to} (start value at the previous close; flows at the ${timing} of the day)`,
    renderTable(summary, [
      { title: 'Measure', value: (r) => r[0]! },
      { title: 'Value', value: (r) => r[1]!, align: 'right' },
    ]),
    '',
    renderTable(report.periods, periodColumns(report)),
    '',
    renderTable(report.accounts, [
      { title: 'Account', value: (a) => a.account },
      { title: 'End value', value: (a) => fmtMoney(a.endValue), align: 'right' },
      { title: 'TWR', value: (a) => pct(a.twr), align: 'right' },
    ]),
    '',
    attributionTable(report.attribution),
    ...(report.flags.length
      ? ['', 'Flags', ...report.flags.map((f) => `  - ${describeFlag(f)}`)]
      : []),
  ].join('\n');
}

/** The JSON contract: money rounded to cents, returns to 12 significant digits. */
export function performanceJson(report: PerformanceReport): unknown {
  const r = (x: number | null | undefined): number | null =>
    x === null || x === undefined ? null : roundFine(x);
  return {
    from: report.from,
    to: report.to,
    startValue: roundCents(report.startValue),
    endValue: roundCents(report.endValue),
    netFlows: roundCents(report.netFlows),
    twr: r(report.twr),
    twrAnnualized: r(report.twrAnnualized),
    mwr: r(report.mwr),
    ...(report.benchmark
      ? {
          benchmark: {
            symbol: report.benchmark.symbol,
            twr: r(report.benchmark.twr),
            excess: r(report.benchmark.excess),
          },
        }
      : {}),
    periods: report.periods.map((p) => ({
      period: p.period,
      start: p.start,
      end: p.end,
      twr: r(p.twr),
      ...(p.benchmarkTwr === undefined ? {} : { benchmarkTwr: r(p.benchmarkTwr) }),
      flows: roundCents(p.flows),
      endValue: roundCents(p.endValue),
    })),
    pnl: {
      realizedShortTerm: roundCents(report.pnl.realizedShortTerm),
      realizedLongTerm: roundCents(report.pnl.realizedLongTerm),
      unrealized: roundCents(report.pnl.unrealized),
      income: roundCents(report.pnl.income),
      fees: roundCents(report.pnl.fees),
    },
    accounts: report.accounts.map((a) => ({
      account: a.account,
      endValue: roundCents(a.endValue),
      twr: r(a.twr),
    })),
    attribution: attributionJson(report.attribution),
    flags: report.flags,
  };
}

async function run(options: PerformanceOptions, ctx: CommandContext, io: Io): Promise<void> {
  const frequency = pick('period', options.period, PERIODS);
  const flowTiming = pick('flow-timing', options.flowTiming, TIMINGS);
  if (options.chart !== undefined) chartFormatOf(options.chart);
  if (options.from && options.to && options.from > options.to)
    throw invalidInput('--from', options.from, `must not be after --to ${options.to}`);
  const transactions: Transaction[] = parseTransactionsCsv(
    readTextFile(options.transactions, '--transactions'),
    options.transactions,
  );
  const file = options.pricesHistory;
  const fileTo = file
    ? parsePricesHistoryCsv(readTextFile(file, '--prices-history'), file).lastDate
    : undefined;
  const to = options.to ?? fileTo ?? ctx.runtime.clock.today();
  const calendar = createNyseCalendar();
  const base = {
    transactions,
    calendar,
    to,
    lotMethod: options.lotMethod,
    ...(options.from ? { from: options.from } : {}),
  };
  const symbols = symbolsToPrice(base);
  const benchmark = options.benchmark?.trim().toUpperCase();
  const need = { symbols, ...(benchmark ? { benchmark } : {}) };
  const first =
    options.from && options.from > transactions[0]!.date ? options.from : transactions[0]!.date;
  const prices = file
    ? pricesFromFile(file, need)
    : await pricesFromStore(ctx, { ...need, from: addDays(first, -14), to });
  for (const w of prices.warnings) io.err(`warning: ${w}`);
  const history = portfolioHistory({ ...base, prices: prices.closes });
  const report = performanceReport({
    transactions,
    history,
    calendar,
    frequency,
    flowTiming,
    lotMethod: options.lotMethod,
    ...(prices.benchmark ? { benchmark: prices.benchmark } : {}),
  });
  if (options.format === 'json') io.out(JSON.stringify(performanceJson(report), null, 2));
  else if (options.format === 'csv')
    io.out(
      renderCsv(report.periods, [
        { title: 'period', value: (p) => p.period },
        { title: 'start', value: (p) => p.start },
        { title: 'end', value: (p) => p.end },
        { title: 'twr', value: (p) => String(roundFine(p.twr)) },
        {
          title: 'benchmark_twr',
          value: (p) => (p.benchmarkTwr === undefined ? '' : String(roundFine(p.benchmarkTwr))),
        },
        { title: 'flows', value: (p) => String(roundCents(p.flows)) },
        { title: 'end_value', value: (p) => String(roundCents(p.endValue)) },
      ]),
    );
  else io.out(performanceTable(report, options.flowTiming));
  if (options.chart !== undefined) {
    const daily = report.attribution.days.map((d) => ({ date: d.date, value: d.twr }));
    const dates = daily.map((d) => d.date);
    const bench = prices.benchmark;
    await writePerformanceChart(
      options.chart,
      {
        daily,
        ...(bench
          ? {
              benchmark: {
                name: bench.symbol,
                daily: benchmarkDailyReturns(bench, { base: history.days[0]!.date, dates }),
              },
            }
          : {}),
      },
      io,
    );
  }
}

/** Registers `ballast performance`. */
export function registerPerformance(program: Command, io: Io, runtime: Runtime): void {
  program
    .command('performance')
    .description(
      'Portfolio history from the ledger and stored prices: TWR, MWR, periods, benchmark, P&L, attribution by position',
    )
    .requiredOption('--transactions <file>', 'transactions CSV (see README "Transactions file")')
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
      'fifo' as LotMethod,
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
    .option(
      '--format <format>',
      'table | json | csv (csv: the period table)',
      parseFormat,
      'table' as Format,
    )
    .action(async (options: PerformanceOptions, command: Command) => {
      const ctx = contextOf(command, runtime);
      try {
        await run(options, ctx, io);
      } finally {
        await ctx.close();
      }
    });
}

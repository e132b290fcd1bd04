/**
 * Use case `performance`: the ledger replayed over trading days and valued at the day's
 * unadjusted close (`domain/performance`), reported as TWR (chain-linked between external
 * flows), MWR, calendar periods, an optional benchmark's total return, P&L, per-account TWR,
 * Carino-linked attribution by position, and an optional growth-of-$1 chart option.
 *
 * Returns over a window of a year or less are NOT annualised (GIPS; docs/conventions.md, "Risk
 * and performance measures"): `twrAnnualized` is null and `mwr` is the window's own
 * money-weighted return (`mwrBasis: 'period'`); longer windows give the annual XIRR
 * (`mwrBasis: 'annual'`).
 *
 * The ledger is a transactions file (`transactions`) or a stored portfolio's (`portfolio`, the
 * same document as for the file it was imported from); exactly one of them.
 *
 * Prices come from `pricesHistory` when given, else from the store through market data
 * (refreshing unless `deps.offline`; stale data is a `PRICES_STALE` warning). `to` defaults to
 * the last date of `pricesHistory`, else `deps.clock.today()`; `from` to the first transaction.
 *
 * With `taxRates` the document has `afterTax` (performance-after-tax.ts; docs/tax.md "After-tax
 * return"): the taxable accounts' realised gains with wash sales applied, their dividends and
 * interest, the estimated tax and the window's Modified Dietz return before and after it.
 * `pnl` is the economic P&L of the replay without wash sales. `accounts` (tax types) and
 * `equivalents` only serve the after-tax view.
 *
 * @example
 * ```ts
 * const doc = await performance(
 *   { transactions: { path: 'ledger.csv' }, pricesHistory: { path: 'prices.csv' }, period: 'quarterly' },
 *   deps,
 * );
 * doc.twr; doc.mwr; doc.mwrBasis; // 'period' for a window of a year or less
 * ```
 */

import * as z from 'zod';
import { createNyseCalendar } from '../domain/calendar/trading-calendar.ts';
import { invalidInput } from '../domain/errors.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import { portfolioHistory, symbolsToPrice } from '../domain/performance/history.ts';
import { performanceReport } from '../domain/performance/performance-report.ts';
import { parsePricesHistoryCsv } from '../data/ledger/prices-history-csv.ts';
import { parseTransactionsCsv } from '../data/ledger/transactions-csv.ts';
import type { ChartOption } from '../report/chart-style.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { performanceAfterTax } from './performance-after-tax.ts';
import { dailySeries, performanceChart } from './performance-chart.ts';
import { performanceDocument, type PerformanceDocument } from './performance-document.ts';
import { pricesFromFile, pricesFromStore } from './performance-prices.ts';
import { isoDateSchema, lotMethodSchema } from './schemas.ts';
import { readSource, textSourceSchema } from './sources.ts';
import { portfolioNameSchema, readStoredLedgerWithCurrencies } from './stored-ledger.ts';
import { taxRatesSchema } from './tax-gains.ts';
import { washRuleShape } from './tax-ledger.ts';
import { currencySchema, symbolCurrenciesSchema } from './fx-schemas.ts';
import { isMultiCurrency } from './ledger-base.ts';
import { performanceCurrencies, type PerformanceCurrencies } from './performance-currency.ts';

export type {
  AfterTaxDocument,
  AttributionDocument,
  PerformanceDocument,
  PerformancePeriod,
} from './performance-document.ts';
export { CASH_OTHER } from '../domain/performance/attribution.ts';
export type { PerformanceFlag } from '../domain/performance/performance-report.ts';
export type { Warning } from '../domain/warnings.ts';

/** The fields of {@link performanceInputSchema}, before the checks across them. */
export const performanceFieldsSchema = z.object({
  /** The ledger, in the transactions-CSV format (or `portfolio`). */
  transactions: textSourceSchema.optional(),
  /** Or a stored portfolio whose ledger to replay. */
  portfolio: portfolioNameSchema.optional(),
  /** First day whose return counts (default: the first transaction). */
  from: isoDateSchema.optional(),
  /** Last day, inclusive (default: the last date of `pricesHistory`, else today). */
  to: isoDateSchema.optional(),
  /** Benchmark symbol: total return from its adjusted closes over the same periods. */
  benchmark: z
    .string()
    .trim()
    .min(1)
    .transform((s) => s.toUpperCase())
    .optional(),
  /** Rows of the period table. */
  period: z.enum(['monthly', 'quarterly', 'annual']).default('monthly'),
  /** `date,symbol,close[,adj_close]` instead of the store (unadjusted closes). */
  pricesHistory: textSourceSchema.optional(),
  lotMethod: lotMethodSchema.default('fifo'),
  /** External flows enter at the start (default) or the end of their day. */
  flowTiming: z.enum(['startOfDay', 'endOfDay']).default('startOfDay'),
  /** Build the chart option ({@link performanceWithChart}). */
  chart: z.boolean().default(false),
  /** Add the daily series (`daily`: the portfolio's daily TWR, the benchmark's daily return). */
  daily: z.boolean().default(false),
  /** Add the after-tax view (`afterTax`) at these marginal rates (decimals). */
  taxRates: taxRatesSchema.optional(),
  /** Tax types, equivalents and the wash-sale rule of the after-tax view (`tax-ledger.ts`). */
  ...washRuleShape,
  /**
   * Report in this currency (default USD); with rows or symbols in other currencies the document
   * gets `currency` (the TWR in local currency and the currency effect; docs/currencies.md).
   */
  baseCurrency: currencySchema.optional(),
  /** Currency of symbols' prices (and of their rows without a `currency` cell): `{ SAP: 'EUR' }`. */
  currencies: symbolCurrenciesSchema.optional(),
});

/** Input of {@link performance}: one ledger (`transactions` or `portfolio`), `from` ≤ `to`. */
export const performanceInputSchema = performanceFieldsSchema
  .refine((i) => i.from === undefined || i.to === undefined || i.from <= i.to, {
    path: ['from'],
    message: 'must not be after to',
  })
  .superRefine((i, ctx) => {
    if ((i.transactions === undefined) !== (i.portfolio === undefined)) return;
    const both = i.portfolio !== undefined;
    ctx.addIssue({
      code: 'custom',
      path: [both ? 'portfolio' : 'transactions'],
      input: both ? i.portfolio : undefined,
      message: both ? 'give transactions or portfolio, not both' : 'give transactions or portfolio',
    });
  })
  .superRefine((i, ctx) => {
    if (i.taxRates !== undefined) return;
    for (const field of ['accounts', 'equivalents'] as const)
      if (i[field] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          input: i[field],
          message: 'serves only the after-tax view: give tax rates too',
        });
  });

/** What callers pass to {@link performance} (defaults applied inside). */
export type PerformanceInput = z.input<typeof performanceInputSchema>;

/**
 * The ledger of the input and its base currency: the transactions file's (base `baseCurrency`,
 * default USD), or the stored portfolio's (not empty; base `baseCurrency`, default the
 * portfolio's own; a stored row without a currency is in the portfolio's base currency).
 */
async function ledgerOf(
  input: z.output<typeof performanceInputSchema>,
  deps: AppDeps,
): Promise<{ transactions: Transaction[]; baseCurrency: string }> {
  if (input.portfolio === undefined) {
    const ledger = readSource(input.transactions!, 'transactions');
    const transactions = parseTransactionsCsv(ledger.text, ledger.name);
    return { transactions, baseCurrency: input.baseCurrency ?? 'USD' };
  }
  const stored = await readStoredLedgerWithCurrencies(input.portfolio, deps);
  if (stored.transactions.length === 0)
    throw invalidInput('portfolio', input.portfolio, 'the stored portfolio has no transactions');
  const baseCurrency = input.baseCurrency ?? stored.baseCurrency;
  const foreign = stored.baseCurrency !== baseCurrency;
  return {
    transactions: foreign
      ? stored.transactions.map((tx) => ({ currency: stored.baseCurrency, ...tx }))
      : stored.transactions,
    baseCurrency,
  };
}

/**
 * The two conversions of a ledger in several currencies, or undefined when every row and symbol
 * is in the base currency (the document is then exactly the single-currency one).
 */
async function currenciesOf(
  input: z.output<typeof performanceInputSchema>,
  ledger: {
    readonly transactions: readonly Transaction[];
    readonly baseCurrency: string;
    readonly to: string;
  },
  deps: AppDeps,
): Promise<PerformanceCurrencies | undefined> {
  const { transactions, to } = ledger;
  const view = { baseCurrency: ledger.baseCurrency, currencies: input.currencies };
  if (!isMultiCurrency(transactions, view)) return undefined;
  return performanceCurrencies(transactions, { ...view, from: input.from, to }, deps);
}

/**
 * The document and, when `input.chart`, the growth-of-$1 chart option of the daily TWR (and the
 * benchmark).
 */
export async function performanceWithChart(
  raw: PerformanceInput,
  deps: AppDeps,
): Promise<{ document: PerformanceDocument; chart?: ChartOption }> {
  const input = parseInput(performanceInputSchema, raw);
  const { transactions: ledger, baseCurrency } = await ledgerOf(input, deps);
  const file = input.pricesHistory && readSource(input.pricesHistory, 'pricesHistory');
  const parsed = file && parsePricesHistoryCsv(file.text, file.name);
  const to = input.to ?? parsed?.lastDate ?? deps.clock.today();
  const fx = await currenciesOf(input, { transactions: ledger, baseCurrency, to }, deps);
  const transactions = fx ? fx.inBase.transactions : ledger;
  const calendar = createNyseCalendar();
  const base = {
    transactions,
    calendar,
    to,
    lotMethod: input.lotMethod,
    ...(input.from ? { from: input.from } : {}),
  };
  const need = { symbols: symbolsToPrice(base), benchmark: input.benchmark };
  const firstTrade = transactions[0]!.date;
  const prices =
    parsed && file
      ? pricesFromFile(parsed, { ...need, name: file.name })
      : await pricesFromStore(deps, {
          ...need,
          first: input.from && input.from > firstTrade ? input.from : firstTrade,
          to,
        });
  const history = portfolioHistory({
    ...base,
    prices: fx ? fx.toBase(prices.closes) : prices.closes,
  });
  const reportOf = (ledgerRows: Transaction[], days: typeof history) =>
    performanceReport({
      transactions: ledgerRows,
      history: days,
      calendar,
      frequency: input.period,
      flowTiming: input.flowTiming,
      lotMethod: input.lotMethod,
      ...(prices.benchmark ? { benchmark: prices.benchmark } : {}),
    });
  const report = reportOf(transactions, history);
  const currency =
    fx &&
    fx.document(
      report.twr,
      reportOf(
        fx.constantTransactions,
        portfolioHistory({
          ...base,
          transactions: fx.constantTransactions,
          prices: fx.toConstant(prices.closes),
        }),
      ).twr,
    );
  const afterTax =
    input.taxRates &&
    (await performanceAfterTax(
      { input: { ...input, taxRates: input.taxRates }, transactions, days: history.days },
      deps,
    ));
  const document = {
    ...performanceDocument(report, prices.warnings),
    ...(currency ? { currency } : {}),
    ...(afterTax ? { afterTax } : {}),
    ...(input.daily
      ? { daily: dailySeries({ report, history, benchmark: prices.benchmark }) }
      : {}),
  };
  if (!input.chart) return { document };
  return { document, chart: performanceChart({ report, history, benchmark: prices.benchmark }) };
}

/** The `performance` document (see the module comment). */
export async function performance(
  raw: PerformanceInput,
  deps: AppDeps,
): Promise<PerformanceDocument> {
  return (await performanceWithChart(raw, deps)).document;
}

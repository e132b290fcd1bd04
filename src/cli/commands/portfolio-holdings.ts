/**
 * `ballast portfolio holdings NAME` (lots priced, terms, totals, realised gains by year) and
 * `ballast portfolio summary NAME` (the overview: value, gains, leverage, changes at stored
 * closes) — the `portfolioHoldings` and `portfolioSummary` use cases.
 */

import type { Command } from 'commander';
import { warningLines } from '../../app/errors.ts';
import {
  portfolioHoldings,
  type HoldingLot,
  type HoldingTotals,
  type PortfolioHoldingsDocument,
} from '../../app/portfolio-holdings.ts';
import { portfolioSummary, type PortfolioSummaryDocument } from '../../app/portfolio-summary.ts';
import { withDeps, type Runtime } from '../context.ts';
import { withFlagNames } from '../flag-errors.ts';
import { fmtMoney, fmtPercent, fmtPrice, fmtQuantity } from '../format/numbers.ts';
import { renderDocument } from '../format/output.ts';
import { pricingLines } from '../format/pricing.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { parseFormat, parseTableOrJson, type Format, type Io } from '../io.ts';
import { fundsField, FUNDS_STORED_HELP } from './funds-flags.ts';
import { parseDateOption, parseLotMethod } from './options.ts';

interface ReadOptions {
  asOf?: string;
  lotMethod: string;
  funds?: string;
  fundsStored?: string;
  format: Format;
}

const FLAGS = {
  asOf: '--as-of',
  lotMethod: '--lot-method',
  funds: '--funds',
  'funds.stored': '--funds-stored',
};

/** One lot with its account and symbol, for the tables and the CSV. */
type LotRow = HoldingLot & { readonly account: string; readonly symbol: string };

const money = (x: number | null): string => (x === null ? '—' : fmtMoney(x));

function lotRows(doc: PortfolioHoldingsDocument): LotRow[] {
  return doc.accounts.flatMap((a) =>
    a.positions.flatMap((p) => p.lots.map((l) => ({ ...l, account: a.account, symbol: p.symbol }))),
  );
}

const csvColumns: Column<LotRow>[] = [
  { title: 'account', value: (r) => r.account },
  { title: 'symbol', value: (r) => r.symbol },
  { title: 'lot', value: (r) => r.id },
  { title: 'acquired', value: (r) => r.acquired },
  { title: 'quantity', value: (r) => String(r.quantity) },
  { title: 'cost_per_share', value: (r) => String(r.costPerShare) },
  { title: 'cost_basis', value: (r) => String(r.costBasis) },
  { title: 'price', value: (r) => (r.price === null ? '' : String(r.price)) },
  { title: 'price_source', value: (r) => r.priceSource ?? '' },
  { title: 'price_date', value: (r) => r.priceDate ?? '' },
  { title: 'market_value', value: (r) => (r.marketValue === null ? '' : String(r.marketValue)) },
  {
    title: 'unrealized_gain',
    value: (r) => (r.unrealizedGain === null ? '' : String(r.unrealizedGain)),
  },
  { title: 'term', value: (r) => r.term },
  {
    title: 'days_until_long_term',
    value: (r) => (r.daysUntilLongTerm === null ? '' : String(r.daysUntilLongTerm)),
  },
];

const totalsColumns: Column<{ name: string; totals: HoldingTotals }>[] = [
  { title: 'Account', value: (r) => r.name },
  { title: 'Cash', value: (r) => fmtMoney(r.totals.cash), align: 'right' },
  { title: 'Cost basis', value: (r) => fmtMoney(r.totals.costBasis), align: 'right' },
  { title: 'Market value', value: (r) => fmtMoney(r.totals.marketValue), align: 'right' },
  { title: 'Unrealised', value: (r) => fmtMoney(r.totals.unrealizedGain), align: 'right' },
  { title: 'Value', value: (r) => fmtMoney(r.totals.value), align: 'right' },
];

/** Human-readable view of a {@link PortfolioHoldingsDocument}. */
export function holdingsTable(doc: PortfolioHoldingsDocument): string {
  return [
    `Holdings of ${doc.portfolio} as of ${doc.asOf} (lot relief: ${doc.lotMethod.toUpperCase()}; terms: ${doc.termRule})`,
    renderTable(lotRows(doc), [
      { title: 'Account', value: (r) => r.account },
      { title: 'Symbol', value: (r) => r.symbol },
      { title: 'Lot', value: (r) => r.id },
      { title: 'Acquired', value: (r) => r.acquired },
      { title: 'Quantity', value: (r) => fmtQuantity(r.quantity), align: 'right' },
      { title: 'Cost/share', value: (r) => fmtPrice(r.costPerShare), align: 'right' },
      { title: 'Cost basis', value: (r) => fmtMoney(r.costBasis), align: 'right' },
      {
        title: 'Price',
        value: (r) => (r.price === null ? '—' : fmtPrice(r.price)),
        align: 'right',
      },
      {
        title: 'Priced by',
        value: (r) =>
          r.priceSource === null ? 'unpriced' : `${r.priceSource} ${r.priceDate ?? ''}`.trim(),
      },
      { title: 'Value', value: (r) => money(r.marketValue), align: 'right' },
      { title: 'Unrealised', value: (r) => money(r.unrealizedGain), align: 'right' },
      { title: 'Term', value: (r) => r.term },
      {
        title: 'Days to long',
        value: (r) => (r.daysUntilLongTerm === null ? '—' : String(r.daysUntilLongTerm)),
        align: 'right',
      },
    ]),
    '',
    renderTable(
      [
        ...doc.accounts.map((a) => ({ name: a.account, totals: a.totals })),
        { name: 'Total', totals: doc.totals },
      ],
      totalsColumns,
    ),
    '',
    'Realised gains by year of disposal',
    doc.realizedByYear.length === 0
      ? '(none)'
      : renderTable(doc.realizedByYear, [
          { title: 'Year', value: (r) => String(r.year) },
          { title: 'Short-term', value: (r) => fmtMoney(r.shortTerm), align: 'right' },
          { title: 'Long-term', value: (r) => fmtMoney(r.longTerm), align: 'right' },
          { title: 'Total', value: (r) => fmtMoney(r.total), align: 'right' },
        ]),
    ...(doc.unpriced.length === 0
      ? []
      : [`Unpriced (not in market value): ${doc.unpriced.join(', ')}`]),
    ...pricingLines(doc.pricing),
    ...warningLines(doc.warnings),
  ].join('\n');
}

const PERIODS = [
  ['oneDay', '1 day'],
  ['oneMonth', '1 month'],
  ['threeMonths', '3 months'],
  ['yearToDate', 'year to date'],
  ['oneYear', '1 year'],
] as const;

/** Human-readable view of a {@link PortfolioSummaryDocument}. */
export function summaryTable(doc: PortfolioSummaryDocument): string {
  const lev = doc.leverage;
  const accounts = Object.entries(doc.cash.byAccount)
    .map(([a, c]) => `${a} ${fmtMoney(c)}`)
    .join(', ');
  return [
    `Portfolio ${doc.portfolio} as of ${doc.asOf}`,
    `Total value ${fmtMoney(doc.totalValue)}: market value ${fmtMoney(doc.marketValue)} + cash ${fmtMoney(doc.cash.total)}${accounts === '' ? '' : ` (${accounts})`}`,
    `Cost basis ${fmtMoney(doc.costBasis)}; unrealised gain ${fmtMoney(doc.unrealizedGain)}`,
    `Realised: short-term ${fmtMoney(doc.realized.shortTerm)}, long-term ${fmtMoney(doc.realized.longTerm)}, total ${fmtMoney(doc.realized.total)}`,
    `Income: dividends ${fmtMoney(doc.income.dividends)}, interest ${fmtMoney(doc.income.interest)}, fees ${fmtMoney(doc.income.fees)}; net contributions ${fmtMoney(doc.netContributions)}`,
    lev.gross === null || lev.net === null
      ? `Economic leverage: — (${lev.reason ?? 'undefined'})`
      : `Economic leverage: gross ${fmtPercent(lev.gross)}, net ${fmtPercent(lev.net)} of total value${lev.unexplained.length === 0 ? '' : ` (not looked through: ${lev.unexplained.map((u) => u.symbol).join(', ')})`}`,
    '',
    `Change at stored closes${doc.changes.to === null ? '' : `, to ${doc.changes.to}`}`,
    renderTable(
      PERIODS.map(([key, label]) => ({ label, w: doc.changes[key] })),
      [
        { title: 'Window', value: (r) => r.label },
        { title: 'From', value: (r) => r.w.from ?? '—' },
        {
          title: 'Change',
          value: (r) => (r.w.change === null ? '—' : fmtMoney(r.w.change)),
          align: 'right',
        },
        {
          title: 'Return',
          value: (r) => (r.w.return === null ? '—' : fmtPercent(r.w.return)),
          align: 'right',
        },
        { title: 'Note', value: (r) => ('reason' in r.w ? r.w.reason : '') },
      ],
    ),
    `Valuation: ${doc.valuation.note}`,
    ...doc.valuation.prices.map(
      (p) =>
        `  ${p.symbol} ${fmtPrice(p.price)}: ${p.source}${p.date === null ? '' : ` ${p.date}`}`,
    ),
    ...(doc.valuation.unpriced.length === 0
      ? []
      : [`  unpriced (not valued): ${doc.valuation.unpriced.join(', ')}`]),
    ...warningLines(doc.warnings),
  ].join('\n');
}

function registerHoldings(portfolio: Command, io: Io, runtime: Runtime): void {
  portfolio
    .command('holdings')
    .description(
      'Positions by account with every open lot priced (latest stored close on or before --as-of, else the last trade): cost, value, unrealised gain, term and days until long-term; totals; realised gains by year',
    )
    .argument('<name>', 'the stored portfolio')
    .option('--as-of <date>', 'ledger, prices and terms as of this date (default: today)', (v) =>
      parseDateOption('--as-of', v),
    )
    .option(
      '--lot-method <method>',
      'fifo | lifo | hifo | average | specific',
      parseLotMethod,
      'fifo',
    )
    .option(
      '--format <format>',
      'table | json | csv (csv: one row per lot)',
      parseFormat,
      'table' as Format,
    )
    .action(async (name: string, options: ReadOptions, command: Command) => {
      const doc = await withDeps(command, runtime, (deps) =>
        withFlagNames(FLAGS, () =>
          portfolioHoldings(
            {
              portfolio: name,
              lotMethod: options.lotMethod,
              ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
            },
            deps,
          ),
        ),
      );
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () => holdingsTable(doc),
          csv: () => renderCsv(lotRows(doc), csvColumns),
        }),
      );
    });
}

function registerSummary(portfolio: Command, io: Io, runtime: Runtime): void {
  portfolio
    .command('summary')
    .description(
      'Overview of a stored portfolio: value, cash, cost, gains, income, contributions, economic leverage through the fund definitions, and the change over 1 day, 1 and 3 months, the year to date and 1 year at stored closes only',
    )
    .argument('<name>', 'the stored portfolio')
    .option('--as-of <date>', 'ledger, prices and changes as of this date (default: today)', (v) =>
      parseDateOption('--as-of', v),
    )
    .option(
      '--lot-method <method>',
      'fifo | lifo | hifo | average | specific',
      parseLotMethod,
      'fifo',
    )
    .option(
      '--funds <file>',
      'fund definitions YAML for the leverage (default: the shipped config/funds.yaml)',
    )
    .option('--funds-stored <name>', FUNDS_STORED_HELP)
    .option('--format <format>', 'table | json', parseTableOrJson, 'table' as Format)
    .action(async (name: string, options: ReadOptions, command: Command) => {
      const doc = await withDeps(command, runtime, (deps) =>
        withFlagNames(FLAGS, () =>
          portfolioSummary(
            {
              portfolio: name,
              lotMethod: options.lotMethod,
              ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
              ...fundsField(options),
            },
            deps,
          ),
        ),
      );
      io.out(renderDocument(options.format, { json: doc, table: () => summaryTable(doc) }));
    });
}

/** Registers `ballast portfolio holdings` and `ballast portfolio summary`. */
export function registerPortfolioReads(portfolio: Command, io: Io, runtime: Runtime): void {
  registerHoldings(portfolio, io, runtime);
  registerSummary(portfolio, io, runtime);
}

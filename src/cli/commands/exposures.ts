import type { Command } from 'commander';
import { decomposeHoldings, type HoldingsDecomposition } from '../../domain/exposures/decompose.ts';
import type { ExposureRegistry } from '../../domain/exposures/registry.ts';
import type { FundUniverse } from '../../domain/exposures/fund-types.ts';
import type { LotMethod } from '../../domain/ledger/types.ts';
import type { Valuation } from '../../domain/valuation/value-positions.ts';
import { loadExposureRegistry } from '../../data/config/load-exposure-config.ts';
import { loadFundUniverse } from '../../data/config/load-fund-universe.ts';
import {
  fmtMoney,
  fmtPercent,
  fmtPrice,
  fmtQuantity,
  roundCents,
  roundFine,
} from '../format/numbers.ts';
import { renderCsv, renderTable } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { loadPortfolio } from '../portfolio-input.ts';
import { chartFormatOf, writeExposureChart } from '../format/chart-file.ts';
import { requireOneOf, withPortfolioOptions } from './options.ts';

/** The `ballast exposures` JSON document (the contract plus prices and categories). */
export interface ExposureReport {
  readonly totalValue: number;
  readonly cash: number;
  readonly positions: readonly {
    symbol: string;
    quantity: number;
    price: number;
    priceSource: string;
    marketValue: number;
    notionalWeight: number;
  }[];
  readonly exposures: HoldingsDecomposition['exposures'];
  readonly byCategory: HoldingsDecomposition['byCategory'];
  readonly grossEconomicExposure: number;
  readonly netEconomicExposure: number;
  readonly unexplained: readonly { symbol: string; marketValue: number | null; reason: string }[];
}

/**
 * Decomposes a valued portfolio into economic exposures. Holdings with no price go to
 * `unexplained` with `marketValue: null` (they are not part of total value: their value is
 * unknown); holdings with no fund definition go there with their market value.
 */
export function exposureReport(
  valuation: Valuation,
  config: { funds: FundUniverse; registry: ExposureRegistry },
): ExposureReport {
  const d = decomposeHoldings({
    positions: valuation.positions.map((p) => ({ symbol: p.symbol, marketValue: p.marketValue })),
    cash: valuation.cash,
    ...config,
  });
  const bySymbol = new Map(valuation.positions.map((p) => [p.symbol, p]));
  return {
    totalValue: roundCents(d.totalValue),
    cash: roundCents(d.cash),
    positions: d.positions.map((p) => {
      const v = bySymbol.get(p.symbol)!;
      return {
        symbol: p.symbol,
        quantity: v.quantity,
        price: v.price,
        priceSource: v.priceSource,
        marketValue: roundCents(p.marketValue),
        notionalWeight: roundFine(p.notionalWeight),
      };
    }),
    exposures: d.exposures.map((e) => ({
      ...e,
      economicValue: roundCents(e.economicValue),
      economicWeight: roundFine(e.economicWeight),
    })),
    byCategory: d.byCategory.map((c) => ({
      ...c,
      economicValue: roundCents(c.economicValue),
      economicWeight: roundFine(c.economicWeight),
    })),
    grossEconomicExposure: roundFine(d.grossEconomicExposure),
    netEconomicExposure: roundFine(d.netEconomicExposure),
    unexplained: [
      ...valuation.unpriced.map((u) => ({
        symbol: u.symbol,
        marketValue: null,
        reason: `no price for ${u.symbol} (give --prices or a price column); not valued`,
      })),
      ...d.unexplained.map((u) => ({ ...u, marketValue: roundCents(u.marketValue) })),
    ],
  };
}

/** Human-readable exposure tables. */
export function exposureTable(r: ExposureReport, options: { positions?: boolean } = {}): string {
  const positions =
    options.positions === false
      ? []
      : [
          renderTable(r.positions, [
            { title: 'Symbol', value: (p) => p.symbol },
            { title: 'Quantity', value: (p) => fmtQuantity(p.quantity), align: 'right' },
            { title: 'Price', value: (p) => fmtPrice(p.price), align: 'right' },
            { title: 'Market value', value: (p) => fmtMoney(p.marketValue), align: 'right' },
            { title: 'Weight', value: (p) => fmtPercent(p.notionalWeight), align: 'right' },
            { title: 'Price source', value: (p) => p.priceSource },
          ]),
        ];
  return [
    ...positions,
    `Cash ${fmtMoney(r.cash)}${r.cash < 0 ? ' (margin loan)' : ''}; total value ${fmtMoney(r.totalValue)}`,
    '',
    'Economic exposures (per $ of total value)',
    renderTable(r.exposures, [
      { title: 'Exposure', value: (e) => e.id },
      { title: 'Category', value: (e) => e.category },
      { title: 'Economic value', value: (e) => fmtMoney(e.economicValue), align: 'right' },
      { title: 'Weight', value: (e) => fmtPercent(e.economicWeight), align: 'right' },
    ]),
    '',
    renderTable(r.byCategory, [
      { title: 'Category', value: (c) => c.id },
      { title: 'Economic value', value: (c) => fmtMoney(c.economicValue), align: 'right' },
      { title: 'Weight', value: (c) => fmtPercent(c.economicWeight), align: 'right' },
    ]),
    `Gross economic exposure ${fmtPercent(r.grossEconomicExposure)} of total value (${r.grossEconomicExposure.toFixed(2)}×), net ${fmtPercent(r.netEconomicExposure)}`,
    r.unexplained.length === 0
      ? 'Unexplained: none'
      : `Unexplained:\n${r.unexplained.map((u) => `  ${u.symbol} ${u.marketValue === null ? '' : fmtMoney(u.marketValue) + ' '}— ${u.reason}`).join('\n')}`,
  ].join('\n');
}

interface ExposuresOptions {
  holdings?: string;
  transactions?: string;
  prices?: string;
  funds?: string;
  lotMethod: LotMethod;
  asOf?: string;
  format: Format;
  chart?: string;
}

/** Registers `ballast exposures`. */
export function registerExposures(program: Command, io: Io): void {
  withPortfolioOptions(
    program
      .command('exposures')
      .description(
        'What you really own: holdings decomposed into economic exposures through fund definitions',
      ),
  )
    .option(
      '--format <format>',
      'table | json | csv (csv: one row per exposure)',
      parseFormat,
      'table' as Format,
    )
    .option('--chart <file>', 'also write the exposure breakdown (treemap) as .svg or .png')
    .action(async (options: ExposuresOptions) => {
      if (options.chart) chartFormatOf(options.chart);
      requireOneOf(options as unknown as Record<string, unknown>, ['holdings', 'transactions']);
      const portfolio = loadPortfolio(options);
      const [registry, funds] = await Promise.all([
        loadExposureRegistry(),
        options.funds ? loadFundUniverse(options.funds) : loadFundUniverse(),
      ]);
      const report = exposureReport(portfolio.valuation, { registry, funds });
      if (options.chart)
        await writeExposureChart(
          options.chart,
          {
            exposures: report.exposures.filter((e) => e.economicWeight !== 0),
            labels: Object.fromEntries(registry.exposures.map((e) => [e.id, e.name] as const)),
          },
          io,
        );
      if (options.format === 'json') io.out(JSON.stringify(report, null, 2));
      else if (options.format === 'csv') {
        io.out(
          renderCsv(report.exposures, [
            { title: 'id', value: (e) => e.id },
            { title: 'category', value: (e) => e.category },
            { title: 'economic_value', value: (e) => String(e.economicValue) },
            { title: 'economic_weight', value: (e) => String(e.economicWeight) },
          ]),
        );
      } else io.out(exposureTable(report));
    });
}

import type { Command } from 'commander';
import {
  decomposeExposureRisk,
  gaussianHorizonRisk,
  type CashLine,
  type ExposureRiskReport,
  type RiskHolding,
} from '../../domain/analytics/exposure-risk.ts';
import { annualizeCovariance } from '../../domain/estimate/annualize-covariance.ts';
import {
  describeCovarianceMethod,
  estimateCovariance,
} from '../../domain/estimate/estimate-covariance.ts';
import { BallastError } from '../../domain/errors.ts';
import { centsToDollars, roundQuantity } from '../../domain/ledger/money.ts';
import type { FundUniverse } from '../../domain/exposures/fund-types.ts';
import type { LotMethod } from '../../domain/ledger/types.ts';
import type { AlignedTable } from '../../domain/series/align-common.ts';
import { loadExposureRegistry } from '../../data/config/load-exposure-config.ts';
import { loadFundUniverse } from '../../data/config/load-fund-universe.ts';
import { contextOf, type Runtime } from '../context.ts';
import { covarianceMethod, numberOption } from '../estimate/methods.ts';
import { inferPeriodsPerYear, tableToMatrix } from '../estimate/panel.ts';
import { universePanel, type UniverseSource } from '../estimate/universe-panel.ts';
import { chartFormatOf, writeRiskContributionsChart } from '../format/chart-file.ts';
import { fmtMoney, fmtPercent, roundCents } from '../format/numbers.ts';
import { renderTable } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { loadPortfolio, type LoadedPortfolio } from '../portfolio-input.ts';
import { requireOneOf, withPortfolioOptions } from './options.ts';

const COVARIANCES = ['sample', 'ledoit-wolf', 'ewma'] as const;
const SOURCES = ['auto', 'store', 'sample'] as const;

interface RiskOptions {
  holdings?: string;
  transactions?: string;
  prices?: string;
  funds?: string;
  lotMethod: LotMethod;
  asOf?: string;
  covariance: string;
  lambda?: string;
  source: string;
  confidence?: string;
  format: Format;
  chart?: string;
}

/** An exposure panel and where it came from (`store` or the bundled `sample`). */
export interface SourcedPanel {
  readonly table: AlignedTable;
  readonly warnings: readonly string[];
  readonly source: 'store' | 'sample';
}

/** Holding lines per (account, symbol) valued at the valuation's price; unpriced listed apart. */
function holdingLines(portfolio: LoadedPortfolio): {
  holdings: RiskHolding[];
  cash: CashLine[];
  unpriced: string[];
} {
  const prices = new Map(portfolio.valuation.positions.map((p) => [p.symbol, p.price]));
  const quantities = new Map<string, { account: string; symbol: string; quantity: number }>();
  for (const lot of portfolio.lots) {
    const key = `${lot.account}\u0000${lot.symbol}`;
    const line = quantities.get(key) ?? { account: lot.account, symbol: lot.symbol, quantity: 0 };
    line.quantity += lot.quantity;
    quantities.set(key, line);
  }
  const holdings: RiskHolding[] = [];
  for (const line of quantities.values()) {
    const quantity = roundQuantity(line.quantity);
    const price = prices.get(line.symbol);
    if (quantity !== 0 && price !== undefined)
      holdings.push({ symbol: line.symbol, account: line.account, marketValue: quantity * price });
  }
  const cash = [...portfolio.cashCents]
    .filter(([, cents]) => cents !== 0)
    .map(([account, cents]) => ({ account, amount: centsToDollars(cents) }));
  return { holdings, cash, unpriced: portfolio.valuation.unpriced.map((u) => u.symbol) };
}

function oneOf(name: string, value: string, allowed: readonly string[]): string {
  if (allowed.includes(value)) return value;
  throw new BallastError(
    'INVALID_INPUT',
    `--${name}: expected one of ${allowed.join(', ')} (got "${value}")`,
    { field: name, value },
  );
}

interface HorizonFigures {
  readonly var: number;
  readonly cvar: number;
  readonly varAmount: number;
  readonly cvarAmount: number;
}

/** Where Σ_x came from. */
export interface CovarianceProvenance {
  readonly method: string;
  readonly source: 'store' | 'sample';
  readonly periods: number;
  readonly from: string;
  readonly to: string;
}

/** The `ballast risk` JSON document (risk figures unrounded so that they add up exactly). */
export interface RiskDocument {
  readonly asOf: string | null;
  readonly nav: number;
  readonly volatilityAnnual: number;
  readonly valueAtRisk: {
    readonly method: string;
    readonly confidence: number;
    readonly oneYear: HorizonFigures;
    readonly oneMonth: HorizonFigures;
  };
  readonly byPosition: readonly {
    symbol: string;
    account: string;
    marketValue: number;
    weight: number;
    marginal: number;
    component: number;
    percent: number;
  }[];
  readonly byExposure: readonly {
    exposure: string;
    weight: number;
    volatility: number;
    marginal: number;
    component: number;
    percent: number;
  }[];
  readonly diversificationRatio: number;
  readonly diversificationRatioPositions: number;
  readonly effectiveBets: number;
  readonly effectiveBetsRiskShares: number;
  readonly covariance: CovarianceProvenance;
  readonly unexplained: readonly {
    symbol: string;
    account: string | null;
    marketValue: number | null;
    weight: number | null;
    reason: string;
  }[];
  readonly warnings: readonly string[];
}

/** Builds the {@link RiskDocument} of a decomposition (Gaussian VaR/CVaR at 1 year and 1 month). */
export function riskDocument(
  report: ExposureRiskReport,
  context: {
    asOf: string | null;
    confidence: number;
    covariance: CovarianceProvenance;
    unpriced: readonly string[];
    warnings: readonly string[];
  },
): RiskDocument {
  const horizon = (years: number): HorizonFigures => {
    const g = gaussianHorizonRisk({
      volatilityAnnual: report.volatility,
      confidence: context.confidence,
      years,
    });
    return {
      var: g.valueAtRisk,
      cvar: g.expectedShortfall,
      varAmount: roundCents(g.valueAtRisk * report.nav),
      cvarAmount: roundCents(g.expectedShortfall * report.nav),
    };
  };
  return {
    asOf: context.asOf,
    nav: roundCents(report.nav),
    volatilityAnnual: report.volatility,
    valueAtRisk: {
      method: 'gaussian, zero mean, sqrt-time scaling of the annual volatility',
      confidence: context.confidence,
      oneYear: horizon(1),
      oneMonth: horizon(1 / 12),
    },
    byPosition: report.byPosition.map((p) => ({
      symbol: p.symbol,
      account: p.account,
      marketValue: roundCents(p.marketValue),
      weight: p.weight,
      marginal: p.marginal,
      component: p.component,
      percent: p.percent,
    })),
    byExposure: report.byExposure.map((e) => ({
      exposure: e.exposure,
      weight: e.weight,
      volatility: e.volatility,
      marginal: e.marginal,
      component: e.component,
      percent: e.percent,
    })),
    diversificationRatio: report.diversificationRatio,
    diversificationRatioPositions: report.diversificationRatioPositions,
    effectiveBets: report.effectiveBets,
    effectiveBetsRiskShares: report.effectiveBetsRiskShares,
    covariance: context.covariance,
    unexplained: [
      ...context.unpriced.map((symbol) => ({
        symbol,
        account: null,
        marketValue: null,
        weight: null,
        reason: `no price for ${symbol} (give --prices or a price column); not valued`,
      })),
      ...report.unexplained.map((u) => ({ ...u, marketValue: roundCents(u.marketValue) })),
    ],
    warnings: context.warnings,
  };
}

/** Human-readable view of a {@link RiskDocument}. */
function riskTable(doc: RiskDocument, report: ExposureRiskReport): string {
  const cov = doc.covariance;
  const v = doc.valueAtRisk;
  const pct = (x: number): string => fmtPercent(x);
  const line = (name: string, h: HorizonFigures): string =>
    `  ${name}: VaR ${pct(h.var)} (${fmtMoney(h.varAmount)}), CVaR ${pct(h.cvar)} (${fmtMoney(h.cvarAmount)})`;
  return [
    `Ex-ante risk as of ${doc.asOf ?? '—'}; NAV ${fmtMoney(report.nav)}`,
    `Covariance: ${cov.method} of monthly exposure returns (${cov.source === 'sample' ? 'bundled sample' : 'stored data'}) ${cov.from}..${cov.to}, ${cov.periods} periods, annualised ×12`,
    `Volatility (annual): ${pct(report.volatility)}`,
    `Gaussian VaR / CVaR at ${pct(v.confidence)} (zero mean, √t scaling):`,
    line('1 year ', v.oneYear),
    line('1 month', v.oneMonth),
    '',
    'Risk by position (component = weight × marginal; components sum to the volatility)',
    renderTable(report.byPosition, [
      { title: 'Account', value: (p) => p.account },
      { title: 'Symbol', value: (p) => p.symbol },
      { title: 'Value', value: (p) => fmtMoney(p.marketValue), align: 'right' },
      { title: 'Weight', value: (p) => pct(p.weight), align: 'right' },
      { title: 'Marginal', value: (p) => p.marginal.toFixed(4), align: 'right' },
      { title: 'Component', value: (p) => pct(p.component), align: 'right' },
      { title: '% of risk', value: (p) => pct(p.percent), align: 'right' },
    ]),
    '',
    'Risk by economic exposure (weight = exposure per $ of NAV)',
    renderTable(report.byExposure, [
      { title: 'Exposure', value: (e) => e.exposure },
      { title: 'Weight', value: (e) => pct(e.weight), align: 'right' },
      { title: 'Volatility', value: (e) => pct(e.volatility), align: 'right' },
      { title: 'Marginal', value: (e) => e.marginal.toFixed(4), align: 'right' },
      { title: 'Component', value: (e) => pct(e.component), align: 'right' },
      { title: '% of risk', value: (e) => pct(e.percent), align: 'right' },
    ]),
    `Diversification ratio ${report.diversificationRatio.toFixed(3)} (exposures; positions ${report.diversificationRatioPositions.toFixed(3)}); effective number of bets ${report.effectiveBets.toFixed(2)} (Meucci, principal components), ${report.effectiveBetsRiskShares.toFixed(2)} (inverse Herfindahl of risk shares)`,
    doc.unexplained.length === 0
      ? 'Unexplained: none'
      : `Unexplained (NOT in the risk figures):\n${doc.unexplained.map((u) => `  ${u.symbol} — ${u.reason}`).join('\n')}`,
    ...doc.warnings.map((w) => `warning: ${w}`),
  ].join('\n');
}

/**
 * Ex-ante risk of a loaded portfolio on an exposure-return panel: the covariance of the panel
 * (annualised by its inferred frequency), the decomposition by position and exposure, and the
 * {@link RiskDocument} (shared by `ballast risk` and the demo).
 */
export function exposureRisk(
  portfolio: LoadedPortfolio,
  input: {
    funds: FundUniverse;
    panel: SourcedPanel;
    covariance: string;
    lambda?: string | undefined;
    confidence: number;
    asOf?: string | undefined;
  },
): { report: ExposureRiskReport; doc: RiskDocument } {
  const { panel } = input;
  const spec = covarianceMethod({
    mean: 'historical',
    covariance: input.covariance,
    lambda: input.lambda,
  });
  if (spec.method === 'garch') throw new BallastError('INTERNAL', 'garch is not offered here');
  const periodsPerYear = inferPeriodsPerYear(panel.table.dates);
  const estimate = estimateCovariance(tableToMatrix(panel.table), spec);
  const { holdings, cash, unpriced } = holdingLines(portfolio);
  const report = decomposeExposureRisk({
    holdings,
    cash,
    funds: input.funds,
    covariance: {
      ids: panel.table.ids,
      matrix: annualizeCovariance(estimate.covariance, periodsPerYear),
    },
  });
  const priceDates = portfolio.valuation.positions.flatMap((p) =>
    p.priceDate ? [p.priceDate] : [],
  );
  const doc = riskDocument(report, {
    asOf: input.asOf ?? portfolio.ledger?.asOf ?? priceDates.sort().at(-1) ?? null,
    confidence: input.confidence,
    covariance: {
      method: describeCovarianceMethod(spec),
      source: panel.source,
      periods: panel.table.dates.length,
      from: panel.table.dates[0]!,
      to: panel.table.dates.at(-1)!,
    },
    unpriced,
    warnings: [...panel.warnings, ...estimate.warnings.map((w) => w.message)],
  });
  return { report, doc };
}

/** Registers `ballast risk`. */
export function registerRisk(program: Command, io: Io, runtime: Runtime): void {
  withPortfolioOptions(
    program
      .command('risk')
      .description(
        'Ex-ante risk: volatility, VaR/CVaR and contributions by position and by economic exposure',
      ),
  )
    .option('--covariance <method>', COVARIANCES.join(' | '), 'ledoit-wolf')
    .option('--lambda <x>', 'EWMA decay λ (default 0.94)')
    .option(
      '--source <source>',
      'auto | store | sample (auto: stored exposure returns when the store holds them, else the bundled sample)',
      'auto',
    )
    .option('--confidence <level>', 'VaR/CVaR confidence (default 0.95)')
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .option('--chart <file>', 'also write the risk contributions by exposure as .svg or .png')
    .action(async (options: RiskOptions, command: Command) => {
      if (options.chart) chartFormatOf(options.chart);
      requireOneOf(options as unknown as Record<string, unknown>, ['holdings', 'transactions']);
      oneOf('covariance', options.covariance, COVARIANCES);
      oneOf('source', options.source, SOURCES);
      const confidence =
        numberOption('confidence', options.confidence, (x) => x > 0 && x < 1) ?? 0.95;
      const portfolio = loadPortfolio(options);
      const funds = options.funds
        ? await loadFundUniverse(options.funds)
        : await loadFundUniverse();
      const ctx = contextOf(command, runtime);
      let panel: SourcedPanel;
      try {
        panel = await universePanel(options.source as UniverseSource, {
          store: () => ctx.store(),
          registry: () => loadExposureRegistry(),
        });
      } finally {
        await ctx.close();
      }
      const { report, doc } = exposureRisk(portfolio, {
        funds,
        panel,
        covariance: options.covariance,
        lambda: options.lambda,
        confidence,
        asOf: options.asOf,
      });
      if (options.chart)
        await writeRiskContributionsChart(
          options.chart,
          {
            names: report.byExposure.map((e) => e.exposure),
            decomposition: {
              volatility: report.volatility,
              component: Float64Array.from(report.byExposure, (e) => e.component),
              share: Float64Array.from(report.byExposure, (e) => e.percent),
            },
            volatilityLabel: 'annualised ex-ante volatility, by economic exposure',
          },
          io,
        );
      io.out(options.format === 'json' ? JSON.stringify(doc, null, 2) : riskTable(doc, report));
    });
}

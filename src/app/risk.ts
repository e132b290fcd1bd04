/**
 * Use case `risk`: ex-ante risk of a portfolio decomposed by position and by economic exposure
 * through the fund definitions (docs/conventions.md, "Risk and performance measures"): the
 * covariance of monthly exposure returns (the store's, or the bundled sample's), annualised by
 * the panel's frequency; σ = √(xᵀΣx) with x = Eᵀw; Euler contributions; zero-mean Gaussian
 * VaR/CVaR at one year and one month (√t scaling). Risk figures are unrounded so that they add
 * up exactly; money is rounded to cents.
 *
 * Prices as in `exposures` (prices file, stored close on or before the as-of date, holdings
 * file, last trade); `pricing` and a `STALE_PRICE` warning appear when a stored close is used.
 *
 * Missing data: an unpriced holding and a holding without a fund definition are listed in
 * `unexplained` and are not in the risk figures; an exposure held but absent from the panel is
 * DATA_UNAVAILABLE naming it (never padded).
 *
 * @example
 * ```ts
 * const doc = await risk({ holdings: { path: 'h.csv' }, covariance: 'sample', source: 'sample' }, deps);
 * doc.valueAtRisk.oneYear.varAmount; // dollars at 95 %
 * ```
 */

import * as z from 'zod';
import {
  decomposeExposureRisk,
  gaussianHorizonRisk,
  type ExposureCorrelation,
  type ExposureRiskReport,
} from '../domain/analytics/exposure-risk.ts';
import { annualizeCovariance } from '../domain/estimate/annualize-covariance.ts';
import {
  describeCovarianceMethod,
  estimateCovariance,
  type CovarianceMethod,
} from '../domain/estimate/estimate-covariance.ts';
import type { FundUniverse } from '../domain/exposures/fund-types.ts';
import { centsToDollars } from '../domain/ledger/money.ts';
import { holdingLines, valueHoldingLines } from '../domain/ledger/holding-lines.ts';
import { inferPeriodsPerYear } from '../domain/series/infer-frequency.ts';
import { tableMatrix } from '../domain/series/table-matrix.ts';
import type { Warning } from '../domain/warnings.ts';
import type { RiskContributionsChartInput } from '../report/risk-contributions.ts';
import { loadExposureRegistry } from '../data/config/load-exposure-config.ts';
import type { AppDeps } from './deps.ts';
import { UNIVERSE_SOURCES, universePanel, type ExposurePanel } from './exposure-returns.ts';
import { unpricedReason } from './exposures.ts';
import { parseInput } from './input.ts';
import {
  loadFunds,
  loadPortfolio,
  portfolioInputShape,
  valuationDate,
  type LoadedPortfolio,
} from './portfolio-input.ts';
import { pricingFields, type PricingDocument } from './portfolio-pricing.ts';
import { roundCents } from './rounding.ts';

export type { ExposureCorrelation } from '../domain/analytics/exposure-risk.ts';
export type { RiskContributionsChartInput } from '../report/risk-contributions.ts';

/** Covariance estimators offered for the exposure panel. */
export const RISK_COVARIANCES = ['sample', 'ledoit-wolf', 'ewma'] as const;

/** Input of {@link risk}. */
export const riskInputSchema = z.object({
  ...portfolioInputShape,
  /** `ledoit-wolf` (constant-variance target, default), `sample` (n − 1) or `ewma`. */
  covariance: z.enum(RISK_COVARIANCES).default('ledoit-wolf'),
  /** EWMA decay λ (default 0.94, RiskMetrics); used with `ewma` only. */
  lambda: z.number().gt(0).lt(1).optional(),
  /** Exposure returns: `auto` (the store when it holds them, else the sample), `store`, `sample`. */
  source: z.enum(UNIVERSE_SOURCES).default('auto'),
  /** VaR/CVaR confidence (default 0.95). */
  confidence: z.number().gt(0).lt(1).default(0.95),
});

/** What callers pass to {@link risk}. */
export type RiskInput = z.input<typeof riskInputSchema>;

/** VaR and CVaR over one horizon: fractions of NAV (positive = loss) and dollars. */
export interface HorizonFigures {
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

/** The `risk` document (the CLI's `--format json`). */
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
  /** Fund lines (first-seen order), then cash lines (`symbol: 'CASH'`, zero risk). */
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
  /**
   * The correlation of the exposures in `byExposure` (same order), from the annualised
   * covariance the figures used: ρ_ij = Σ_ij / √(Σ_ii Σ_jj); `null` where a variance is zero.
   */
  readonly correlation: ExposureCorrelation;
  readonly unexplained: readonly {
    symbol: string;
    account: string | null;
    marketValue: number | null;
    weight: number | null;
    reason: string;
  }[];
  readonly warnings: readonly Warning[];
  /** Stored closes used and their provenance; present only when a stored close priced something. */
  readonly pricing?: PricingDocument;
}

function covarianceSpec(
  name: (typeof RISK_COVARIANCES)[number],
  lambda?: number,
): CovarianceMethod {
  if (name === 'sample') return { method: 'sample' };
  if (name === 'ewma') return { method: 'ewma', lambda: lambda ?? 0.94, minPeriods: 20 };
  return { method: 'ledoitWolf', target: 'constantVariance' };
}

function horizon(report: ExposureRiskReport, confidence: number, years: number): HorizonFigures {
  const g = gaussianHorizonRisk({ volatilityAnnual: report.volatility, confidence, years });
  return {
    var: g.valueAtRisk,
    cvar: g.expectedShortfall,
    varAmount: roundCents(g.valueAtRisk * report.nav),
    cvarAmount: roundCents(g.expectedShortfall * report.nav),
  };
}

/** What {@link portfolioRisk} needs besides the portfolio. */
export interface PortfolioRiskOptions {
  readonly funds: FundUniverse;
  readonly panel: ExposurePanel;
  readonly covariance: (typeof RISK_COVARIANCES)[number];
  readonly lambda?: number | undefined;
  readonly confidence: number;
  readonly asOf?: string | undefined;
}

/**
 * The {@link RiskDocument} of a loaded portfolio on an exposure-return panel (shared by `risk`
 * and the demo; see the module comment).
 */
export function portfolioRisk(
  portfolio: LoadedPortfolio,
  options: PortfolioRiskOptions,
): RiskDocument {
  const { panel, confidence } = options;
  const valuationNotes = pricingFields(portfolio.pricing);
  const spec = covarianceSpec(options.covariance, options.lambda);
  const estimate = estimateCovariance(tableMatrix(panel.table), spec);
  const prices = new Map(portfolio.valuation.positions.map((p) => [p.symbol, p.price]));
  const { priced } = valueHoldingLines(holdingLines(portfolio.lots), (s) => prices.get(s));
  const report = decomposeExposureRisk({
    holdings: priced.map((l) => ({
      symbol: l.symbol,
      account: l.account,
      marketValue: l.marketValue,
    })),
    cash: [...portfolio.cashCents]
      .filter(([, cents]) => cents !== 0)
      .map(([account, cents]) => ({ account, amount: centsToDollars(cents) })),
    funds: options.funds,
    covariance: {
      ids: panel.table.ids,
      matrix: annualizeCovariance(estimate.covariance, inferPeriodsPerYear(panel.table.dates)),
    },
  });
  return {
    asOf: valuationDate(portfolio, options.asOf),
    nav: roundCents(report.nav),
    volatilityAnnual: report.volatility,
    valueAtRisk: {
      method: 'gaussian, zero mean, sqrt-time scaling of the annual volatility',
      confidence,
      oneYear: horizon(report, confidence, 1),
      oneMonth: horizon(report, confidence, 1 / 12),
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
    covariance: {
      method: describeCovarianceMethod(spec),
      source: panel.source,
      periods: panel.table.dates.length,
      from: panel.table.dates[0]!,
      to: panel.table.dates.at(-1)!,
    },
    correlation: report.correlation,
    unexplained: [
      ...portfolio.valuation.unpriced.map(({ symbol }) => ({
        symbol,
        account: null,
        marketValue: null,
        weight: null,
        reason: unpricedReason(symbol),
      })),
      ...report.unexplained.map((u) => ({ ...u, marketValue: roundCents(u.marketValue) })),
    ],
    warnings: [...panel.warnings, ...estimate.warnings, ...(valuationNotes.warnings ?? [])],
    ...(valuationNotes.pricing === undefined ? {} : { pricing: valuationNotes.pricing }),
  };
}

/** Ex-ante risk of a portfolio (see the module comment). */
export async function risk(raw: RiskInput, deps: AppDeps): Promise<RiskDocument> {
  const input = parseInput(riskInputSchema, raw);
  const portfolio = await loadPortfolio(input, deps);
  const funds = await loadFunds(input.funds, deps);
  const panel = await universePanel(input.source, {
    store: () => deps.store(),
    registry: () => loadExposureRegistry(),
    progress: deps.progress,
  });
  return portfolioRisk(portfolio, { ...input, funds, panel });
}

/** The bar chart input of a document: the component contribution of each exposure. */
export function riskChart(doc: RiskDocument): RiskContributionsChartInput {
  return {
    names: doc.byExposure.map((e) => e.exposure),
    decomposition: {
      volatility: doc.volatilityAnnual,
      component: Float64Array.from(doc.byExposure, (e) => e.component),
      share: Float64Array.from(doc.byExposure, (e) => e.percent),
    },
    volatilityLabel: 'annualised ex-ante volatility, by economic exposure',
  };
}

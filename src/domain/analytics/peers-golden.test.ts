/**
 * Golden values: the `risk` section of the shared peer references (copied verbatim to
 * test/fixtures/peers, numpy 1.24.2 / scipy 1.10.1; see its README), the equal-weight
 * portfolio rebalanced every period, rf = 0 per period, α = 0.95. Every metric the reference
 * lists is matched to 1e-9 relative, each by the convention its `risk_conventions` names.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPeerPanel, type PeerPanelName } from '../../../test/helpers/peer-panels.ts';
import { portfolioReturns } from '../measures/tail-risk.ts';
import {
  annualizedReturn,
  annualizedReturnArithmetic,
  annualizedVolatility,
  totalReturn,
} from './annualize.ts';
import { maxDrawdown, valuesFromReturns } from './drawdown.ts';
import { computeMetrics } from './metric-set.ts';
import { excessKurtosis, mean, sampleStdev, skewness } from './moments.ts';
import {
  calmarRatio,
  downsideDeviation,
  sharpeRatio,
  sharpeRatioGeometric,
  sortinoRatio,
} from './ratios.ts';
import {
  cvarHistorical,
  cvarRockafellarUryasev,
  varCornishFisher,
  varGaussian,
  varHistorical,
  varHistoricalLowerEmpirical,
} from './value-at-risk.ts';

interface RiskMetrics {
  readonly n_periods: number;
  readonly periods_per_year: number;
  readonly rf_per_period: number;
  readonly confidence: number;
  readonly max_drawdown_peak_date?: string;
  readonly max_drawdown_trough_date?: string;
  readonly [name: string]: number | string | undefined;
}

interface Reference {
  readonly risk: { portfolio_weights: Record<string, number>; metrics: RiskMetrics };
  readonly risk_of_optimized: Record<string, RiskMetrics & { weights?: Record<string, number> }>;
  readonly [section: string]: unknown;
}

function readReference(name: PeerPanelName): Reference {
  const url = new URL(`../../../test/fixtures/peers/${name}.reference.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as Reference;
}

/** Ballast's value for each numeric reference key, by the convention the reference names. */
function ballastValues(r: Float64Array, m: RiskMetrics): Record<string, number | null> {
  const k = m.periods_per_year;
  const rf = m.rf_per_period;
  const a = m.confidence;
  const dd = maxDrawdown(valuesFromReturns(r))?.depth ?? 0;
  return {
    n_periods: r.length,
    periods_per_year: k,
    rf_per_period: rf,
    confidence: a,
    mean: mean(r),
    stdev: sampleStdev(r),
    total_return: totalReturn(r),
    annualized_return_geometric: annualizedReturn(r, k),
    annualized_return_arithmetic: annualizedReturnArithmetic(r, k),
    annualized_volatility: annualizedVolatility(r, k),
    sharpe_annualized: sharpeRatio(r, { periodsPerYear: k, riskFreePerPeriod: rf }),
    sharpe_annualized_geometric: sharpeRatioGeometric(r, {
      periodsPerYear: k,
      riskFreePerPeriod: rf,
    }),
    downside_deviation: downsideDeviation(r, rf),
    sortino_annualized: sortinoRatio(r, { periodsPerYear: k, riskFreePerPeriod: rf }),
    max_drawdown: dd,
    calmar: calmarRatio(annualizedReturn(r, k), dd),
    var_hist: varHistorical(r, a),
    var_hist_lower_empirical: varHistoricalLowerEmpirical(r, a),
    cvar_hist_tail_mean: cvarHistorical(r, a),
    cvar_rockafellar_uryasev: cvarRockafellarUryasev(r, a),
    var_gaussian: varGaussian(r, a),
    var_cornish_fisher: varCornishFisher(r, { confidence: a, moments: 'fbasics' }),
    var_cornish_fisher_population_moments: varCornishFisher(r, {
      confidence: a,
      moments: 'population',
    }),
    skew_population: skewness(r, 'population'),
    skew_sample_adjusted: skewness(r, 'sampleAdjusted'),
    skew_fbasics_moment: skewness(r, 'fbasics'),
    excess_kurtosis_population: excessKurtosis(r, 'population'),
    excess_kurtosis_sample_adjusted: excessKurtosis(r, 'sampleAdjusted'),
    excess_kurtosis_fbasics: excessKurtosis(r, 'fbasics'),
  };
}

function expectRelative(actual: number | null | undefined, expected: number, label: string): void {
  expect(actual, label).toBeTypeOf('number');
  const err = Math.abs((actual as number) - expected) / Math.max(Math.abs(expected), 1e-300);
  expect(err, `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9);
}

function checkAll(name: string, r: Float64Array, metrics: RiskMetrics): number {
  const ours = ballastValues(r, metrics);
  let checked = 0;
  for (const [key, expected] of Object.entries(metrics)) {
    if (typeof expected !== 'number') continue;
    expect(Object.hasOwn(ours, key), `${name}: no Ballast value for ${key}`).toBe(true);
    expectRelative(ours[key], expected, `${name} ${key}`);
    checked++;
  }
  return checked;
}

const PANELS: readonly PeerPanelName[] = ['lpp2005rec_assets6', 'smallcap_stocks20'];

describe.each(PANELS)('peer reference %s', (name) => {
  const panel = readPeerPanel(name);
  const reference = readReference(name);
  const weights = panel.assets.map((a) => reference.risk.portfolio_weights[a]!);
  const r = portfolioReturns(panel.returns, weights);

  it('matches every numeric metric of the equal-weight risk section to 1e-9 relative', () => {
    expect(checkAll(name, r, reference.risk.metrics)).toBeGreaterThanOrEqual(29);
  });

  it('places the maximum drawdown peak and trough on the reference dates', () => {
    const report = computeMetrics(
      panel.dates.map((date, t) => ({ date, value: r[t]! })),
      { periodsPerYear: reference.risk.metrics.periods_per_year },
    );
    expect(report.metrics.maxDrawdownPeak).toBe(reference.risk.metrics.max_drawdown_peak_date);
    expect(report.metrics.maxDrawdownTrough).toBe(reference.risk.metrics.max_drawdown_trough_date);
  });

  it('reports the CLI metric set with the reference values under the default conventions', () => {
    const m = reference.risk.metrics;
    const report = computeMetrics(
      panel.dates.map((date, t) => ({ date, value: r[t]! })),
      { periodsPerYear: m.periods_per_year, confidence: m.confidence },
    );
    const pairs: [number | null | string, string][] = [
      [report.metrics.totalReturn, 'total_return'],
      [report.metrics.annualizedReturn, 'annualized_return_geometric'],
      [report.metrics.annualizedVolatility, 'annualized_volatility'],
      [report.metrics.sharpe, 'sharpe_annualized'],
      [report.metrics.sortino, 'sortino_annualized'],
      [report.metrics.downsideDeviation, 'downside_deviation'],
      [report.metrics.calmar, 'calmar'],
      [report.metrics.maxDrawdown, 'max_drawdown'],
      [report.metrics.varHistorical, 'var_hist'],
      [report.metrics.cvarHistorical, 'cvar_hist_tail_mean'],
      [report.metrics.varGaussian, 'var_gaussian'],
      [report.metrics.varCornishFisher, 'var_cornish_fisher'],
      [report.metrics.skewness, 'skew_sample_adjusted'],
      [report.metrics.excessKurtosis, 'excess_kurtosis_sample_adjusted'],
    ];
    for (const [ours, key] of pairs) expectRelative(ours as number, m[key] as number, key);
    expect(Object.keys(report.conventions).sort()).toEqual(Object.keys(report.metrics).sort());
  });

  it('matches the risk of each optimised portfolio the reference lists', () => {
    let portfolios = 0;
    for (const [portfolio, metrics] of Object.entries(reference.risk_of_optimized)) {
      const section = reference[portfolio] as { weights?: Record<string, number> } | undefined;
      const w = section?.weights;
      if (w === undefined) continue;
      const rp = portfolioReturns(
        panel.returns,
        panel.assets.map((a) => w[a]!),
      );
      checkAll(`${name}/${portfolio}`, rp, metrics);
      portfolios++;
    }
    expect(portfolios).toBeGreaterThanOrEqual(4);
  });
});

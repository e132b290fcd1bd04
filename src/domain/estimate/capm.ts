/**
 * CAPM and equilibrium expected returns, as PyPortfolioOpt v1.5:
 *
 * - Implied equilibrium (reverse optimisation, `black_litterman.market_implied_prior_returns`):
 *   Π = δ Σ w + r_f, with Σ annual, w market (or user) weights and δ the risk aversion.
 * - Market-implied risk aversion (`market_implied_risk_aversion`): δ = (E[r_m] − r_f)/σ²_m with
 *   E[r_m] = k · mean(r_m) and σ²_m = k · var(r_m) (sample variance, n − 1), k = periodsPerYear.
 * - CAPM returns (`expected_returns.capm_return`): μ_i = r_f + β_i (E[r_m] − r_f), where
 *   β_i = cov(r_i, r_m)/var(r_m) on the panel's dates, E[r_m] the market's geometric annual
 *   return ((Π(1 + r_m))^(k/T) − 1, `compounding: true`, default) or k · mean(r_m), and the
 *   market the equal-weighted average of the assets when no market series is given.
 *
 * All rates are annual decimals; r_f defaults to 0 (PyPortfolioOpt's default).
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import { BallastError, invalidInput } from '../errors.ts';
import type { AlignedTable } from '../series/align-common.ts';
import { matvec } from '../../core/linalg/multiply.ts';
import { assertCovariance } from './distribution-validate.ts';
import {
  assertPeriodsPerYear,
  assertReturnPanel,
  columnMean,
  columnVariance,
} from './mean-input.ts';

/** Inputs of {@link impliedEquilibriumReturns}. */
export interface EquilibriumInput {
  /** Σ (annual), n×n. */
  readonly covarianceAnnual: Matrix;
  /** Weights w (decimals, n); used as given — see {@link marketWeightsFromCaps}. */
  readonly weights: ArrayLike<number>;
  /** δ > 0. */
  readonly riskAversion: number;
  /** r_f (annual decimal), default 0. */
  readonly riskFreeRateAnnual?: number;
}

/** Π = δ Σ w + r_f (annual decimals). Throws `INVALID_INPUT` on δ ≤ 0 or mismatched shapes. */
export function impliedEquilibriumReturns(input: EquilibriumInput): Float64Array {
  const n = input.weights.length;
  assertCovariance(input.covarianceAnnual, n);
  const riskFree = input.riskFreeRateAnnual ?? 0;
  if (!Number.isFinite(input.riskAversion) || input.riskAversion <= 0) {
    throw invalidInput('riskAversion', input.riskAversion, 'must be finite and > 0');
  }
  if (!Number.isFinite(riskFree)) throw invalidInput('riskFreeRateAnnual', riskFree, 'not finite');
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(input.weights[i]))
      throw invalidInput(`weights[${i}]`, input.weights[i], 'not finite');
  }
  return matvec(input.covarianceAnnual, input.weights).map(
    (value) => input.riskAversion * value + riskFree,
  );
}

/** Market-cap weights w_i = cap_i / Σ cap (caps finite, ≥ 0, positive total). */
export function marketWeightsFromCaps(caps: ArrayLike<number>): Float64Array {
  const weights = Float64Array.from(caps);
  let total = 0;
  weights.forEach((cap, i) => {
    if (!Number.isFinite(cap) || cap < 0)
      throw invalidInput(`marketCaps[${i}]`, cap, 'must be finite and ≥ 0');
    total += cap;
  });
  if (total <= 0)
    throw invalidInput('marketCaps', Array.from(weights), 'must have a positive total');
  return weights.map((cap) => cap / total);
}

/** Annualisation and risk-free rate shared by the market-based estimators. */
export interface MarketOptions {
  readonly periodsPerYear: number;
  /** r_f (annual decimal), default 0. */
  readonly riskFreeRateAnnual?: number;
}

/**
 * δ = (k · mean(r_m) − r_f) / (k · var(r_m)) from per-period market returns. The result may be
 * ≤ 0 when the market did not beat cash; the caller decides (the equilibrium needs δ > 0).
 * Throws `INSUFFICIENT_DATA` below 2 returns and `INVALID_INPUT` on zero variance.
 */
export function marketImpliedRiskAversion(
  marketReturns: ArrayLike<number>,
  options: MarketOptions,
): number {
  assertPeriodsPerYear(options.periodsPerYear);
  const market = Float64Array.from(marketReturns);
  if (market.length < 2) {
    throw new BallastError(
      'INSUFFICIENT_DATA',
      `market-implied risk aversion needs ≥ 2 returns, got ${market.length}`,
    );
  }
  if (!market.every(Number.isFinite))
    throw invalidInput('marketReturns', 'non-finite value', 'all returns must be finite');
  const k = options.periodsPerYear;
  const variance = columnVariance(market) * k;
  if (variance === 0)
    throw invalidInput('marketReturns', 'constant', 'zero variance: risk aversion undefined');
  return (columnMean(market) * k - (options.riskFreeRateAnnual ?? 0)) / variance;
}

/** Options of {@link capmReturns}. */
export interface CapmOptions extends MarketOptions {
  /** Market returns on the panel's dates; default the equal-weighted mean of the assets. */
  readonly marketReturns?: Float64Array;
  /** Geometric (true, default) or arithmetic market return. */
  readonly compounding?: boolean;
}

/** CAPM expected returns with the betas used. */
export interface CapmResult {
  readonly muAnnual: Float64Array;
  readonly betas: Float64Array;
  readonly marketReturnAnnual: number;
}

/** μ_i = r_f + β_i (E[r_m] − r_f); see the module comment. Needs T ≥ 2 and a non-constant market. */
export function capmReturns(returns: AlignedTable, options: CapmOptions): CapmResult {
  assertPeriodsPerYear(options.periodsPerYear);
  assertReturnPanel(returns, { minObservations: 2, estimator: 'CAPM' });
  const t = returns.dates.length;
  const market =
    options.marketReturns ??
    Float64Array.from({ length: t }, (_, s) =>
      columnMean(Float64Array.from(returns.columns, (c) => c[s]!)),
    );
  if (market.length !== t || !market.every((r) => Number.isFinite(r) && r > -1)) {
    throw invalidInput(
      'marketReturns',
      market.length,
      `must be ${t} finite simple returns on the panel's dates`,
    );
  }
  const marketMean = columnMean(market);
  const marketVariance = columnVariance(market);
  if (marketVariance === 0)
    throw invalidInput('marketReturns', 'constant', 'zero variance: beta undefined');
  const betas = Float64Array.from(returns.columns, (column) => {
    const mean = columnMean(column);
    let sum = 0;
    for (let s = 0; s < t; s++) sum += (column[s]! - mean) * (market[s]! - marketMean);
    return sum / (t - 1) / marketVariance;
  });
  const k = options.periodsPerYear;
  let logGrowth = 0;
  for (const r of market) logGrowth += Math.log1p(r);
  const marketReturnAnnual =
    (options.compounding ?? true) ? Math.expm1((logGrowth * k) / t) : marketMean * k;
  const riskFree = options.riskFreeRateAnnual ?? 0;
  return {
    muAnnual: betas.map((beta) => riskFree + beta * (marketReturnAnnual - riskFree)),
    betas,
    marketReturnAnnual,
  };
}

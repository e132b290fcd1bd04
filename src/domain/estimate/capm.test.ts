import { describe, expect, it } from 'vitest';
import { fromRows } from '../../core/linalg/matrix.ts';
import {
  capmReturns,
  impliedEquilibriumReturns,
  marketImpliedRiskAversion,
  marketWeightsFromCaps,
} from './capm.ts';
import { panel } from './mean-test-panel.ts';

// Tolerances: annual returns, betas and δ to 1e-12 (hand arithmetic).
const TOL = 12;

const covarianceAnnual = fromRows([
  [0.04, 0.006],
  [0.006, 0.09],
]);
const market = [0.01, 0.03, -0.01, 0.05];

describe('implied equilibrium returns Π = δΣw + r_f', () => {
  it('reverse-optimises market weights (PyPortfolioOpt market_implied_prior_returns)', () => {
    // Σw = (.04·.6 + .006·.4, .006·.6 + .09·.4) = (.0264, .0396); ×2.5 = (.066, .099); +.02.
    const pi = impliedEquilibriumReturns({
      covarianceAnnual,
      weights: [0.6, 0.4],
      riskAversion: 2.5,
      riskFreeRateAnnual: 0.02,
    });
    expect(pi[0]).toBeCloseTo(0.086, TOL);
    expect(pi[1]).toBeCloseTo(0.119, TOL);
    const noCash = impliedEquilibriumReturns({
      covarianceAnnual,
      weights: [0.6, 0.4],
      riskAversion: 1,
    });
    expect(noCash[0]).toBeCloseTo(0.0264, TOL);
  });

  it('normalises caps and rejects a non-positive δ, bad weights and bad caps', () => {
    expect(Array.from(marketWeightsFromCaps([300, 100]))).toEqual([0.75, 0.25]);
    expect(() => marketWeightsFromCaps([0, 0])).toThrow(/positive total/);
    expect(() => marketWeightsFromCaps([-1, 2])).toThrow(/marketCaps\[0\]/);
    const base = { covarianceAnnual, weights: [0.5, 0.5] };
    expect(() => impliedEquilibriumReturns({ ...base, riskAversion: 0 })).toThrow(/riskAversion/);
    expect(() =>
      impliedEquilibriumReturns({ ...base, riskAversion: 1, riskFreeRateAnnual: NaN }),
    ).toThrow(/riskFreeRateAnnual/);
    expect(() =>
      impliedEquilibriumReturns({ covarianceAnnual, weights: [0.5, NaN], riskAversion: 1 }),
    ).toThrow(/weights\[1\]/);
    expect(() =>
      impliedEquilibriumReturns({ covarianceAnnual, weights: [1], riskAversion: 1 }),
    ).toThrow(/must be 1×1/);
  });
});

describe('market-implied risk aversion δ = (E[r_m] − r_f)/σ²_m', () => {
  it('annualises mean and sample variance with k (PyPortfolioOpt market_implied_risk_aversion)', () => {
    // mean = .08/4 = .02 → ×12 = .24; deviations (−.01, .01, −.03, .03): Σ² = .002, /3 ×12 = .008.
    // δ = (.24 − .02)/.008 = 27.5.
    expect(
      marketImpliedRiskAversion(market, { periodsPerYear: 12, riskFreeRateAnnual: 0.02 }),
    ).toBeCloseTo(27.5, TOL);
    expect(marketImpliedRiskAversion(market, { periodsPerYear: 12 })).toBeCloseTo(30, TOL);
  });

  it('fails clearly on too few, non-finite or constant returns', () => {
    expect(() => marketImpliedRiskAversion([0.01], { periodsPerYear: 12 })).toThrow(/≥ 2 returns/);
    expect(() => marketImpliedRiskAversion([0.01, NaN], { periodsPerYear: 12 })).toThrow(/finite/);
    expect(() => marketImpliedRiskAversion([0.01, 0.01], { periodsPerYear: 12 })).toThrow(
      /zero variance/,
    );
  });
});

describe('CAPM returns μ_i = r_f + β_i(E[r_m] − r_f)', () => {
  const returns = panel({ A: market.map((m) => 2 * m), B: market.map((m) => 0.5 * m + 0.001) });
  const marketReturns = Float64Array.from(market);

  it('uses betas cov(r_i, r_m)/var(r_m) and the arithmetic market return when asked', () => {
    // β_A = 2, β_B = 0.5 by construction; E[r_m] = 12·.02 = .24.
    // μ_A = .02 + 2·(.24 − .02) = .46;  μ_B = .02 + .5·.22 = .13.
    const result = capmReturns(returns, {
      periodsPerYear: 12,
      riskFreeRateAnnual: 0.02,
      marketReturns,
      compounding: false,
    });
    expect(result.betas[0]).toBeCloseTo(2, TOL);
    expect(result.betas[1]).toBeCloseTo(0.5, TOL);
    expect(result.muAnnual[0]).toBeCloseTo(0.46, TOL);
    expect(result.muAnnual[1]).toBeCloseTo(0.13, TOL);
  });

  it('compounds the market return by default', () => {
    // 1.01 · 1.03 · 0.99 · 1.05 = 1.08139185, ^(12/4) − 1 = 0.26458864089476597.
    const result = capmReturns(returns, { periodsPerYear: 12, marketReturns });
    expect(result.marketReturnAnnual).toBeCloseTo(0.26458864089476597, TOL);
    expect(result.muAnnual[0]).toBeCloseTo(2 * 0.26458864089476597, TOL);
  });

  it('proxies the market by the equal-weighted assets, so the betas average to one', () => {
    const own = capmReturns(panel({ A: [0.01, 0.05, -0.02], B: [0.02, -0.01, 0.03] }), {
      periodsPerYear: 12,
    });
    expect((own.betas[0]! + own.betas[1]!) / 2).toBeCloseTo(1, TOL);
  });

  it('rejects a market series of the wrong length or without variance', () => {
    expect(() =>
      capmReturns(returns, { periodsPerYear: 12, marketReturns: new Float64Array(3) }),
    ).toThrow(/marketReturns/);
    expect(() =>
      capmReturns(returns, { periodsPerYear: 12, marketReturns: new Float64Array(4) }),
    ).toThrow(/zero variance/);
  });
});

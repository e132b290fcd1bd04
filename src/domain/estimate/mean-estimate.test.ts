import { describe, expect, it } from 'vitest';
import { fromRows } from '../../core/linalg/matrix.ts';
import { createReturnDistribution } from './distribution.ts';
import { hashFloat64 } from './distribution-hash.ts';
import { summariseDistribution } from './distribution-summary.ts';
import { estimateExpectedReturns } from './mean-estimate.ts';
import { panel } from './mean-test-panel.ts';

// Tolerances: annual expected returns to 1e-14 (values computed by hand in the estimator tests).
const RATE = 14;
const returns = panel({ A: [0.01, 0.02, -0.01, 0.03], B: [0, 0.03, 0.03, -0.02] });
const covarianceAnnual = fromRows([
  [0.04, 0.006],
  [0.006, 0.09],
]);

describe('estimateExpectedReturns (the --mean switch)', () => {
  it('dispatches the historical estimators with their parameters', () => {
    // Arithmetic A: (.01 + .02 − .01 + .03)/4 · 12 = .15.
    const historical = estimateExpectedReturns(returns, {
      method: 'historical',
      periodsPerYear: 12,
    });
    expect(historical.muAnnual[0]).toBeCloseTo(0.15, RATE);
    expect(historical.parameters).toEqual({});
    const geometric = estimateExpectedReturns(returns, { method: 'geometric', periodsPerYear: 12 });
    expect(geometric.muAnnual[0]).toBeCloseTo((1.01 * 1.02 * 0.99 * 1.03) ** 3 - 1, RATE);
    const ewma = estimateExpectedReturns(returns, { method: 'ewma', span: 3, periodsPerYear: 12 });
    expect(ewma.parameters).toEqual({ span: 3, compounding: true });
    const shrinkage = estimateExpectedReturns(returns, { method: 'shrinkage', periodsPerYear: 12 });
    expect(shrinkage.parameters).toMatchObject({ target: 'grandMean', intensity: 0 });
    expect(shrinkage.warnings[0]?.message).toMatch(/at least 4 assets/);
  });

  it('dispatches CAPM (beta) and equilibrium (δΣw + r_f) returns', () => {
    const capm = estimateExpectedReturns(returns, {
      method: 'capm',
      periodsPerYear: 12,
      compounding: false,
    });
    expect(capm.parameters).toMatchObject({ market: 'equalWeight', riskFreeRateAnnual: 0 });
    const market = Float64Array.from([0.005, 0.025, 0.01, 0.005]);
    const withMarket = estimateExpectedReturns(returns, {
      method: 'capm',
      periodsPerYear: 12,
      marketReturns: market,
    });
    expect(withMarket.parameters.market).toBe(hashFloat64(market));
    const equilibrium = estimateExpectedReturns(returns, {
      method: 'equilibrium',
      periodsPerYear: 12,
      covarianceAnnual,
      weights: [0.6, 0.4],
      riskAversion: 2.5,
      riskFreeRateAnnual: 0.02,
    });
    expect(equilibrium.muAnnual[1]).toBeCloseTo(0.119, RATE); // 2.5 · .0396 + .02
    expect(equilibrium.parameters).toEqual({
      weights: [0.6, 0.4],
      riskAversion: 2.5,
      riskFreeRateAnnual: 0.02,
    });
  });

  it('runs Black-Litterman on an equilibrium prior and returns the posterior covariance', () => {
    // Prior Π = 2.5·Σ·(.6, .4) = (.066, .099). View "A returns 10 %", He-Litterman ω = τσ_A²:
    // μ_A = .066 + .5·(.10 − .066) = .083;  μ_B = .099 + (.05·.006/.004)·.034 = .099 + .075·.034.
    const result = estimateExpectedReturns(returns, {
      method: 'blackLitterman',
      periodsPerYear: 12,
      covarianceAnnual,
      prior: { kind: 'equilibrium', weights: [0.6, 0.4], riskAversion: 2.5 },
      views: [{ kind: 'absolute', asset: 'A', returnAnnual: 0.1 }],
    });
    expect(result.muAnnual[0]).toBeCloseTo(0.083, RATE);
    expect(result.muAnnual[1]).toBeCloseTo(0.099 + 0.075 * 0.034, RATE);
    expect(result.posteriorCovarianceAnnual?.data[0]).toBeCloseTo(0.04 + 0.001, RATE);
    expect(result.parameters).toMatchObject({ tau: 0.05, omega: { method: 'heLitterman' } });
    const recordedPrior = result.parameters.priorAnnual as number[];
    expect(recordedPrior[0]).toBeCloseTo(0.066, RATE);
    expect(recordedPrior[1]).toBeCloseTo(0.099, RATE);
    const given = estimateExpectedReturns(returns, {
      method: 'blackLitterman',
      periodsPerYear: 12,
      covarianceAnnual,
      prior: { kind: 'given', priorAnnual: [0.05, 0.07] },
      views: { P: fromRows([[1, -1]]), Q: Float64Array.of(0.01) },
      omega: { method: 'given', omega: fromRows([[0.001]]) },
    });
    expect(given.parameters).toMatchObject({
      views: { P: [[1, -1]], Q: [0.01] },
      omega: { method: 'given', omega: [[0.001]] },
    });
    const confident = estimateExpectedReturns(returns, {
      method: 'blackLitterman',
      periodsPerYear: 12,
      covarianceAnnual,
      prior: { kind: 'given', priorAnnual: [0.05, 0.07] },
      views: [{ kind: 'absolute', asset: 'B', returnAnnual: 0.03 }],
      omega: { method: 'idzorek', confidences: [1] },
    });
    expect(confident.muAnnual[1]).toBeCloseTo(0.03, RATE);
    expect(confident.parameters.omega).toEqual({ method: 'idzorek', confidences: [1] });
    expect(() =>
      estimateExpectedReturns(returns, {
        method: 'blackLitterman',
        periodsPerYear: 12,
        covarianceAnnual,
        prior: { kind: 'given', priorAnnual: [0.05] },
        views: [],
      }),
    ).toThrow(/prior/);
  });

  it('builds returns from blocks and feeds a ReturnDistribution with a reproducible hash', () => {
    const blocks = {
      method: 'buildingBlock' as const,
      periodsPerYear: 12,
      inflationAnnual: 0.02,
      realRiskFreeAnnual: 0.01,
      premiumsAnnual: { A: 0.04, B: 0 },
    };
    const estimate = estimateExpectedReturns(returns, blocks);
    expect(estimate.muAnnual[0]).toBeCloseTo(0.071408, RATE); // 1.02 · 1.01 · 1.04 − 1
    expect(estimate.muAnnual[1]).toBeCloseTo(0.0302, RATE); // 1.02 · 1.01 − 1
    const distribution = () =>
      createReturnDistribution({
        returns,
        muAnnual: estimateExpectedReturns(returns, blocks).muAnnual,
        covarianceAnnual,
        method: { mean: estimate.method, covariance: 'sample', parameters: estimate.parameters },
        periodsPerYear: 12,
        warnings: estimate.warnings,
      });
    expect(distribution().inputsHash).toBe(distribution().inputsHash);
    expect(summariseDistribution(distribution()).mu.A).toBeCloseTo(0.071408, RATE);
  });
});

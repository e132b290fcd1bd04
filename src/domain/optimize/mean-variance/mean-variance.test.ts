import { beforeAll, describe, expect, it } from 'vitest';
import { fromRows } from '../../../core/linalg/matrix.ts';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import { financeExample } from '../../../../test/helpers/optimize.ts';
import { optimize } from '../index.ts';
import type { Objective } from '../objectives.ts';
import type { OptimizationInputs } from '../problem.ts';

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

const run = (inputs: OptimizationInputs, objective: Objective) =>
  optimize(highs, { inputs, objective });

describe('mean-variance objectives on docs/conventions.md’s two-asset example', () => {
  it('max Sharpe is the tangency portfolio (0.25, 0.75) with Sharpe 0.7211', () => {
    // Unconstrained tangency ∝ Σ⁻¹(μ − rf) = (0.08/0.04, 0.06/0.01) = (2, 6) → (0.25, 0.75), long
    // already; Sharpe = √((μ − rf)ᵀΣ⁻¹(μ − rf)) = √(0.16 + 0.36) = √0.52 = 0.72111.
    const r = run(financeExample(), { kind: 'maxSharpe' });
    expect(r.weights.A).toBeCloseTo(0.25, 14);
    expect(r.weights.B).toBeCloseTo(0.75, 14);
    expect(r.sharpe).toBeCloseTo(Math.sqrt(0.52), 12);
    expect(r.sharpe.toFixed(4)).toBe('0.7211');
    expect(r.expectedReturnAnnual).toBeCloseTo(0.085, 14);
    expect(r.objectiveValue).toBeCloseTo(r.sharpe, 14);
  });

  it('utility with γ = 1 moves when Σ is multiplied by 4 while max Sharpe stays (0.25, 0.75)', () => {
    // KKT of max μᵀw − ½wᵀΣw, a + b = 1: 0.10 − 0.04a = 0.08 − 0.01b → a = 0.6. With 4Σ:
    // 0.10 − 0.16a = 0.08 − 0.04(1 − a) → a = 0.3.
    const base = run(financeExample(), { kind: 'utility', riskAversion: 1 });
    const riskier = run(financeExample(4), { kind: 'utility', riskAversion: 1 });
    expect(base.weights.A).toBeCloseTo(0.6, 14);
    expect(riskier.weights.A).toBeCloseTo(0.3, 14);
    const sharpe = run(financeExample(4), { kind: 'maxSharpe' });
    expect(sharpe.weights.A).toBeCloseTo(0.25, 14);
    expect(sharpe.weights.B).toBeCloseTo(0.75, 14);
    expect(sharpe.sharpe).toBeCloseTo(Math.sqrt(0.52) / 2, 12);
  });

  it('min variance, efficient return and max return agree with hand solutions', () => {
    // GMV: 0.04a = 0.01b, a + b = 1 → (0.2, 0.8), variance 0.04·0.04 + 0.01·0.64 = 0.008.
    const gmv = run(financeExample(), { kind: 'minVariance' });
    expect(gmv.weights.A).toBeCloseTo(0.2, 14);
    expect(gmv.objectiveValue).toBeCloseTo(0.008, 15);
    // Return ≥ 0.09: 0.10a + 0.08(1 − a) = 0.09 → a = 0.5 (the variance rises with a past 0.2).
    const eff = run(financeExample(), { kind: 'efficientReturn', targetReturnAnnual: 0.09 });
    expect(eff.weights.A).toBeCloseTo(0.5, 14);
    // 0.10·a + 0.08·b ≥ 0.09 from the returned weights
    expect(0.1 * eff.weights.A! + 0.08 * eff.weights.B!).toBeGreaterThanOrEqual(0.09 - 1e-9);
    const max = run(financeExample(), { kind: 'maxReturn' });
    expect(max.weights).toEqual({ A: 1, B: 0 });
    expect(max.diagnostics.solver).toBe('highs-lp');
  });

  it('efficient risk hits the volatility target exactly on the frontier', () => {
    // σ² = 0.04a² + 0.01(1 − a)² = 0.12² → 0.05a² − 0.02a − 0.0044 = 0 → a = (0.02 + √0.00128)/0.1.
    const r = run(financeExample(), { kind: 'efficientRisk', targetVolatilityAnnual: 0.12 });
    const a = (0.02 + Math.sqrt(0.00128)) / 0.1;
    expect(r.weights.A).toBeCloseTo(a, 12);
    expect(r.volatilityAnnual).toBeCloseTo(0.12, 14);
    expect(r.diagnostics.solves).toBeGreaterThan(1);
  });

  it('efficient risk returns max return when the cap does not bind and fails below GMV risk', () => {
    expect(
      run(financeExample(), { kind: 'efficientRisk', targetVolatilityAnnual: 0.5 }).weights.A,
    ).toBe(1);
    expect(() =>
      run(financeExample(), { kind: 'efficientRisk', targetVolatilityAnnual: 0.05 }),
    ).toThrow(/below the minimum-variance volatility/);
  });

  it('max diversification and min tracking error agree with hand solutions', () => {
    // Uncorrelated assets: the most diversified portfolio is w ∝ 1/σ → (1/0.2, 1/0.1)/15 = (1/3, 2/3),
    // ratio (σᵀw)/σ_p = √2 (two independent equal-risk bets).
    const md = run(financeExample(), { kind: 'maxDiversification' });
    expect(md.weights.A).toBeCloseTo(1 / 3, 14);
    expect(md.objectiveValue).toBeCloseTo(Math.SQRT2, 13);
    const te = run(financeExample(), { kind: 'minTrackingError', benchmarkWeights: [0.7, 0.3] });
    expect(te.weights.A).toBeCloseTo(0.7, 14);
    expect(te.objectiveValue).toBeLessThan(1e-12);
  });

  it('reports risk contributions that sum to 1', () => {
    const r = run(financeExample(), { kind: 'maxSharpe' });
    // RC = w_i(Σw)_i/σ²: (0.25·0.01, 0.75·0.0075)/0.008125 = (0.3077, 0.6923).
    expect(r.riskContributions.A).toBeCloseTo(0.0025 / 0.008125, 14);
    expect(r.riskContributions.A! + r.riskContributions.B!).toBeCloseTo(1, 15);
  });
});

describe('long-short minimum variance solved by hand through the KKT system', () => {
  // σ = (0.2, 0.3), ρ = 0.9: Σ = [[0.04, 0.054], [0.054, 0.09]]. KKT of min ½wᵀΣw s.t. 1ᵀw = 1:
  //   [0.04  0.054  1] [w1]   [0]
  //   [0.054 0.09   1] [w2] = [0]      (Σw + λ1 = 0, λ = −variance)
  //   [1     1      0] [λ ]   [1]
  // Subtracting the first two rows: −0.014w1 + 0.036w2... gives w1/w2 = −(0.09 − 0.054)/(0.04 − 0.054),
  // so w = (0.036, −0.014)/0.022 = (18/11, −7/11), variance = det Σ / 0.022 = 0.000684/0.022.
  const inputs: OptimizationInputs = {
    assets: ['X', 'Y'],
    expectedReturnsAnnual: Float64Array.from([0.06, 0.07]),
    covarianceAnnual: fromRows([
      [0.04, 0.054],
      [0.054, 0.09],
    ]),
    riskFreeRateAnnual: 0.02,
  };

  it('shorts the riskier asset: w = (18/11, −7/11)', () => {
    const r = optimize(highs, {
      inputs,
      objective: { kind: 'minVariance' },
      constraints: { longShort: {}, minWeight: -1, maxWeight: 2 },
    });
    expect(r.weights.X).toBeCloseTo(18 / 11, 14);
    expect(r.weights.Y).toBeCloseTo(-7 / 11, 14);
    expect(r.objectiveValue).toBeCloseTo(0.000684 / 0.022, 15);
  });

  it('a gross cap Σ|w| ≤ 2 binds: w1 − w2 = 2 and w1 + w2 = 1 give (1.5, −0.5)', () => {
    const r = optimize(highs, {
      inputs,
      objective: { kind: 'minVariance' },
      constraints: { longShort: { grossMax: 2 }, minWeight: -1, maxWeight: 2 },
    });
    expect(r.weights.X).toBeCloseTo(1.5, 12);
    expect(r.weights.Y).toBeCloseTo(-0.5, 12);
    // the reported gross slack is 2 − (|w_X| + |w_Y|), recomputed here: it binds
    const gross = r.constraintsChecked.find((c) => c.name === 'gross')!;
    expect(gross.slack).toBeCloseTo(2 - Math.abs(r.weights.X!) - Math.abs(r.weights.Y!), 14);
    expect(Math.abs(gross.slack)).toBeLessThan(1e-12);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import { multiPeriodWeights } from './multi-period.ts';
import type { WindowMoments } from './window.ts';

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

/** Annual moments of two uncorrelated assets of equal variance σ². */
function moments(m1: number, m2: number, sigma2: number): WindowMoments {
  return {
    returns: { rows: 0, cols: 2, data: new Float64Array(0) },
    meanAnnual: Float64Array.of(m1, m2),
    covarianceAnnual: { rows: 2, cols: 2, data: Float64Array.of(sigma2, 0, 0, sigma2) },
  };
}

/**
 * By hand (module comment of multi-period.ts): from w₀ = (½, ½), w = (½ + δ, ½ − δ) gives each
 * period (m₁ − m₂)δ/P − γ(σ²/P)δ² and costs 2κ·δ once, so δ* = (m₁ − m₂ − 2κP/H)/(2γσ²) — the
 * per-period formula (mₚ₁ − mₚ₂ − 2κ/H)/(2γσₚ²) multiplied through by P.
 */
const deltaStar = (o: {
  m: number;
  sigma2: number;
  gamma: number;
  kappa: number;
  P: number;
  H: number;
}) => Math.max(0, (o.m - (2 * o.kappa * o.P) / o.H) / (2 * o.gamma * o.sigma2));

describe('multi-period weights (two assets, by hand)', () => {
  // m₁ − m₂ = 6 % a year, σ² = 0.04, γ = 2, monthly (P = 12), κ = 10 bp.
  const base = { m: 0.06, sigma2: 0.04, gamma: 2, kappa: 0.001, P: 12 };

  it.each([1, 2, 4, 12])('horizon %i: δ* = (m₁ − m₂ − 2κP/H)/(2γσ²)', (H) => {
    const out = multiPeriodWeights(moments(0.08, 0.02, base.sigma2), Float64Array.of(0.5, 0.5), {
      highs,
      horizon: H,
      riskAversion: base.gamma,
      tradeCost: base.kappa,
      periodsPerYear: base.P,
    });
    if (!('weights' in out)) throw new Error(out.failure.reason);
    const d = deltaStar({ ...base, H });
    // H = 1: (0.06 − 0.024)/0.16 = 0.225; H = 12: (0.06 − 0.002)/0.16 = 0.3625.
    expect(out.weights[0]).toBeCloseTo(0.5 + d, 7);
    expect(out.weights[1]).toBeCloseTo(0.5 - d, 7);
  });

  it('a cost above the per-period gain keeps the current weights (no trade)', () => {
    // 2κP/H = 2 × 0.003 × 12 = 0.072 > 0.06 with H = 1: δ* = 0.
    const out = multiPeriodWeights(moments(0.08, 0.02, 0.04), Float64Array.of(0.5, 0.5), {
      highs,
      horizon: 1,
      riskAversion: 2,
      tradeCost: 0.003,
      periodsPerYear: 12,
    });
    expect('weights' in out && [...out.weights].map((w) => Number(w.toFixed(9)))).toEqual([
      0.5, 0.5,
    ]);
  });

  it('without costs it is the utility optimum μᵀw − (γ/2)wᵀΣw, whatever the horizon', () => {
    // δ = (m₁ − m₂)/(2γσ²) = 0.06/0.16 = 0.375 → (0.875, 0.125), from any w₀ (here all cash).
    for (const H of [1, 3]) {
      const out = multiPeriodWeights(moments(0.08, 0.02, 0.04), Float64Array.of(0, 0), {
        highs,
        horizon: H,
        riskAversion: 2,
        tradeCost: 0,
        periodsPerYear: 12,
      });
      expect('weights' in out && out.weights[0]).toBeCloseTo(0.875, 7);
    }
  });

  it('respects the weight bounds (a cap of 0.6 binds)', () => {
    const out = multiPeriodWeights(moments(0.08, 0.02, 0.04), Float64Array.of(0.5, 0.5), {
      highs,
      horizon: 4,
      riskAversion: 2,
      tradeCost: 0.001,
      periodsPerYear: 12,
      maxWeight: 0.6,
    });
    expect('weights' in out && out.weights[0]).toBeCloseTo(0.6, 9);
  });

  it('bounds no weights can meet are a recorded failure, not an exception', () => {
    const out = multiPeriodWeights(moments(0.08, 0.02, 0.04), Float64Array.of(0.5, 0.5), {
      highs,
      horizon: 2,
      riskAversion: 2,
      tradeCost: 0.001,
      periodsPerYear: 12,
      maxWeight: 0.4,
    });
    expect(out).toMatchObject({ failure: { code: 'INFEASIBLE' } });
  });
});

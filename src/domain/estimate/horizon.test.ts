import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import {
  annualizeVariance,
  cumulativeVariance,
  garchStepVariance,
  horizonVariance,
  horizonVarianceAnnual,
  stepVariances,
  volatilityAnnual,
} from './horizon.ts';

// docs/conventions.md "Estimation": ω = 1e-6, α = .1, β = .85, σ²_{t+1} = 3.9e-5.
const example = { omega: 1e-6, alpha: 0.1, beta: 0.85, nextVariance: 3.9e-5 };

describe('h-step variance forecasts', () => {
  it('reproduces the docs/conventions.md GARCH example: 3.9e-5, 3.805e-5, 3.71475e-5 for h = 1, 2, 3', () => {
    // V_L = 1e-6 / 0.05 = 2e-5; h = 2: 2e-5 + 0.95·1.9e-5 = 3.805e-5; h = 3: 2e-5 + 0.9025·1.9e-5.
    expect(garchStepVariance(example, 1)).toBeCloseTo(3.9e-5, 18);
    expect(garchStepVariance(example, 2)).toBeCloseTo(3.805e-5, 18);
    expect(garchStepVariance(example, 3)).toBeCloseTo(3.71475e-5, 18);
    expect(Array.from(stepVariances({ kind: 'garch', ...example }, 3))).toEqual([
      expect.closeTo(3.9e-5, 18),
      expect.closeTo(3.805e-5, 18),
      expect.closeTo(3.71475e-5, 18),
    ]);
  });

  it('matches the closed form V_L + (α+β)^{h−1}(σ²_{t+1} − V_L) at h = 50 and tends to V_L', () => {
    const vL = example.omega / (1 - example.alpha - example.beta);
    const closed = vL + 0.95 ** 49 * (example.nextVariance - vL);
    expect(garchStepVariance(example, 50) / closed).toBeCloseTo(1, 13);
    expect(garchStepVariance(example, 2000) / vL).toBeCloseTo(1, 12);
  });

  it('sums step variances into the h-day variance: 3.9e-5 + 3.805e-5 + 3.71475e-5 = 1.141975e-4', () => {
    expect(horizonVariance({ kind: 'garch', ...example }, 3)).toBeCloseTo(1.141975e-4, 17);
    expect(cumulativeVariance([1, 2, 3.5])).toBe(6.5);
  });

  it('keeps an IGARCH forecast finite and linear: σ²_{t+h} = σ²_{t+1} + (h − 1)ω', () => {
    const igarch = { omega: 1e-6, alpha: 0.1, beta: 0.9, nextVariance: 4e-5 };
    expect(garchStepVariance(igarch, 11)).toBeCloseTo(4e-5 + 10e-6, 18);
  });

  it('is flat for EWMA and sample variance: h·σ²_{t+1}', () => {
    expect(Array.from(stepVariances({ kind: 'flat', nextVariance: 2e-4 }, 3))).toEqual([
      2e-4, 2e-4, 2e-4,
    ]);
    expect(horizonVariance({ kind: 'flat', nextVariance: 2e-4 }, 21)).toBeCloseTo(21 * 2e-4, 16);
  });

  it('rejects a horizon that is not a positive integer', () => {
    expect(() => stepVariances({ kind: 'flat', nextVariance: 1 }, 0)).toThrow(BallastError);
    expect(() => stepVariances({ kind: 'flat', nextVariance: 1 }, 2.5)).toThrow(/horizon/);
  });
});

describe('annualisation with explicit periodsPerYear', () => {
  it('scales variance by periodsPerYear and volatility by its square root', () => {
    // Daily σ = 1 % → annual variance 0.0001·252 = 0.0252, volatility √0.0252 = 0.158745…
    expect(annualizeVariance(1e-4, 252)).toBeCloseTo(0.0252, 15);
    expect(volatilityAnnual(1e-4, 252)).toBeCloseTo(0.15874507866387544, 14);
    // Monthly σ² = 0.002 → 0.024 a year.
    expect(annualizeVariance(0.002, 12)).toBeCloseTo(0.024, 15);
  });

  it('annualises the average variance over a horizon', () => {
    const v = horizonVarianceAnnual(
      { kind: 'garch', ...example },
      { horizon: 3, periodsPerYear: 252 },
    );
    expect(v).toBeCloseTo((1.141975e-4 / 3) * 252, 14);
  });

  it('rejects a non-positive periodsPerYear', () => {
    expect(() => annualizeVariance(1, 0)).toThrow(/periodsPerYear/);
  });
});

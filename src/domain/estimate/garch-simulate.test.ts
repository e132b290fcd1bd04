import { describe, expect, it } from 'vitest';
import { simulateGarch } from './garch-simulate.ts';

describe('GARCH(1,1) simulation', () => {
  it('is reproducible for a seed and keeps the true conditional variances', () => {
    const a = simulateGarch({ omega: 2e-6, alpha: 0.08, beta: 0.9, observations: 100, seed: 9 });
    const b = simulateGarch({ omega: 2e-6, alpha: 0.08, beta: 0.9, observations: 100, seed: 9 });
    expect(Array.from(a.returns)).toEqual(Array.from(b.returns));
    expect(a.variances.length).toBe(101);
    // The path obeys its own recursion.
    const v1 = 2e-6 + 0.08 * (a.returns[0] ?? 0) ** 2 + 0.9 * (a.variances[0] ?? 0);
    expect(a.variances[1]).toBeCloseTo(v1, 18);
  });

  it('has the long-run variance ω/(1 − α − β) on average', () => {
    const { returns } = simulateGarch({
      omega: 1e-5,
      alpha: 0.05,
      beta: 0.85,
      observations: 20_000,
      seed: 4,
    });
    const meanSquare = returns.reduce((s, r) => s + r * r, 0) / returns.length;
    // V_L = 1e-5/0.1 = 1e-4; allow 5 % (sampling error ≈ 2 % here).
    expect(meanSquare / 1e-4).toBeCloseTo(1, 1);
  });

  it('rejects invalid parameters and a missing start for α + β ≥ 1', () => {
    expect(() =>
      simulateGarch({ omega: 0, alpha: 0.1, beta: 0.8, observations: 10, seed: 1 }),
    ).toThrow(/garch/);
    expect(() =>
      simulateGarch({ omega: 1e-6, alpha: 0.1, beta: 0.8, observations: 0, seed: 1 }),
    ).toThrow(/observations/);
    expect(() =>
      simulateGarch({ omega: 1e-6, alpha: 0.1, beta: 0.9, observations: 10, seed: 1 }),
    ).toThrow(/initialVariance/);
  });
});

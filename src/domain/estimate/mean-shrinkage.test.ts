import { describe, expect, it } from 'vitest';
import { jamesSteinMeanReturns } from './mean-shrinkage.ts';
import { panel } from './mean-test-panel.ts';

// Tolerances: annual means and the intensity to 1e-14.
const RATE = 14;

describe('James-Stein shrinkage toward the grand mean', () => {
  it('shrinks by c = (N − 3)·v / D, computed by hand', () => {
    // Per-period means m = (.02, .01, 0, .03), grand mean .015, each variance 2·.01² = .0002.
    // v = .0002 / T(=2) = .0001;  D = .005² + .005² + .015² + .015² = .0005;
    // c = (4 − 3)·.0001/.0005 = 0.2;  μ_i = 12·(.015 + .8·(m_i − .015)) = 12·(.019, .011, .003, .027).
    const result = jamesSteinMeanReturns(
      panel({ A: [0.03, 0.01], B: [0.02, 0], C: [0.01, -0.01], D: [0.04, 0.02] }),
      { periodsPerYear: 12 },
    );
    expect(result.intensity).toBeCloseTo(0.2, RATE);
    expect(result.grandMeanAnnual).toBeCloseTo(0.18, RATE);
    [0.228, 0.132, 0.036, 0.324].forEach((expected, i) =>
      expect(result.muAnnual[i]).toBeCloseTo(expected, RATE),
    );
    expect(result.warnings).toEqual([]);
  });

  it('is positive-part: noisy means collapse to the grand mean (c clipped at 1)', () => {
    // Means (.02, .01, 0, .03) again but with variance 2·.1² each: (N−3)·v/D = .01/.0005 = 20 → 1.
    const result = jamesSteinMeanReturns(
      panel({ A: [0.12, -0.08], B: [0.11, -0.09], C: [0.1, -0.1], D: [0.13, -0.07] }),
      { periodsPerYear: 12 },
    );
    expect(result.intensity).toBe(1);
    result.muAnnual.forEach((mu) => expect(mu).toBeCloseTo(0.18, RATE));
  });

  it('uses c = 1 when all means are equal and keeps sample means below four assets', () => {
    const equal = jamesSteinMeanReturns(
      panel({ A: [0.01, 0.03], B: [0.03, 0.01], C: [0, 0.04], D: [0.04, 0] }),
      { periodsPerYear: 1 },
    );
    expect(equal.intensity).toBe(1);
    const three = jamesSteinMeanReturns(panel({ A: [0.01, 0.03], B: [0, 0], C: [0.1, 0.2] }), {
      periodsPerYear: 12,
    });
    expect(three.intensity).toBe(0);
    expect(three.muAnnual[2]).toBeCloseTo(1.8, RATE);
    expect(three.warnings[0]?.message).toMatch(/at least 4 assets/);
    expect(three.warnings[0]?.code).toBe('MEAN_SHRINKAGE_TOO_FEW_ASSETS');
  });

  it('needs two observations', () => {
    expect(() => jamesSteinMeanReturns(panel({ A: [0.01] }), { periodsPerYear: 12 })).toThrow(
      /at least 2 observations/,
    );
  });
});

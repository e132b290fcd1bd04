import { describe, expect, it } from 'vitest';
import { computeMetrics } from './metric-set.ts';
import { cvarCornishFisher, edgeworthTailMean } from './value-at-risk.ts';

/** R 4.x `qnorm(0.05)` and `qnorm(0.01)`. */
const Z95 = -1.6448536269514722;
const Z99 = -2.3263478740408408;
const phi = (x: number): number => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/** Population moments by a plain two-pass loop (independent of `moments.ts`). */
function populationMoments(r: readonly number[]): { mu: number; m2: number; s: number; k: number } {
  const n = r.length;
  const mu = r.reduce((a, b) => a + b, 0) / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const x of r) {
    const d = x - mu;
    m2 += (d * d) / n;
    m3 += (d * d * d) / n;
    m4 += (d * d * d * d) / n;
  }
  return { mu, m2, s: m3 / Math.pow(m2, 1.5), k: m4 / (m2 * m2) - 3 };
}

/**
 * Second independent method: E[Z | Z ≤ h] under the second-order Edgeworth density
 * f(z) = φ(z)(1 + S·He3/6 + K·He4/24 + S²·He6/72), He3 = z³ − 3z, He4 = z⁴ − 6z² + 3,
 * He6 = z⁶ − 15z⁴ + 45z² − 15, integrated numerically: (1/α)∫_{−12}^{h} z f(z) dz by
 * composite Simpson with 20 000 panels (φ(−12) ≈ 2e-32, so the cut-off is immaterial).
 */
function tailMeanByIntegration(h: number, m: { s: number; k: number; alpha: number }): number {
  const f = (z: number): number => {
    const he3 = z ** 3 - 3 * z;
    const he4 = z ** 4 - 6 * z ** 2 + 3;
    const he6 = z ** 6 - 15 * z ** 4 + 45 * z ** 2 - 15;
    return z * phi(z) * (1 + (m.s * he3) / 6 + (m.k * he4) / 24 + (m.s * m.s * he6) / 72);
  };
  const a = -12;
  const panels = 20000;
  const step = (h - a) / panels;
  let sum = f(a) + f(h);
  for (let i = 1; i < panels; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * step);
  return (sum * step) / 3 / m.alpha;
}

/** Cornish-Fisher quantile, written out again for the test. */
function cfQuantile(z: number, s: number, k: number): number {
  return (
    z + ((z ** 2 - 1) * s) / 6 + ((z ** 3 - 3 * z) * k) / 24 - ((2 * z ** 3 - 5 * z) * s ** 2) / 36
  );
}

describe('cvarCornishFisher (PerformanceAnalytics ES method "modified")', () => {
  it('equals the Gaussian CVaR with population σ on a symmetric, zero-excess-kurtosis sample', () => {
    // r = 0.01 ± 0.03 once each and 0.01 four times: mean 0.01, m2 = 2·0.03²/6 = 0.0003,
    // m3 = 0, m4 = 2·0.03⁴/6 = 2.7e-7 → m4/m2² = 2.7e-7/9e-8 = 3, so S = K = 0, h = z and
    // CVaR = −0.01 + √0.0003 · φ(z)/0.05 (E_G = −φ(z)/α = −2.06 < h = −1.645: no floor).
    const r = [-0.02, 0.04, 0.01, 0.01, 0.01, 0.01];
    const expected = -0.01 + (Math.sqrt(0.0003) * phi(Z95)) / 0.05;
    expect(expected).toBeCloseTo(0.02572723, 8); // √0.0003 = 0.01732051 × φ(z)/α = 2.06271281 = 0.03572723
    expect(cvarCornishFisher(r, { confidence: 0.95 })).toBeCloseTo(expected, 14);
    expect(cvarCornishFisher(r, { confidence: 0.95, operational: false })).toBeCloseTo(
      expected,
      14,
    );
  });

  it('matches the numerical integral of the Edgeworth tail on a skewed sample', () => {
    const r = [-0.08, -0.03, -0.01, 0, 0.01, 0.02, 0.02, 0.03, 0.04, 0.05, -0.045, 0.015];
    for (const [confidence, z] of [
      [0.95, Z95],
      [0.99, Z99],
    ] as const) {
      const { mu, m2, s, k } = populationMoments(r);
      const alpha = 1 - confidence;
      const h = cfQuantile(z, s, k);
      const integral = tailMeanByIntegration(h, { s, k, alpha });
      expect(edgeworthTailMean(h, { skew: s, kurt: k, alpha })).toBeCloseTo(integral, 10);
      const raw = -mu - Math.sqrt(m2) * integral;
      const floored = -mu - Math.sqrt(m2) * Math.min(integral, h);
      expect(cvarCornishFisher(r, { confidence, operational: false })).toBeCloseTo(raw, 10);
      expect(cvarCornishFisher(r, { confidence })).toBeCloseTo(floored, 10);
    }
  });

  it('floors the tail mean at the Cornish-Fisher quantile when the expansion breaks down', () => {
    // 46 returns: 0.01 ± 0.05 once each, 0.01 otherwise. S = 0, m2 = 2·0.05²/46,
    // m4 = 2·0.05⁴/46 → m4/m2² = 46/2 = 23, K = 20. At 95 % h = z + (z³ − 3z)·20/24 ≈ −1.241
    // while E_G ≈ +1.56 > h (the Edgeworth "tail mean" is above the quantile), so the
    // operational CVaR is the modified VaR −0.01 − σh, σ = 0.05·√(2/46).
    const r = [-0.04, 0.06, ...Array.from({ length: 44 }, () => 0.01)];
    const sigma = 0.05 * Math.sqrt(2 / 46);
    const h = Z95 + ((Z95 ** 3 - 3 * Z95) * 20) / 24;
    expect(h).toBeCloseTo(-1.2412387, 6);
    const eg = tailMeanByIntegration(h, { s: 0, k: 20, alpha: 0.05 });
    expect(eg).toBeGreaterThan(h);
    expect(cvarCornishFisher(r, { confidence: 0.95 })).toBeCloseTo(-0.01 - sigma * h, 12);
    expect(cvarCornishFisher(r, { confidence: 0.95, operational: false })).toBeCloseTo(
      -0.01 - sigma * eg,
      9,
    );
  });

  it('is −mean on a constant series and rejects a bad confidence', () => {
    expect(cvarCornishFisher([0.02, 0.02, 0.02], { confidence: 0.95 })).toBeCloseTo(-0.02, 15);
    expect(() => cvarCornishFisher([0.01, 0.02], { confidence: 1.5 })).toThrow(/confidence/);
  });

  it('is reported in the metric set with its convention', () => {
    const r = [-0.02, 0.04, 0.01, 0.01, 0.01, 0.01];
    const report = computeMetrics(
      r.map((value, i) => ({ date: `2024-0${i + 1}-28`, value })),
      { periodsPerYear: 12 },
    );
    expect(report.metrics.cvarCornishFisher).toBeCloseTo(
      -0.01 + (Math.sqrt(0.0003) * phi(Z95)) / 0.05,
      14,
    );
    expect(report.conventions.cvarCornishFisher).toMatch(/Boudt, Peterson & Croux/);
  });
});

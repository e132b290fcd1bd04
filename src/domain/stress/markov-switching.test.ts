import { describe, expect, it } from 'vitest';
import { createRng, standardNormals } from '../../core/random/index.ts';
import {
  fitMarkovSwitching,
  hamiltonFilter,
  kimSmoother,
  type MarkovSwitchingParams,
} from './markov-switching.ts';

// μ = (0, 0), σ = (1, 2), p00 = 0.9, p11 = 0.8; ergodic start (2/3, 1/3)
const params: MarkovSwitchingParams = {
  means: [0, 0],
  vols: [1, 2],
  transition: [
    [0.9, 0.1],
    [0.2, 0.8],
  ],
  initial: [2 / 3, 1 / 3],
};
const SQRT_2PI = Math.sqrt(2 * Math.PI);

describe('hamiltonFilter (hand-computed two steps)', () => {
  it('matches the filter recursion worked by hand', () => {
    const f = hamiltonFilter([0, 2], params);
    // t = 1, y = 0: η = (1/√2π, 1/(2√2π)); ξ ∝ (2/3 · 1, 1/3 · ½) = (4/6, 1/6) → (0.8, 0.2)
    expect(f.filtered[0]![0]).toBeCloseTo(0.8, 14);
    expect(f.filtered[0]![1]).toBeCloseTo(0.2, 14);
    // t = 2: ξ_{2|1} = Pᵀ(0.8, 0.2) = (0.8·0.9 + 0.2·0.2, 0.8·0.1 + 0.2·0.8) = (0.76, 0.24)
    expect(f.predicted[1]![0]).toBeCloseTo(0.76, 14);
    expect(f.predicted[1]![1]).toBeCloseTo(0.24, 14);
    // y = 2: η ∝ (e^{−2}, ½ e^{−1/2}); ξ_{2|2}(1) = 0.12 e^{−1/2} / (0.76 e^{−2} + 0.12 e^{−1/2})
    const a = 0.76 * Math.exp(-2);
    const b = 0.12 * Math.exp(-0.5);
    expect(f.filtered[1]![1]).toBeCloseTo(b / (a + b), 14);
    // ln L = ln((5/6)/√2π) + ln((a + b)/√2π)
    expect(f.logLikelihood).toBeCloseTo(
      Math.log(5 / 6 / SQRT_2PI) + Math.log((a + b) / SQRT_2PI),
      12,
    );
  });
});

describe('kimSmoother', () => {
  it('equals the path enumeration P(s_t | y_1..y_T) on a three-step series', () => {
    const y = [0.3, -2.5, 1.1];
    const smoothed = kimSmoother(hamiltonFilter(y, params), params);
    // Independent method: sum the joint density over all 2³ state paths.
    const density = (x: number, j: 0 | 1): number =>
      Math.exp(-0.5 * (x / params.vols[j]) ** 2) / (params.vols[j] * SQRT_2PI);
    const marginal = [
      [0, 0],
      [0, 0],
      [0, 0],
    ];
    let total = 0;
    for (let path = 0; path < 8; path++) {
      const s = [(path >> 2) & 1, (path >> 1) & 1, path & 1] as (0 | 1)[];
      let p = params.initial[s[0]!] * density(y[0]!, s[0]!);
      for (let t = 1; t < 3; t++) p *= params.transition[s[t - 1]!][s[t]!] * density(y[t]!, s[t]!);
      total += p;
      s.forEach((j, t) => (marginal[t]![j]! += p));
    }
    for (let t = 0; t < 3; t++)
      for (const j of [0, 1] as const)
        expect(smoothed[t]![j]).toBeCloseTo(marginal[t]![j]! / total, 12);
    expect(kimSmoother(hamiltonFilter([], params), params)).toEqual([]);
  });
});

describe('filter and smoother against statsmodels 0.13.5 (MarkovRegression)', () => {
  it('matches loglike, filtered and smoothed probabilities at fixed parameters', () => {
    // y: first 12 us_large_equity returns of data/samples/exposure_real_returns_monthly.csv,
    // rounded to 6 decimals. Peer: statsmodels 0.13.5 MarkovRegression(y, k_regimes=2,
    // trend='c', switching_variance=True) with params p[0->0]=0.9, p[1->0]=0.2, const
    // (0.02, −0.01), sigma2 (0.03², 0.06²), default steady-state initial probabilities
    // (2/3, 1/3): m.loglike(params), m.smooth(params).{filtered,smoothed}_marginal_probabilities[:, 1].
    const y = [
      -0.040051, -0.026372, 0.106554, 0.03293, -0.012476, 0.024044, 0.040539, 0.045894, -5.4e-5,
      0.013822, 0.019693, 0.026862,
    ];
    const p: MarkovSwitchingParams = {
      means: [0.02, -0.01],
      vols: [0.03, 0.06],
      transition: [
        [0.9, 0.1],
        [0.2, 0.8],
      ],
      initial: [2 / 3, 1 / 3],
    };
    const filtered = [
      0.6205025231201438, 0.6460895848125213, 0.8571581746795207, 0.49777804307790274,
      0.4218907538538814, 0.21925346691646733, 0.1308248167055228, 0.1002590951082605,
      0.11226560419194057, 0.09306959762639477, 0.08047158623562728, 0.07299944399621086,
    ];
    const smoothed = [
      0.7599438187540305, 0.7448391809284712, 0.7048155118864114, 0.3267454686272355,
      0.20670530460904576, 0.09403633479113115, 0.0557388458800938, 0.045478796845847824,
      0.04766889651027484, 0.0427570983581104, 0.04774539781433182, 0.07299944399621086,
    ];
    const f = hamiltonFilter(y, p);
    expect(f.logLikelihood).toBeCloseTo(22.67176169957564, 10);
    f.filtered.forEach((q, t) => expect(q[1]).toBeCloseTo(filtered[t]!, 12));
    kimSmoother(f, p).forEach((q, t) => expect(q[1]).toBeCloseTo(smoothed[t]!, 12));
  });
});

describe('fitMarkovSwitching', () => {
  it('recovers the parameters of a simulated two-regime series (seeded)', () => {
    const rng = createRng(20240607);
    const n = 3000;
    const truth = { means: [0.01, -0.02], vols: [0.02, 0.06], stay: [0.98, 0.9] };
    const z = standardNormals(rng, n);
    const y = new Float64Array(n);
    let s = 0;
    for (let t = 0; t < n; t++) {
      if (t > 0 && rng.nextFloat() > truth.stay[s]!) s = 1 - s;
      y[t] = truth.means[s]! + truth.vols[s]! * z[t]!;
    }
    const fit = fitMarkovSwitching(y);
    expect(fit.converged).toBe(true);
    expect(fit.params.means[0]).toBeCloseTo(0.01, 2); // ±0.005
    expect(Math.abs(fit.params.means[1] + 0.02)).toBeLessThan(0.01);
    expect(fit.params.vols[0] / 0.02).toBeGreaterThan(0.9);
    expect(fit.params.vols[0] / 0.02).toBeLessThan(1.1);
    expect(fit.params.vols[1] / 0.06).toBeGreaterThan(0.85);
    expect(fit.params.vols[1] / 0.06).toBeLessThan(1.15);
    expect(Math.abs(fit.params.transition[0][0] - 0.98)).toBeLessThan(0.01);
    expect(Math.abs(fit.params.transition[1][1] - 0.9)).toBeLessThan(0.04);
    // expected durations 1/(1 − p_jj), ergodic share (1 − p11)/(2 − p00 − p11)
    const [p00, p11] = [fit.params.transition[0][0], fit.params.transition[1][1]];
    expect(fit.expectedDurations[0]).toBeCloseTo(1 / (1 - p00), 12);
    expect(fit.ergodic[0]).toBeCloseTo((1 - p11) / (2 - p00 - p11), 12);
    expect(fit.smoothed).toHaveLength(n);
  });

  it('raises the likelihood at every EM step, flags non-convergence, labels calm first', () => {
    const y = Float64Array.from(
      { length: 40 },
      (_, t) => (t % 10 < 7 ? 0.01 : 0.2) * (t % 2 ? 1 : -1) + 0.001 * t,
    );
    const lls = [1, 2, 3, 4, 5].map((k) => fitMarkovSwitching(y, { maxIterations: k }));
    for (let k = 1; k < lls.length; k++)
      expect(lls[k]!.logLikelihood).toBeGreaterThanOrEqual(lls[k - 1]!.logLikelihood - 1e-12);
    expect(lls[2]!.iterations).toBe(3);
    expect(lls[2]!.converged).toBe(false);
    expect(lls[2]!.params.vols[0]).toBeLessThanOrEqual(lls[2]!.params.vols[1]);
  });

  it('refuses short or constant series', () => {
    expect(() => fitMarkovSwitching(new Float64Array(19))).toThrow(/≥ 20/);
    expect(() => fitMarkovSwitching(new Float64Array(30).fill(0.01))).toThrow(
      /zero or non-finite variance/,
    );
  });
});

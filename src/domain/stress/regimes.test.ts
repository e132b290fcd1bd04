import { describe, expect, it } from 'vitest';
import { createRng, standardNormals } from '../../core/random/index.ts';
import { detectRegimes } from './regimes.ts';

describe('detectRegimes', () => {
  const rng = createRng(7);
  const z = standardNormals(rng, 200);
  // calm (σ 0.01) except dates 100–139 (σ 0.05)
  const y = Float64Array.from(z, (v, t) => v * (t >= 100 && t < 140 ? 0.05 : 0.01));

  it('markov: finds the high-volatility block and reports per-regime moments', () => {
    const d = detectRegimes(y, { model: 'markov' });
    expect(d.markov!.converged).toBe(true);
    const stressedDates = d.stressed.flatMap((s, t) => (s ? [t] : []));
    // most of the block is stressed, almost nothing outside it
    expect(stressedDates.filter((t) => t >= 100 && t < 140).length).toBeGreaterThan(32);
    expect(stressedDates.filter((t) => t < 100 || t >= 140).length).toBeLessThan(8);
    expect(d.stressedRegime.vol!).toBeGreaterThan(3 * d.calm.vol!);
    expect(d.currentStressedProbability).toBeCloseTo(d.markov!.filtered.at(-1)![1], 15);
    expect(d.calm.count + d.stressedRegime.count).toBe(200);
  });

  it('threshold: 0/1 probabilities, null before the first window', () => {
    const d = detectRegimes(y, { model: 'threshold', window: 20, quantile: 0.75 });
    expect(d.stressedProbability.slice(0, 19).every((p) => p === null)).toBe(true);
    expect(new Set(d.stressedProbability.slice(19))).toEqual(new Set([0, 1]));
    expect(d.calm.count + d.stressedRegime.count).toBe(181);
    expect(d.threshold).toEqual({ value: expect.any(Number), window: 20, quantile: 0.75 });
    expect(d.currentStressedProbability).toBe(d.stressed.at(-1) ? 1 : 0);
  });
});

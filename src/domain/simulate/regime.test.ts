import { describe, expect, it } from 'vitest';
import { standardNormals } from '../../core/random/normal.ts';
import { createRng, createStreamRng } from '../../core/random/xoshiro128.ts';
import { buildGenerator } from './build.ts';
import { pathFiller } from './draw.ts';

/**
 * A history with two clear regimes (simulated here): 40-period stretches alternating between
 * calm (vol 1 %, mean +1 %) and stressed (vol 5 %, mean −1 %), 800 periods of two assets that
 * move together (B = 0.5·A + small noise).
 */
function history(): Float64Array[] {
  const z = standardNormals(createRng(77), 1600);
  const a = new Float64Array(800);
  const b = new Float64Array(800);
  for (let t = 0; t < 800; t++) {
    const stressed = Math.floor(t / 40) % 2 === 1;
    a[t] = stressed ? -0.01 + 0.05 * z[t]! : 0.01 + 0.01 * z[t]!;
    b[t] = 0.5 * a[t]! + 0.002 * z[800 + t]!;
  }
  return [a, b];
}

describe('regime: the Markov-switching chain and a normal per state', () => {
  it('finds the two regimes and keeps their persistence', () => {
    const { generator, fit } = buildGenerator({
      columns: history(),
      weights: Float64Array.of(1, 0),
      method: 'regime',
    });
    const r = fit.regime!;
    // 400 periods in each regime; a few boundary periods may be misassigned.
    expect(Math.abs(r.periods[0] - 400)).toBeLessThan(20);
    expect(r.periods[0] + r.periods[1]).toBe(800);
    // 40-period stretches: P(stay) ≈ 39/40.
    expect(r.transition[0]).toBeGreaterThan(0.9);
    expect(r.transition[3]).toBeGreaterThan(0.9);
    const [calm, stressed] = generator.regime!.states;
    expect(calm.lower[0]!).toBeLessThan(0.015);
    expect(stressed.lower[0]!).toBeGreaterThan(0.04);
  });

  it('simulates the mixture variance π₀σ₀² + π₁σ₁² + π₀π₁(μ₀ − μ₁)² (second formula)', () => {
    const { generator, fit } = buildGenerator({
      columns: history(),
      weights: Float64Array.of(1, 0),
      method: 'regime',
    });
    const [calm, stressed] = generator.regime!.states;
    const pi1 = fit.regime!.stressedStart;
    const pi0 = 1 - pi1;
    const v0 = calm.lower[0]! ** 2;
    const v1 = stressed.lower[0]! ** 2;
    const m0 = calm.mean[0]!;
    const m1 = stressed.mean[0]!;
    const expectedMean = pi0 * m0 + pi1 * m1;
    const expectedVar = pi0 * v0 + pi1 * v1 + pi0 * pi1 * (m0 - m1) ** 2;
    const out = new Float64Array(400_000);
    pathFiller(generator)(createStreamRng(5, 0), out);
    let mean = 0;
    for (const x of out) mean += x / out.length;
    let variance = 0;
    for (const x of out) variance += (x - mean) ** 2 / (out.length - 1);
    // Regimes last ~40 periods, so 400,000 periods hold ~5,000 regime spells: the share of time
    // stressed has a standard error of about 0.5/√5000·√2 ≈ 0.01, moving the variance by ~4 %.
    expect(Math.abs(variance / expectedVar - 1)).toBeLessThan(0.08);
    expect(Math.abs(mean - expectedMean)).toBeLessThan(0.001);
  });
});

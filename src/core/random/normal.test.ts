import { describe, expect, it } from 'vitest';
import { normalSampler, standardNormals } from './normal.ts';
import { createRng } from './xoshiro128.ts';

describe('standard normal draws', () => {
  it('have mean 0, variance 1, skewness 0 and kurtosis 3 within sampling error', () => {
    const z = standardNormals(createRng(2024), 200_000);
    const n = z.length;
    const m1 = z.reduce((s, x) => s + x, 0) / n;
    const m2 = z.reduce((s, x) => s + x * x, 0) / n;
    const m3 = z.reduce((s, x) => s + x ** 3, 0) / n;
    const m4 = z.reduce((s, x) => s + x ** 4, 0) / n;
    // Standard errors: mean 1/√n ≈ 0.0022, variance √(2/n) ≈ 0.0032, skew √(6/n) ≈ 0.0055,
    // kurtosis √(24/n) ≈ 0.011; each bound is ≥ 4 SE.
    expect(Math.abs(m1)).toBeLessThan(0.01);
    expect(Math.abs(m2 - 1)).toBeLessThan(0.015);
    expect(Math.abs(m3)).toBeLessThan(0.025);
    expect(Math.abs(m4 - 3)).toBeLessThan(0.06);
  });

  it('is reproducible for a seed and uses both values of each Box–Muller pair', () => {
    const a = standardNormals(createRng(5), 4);
    const next = normalSampler(createRng(5));
    expect([next(), next(), next(), next()]).toEqual(Array.from(a));
    // The pair (cos, sin) shares its radius: z₁² + z₂² = −2 ln U₁.
    const u = createRng(5);
    const u1 = 1 - u.nextFloat();
    expect((a[0] ?? 0) ** 2 + (a[1] ?? 0) ** 2).toBeCloseTo(-2 * Math.log(u1), 12);
  });

  it('rejects a negative count', () => {
    expect(() => standardNormals(createRng(1), -1)).toThrow(RangeError);
  });
});

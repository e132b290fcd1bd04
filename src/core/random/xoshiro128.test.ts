import { describe, expect, it } from 'vitest';
import { createRng, xoshiro128StarStar } from './xoshiro128.ts';

describe('xoshiro128**', () => {
  it('reproduces the reference-implementation stream from state (1, 2, 3, 4)', () => {
    // Expected values: rand_xoshiro's `reference` test, produced with
    // https://prng.di.unimi.it/xoshiro128starstar.c (v1.1). First one by hand:
    // rotl(2·5, 7)·9 = 1280·9 = 11520.
    const rng = xoshiro128StarStar([1, 2, 3, 4]);
    const expected = [
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597,
      4258142804,
    ];
    expect(expected.map(() => rng.nextUint32())).toEqual(expected);
  });

  it('rejects the all-zero state', () => {
    expect(() => xoshiro128StarStar([0, 0, 0, 0])).toThrow(RangeError);
  });

  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(xs);
  });

  it('rejects a non-integer seed', () => {
    expect(() => createRng(1.5)).toThrow(RangeError);
  });

  it('draws uniforms in [0, 1) with mean ½ and variance 1/12', () => {
    const rng = createRng(7);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const u = rng.nextFloat();
      min = Math.min(min, u);
      max = Math.max(max, u);
      sum += u;
      sumSq += u * u;
    }
    const mean = sum / n;
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Standard error of the mean is √(1/12/n) ≈ 0.0009; allow 4 SE.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.004);
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });
});

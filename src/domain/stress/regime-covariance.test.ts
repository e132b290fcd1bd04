import { describe, expect, it } from 'vitest';
import { regimeCovariance } from './regime-covariance.ts';
import { volatilityThreshold } from './volatility-threshold.ts';

describe('regimeCovariance', () => {
  it('equals the direct sample covariance on calm and on stressed dates', () => {
    const x = [1, 5, 2, 3, -4, 9];
    const y = [2, 0, 4, 7, -1, 3];
    const flags = [false, true, false, false, true, null];
    const r = regimeCovariance([x, y], flags);
    // calm dates 0, 2, 3: x = (1, 2, 3), y = (2, 4, 7); means 2 and 13/3
    // cov = [(−1)(−7/3) + 0 + (1)(8/3)] / 2 = 5/2; var x = 2/2 = 1; var y = (49 + 1 + 64)/9/2
    expect(r.calm.count).toBe(3);
    expect(r.calm.covariance[0]![1]).toBeCloseTo(2.5, 14);
    expect(r.calm.covariance[0]![0]).toBeCloseTo(1, 14);
    expect(r.calm.covariance[1]![1]).toBeCloseTo(114 / 18, 14);
    expect(r.calm.correlation[0]![1]).toBeCloseTo(2.5 / Math.sqrt(114 / 18), 14);
    // stressed dates 1, 4: x = (5, −4), y = (0, −1): cov with two points = (Δx Δy)/2 = 9·1/2
    expect(r.stressed.covariance[0]![1]).toBeCloseTo(4.5, 14);
    expect(r.stressed.vols[0]).toBeCloseTo(Math.sqrt(81 / 2), 14);
    expect(r.stressed.correlation[0]![1]).toBeCloseTo(1, 14);
  });

  it('reports null correlation for a constant column and refuses tiny regimes', () => {
    const r = regimeCovariance(
      [
        [1, 1, 1, 1],
        [1, 2, 3, 4],
      ],
      [false, false, true, true],
    );
    expect(r.calm.correlation[0]![1]).toBeNull();
    expect(() => regimeCovariance([[1, 2, 3]], [false, false, true])).toThrow(
      /stressed regime has 1/,
    );
    expect(() => regimeCovariance([[1, 2]], [false, false, true])).toThrow(/length must equal/);
  });
});

describe('volatilityThreshold', () => {
  it('classifies by rolling sd above the type-7 quantile (hand example)', () => {
    const r = volatilityThreshold([0, 0, 0, 1, -1, 0, 0], { window: 2, quantile: 0.8 });
    // rolling sd of pairs: −, 0, 0, √0.5, √2, √0.5, 0; sorted defined (0,0,0,√.5,√.5,√2):
    // h = 5 × 0.8 = 4 → √0.5
    expect(r.rollingVol[0]).toBeNull();
    expect(r.rollingVol[4]).toBeCloseTo(Math.SQRT2, 14);
    expect(r.threshold).toBeCloseTo(Math.SQRT1_2, 14);
    expect(r.stressed).toEqual([null, false, false, false, true, false, false]);
  });
  it('validates its options', () => {
    expect(() => volatilityThreshold([1, 2, 3], { window: 1, quantile: 0.5 })).toThrow(/window/);
    expect(() => volatilityThreshold([1, 2, 3], { window: 2, quantile: 1 })).toThrow(/quantile/);
    expect(() => volatilityThreshold([1, 2], { window: 2, quantile: 0.5 })).toThrow(/need more/);
  });
});

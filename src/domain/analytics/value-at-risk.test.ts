import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normal-distribution.ts';
import {
  cornishFisherQuantile,
  cvarGaussian,
  cvarHistorical,
  quantileLinear,
  varGaussian,
  varHistorical,
  varHistoricalLowerEmpirical,
} from './value-at-risk.ts';

describe('value at risk', () => {
  // Ten returns −10 %, −9 %, …, −1 % (shuffled) and α = 0.8: h = 9·0.2 = 1.8 → x(1) + 0.8·(x(2) − x(1)).
  const r = [-0.05, -0.1, -0.02, -0.08, -0.01, -0.07, -0.03, -0.09, -0.04, -0.06];

  it('interpolates the loss quantile linearly (type 7) and averages the tail at or beyond it', () => {
    expect(quantileLinear(r, 0.2)).toBeCloseTo(-0.09 + 0.8 * 0.01, 15);
    expect(varHistorical(r, 0.8)).toBeCloseTo(0.082, 15);
    expect(cvarHistorical(r, 0.8)).toBeCloseTo(0.095, 15); // mean of −10 %, −9 %
    expect(varHistoricalLowerEmpirical(r, 0.8)).toBeCloseTo(0.09, 15); // 2nd worst
  });

  it('uses the normal quantile of R (qnorm(0.05) = −1.6448536269514722)', () => {
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514722, 15);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 15);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(1e-300)).toBeCloseTo(-37.0471, 4); // R qnorm(1e-300)
    expect(normalQuantile(1 - 1e-12)).toBeCloseTo(7.034484, 5);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(Number.isNaN(normalQuantile(2))).toBe(true);
  });

  it('reduces Cornish-Fisher to the normal quantile without skew or excess kurtosis', () => {
    expect(cornishFisherQuantile(-1.645, { skew: 0, kurt: 0 })).toBe(-1.645);
    expect(cvarGaussian(r, 0.95)).toBeGreaterThan(varGaussian(r, 0.95));
    expect(() => varHistorical(r, 1)).toThrow(/confidence/);
  });
});

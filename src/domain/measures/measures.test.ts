import { describe, expect, it } from 'vitest';
import { thrown } from '../../../test/helpers/optimize.ts';
import {
  drawdownSeries,
  uncompoundedDrawdownRisk,
  uncompoundedDrawdowns,
  valuesFromReturns,
} from './drawdown.ts';
import { downsideDeviationBelow, semivariance } from './semivariance.ts';

describe('drawdowns in both conventions', () => {
  it('compounded: values 100, 110, 120, 100, 90, 95, 130 (docs/conventions.md example)', () => {
    const d = drawdownSeries([100, 110, 120, 100, 90, 95, 130]);
    expect(d[4]).toBeCloseTo(1 - 90 / 120, 15); // −25 % at the trough
    expect(d[6]).toBe(0);
    // wealth from returns: 1 → 1.1 → 0.99
    const v = valuesFromReturns([0.1, -0.1]);
    expect(v[2]).toBeCloseTo(0.99, 15);
  });

  it('uncompounded: cumulative sums −1, 1, 0.5, 2, 0 from the peak 0 (hand check)', () => {
    // peaks 0, 1, 1, 2, 2 ⇒ D = 1, 0, 0.5, 0, 2
    expect(Array.from(uncompoundedDrawdowns([-1, 2, -0.5, 1.5, -2]))).toEqual([1, 0, 0.5, 0, 2]);
    // α = 0.6, T = 5: k = 2 ⇒ CDaR = mean of the two worst drawdowns (2 + 1)/2 = 1.5
    const risk = uncompoundedDrawdownRisk([-1, 2, -0.5, 1.5, -2], 0.6);
    expect(risk).toEqual({ conditionalDrawdownAtRisk: 1.5, maxDrawdown: 2 });
    expect(thrown(() => uncompoundedDrawdownRisk([], 0.9)).code).toBe('INVALID_INPUT');
  });
});

describe('semivariance', () => {
  it('averages squared shortfalls over all periods (hand check)', () => {
    // returns 0.02, −0.01, −0.03, 0.01 below B = 0: (0.01² + 0.03²)/4 = 0.00025
    expect(semivariance([0.02, -0.01, -0.03, 0.01])).toBeCloseTo(0.00025, 16);
    // below a per-period benchmark 0, 0, −0.04, 0.02: shortfalls −0.01 and −0.01
    expect(semivariance([0.02, -0.01, -0.03, 0.01], [0, 0, -0.04, 0.02])).toBeCloseTo(0.00005, 16);
    expect(downsideDeviationBelow([0.02, -0.01, -0.03, 0.01])).toBeCloseTo(Math.sqrt(0.00025), 16);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costLoad, netRebalanceValue } from './net-value.ts';

describe('netRebalanceValue', () => {
  it('solves V′ = V − k Σ|wᵢ V′ − hᵢ| exactly on hand-checked cases', () => {
    // All cash into one asset at 1 %: V′ = 100 / 1.01.
    expect(
      netRebalanceValue({ value: 100, targets: [1], holdings: [0], costRate: 0.01 }),
    ).toBeCloseTo(100 / 1.01, 13);
    // Already on target: no trade, no cost.
    expect(
      netRebalanceValue({ value: 100, targets: [0.6, 0.4], holdings: [60, 40], costRate: 0.01 }),
    ).toBe(100);
    // 70/30 to 60/40 at 1 %: sell A, buy B: V′ = (100 − 0.01(70 − 30)) / (1 + 0.01(0.4 − 0.6)).
    expect(
      netRebalanceValue({ value: 100, targets: [0.6, 0.4], holdings: [70, 30], costRate: 0.01 }),
    ).toBeCloseTo(99.6 / 0.998, 12);
    // No cost: V itself.
    expect(netRebalanceValue({ value: 5, targets: [2], holdings: [1], costRate: 0 })).toBe(5);
    // Negative weight (a short) bought back: V′ = 100 − 0.01 |−0.5 V′ + 80| − 0.01 |1.5 V′ − 20|.
    const x = netRebalanceValue({
      value: 100,
      targets: [-0.5, 1.5],
      holdings: [-80, 20],
      costRate: 0.01,
    });
    expect(x).toBeCloseTo(100 - 0.01 * Math.abs(-0.5 * x + 80) - 0.01 * Math.abs(1.5 * x - 20), 12);
  });

  it('refuses costs for which no net value exists', () => {
    expect(costLoad([0.6, 0.6], 0.5)).toBeCloseTo(0.6, 15);
    expect(() =>
      netRebalanceValue({ value: 100, targets: [2, 1], holdings: [0, 0], costRate: 0.4 }),
    ).toThrow(/costBps/);
  });

  it('agrees with the fixed-point iteration on random problems', () => {
    const problem = fc.record({
      value: fc.double({ min: 1, max: 1e6, noNaN: true }),
      targets: fc.array(fc.double({ min: -1, max: 2, noNaN: true }), {
        minLength: 1,
        maxLength: 8,
      }),
      holdingShares: fc.array(fc.double({ min: -1, max: 2, noNaN: true }), {
        minLength: 8,
        maxLength: 8,
      }),
      costRate: fc.double({ min: 0, max: 0.05, noNaN: true }),
    });
    fc.assert(
      fc.property(problem, (p) => {
        const w = p.targets;
        const h = w.map((_, i) => p.holdingShares[i]! * p.value);
        // The contraction x ← V − k Σ|w x − h| (factor k Σ|w| ≤ 0.8), iterated to a fixed point.
        let x = p.value;
        for (let i = 0; i < 2000; i++) {
          let s = 0;
          for (let j = 0; j < w.length; j++) s += Math.abs(w[j]! * x - h[j]!);
          x = p.value - p.costRate * s;
        }
        const exact = netRebalanceValue({
          value: p.value,
          targets: w,
          holdings: h,
          costRate: p.costRate,
        });
        expect(exact).toBeCloseTo(x, Math.max(0, 9 - Math.ceil(Math.log10(p.value))));
      }),
      { numRuns: 300 },
    );
  });
});

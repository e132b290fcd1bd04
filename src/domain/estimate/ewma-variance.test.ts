import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import { ewmaVariance, sampleVariance } from './ewma-variance.ts';

describe('EWMA variance', () => {
  it('follows the recursion on a hand-computed example', () => {
    // r = (0.01, −0.02, 0.03, 0.01), λ = 0.9, minPeriods = 2.
    // Seed: sample variance of (0.01, −0.02): mean −0.005, ((0.015)² + (0.015)²)/1 = 4.5e-4 = σ²_3.
    // σ²_4 = 0.9·4.5e-4 + 0.1·0.03² = 4.05e-4 + 0.9e-4 = 4.95e-4.
    // σ²_5 = 0.9·4.95e-4 + 0.1·0.01² = 4.455e-4 + 0.1e-4 = 4.555e-4.
    const r = ewmaVariance([0.01, -0.02, 0.03, 0.01], { lambda: 0.9, minPeriods: 2 });
    expect(Array.from(r.variances)).toEqual([
      expect.closeTo(4.5e-4, 17),
      expect.closeTo(4.95e-4, 17),
      expect.closeTo(4.555e-4, 17),
    ]);
    expect(r.nextVariance).toBeCloseTo(4.555e-4, 17);
    expect(r).toMatchObject({ lambda: 0.9, minPeriods: 2 });
  });

  it('returns the seed as the forecast when only minPeriods returns are given', () => {
    expect(
      ewmaVariance([0.01, -0.01, 0.02], { lambda: 0.94, minPeriods: 3 }).nextVariance,
    ).toBeCloseTo(sampleVariance([0.01, -0.01, 0.02]), 17);
  });

  it('throws INSUFFICIENT_DATA with fewer than minPeriods returns', () => {
    try {
      ewmaVariance([0.01], { lambda: 0.94, minPeriods: 2 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BallastError);
      expect((e as BallastError).code).toBe('INSUFFICIENT_DATA');
    }
  });

  it('rejects λ outside (0, 1), minPeriods < 2 and non-finite returns', () => {
    expect(() => ewmaVariance([0.1, 0.2], { lambda: 1, minPeriods: 2 })).toThrow(/lambda/);
    expect(() => ewmaVariance([0.1, 0.2], { lambda: 0.9, minPeriods: 1 })).toThrow(/minPeriods/);
    expect(() => ewmaVariance([0.1, NaN, 0.2], { lambda: 0.9, minPeriods: 2 })).toThrow(
      /returns\[1\]/,
    );
  });
});

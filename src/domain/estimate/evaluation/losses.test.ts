import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qlike, squaredError } from './losses.ts';

describe('QLIKE and MSE losses', () => {
  it('QLIKE is 0 at a perfect forecast and r/f − ln(r/f) − 1 otherwise', () => {
    expect(qlike(2e-4, 2e-4)).toBe(0);
    // Forecast half the realised: ratio 2 → 2 − ln 2 − 1 = 0.306852819…
    expect(qlike(2e-4, 1e-4)).toBeCloseTo(1 - Math.LN2, 14);
    // Forecast double: ratio ½ → ½ + ln 2 − 1 = 0.193147180…
    expect(qlike(1e-4, 2e-4)).toBeCloseTo(Math.LN2 - 0.5, 14);
  });

  it('QLIKE penalises under-prediction more than over-prediction by the same factor', () => {
    expect(qlike(1, 0.5)).toBeGreaterThan(qlike(1, 2));
  });

  it('QLIKE is scale-invariant: L(c·r, c·f) = L(r, f) (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-8, max: 1, noNaN: true }),
        fc.double({ min: 1e-8, max: 1, noNaN: true }),
        fc.double({ min: 1e-4, max: 1e4, noNaN: true }),
        (r, f, c) => Math.abs(qlike(c * r, c * f) - qlike(r, f)) <= 1e-9 * (1 + qlike(r, f)),
      ),
    );
  });

  it('QLIKE is +∞ when the realised variance is 0', () => {
    expect(qlike(0, 1e-4)).toBe(Infinity);
  });

  it('MSE is the squared difference on the same variance scale', () => {
    expect(squaredError(3e-4, 1e-4)).toBeCloseTo(4e-8, 20);
  });

  it('rejects a non-positive forecast and a negative realised variance', () => {
    expect(() => qlike(1e-4, 0)).toThrow(/forecastVariance/);
    expect(() => squaredError(-1, 1)).toThrow(/realisedVariance/);
  });
});

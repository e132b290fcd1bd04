import { describe, expect, it } from 'vitest';
import { annualizedReturn, riskFreePerPeriod } from './annualize.ts';
import {
  beta,
  captureRatios,
  informationRatio,
  jensenAlpha,
  trackingError,
} from './benchmark-relative.ts';
import { excessKurtosis, skewness } from './moments.ts';
import { calmarRatio, downsideDeviation, omegaRatio, sortinoRatio } from './ratios.ts';
import { bestWorst, hitRate } from './period-stats.ts';

describe('ratios by hand', () => {
  it('downside deviation divides by all n periods; Sortino uses MAR = rf by default', () => {
    // min(r − 0, 0) = (0, −0.02, 0, −0.04): √((0.0004 + 0.0016)/4).
    const r = [0.01, -0.02, 0.03, -0.04];
    expect(downsideDeviation(r, 0)).toBeCloseTo(Math.sqrt(0.002 / 4), 15);
    expect(sortinoRatio(r, { periodsPerYear: 4 })).toBeCloseTo(
      (-0.005 / Math.sqrt(0.0005)) * 2,
      14,
    );
    expect(sortinoRatio([0.01, 0.02], { periodsPerYear: 12 })).toBeNull();
    expect(omegaRatio([0.01, 0.02], 0)).toBeNull();
    expect(calmarRatio(0.1, 0)).toBeNull();
    expect(riskFreePerPeriod(0.0816, 12)).toBeCloseTo(1.0816 ** (1 / 12) - 1, 15);
    expect(annualizedReturn([0.1, 0.1], 1)).toBeCloseTo(0.1, 15); // 1.21^(1/2) − 1
  });

  it('moments need enough points', () => {
    expect(Number.isNaN(skewness([1, 2]))).toBe(true);
    expect(Number.isNaN(excessKurtosis([1, 2, 3]))).toBe(true);
  });

  it('benchmark-relative measures: identical series have β 1, α 0 and no tracking error', () => {
    const b = [0.01, -0.02, 0.03, -0.01];
    const input = { returns: b, benchmark: b };
    expect(beta(input)).toBeCloseTo(1, 15);
    expect(jensenAlpha(input, { periodsPerYear: 12, riskFreePerPeriod: 0.001 })).toBeCloseTo(0, 15);
    expect(trackingError(input, 12)).toBe(0);
    expect(informationRatio(input, 12)).toBeNull();
    expect(captureRatios({ returns: [0.02, -0.01], benchmark: [0.01, 0] })).toEqual({
      upCapture: 2,
      downCapture: null,
    });
    expect(beta({ returns: [1, 2], benchmark: [0, 0] })).toBeNull();
    expect(() => beta({ returns: [1, 2], benchmark: [0] })).toThrow(/benchmark/);
  });

  it('hit rate and extremes', () => {
    expect(hitRate([0.01, 0, -0.01, 0.02])).toBe(0.5);
    expect(bestWorst([])).toBeNull();
  });
});

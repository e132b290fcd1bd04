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

  describe('benchmark-relative measures on four months, by hand and against R 4.2.2', () => {
    // r = (0.03, −0.01, 0.02, −0.02), b = (0.02, −0.02, 0.01, −0.01), k = 12.
    const input = { returns: [0.03, -0.01, 0.02, -0.02], benchmark: [0.02, -0.02, 0.01, -0.01] };
    // Geometric annualised returns (k/n = 3): Π(1 + r) = 1.03·0.99·1.02·0.98 = 1.01929212,
    // Π(1 + b) = 1.02·0.98·1.01·0.99 = 0.99950004; R: prod(1 + x)^(12/4) − 1.
    const Rp = 0.0590000979372145; // 1.01929212³ − 1
    const Rb = -0.0014991302449650634; // 0.99950004³ − 1

    it('beta: Σ(r − r̄)(b − b̄)/Σ(b − b̄)² = 0.0012/0.001 = 1.2 (PerformanceAnalytics CAPM.beta)', () => {
      // r̄ = 0.005, b̄ = 0: deviations (0.025, −0.015, 0.015, −0.025) and (0.02, −0.02, 0.01, −0.01):
      // 0.0005 + 0.0003 + 0.00015 + 0.00025 = 0.0012; 0.0004 + 0.0004 + 0.0001 + 0.0001 = 0.001.
      expect(beta(input)).toBeCloseTo(1.2, 14);
      expect(1.03 * 0.99 * 1.02 * 0.98).toBeCloseTo(1.01929212, 15); // the products above
      expect(annualizedReturn(input.returns, 12)).toBeCloseTo(Rp, 14);
      expect(annualizedReturn(input.benchmark, 12)).toBeCloseTo(Rb, 14);
    });

    it("Jensen's alpha is annual, R_p − R_f − β(R_b − R_f) (CAPM.jensenAlpha), not CAPM.alpha's intercept", () => {
      // rf = 0: 0.0590000979372145 − 1.2 × (−0.0014991302449650634) = 0.06079905423117258.
      expect(jensenAlpha(input, { periodsPerYear: 12 })).toBeCloseTo(0.06079905423117258, 14);
      // rf = 0.001 a month: R_f = 1.001¹² − 1; R: 0.063212298330330888.
      const Rf = 1.001 ** 12 - 1;
      const withRf = jensenAlpha(input, { periodsPerYear: 12, riskFreePerPeriod: 0.001 });
      expect(withRf).toBeCloseTo(Rp - Rf - 1.2 * (Rb - Rf), 14);
      expect(withRf).toBeCloseTo(0.063212298330330888, 13);
      // PerformanceAnalytics CAPM.alpha would be the per-period OLS intercept r̄ − β b̄ = 0.005
      // (R: coef(lm(r ~ b))[1]); Ballast's alpha is not that figure.
      expect(withRf).not.toBeCloseTo(0.005, 3);
    });

    it('tracking error = sample sd(r − b) × √k (PerformanceAnalytics TrackingError)', () => {
      // a = r − b = (0.01, 0.01, 0.01, −0.01): ā = 0.005, Σ(a − ā)² = 3 × 0.005² + 0.015² = 0.0003,
      // sample variance 0.0003/3 = 0.0001, sd 0.01 → 0.01 × √12 = 0.034641016151377546.
      expect(trackingError(input, 12)).toBeCloseTo(0.034641016151377546, 15);
      // Annualised by √k, not k: monthly and annual figures of the same data differ by √12.
      expect(trackingError(input, 1)).toBeCloseTo(0.01, 15);
    });

    it('information ratio = (R_p − R_b)/TE, geometric active premium (PerformanceAnalytics InformationRatio)', () => {
      // (0.0590000979372145 + 0.0014991302449650634) / 0.034641016151377546 = 1.7464622838372983.
      expect(informationRatio(input, 12)).toBeCloseTo(1.7464622838372983, 13);
      // The arithmetic premium (mean(a) × 12 = 0.06) would give 0.06/0.0346… = 1.7320508: not it.
      expect(informationRatio(input, 12)).not.toBeCloseTo(0.06 / 0.034641016151377546, 3);
    });

    it('capture ratios are ratios of arithmetic means (UpDownRatios method "Capture")', () => {
      // Up where b > 0 (months 1, 3): mean r = (0.03 + 0.02)/2 = 0.025, mean b = 0.015 → 5/3.
      // Down where b < 0 (months 2, 4): mean r = −0.015, mean b = −0.015 → 1.
      // The geometric form (empyrical up_capture: annualised returns of the subsets) would give
      // ((1.03·1.02)⁶ − 1)/((1.02·1.01)⁶ − 1) = 0.3446…/0.1955… ≈ 1.7635 instead of 5/3.
      const capture = captureRatios(input);
      expect(capture.upCapture).toBeCloseTo(5 / 3, 14);
      expect(capture.downCapture).toBeCloseTo(1, 14);
      const geometric = ((1.03 * 1.02) ** 6 - 1) / ((1.02 * 1.01) ** 6 - 1);
      expect(capture.upCapture).not.toBeCloseTo(geometric, 2);
    });
  });

  it('identical series: β 1, α 0, no tracking error, undefined information ratio', () => {
    const b = [0.01, -0.02, 0.03, -0.01];
    const same = { returns: b, benchmark: b };
    expect(beta(same)).toBeCloseTo(1, 15);
    expect(jensenAlpha(same, { periodsPerYear: 12, riskFreePerPeriod: 0.001 })).toBeCloseTo(0, 15);
    expect(trackingError(same, 12)).toBe(0);
    expect(informationRatio(same, 12)).toBeNull();
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

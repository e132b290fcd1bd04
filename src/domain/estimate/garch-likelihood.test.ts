import { describe, expect, it } from 'vitest';
import {
  garchLogLikelihood,
  garchLogLikelihoodTerms,
  garchVariancePath,
} from './garch-likelihood.ts';

const data = { residuals: Float64Array.from([0.02, -0.01]), initialVariance: 1e-4 };
const params = { omega: 1e-5, alpha: 0.1, beta: 0.8 };

describe('GARCH(1,1) recursion and log-likelihood', () => {
  it('runs σ²_{t+1} = ω + α e_t² + β σ²_t from σ²_1 (hand arithmetic)', () => {
    // σ²_2 = 1e-5 + 0.1·4e-4 + 0.8·1e-4 = 1e-5 + 4e-5 + 8e-5 = 1.3e-4
    // σ²_3 = 1e-5 + 0.1·1e-4 + 0.8·1.3e-4 = 1e-5 + 1e-5 + 1.04e-4 = 1.24e-4
    expect(Array.from(garchVariancePath(data, params))).toEqual([
      expect.closeTo(1e-4, 18),
      expect.closeTo(1.3e-4, 18),
      expect.closeTo(1.24e-4, 18),
    ]);
  });

  it('adds up −½[ln 2π + ln σ²_t + e_t²/σ²_t]', () => {
    const l1 = -0.5 * (Math.log(2 * Math.PI) + Math.log(1e-4) + 4e-4 / 1e-4);
    const l2 = -0.5 * (Math.log(2 * Math.PI) + Math.log(1.3e-4) + 1e-4 / 1.3e-4);
    const terms = garchLogLikelihoodTerms(data, params);
    expect(terms[0]).toBeCloseTo(l1, 12);
    expect(terms[1]).toBeCloseTo(l2, 12);
    expect(garchLogLikelihood(data, params)).toBeCloseTo(l1 + l2, 12);
  });

  it('gives −∞ once a variance is not positive', () => {
    const bad = { omega: -1, alpha: 0, beta: 0 };
    expect(garchLogLikelihood(data, bad)).toBe(-Infinity);
    const terms = garchLogLikelihoodTerms(data, bad);
    expect(Number.isFinite(terms[0])).toBe(true);
    expect(terms[1]).toBe(-Infinity);
  });
});

import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import { fitGarch } from './garch.ts';
import { garchLogLikelihood } from './garch-likelihood.ts';
import { simulateGarch } from './garch-simulate.ts';

function thrown(f: () => unknown): BallastError {
  try {
    f();
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

const truth = { omega: 2e-6, alpha: 0.08, beta: 0.9 };

describe('GARCH(1,1) quasi-MLE', () => {
  // Tolerance: each estimate within 3 of its own (inverse-Hessian) standard errors of the
  // truth — a 99.7 % band per parameter under asymptotic normality. Five seeds, n = 5000.
  it.each([1, 2, 3, 4, 5])(
    'recovers ω = 2e-6, α = 0.08, β = 0.9 within 3 standard errors (seed %i, n = 5000)',
    (seed) => {
      const { returns } = simulateGarch({ ...truth, observations: 5000, seed });
      const fit = fitGarch(returns);
      expect(fit.converged).toBe(true);
      const se = fit.standardErrors;
      if (se === null) throw new Error('standard errors expected');
      expect(Math.abs(fit.omega - truth.omega)).toBeLessThan(3 * se.omega);
      expect(Math.abs(fit.alpha - truth.alpha)).toBeLessThan(3 * se.alpha);
      expect(Math.abs(fit.beta - truth.beta)).toBeLessThan(3 * se.beta);
      // Gaussian data: robust (sandwich) errors agree with Hessian errors to within 30 %.
      expect(fit.robustStandardErrors?.alpha ?? 0).toBeGreaterThan(0.7 * se.alpha);
      expect(fit.robustStandardErrors?.alpha ?? 0).toBeLessThan(1.3 * se.alpha);
      expect(fit.warnings).toEqual([]);
    },
  );

  it('reports consistent derived quantities: persistence, V_L, half-life, ℓ and σ²_{n+1}', () => {
    const { returns } = simulateGarch({ ...truth, observations: 2000, seed: 21 });
    const fit = fitGarch(returns);
    const { omega, alpha, beta } = fit;
    expect(fit.persistence).toBeCloseTo(alpha + beta, 15);
    expect(fit.longRunVariance).toBeCloseTo(omega / (1 - alpha - beta), 15);
    expect(0.5 ** (1 / fit.halfLifePeriods)).toBeCloseTo(fit.persistence, 12);
    // ℓ in the returns' units, recomputed from the parameters and σ²_1 = sample variance.
    const data = { residuals: returns, initialVariance: fit.initialVariance };
    expect(fit.logLikelihood).toBeCloseTo(garchLogLikelihood(data, { omega, alpha, beta }), 6);
    let v = fit.initialVariance;
    for (const r of returns) v = omega + alpha * r * r + beta * v;
    expect(fit.nextVariance / v).toBeCloseTo(1, 10);
    expect(fit).toMatchObject({ mean: 0, observations: 2000 });
  });

  it('is the maximum: nudging any parameter lowers the log-likelihood', () => {
    const { returns } = simulateGarch({ ...truth, observations: 2000, seed: 22 });
    const fit = fitGarch(returns);
    const data = { residuals: returns, initialVariance: fit.initialVariance };
    const base = { omega: fit.omega, alpha: fit.alpha, beta: fit.beta };
    for (const [key, step] of [
      ['omega', 0.05 * fit.omega],
      ['alpha', 0.005],
      ['beta', 0.005],
    ] as const) {
      for (const sign of [-1, 1]) {
        const moved = { ...base, [key]: base[key] + sign * step };
        expect(garchLogLikelihood(data, moved)).toBeLessThan(fit.logLikelihood);
      }
    }
  });

  it('subtracts the sample mean when asked', () => {
    const { returns } = simulateGarch({ ...truth, observations: 1000, seed: 23 });
    const shifted = returns.map((r) => r + 0.001);
    const fit = fitGarch(shifted, { mean: 'sample', minObservations: 500 });
    const mean = shifted.reduce((s, r) => s + r, 0) / shifted.length;
    expect(fit.mean).toBeCloseTo(mean, 15);
    const plain = fitGarch(returns, { mean: 'sample' });
    expect(fit.alpha).toBeCloseTo(plain.alpha, 6);
  });

  it('stays inside α + β < 1 on IGARCH data (α + β = 1) and warns that persistence is near 1', () => {
    const { returns } = simulateGarch({
      omega: 1e-7,
      alpha: 0.1,
      beta: 0.9,
      observations: 3000,
      seed: 11,
      initialVariance: 1e-4,
    });
    const fit = fitGarch(returns);
    expect(fit.persistence).toBeLessThan(1);
    expect(fit.persistence).toBeGreaterThan(0.99);
    expect(fit.alpha).toBeGreaterThanOrEqual(0);
    expect(fit.beta).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(fit.longRunVariance)).toBe(true);
    expect(fit.warnings.map((w) => w.message).join(' ')).toMatch(/near 1 \(IGARCH-like/);
    expect(fit.warnings.map((w) => w.code)).toContain('GARCH_NEAR_UNIT_PERSISTENCE');
  });

  it('stops at the constraint from inside on explosive data (α + β = 1.05)', () => {
    const { returns } = simulateGarch({
      omega: 1e-7,
      alpha: 0.15,
      beta: 0.9,
      observations: 1000,
      seed: 3,
      initialVariance: 1e-4,
      burnIn: 0,
    });
    const fit = fitGarch(returns);
    expect(fit.persistence).toBeLessThan(1);
    expect(fit.persistence).toBeGreaterThan(0.9999);
    expect(fit.warnings.map((w) => w.message).join(' ')).toMatch(/near 1/);
    expect(fit.standardErrors).toBeNull();
  });

  it('fails with SOLVER_FAILED (not a silent result) when the optimiser cannot converge', () => {
    const { returns } = simulateGarch({ ...truth, observations: 1000, seed: 1 });
    const e = thrown(() => fitGarch(returns, { maxIterations: 3 }));
    expect(e.code).toBe('SOLVER_FAILED');
    expect(e.message).toMatch(/did not converge/);
    expect(e.details).toMatchObject({ reason: 'maxIterations', observations: 1000 });
  });

  it("returns the best point with converged: false under onNonConvergence: 'return'", () => {
    const { returns } = simulateGarch({ ...truth, observations: 1000, seed: 1 });
    const fit = fitGarch(returns, { maxIterations: 3, onNonConvergence: 'return' });
    expect(fit.converged).toBe(false);
    expect(fit.warnings[0]?.message).toMatch(/did not converge/);
    expect(fit.warnings[0]?.code).toBe('GARCH_NOT_CONVERGED');
  });

  it('throws INSUFFICIENT_DATA for too few observations and for a constant series', () => {
    const short = thrown(() => fitGarch(new Float64Array(100).fill(0.01)));
    expect(short.code).toBe('INSUFFICIENT_DATA');
    expect(short.message).toMatch(/at least 250 returns, got 100/);
    const constant = thrown(() => fitGarch(new Float64Array(300).fill(0.01)));
    expect(constant.code).toBe('INSUFFICIENT_DATA');
    expect(constant.message).toMatch(/constant/);
  });

  it('rejects a non-finite return and a bad minObservations', () => {
    const r = new Float64Array(300).fill(0.01);
    r[7] = Infinity;
    expect(thrown(() => fitGarch(r)).message).toMatch(/returns\[7\]/);
    expect(thrown(() => fitGarch(r, { minObservations: 5 })).code).toBe('INVALID_INPUT');
  });
});

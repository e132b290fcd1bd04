import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRows, type Matrix } from '../../../core/linalg/matrix.ts';
import { BallastError } from '../../errors.ts';
import { riskContributionFractions, solveRiskBudget } from './solve.ts';

/**
 * Tolerances: risk-contribution fractions vs budgets 1e-8 (property); hand-derived
 * weights 1e-12.
 */
const RC_TOLERANCE = 1e-8;
const HAND_TOLERANCE = 1e-12;

/** A random positive-definite covariance Σ = D·(AᵀA/m)·D with variances spread over 6 decades. */
function randomCovariance(spec: { n: number; seed: number; factor: number }): Matrix {
  const { n } = spec;
  const m = n + 3;
  let s = spec.seed;
  const u = (): number => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647 - 0.5;
  };
  const a = Array.from({ length: m }, () => {
    const common = u();
    return Array.from({ length: n }, () => spec.factor * common + (1 - spec.factor) * u());
  });
  const scale = Array.from({ length: n }, () => 10 ** (-3 * (u() + 0.5)));
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let v = 0;
      for (let r = 0; r < m; r++) v += a[r]![i]! * a[r]![j]!;
      data[i * n + j] = (scale[i]! * scale[j]! * v) / m;
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) data[i * n + j] = data[j * n + i]!;
  return { rows: n, cols: n, data };
}

describe('solveRiskBudget', () => {
  it('gives inverse-volatility weights for uncorrelated assets (hand check)', () => {
    // Σ = diag(0.04, 0.01): RC_i ∝ w_i²σ_i², equal ⇒ w ∝ 1/σ = (5, 10) ⇒ (1/3, 2/3).
    const cov = fromRows([
      [0.04, 0],
      [0, 0.01],
    ]);
    for (const method of ['newton', 'ccd'] as const) {
      const { weights, report } = solveRiskBudget(cov, [0.5, 0.5], { method });
      expect(Math.abs(weights[0]! - 1 / 3)).toBeLessThanOrEqual(HAND_TOLERANCE);
      expect(Math.abs(weights[1]! - 2 / 3)).toBeLessThanOrEqual(HAND_TOLERANCE);
      expect(report.converged).toBe(true);
    }
  });

  it('meets custom budgets: two uncorrelated assets with b = (0.8, 0.2)', () => {
    // w_i²σ_i² ∝ b_i ⇒ w ∝ √b/σ = (√.8/.2, √.2/.1) = (4.4721…, 4.4721…) ⇒ (1/2, 1/2).
    const cov = fromRows([
      [0.04, 0],
      [0, 0.01],
    ]);
    const { weights } = solveRiskBudget(cov, [0.8, 0.2]);
    expect(Math.abs(weights[0]! - 0.5)).toBeLessThanOrEqual(HAND_TOLERANCE);
  });

  it('equalises risk contributions for random positive-definite covariances (Newton and CCD)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 1, max: 2 ** 31 - 2 }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        fc.constantFrom('newton' as const, 'ccd' as const),
        (n, seed, factor, method) => {
          const cov = randomCovariance({ n, seed, factor });
          const budgets = new Float64Array(n).fill(1 / n);
          const { weights, report } = solveRiskBudget(cov, budgets, { method });
          expect(report.converged).toBe(true);
          const rc = riskContributionFractions(cov, weights);
          for (let i = 0; i < n; i++) {
            expect(weights[i]!).toBeGreaterThan(0);
            expect(Math.abs(rc[i]! - 1 / n)).toBeLessThanOrEqual(RC_TOLERANCE);
          }
          expect(Math.abs(weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('matches random budgets, and contributions in volatility units sum to σ_p', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 1, max: 2 ** 31 - 2 }),
        fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 }),
        (n, seed, raw) => {
          const cov = randomCovariance({ n, seed, factor: 0.3 });
          const total = raw.slice(0, n).reduce((a, b) => a + b, 0);
          const budgets = raw.slice(0, n).map((b) => b / total);
          const { weights } = solveRiskBudget(cov, budgets);
          const rc = riskContributionFractions(cov, weights);
          budgets.forEach((b, i) => expect(Math.abs(rc[i]! - b)).toBeLessThanOrEqual(RC_TOLERANCE));
          let variance = 0;
          const sigmaW = Array.from({ length: n }, (_, i) => {
            let s = 0;
            for (let j = 0; j < n; j++) s += cov.data[i * n + j]! * weights[j]!;
            variance += weights[i]! * s;
            return s;
          });
          const sigma = Math.sqrt(variance);
          const rcVol = weights.reduce((acc, w, i) => acc + (w * sigmaW[i]!) / sigma, 0);
          expect(Math.abs(rcVol - sigma)).toBeLessThanOrEqual(1e-12 * sigma);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reports non-convergence as data rather than throwing', () => {
    const cov = randomCovariance({ n: 8, seed: 11, factor: 0.9 });
    const { report } = solveRiskBudget(cov, new Float64Array(8).fill(1 / 8), {
      method: 'ccd',
      maxIterations: 1,
    });
    expect(report).toMatchObject({ method: 'ccd', iterations: 1, converged: false });
    expect(report.residual).toBeGreaterThan(1e-12);
  });

  it('rejects bad budgets, shapes and zero variances (INVALID_INPUT) and an indefinite matrix (SOLVER_FAILED)', () => {
    const cov = fromRows([
      [0.04, 0],
      [0, 0.01],
    ]);
    const code = (fn: () => unknown): string => {
      try {
        fn();
      } catch (e) {
        return e instanceof BallastError ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => solveRiskBudget(cov, [0.5, 0.6]))).toBe('INVALID_INPUT');
    expect(code(() => solveRiskBudget(cov, [1, 0]))).toBe('INVALID_INPUT');
    expect(code(() => solveRiskBudget(cov, [1]))).toBe('INVALID_INPUT');
    expect(
      code(() =>
        solveRiskBudget(
          fromRows([
            [0.04, 0],
            [0, 0],
          ]),
          [0.5, 0.5],
        ),
      ),
    ).toBe('INVALID_INPUT');
    // ρ = −2 is no correlation: the Newton system becomes indefinite.
    expect(
      code(() =>
        solveRiskBudget(
          fromRows([
            [1, -2],
            [-2, 1],
          ]),
          [0.5, 0.5],
        ),
      ),
    ).toBe('SOLVER_FAILED');
  });
});

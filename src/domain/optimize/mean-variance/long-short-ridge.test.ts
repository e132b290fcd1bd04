import quadprog from 'quadprog';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import { factorCovariance, uniforms } from '../../../../test/helpers/qp-problems.ts';
import { optimize } from '../index.ts';
import type { OptimizationInputs } from '../problem.ts';

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

/**
 * Regression from a property-test counterexample: long-short utility (γ = 5.5) with a gross
 * limit Σ|w| ≤ 1.508 on a 7-asset factor covariance. HiGHS 1.15's QP fails on it (status −1)
 * and the dense kernel cycles at a 1e-10 ridge; the ridge path answers with a larger ridge and a
 * KKT polish on the original problem, accepted only with a KKT certificate.
 *
 * Independent check: for each of the 2⁷ sign patterns s the problem is a strictly convex QP in
 * w without auxiliaries — min (γ/2)wᵀΣw − μᵀw s.t. Σw = 1, Σ s_i w_i ≤ G, s_i w_i ≥ 0,
 * |w_i| ≤ 1 — solved exactly by the npm `quadprog` package (1.6.1); the best pattern is the
 * global optimum.
 */
function inputsOf(n: number, seed: number): OptimizationInputs {
  const u = uniforms(seed * 7 + 3);
  return {
    assets: Array.from({ length: n }, (_, i) => `A${i}`),
    expectedReturnsAnnual: Float64Array.from({ length: n }, () => 0.01 + 0.12 * u()),
    covarianceAnnual: factorCovariance({ n, seed }),
    riskFreeRateAnnual: 0.02,
  };
}

function bySignPatterns(inputs: OptimizationInputs, gamma: number, gross: number) {
  const n = inputs.assets.length;
  const cov = inputs.covarianceAnnual.data;
  let best: { value: number; w: number[] } | undefined;
  for (let mask = 0; mask < 2 ** n; mask++) {
    const s = Array.from({ length: n }, (_, i) => ((mask >> i) & 1 ? -1 : 1));
    const dmat: number[][] = [[]];
    const dvec: number[] = [0];
    // Constraints (quadprog: Aᵀw ≥ b, first meq equalities): Σw = 1; −Σ s_i w_i ≥ −G;
    // s_i w_i ≥ 0; −s_i w_i ≥ −1.
    const bvec = [0, 1, -gross, ...new Array<number>(n).fill(0), ...new Array<number>(n).fill(-1)];
    const amat: number[][] = [[]];
    for (let i = 0; i < n; i++) {
      dmat.push([0, ...Array.from({ length: n }, (_, j) => gamma * cov[i * n + j]!)]);
      dvec.push(inputs.expectedReturnsAnnual[i]!);
      const col = new Array<number>(bvec.length).fill(0);
      col[1] = 1;
      col[2] = -s[i]!;
      col[3 + i] = s[i]!;
      col[3 + n + i] = -s[i]!;
      amat.push(col);
    }
    const r = quadprog.solveQP(dmat, dvec, amat, bvec, 1);
    if (r.message) continue; // this sign pattern is infeasible
    const w = r.solution.slice(1);
    let value = 0;
    for (let i = 0; i < n; i++) {
      value -= inputs.expectedReturnsAnnual[i]! * w[i]!;
      for (let j = 0; j < n; j++) value += (gamma / 2) * w[i]! * cov[i * n + j]! * w[j]!;
    }
    if (best === undefined || value < best.value) best = { value, w };
  }
  return best!;
}

/** Σw = 1 and Σ|w| ≤ gross, recomputed from the returned weights (1e-9). */
function expectGrossBudget(w: Float64Array, gross: number): void {
  expect(Math.abs(w.reduce((a, v) => a + v, 0) - 1)).toBeLessThanOrEqual(1e-9);
  expect(w.reduce((a, v) => a + Math.abs(v), 0)).toBeLessThanOrEqual(gross + 1e-9);
}

describe('long-short utility with a gross limit (ridge path)', () => {
  it('matches the best of all sign patterns solved by quadprog', () => {
    const inputs = inputsOf(7, 548261191);
    const gamma = 5.500582397595794;
    const gross = 1.5081350427009956;
    const r = optimize(highs, {
      inputs,
      objective: { kind: 'utility', riskAversion: gamma },
      constraints: { longShort: { grossMax: gross } },
    });
    expectGrossBudget(r.weightsVector, gross);
    expect(r.diagnostics.solver).toMatch(/ridge/);
    const reference = bySignPatterns(inputs, gamma, gross);
    inputs.assets.forEach((a, i) =>
      expect(Math.abs(r.weights[a]! - reference.w[i]!)).toBeLessThan(1e-8),
    );
  });

  it('min variance, 9 assets, gross ≤ 1.613: proximal ridge steps reach a certified optimum', () => {
    // Counterexample 2 of the property test (n = 9, seed 471259802): 19 rows (budget + two per
    // |w_i|), HiGHS fails (status −1) and the kernel cycles at a 1e-10 ridge.
    const inputs = inputsOf(9, 471259802);
    const gross = 1.6127429754038456;
    const r = optimize(highs, {
      inputs,
      objective: { kind: 'minVariance' },
      constraints: { longShort: { grossMax: gross } },
    });
    expectGrossBudget(r.weightsVector, gross);
    expect(r.diagnostics.message).toMatch(/certified/);
    // Min variance = utility with μ = 0 and γ = 1 (½wᵀΣw has the same minimiser as wᵀΣw).
    const zeroMean = { ...inputs, expectedReturnsAnnual: new Float64Array(9) };
    const reference = bySignPatterns(zeroMean, 1, gross);
    inputs.assets.forEach((a, i) =>
      expect(Math.abs(r.weights[a]! - reference.w[i]!)).toBeLessThan(1e-8),
    );
  });

  it('long-short max Sharpe at a degenerate vertex: certified by the proximal fixed point', () => {
    // Counterexample 3 (n = 2, seed 271486014, gross ≤ 2.001): μ − rf = (0.0198, 0.1038),
    // Σ = [[0.0718, 0.0375], [0.0375, 0.0653]]. Along w = (1 − t, t) the Sharpe ratio rises up to
    // t = 1.63 (∝ Σ⁻¹(μ − rf)), so the bound w_1 ≤ 1 binds: w = (0, 1) with Sharpe
    // (μ_1 − rf)/σ_1 — a vertex where |w_0| = a_0 = 0 has several active rows; HiGHS cycles to
    // its time limit and the polish cannot certify it, the kernel's duals at the fixed point can.
    const inputs = inputsOf(2, 271486014);
    const r = optimize(highs, {
      inputs,
      objective: { kind: 'maxSharpe' },
      constraints: { longShort: { grossMax: 2.001037798983797 } },
    });
    const mu = inputs.expectedReturnsAnnual;
    const cov = inputs.covarianceAnnual.data;
    // The unconstrained tangency direction Σ⁻¹(μ − rf), normalised to Σw = 1, has w_1 > 1.
    const e0 = mu[0]! - 0.02;
    const e1 = mu[1]! - 0.02;
    const t0 = cov[3]! * e0 - cov[1]! * e1;
    const t1 = -cov[2]! * e0 + cov[0]! * e1;
    expect(t1 / (t0 + t1)).toBeGreaterThan(1);
    expect(r.weights.A0).toBeCloseTo(0, 12);
    expect(r.weights.A1).toBeCloseTo(1, 12);
    expect(r.sharpe).toBeCloseTo(e1 / Math.sqrt(cov[3]!), 12);
    expectGrossBudget(r.weightsVector, 2.001037798983797);
  });
});

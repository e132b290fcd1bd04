import { describe, expect, it } from 'vitest';
import { fromRows } from '../../../core/linalg/matrix.ts';
import { thrown } from '../../../../test/helpers/optimize.ts';
import { optimizeHerc } from '../hierarchical/herc.ts';
import type { OptimizationInputs } from '../problem.ts';
import { optimizeRiskParity } from './optimize.ts';

/** Tolerance: hand-derived weights and risk shares 1e-12. */
const HAND_TOLERANCE = 1e-12;

const inputs: OptimizationInputs = {
  assets: ['A', 'B', 'C'],
  expectedReturnsAnnual: Float64Array.of(0.08, 0.05, 0.03),
  covarianceAnnual: fromRows([
    [0.04, 0, 0],
    [0, 0.01, 0],
    [0, 0, 0.0025],
  ]),
  riskFreeRateAnnual: 0.01,
};

describe('optimizeRiskParity', () => {
  it('returns inverse-volatility weights with equal risk shares for uncorrelated assets', () => {
    // w ∝ 1/σ = (5, 10, 20) ⇒ (1/7, 2/7, 4/7).
    const r = optimizeRiskParity({ inputs });
    expect(r.objective).toBe('riskParity');
    expect(Math.abs(r.weights.A! - 1 / 7)).toBeLessThanOrEqual(HAND_TOLERANCE);
    expect(Math.abs(r.weights.C! - 4 / 7)).toBeLessThanOrEqual(HAND_TOLERANCE);
    for (const a of inputs.assets)
      expect(Math.abs(r.riskContributions[a]! - 1 / 3)).toBeLessThanOrEqual(HAND_TOLERANCE);
    expect(r.convergence?.converged).toBe(true);
    expect(r.objectiveValue).toBe(r.convergence?.residual);
    expect(r.diagnostics).toMatchObject({ solver: 'risk-budget-newton', solves: 1 });
    expect(r.constraintsChecked.every((c) => c.ok)).toBe(true);
  });

  it('follows custom budgets by asset name', () => {
    const r = optimizeRiskParity({ inputs, budgets: { A: 0.5, B: 0.3, C: 0.2 }, method: 'ccd' });
    expect(r.riskContributions.A).toBeCloseTo(0.5, 11);
    expect(r.riskContributions.C).toBeCloseTo(0.2, 11);
    expect(r.diagnostics.solver).toBe('risk-budget-ccd');
  });

  it('refuses what a unique risk-budget portfolio cannot honour', () => {
    expect(thrown(() => optimizeRiskParity({ inputs, constraints: { maxWeight: 0.5 } })).code).toBe(
      'INFEASIBLE',
    );
    expect(
      thrown(() =>
        optimizeRiskParity({
          inputs,
          constraints: { groups: [{ name: 'g', coefficients: { A: 1 }, max: 0.1 }] },
        }),
      ).code,
    ).toBe('INVALID_INPUT');
    expect(thrown(() => optimizeRiskParity({ inputs, budgets: { A: 0.5, B: 0.5 } })).code).toBe(
      'INVALID_INPUT',
    );
    expect(
      thrown(() => optimizeRiskParity({ inputs, budgets: { A: 0.5, B: 0.3, C: 0.2, D: 0 } })).code,
    ).toBe('INVALID_INPUT');
    const correlated = {
      ...inputs,
      covarianceAnnual: fromRows([
        [0.04, 0.018, 0.004],
        [0.018, 0.01, 0.001],
        [0.004, 0.001, 0.0025],
      ]),
    };
    const stopped = thrown(() =>
      optimizeRiskParity({ inputs: correlated, method: 'ccd', maxIterations: 1 }),
    );
    expect(stopped.code).toBe('SOLVER_FAILED');
    expect(stopped.details).toMatchObject({ method: 'ccd', iterations: 1, converged: false });
  });

  it('reports HERC with its clusters and bound checks', () => {
    const r = optimizeHerc({ inputs, clusters: 3 });
    expect(r.diagnostics.message).toContain('3 clusters (given)');
    expect(Object.values(r.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(thrown(() => optimizeHerc({ inputs, constraints: { maxWeight: 0.3 } })).code).toBe(
      'INFEASIBLE',
    );
  });
});

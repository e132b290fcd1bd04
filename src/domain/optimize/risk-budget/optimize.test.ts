import { beforeAll, describe, expect, it } from 'vitest';
import { fromRows } from '../../../core/linalg/matrix.ts';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import { thrown } from '../../../../test/helpers/optimize.ts';
import type { PortfolioConstraints } from '../constraints.ts';
import type { Objective } from '../objectives.ts';
import { optimize } from '../optimize.ts';
import type { OptimizationInputs } from '../problem.ts';

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

const run = (
  objective: Objective,
  spec: { inputs?: OptimizationInputs; constraints?: PortfolioConstraints } = {},
) =>
  optimize(highs, {
    inputs: spec.inputs ?? inputs,
    objective,
    ...(spec.constraints === undefined ? {} : { constraints: spec.constraints }),
  });

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

describe('risk parity and risk budgets', () => {
  it('returns inverse-volatility weights with equal risk shares for uncorrelated assets', () => {
    // w ∝ 1/σ = (5, 10, 20) ⇒ (1/7, 2/7, 4/7).
    const r = run({ kind: 'riskParity' });
    expect(r.objective).toBe('riskParity');
    expect(Math.abs(r.weights.A! - 1 / 7)).toBeLessThanOrEqual(HAND_TOLERANCE);
    expect(Math.abs(r.weights.C! - 4 / 7)).toBeLessThanOrEqual(HAND_TOLERANCE);
    for (const a of inputs.assets)
      expect(Math.abs(r.riskContributions[a]! - 1 / 3)).toBeLessThanOrEqual(HAND_TOLERANCE);
    expect(r.convergence?.converged).toBe(true);
    expect(r.objectiveValue).toBe(r.convergence?.residual);
    expect(r.diagnostics).toMatchObject({ solver: 'risk-budget-newton', solves: 1 });
    // fully invested: 1/7 + 2/7 + 4/7 = 1, summed here from the returned weights
    expect(r.weights.A! + r.weights.B! + r.weights.C!).toBeCloseTo(1, 14);
  });

  it('follows custom budgets by asset name', () => {
    const r = run({ kind: 'riskBudget', budgets: { A: 0.5, B: 0.3, C: 0.2 }, method: 'ccd' });
    expect(r.objective).toBe('riskBudget');
    expect(r.riskContributions.A).toBeCloseTo(0.5, 11);
    expect(r.riskContributions.C).toBeCloseTo(0.2, 11);
    expect(r.diagnostics.solver).toBe('risk-budget-ccd');
    // uncorrelated assets: w_i ∝ √b_i/σ_i = (√.5/.2, √.3/.1, √.2/.05) (hand formula)
    const raw = [Math.sqrt(0.5) / 0.2, Math.sqrt(0.3) / 0.1, Math.sqrt(0.2) / 0.05];
    const total = raw[0]! + raw[1]! + raw[2]!;
    expect(r.weights.B).toBeCloseTo(raw[1]! / total, 11);
  });

  it('refuses what a unique risk-budget portfolio cannot honour', () => {
    const bounded = thrown(() => run({ kind: 'riskParity' }, { constraints: { maxWeight: 0.5 } }));
    expect(bounded.code).toBe('INFEASIBLE');
    expect(bounded.message).toContain('maxWeight');
    const grouped = thrown(() =>
      run(
        { kind: 'riskParity' },
        { constraints: { groups: [{ name: 'g', coefficients: { A: 1 }, max: 0.1 }] } },
      ),
    );
    expect(grouped.code).toBe('INVALID_INPUT');
    expect(grouped.message).toContain('constraints.groups');
    expect(
      thrown(() => run({ kind: 'riskBudget', budgets: { A: 0.5, B: 0.5 } })).message,
    ).toContain('objective.budgets.C');
    expect(
      thrown(() => run({ kind: 'riskBudget', budgets: { A: 0.5, B: 0.3, C: 0.2, D: 0 } })).code,
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
      run({ kind: 'riskParity', method: 'ccd', maxIterations: 1 }, { inputs: correlated }),
    );
    expect(stopped.code).toBe('SOLVER_FAILED');
    expect(stopped.details).toMatchObject({ method: 'ccd', iterations: 1, converged: false });
  });

  it('reports HERC with its clusters and bound checks', () => {
    const r = run({ kind: 'herc', clusters: 3 });
    expect(r.diagnostics.message).toContain('3 clusters (given)');
    expect(Object.values(r.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(thrown(() => run({ kind: 'herc' }, { constraints: { maxWeight: 0.3 } })).code).toBe(
      'INFEASIBLE',
    );
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { Matrix } from '../../../core/linalg/matrix.ts';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import { seededReturns } from '../../../../test/helpers/matrices.ts';
import { thrown } from '../../../../test/helpers/optimize.ts';
import {
  largestWeights,
  restrictSupport,
  solveWithCardinality,
  withCardinality,
} from './cardinality.ts';
import { optimize } from '../optimize.ts';
import type { OptimizationInputs } from '../problem.ts';

/** Tolerance: optimal objective values of the MILP vs enumeration, 1e-10 absolute. */
const OBJECTIVE_TOLERANCE = 1e-10;

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

function inputsFor(returns: Matrix): OptimizationInputs {
  const n = returns.cols;
  return {
    assets: Array.from({ length: n }, (_, j) => `A${j}`),
    expectedReturnsAnnual: new Float64Array(n),
    covarianceAnnual: { rows: n, cols: n, data: new Float64Array(n * n) },
    riskFreeRateAnnual: 0,
  };
}

function subsets(n: number, k: number): number[][] {
  const out: number[][] = [];
  const walk = (start: number, chosen: number[]): void => {
    if (chosen.length > 0) out.push([...chosen]);
    if (chosen.length === k) return;
    for (let i = start; i < n; i++) walk(i + 1, [...chosen, i]);
  };
  walk(0, []);
  return out;
}

describe('cardinality', () => {
  it('finds the best support of at most K assets with minimum positions (MILP vs enumeration)', () => {
    const returns = seededReturns({ t: 60, n: 6, seed: 1234, factor: 0.3 });
    const inputs = inputsFor(returns);
    const base = {
      inputs,
      objective: { kind: 'minCvar' as const, scenarios: { returns, periodsPerYear: 12 } },
    };
    for (const k of [1, 2, 3]) {
      const limits = { maxAssets: k, minPositionWeight: 0.1 };
      const milp = optimize(highs, { ...base, cardinality: limits });
      expect(milp.diagnostics.solver).toBe('highs-mip+lp');
      expect(milp.diagnostics.cardinality).toBe('exact-milp');
      // at most k holdings, each ≥ 0.1, counted on the returned weights
      const held = Array.from(milp.weightsVector).filter((w) => w > 1e-12);
      expect(held.length).toBeLessThanOrEqual(k);
      for (const w of held) expect(w).toBeGreaterThanOrEqual(0.1 - 1e-9);
      let best = Infinity;
      for (const support of subsets(6, k)) {
        const maxWeight = Array.from({ length: 6 }, (_, i) => (support.includes(i) ? 1 : 0));
        const minWeight = Array.from({ length: 6 }, (_, i) => (support.includes(i) ? 0.1 : 0));
        try {
          best = Math.min(
            best,
            optimize(highs, { ...base, constraints: { minWeight, maxWeight } }).riskMeasures.cvar!,
          );
        } catch {
          // an infeasible support (e.g. minimum positions summing above 1) is skipped
        }
      }
      expect(Math.abs(milp.riskMeasures.cvar! - best)).toBeLessThanOrEqual(OBJECTIVE_TOLERANCE);
    }
  });

  it('applies to drawdown objectives and reports the limits as checks', () => {
    const returns = seededReturns({ t: 60, n: 6, seed: 99, factor: 0.5 });
    const r = optimize(highs, {
      inputs: inputsFor(returns),
      objective: { kind: 'minCdar', scenarios: { returns, periodsPerYear: 12 } },
      cardinality: { maxAssets: 2 },
    });
    const held = Object.values(r.weights).filter((w) => w > 0).length;
    expect(held).toBeLessThanOrEqual(2);
    // the reported slack is K − holdings, counted here on the weights
    expect(r.constraintsChecked.find((c) => c.name === 'maxAssets')?.slack).toBe(2 - held);
    expect(r.diagnostics.cardinality).toBe('exact-milp');
  });

  it('keeps the K largest weights and re-solves for a quadratic objective (heuristic)', () => {
    const returns = seededReturns({ t: 100, n: 8, seed: 5, factor: 0.2 });
    const inputs = inputsFor(returns);
    const objective = {
      kind: 'minSemivariance' as const,
      scenarios: { returns, periodsPerYear: 12 },
    };
    const full = optimize(highs, { inputs, objective });
    const r = optimize(highs, {
      inputs,
      objective,
      cardinality: { maxAssets: 3, minPositionWeight: 0.05 },
    });
    const held = Object.entries(r.weights).filter(([, w]) => w > 0);
    expect(held.length).toBeLessThanOrEqual(3);
    const top3 = Object.entries(full.weights)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([a]) => a);
    expect(held.every(([a, w]) => top3.includes(a) && w >= 0.05 - 1e-12)).toBe(true);
    expect(r.objectiveValue).toBeGreaterThanOrEqual(full.objectiveValue);
    expect(r.diagnostics.solver).toContain('cardinality-heuristic');
    expect(r.diagnostics.cardinality).toBe('heuristic');
    expect(r.warnings.map((w) => w.code)).toContain('CARDINALITY_HEURISTIC');
  });

  it('re-solves a QP on the K largest weights (hand check)', () => {
    // min ½ Σ h_i w_i², Σw = 1, h = (1, 2, 3, 4): w ∝ 1/h ⇒ (.48, .24, .16, .12); K = 2 keeps
    // assets 0 and 1 ⇒ w ∝ (1, 1/2) ⇒ (2/3, 1/3).
    const hessian = {
      rows: 4,
      cols: 4,
      data: Float64Array.from([1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0, 0, 0, 0, 4]),
    };
    const constraints = {
      rows: 1,
      rowStarts: Int32Array.of(0, 4),
      columns: Int32Array.of(0, 1, 2, 3),
      values: new Float64Array(4).fill(1),
      lower: Float64Array.of(1),
      upper: Float64Array.of(1),
    };
    const qp = {
      n: 4,
      hessian,
      linear: new Float64Array(4),
      lower: new Float64Array(4),
      upper: new Float64Array(4).fill(1),
      constraints,
    };
    const r = solveWithCardinality(highs, qp, { assets: 4, limits: { maxAssets: 2 } });
    expect(r.status).toBe('optimal');
    expect(Array.from(r.x!).map((v) => Number(v.toFixed(12)))).toEqual([
      Number((2 / 3).toFixed(12)),
      Number((1 / 3).toFixed(12)),
      0,
      0,
    ]);
    expect(r.solver).toContain('cardinality-heuristic');
  });

  it('builds the MILP rows and restricts supports', () => {
    const lp = {
      n: 3,
      linear: Float64Array.of(1, 2, 3),
      lower: new Float64Array(3),
      upper: Float64Array.of(1, 0.5, 1),
    };
    const milp = withCardinality(lp, {
      assets: 3,
      limits: { maxAssets: 2, minPositionWeight: 0.1 },
    });
    expect(milp.n).toBe(6);
    expect(milp.integer).toEqual([false, false, false, true, true, true]);
    expect(milp.constraints!.rows).toBe(7);
    expect(Array.from(milp.upper)).toEqual([1, 0.5, 1, 1, 1, 1]);
    const restricted = restrictSupport(lp, { keep: [true, false, true], minPositionWeight: 0.2 });
    expect(Array.from(restricted.lower)).toEqual([0.2, 0, 0.2]);
    expect(Array.from(restricted.upper)).toEqual([1, 0, 1]);
    expect(largestWeights([0.1, 0.5, 0.5, 0], { k: 2, lower: [0, 0, 0, 0.01], n: 4 })).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(
      thrown(() =>
        withCardinality(
          { ...lp, lower: Float64Array.of(-1, 0, 0) },
          { assets: 3, limits: { maxAssets: 1 } },
        ),
      ).code,
    ).toBe('INVALID_INPUT');
    expect(thrown(() => withCardinality(lp, { assets: 3, limits: { maxAssets: 0 } })).code).toBe(
      'INVALID_INPUT',
    );
  });
});

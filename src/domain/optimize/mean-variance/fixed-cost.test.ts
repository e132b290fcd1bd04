/**
 * Fixed per-trade costs against a second, independent method: brute-force enumeration over
 * every subset T of the assets with a fixed cost, done here in the test. For each T the assets
 * outside T are pinned at their current weight through plain min/max weight bounds, the
 * problem WITHOUT fixed costs is solved by the ordinary (continuous LP / QP) path, and
 * F(T) = Σ_{i∈T} F_i is charged. The optimum over T equals the fixed-cost optimum (a portfolio
 * that trades the set T_w is feasible for T_w and pays exactly F(T_w)). Tolerances: MILP gap
 * 1e-9 relative; LP/QP solves exact to rounding → 1e-10 on objective values.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import { readPeerMoments, readPeerPanel } from '../../../../test/helpers/peer-panels.ts';
import { thrown } from '../../../../test/helpers/optimize.ts';
import { transactionCost } from '../check.ts';
import { buildPortfolioModel } from '../model/portfolio-model.ts';
import { optimize } from '../index.ts';
import type { PortfolioConstraints } from '../constraints.ts';
import type { Objective } from '../objectives.ts';
import type { OptimizationInputs } from '../problem.ts';

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

const TOL = 1e-10;

function lpp(count: number): OptimizationInputs {
  const m = readPeerMoments('lpp2005rec_assets6');
  const assets = m.assets.slice(0, count);
  const data = new Float64Array(count * count);
  for (let i = 0; i < count; i++)
    for (let j = 0; j < count; j++) data[i * count + j] = m.cov[i]![j]! * 252;
  return {
    assets,
    expectedReturnsAnnual: Float64Array.from(assets, (a) => m.mean[a]! * 252),
    covarianceAnnual: { rows: count, cols: count, data },
    riskFreeRateAnnual: 0,
  };
}

/** Constraints of subset `mask` (bit i = asset i may trade), without fixed costs. */
function pinned(
  base: PortfolioConstraints,
  spec: { mask: number; lower: number; upper: number },
): PortfolioConstraints {
  const w0 = base.turnover!.currentWeights;
  const inT = (i: number): boolean => (spec.mask & (1 << i)) !== 0;
  const { fixedCost: _unused, ...turnover } = base.turnover!;
  void _unused;
  return {
    ...base,
    turnover,
    minWeight: w0.map((v, i) => (inT(i) ? spec.lower : v)),
    maxWeight: w0.map((v, i) => (inT(i) ? spec.upper : v)),
  };
}

function feeOf(mask: number, fees: readonly number[]): number {
  return fees.reduce((s, f, i) => s + ((mask & (1 << i)) !== 0 ? f : 0), 0);
}

/** max over T of (objective without fixed costs − F(T)); infeasible subsets skipped. */
function bruteForceMax(
  inputs: OptimizationInputs,
  spec: { objective: Objective; constraints: PortfolioConstraints; fees: readonly number[] },
): { best: number; mask: number } {
  let best = -Infinity;
  let bestMask = -1;
  for (let mask = 0; mask < 2 ** spec.fees.length; mask++) {
    try {
      const r = optimize(highs, {
        inputs,
        objective: spec.objective,
        constraints: pinned(spec.constraints, { mask, lower: 0, upper: 0.35 }),
      });
      const v = r.objectiveValue - feeOf(mask, spec.fees);
      if (v > best) [best, bestMask] = [v, mask];
    } catch {
      // infeasible subset
    }
  }
  return { best, mask: bestMask };
}

const FEES5 = [0.004, 0.003, 0.01, 0.002, 0.005];

describe('fixed costs, exact MILP (linear objectives)', () => {
  it('maxReturn equals brute force over all 32 trade subsets', () => {
    const inputs = lpp(5);
    const constraints: PortfolioConstraints = {
      maxWeight: 0.35,
      turnover: {
        currentWeights: [0.1, 0.2, 0.3, 0.2, 0.2],
        costRate: 0.001,
        fixedCost: FEES5,
      },
    };
    const r = optimize(highs, { inputs, objective: { kind: 'maxReturn' }, constraints });
    const bf = bruteForceMax(inputs, {
      objective: { kind: 'maxReturn' },
      constraints,
      fees: FEES5,
    });
    expect(r.objectiveValue).toBeCloseTo(bf.best, 10);
    expect(Math.abs(r.objectiveValue - bf.best)).toBeLessThan(TOL);
    expect(r.diagnostics.solver).toBe('highs-mip+lp');
    // the fixed costs matter: the optimum does not trade every asset
    expect(bf.mask).not.toBe(31);
    expect(r.diagnostics.fixedCosts).toBe('exact-milp');
    // the cap and the budget, from the weights
    const w = Array.from(r.weightsVector);
    expect(Math.abs(w.reduce((x, v) => x + v, 0) - 1)).toBeLessThanOrEqual(1e-9);
    for (const v of w) expect(v).toBeLessThanOrEqual(0.35 + 1e-9);
  });

  it('minCvar with a return target equals brute force (target raised by F(T) per subset)', () => {
    const panel = readPeerPanel('lpp2005rec_assets6');
    const n = 4;
    const rows = 120;
    const data = new Float64Array(rows * n);
    for (let t = 0; t < rows; t++)
      for (let j = 0; j < n; j++) data[t * n + j] = panel.returns.data[t * 6 + j]!;
    const scenarios = { rows, cols: n, data };
    const mu = new Float64Array(n);
    for (let t = 0; t < rows; t++)
      for (let j = 0; j < n; j++) mu[j] = mu[j]! + (252 * data[t * n + j]!) / rows;
    const inputs: OptimizationInputs = {
      ...lpp(n),
      expectedReturnsAnnual: mu,
    };
    const w0 = [0.25, 0.25, 0.25, 0.25];
    const fees = [0.002, 0.001, 0.003, 0.002];
    const e0 = w0.reduce((s, v, i) => s + v * mu[i]!, 0);
    const target = e0 + 0.01;
    const base: PortfolioConstraints = { turnover: { currentWeights: w0, fixedCost: fees } };
    const r = optimize(highs, {
      inputs,
      objective: {
        kind: 'minCvar',
        scenarios: { returns: scenarios, periodsPerYear: 252 },
        targetReturnAnnual: target,
      },
      constraints: base,
    });
    let best = Infinity;
    for (let mask = 0; mask < 16; mask++) {
      try {
        const s = optimize(highs, {
          inputs,
          objective: {
            kind: 'minCvar',
            scenarios: { returns: scenarios, periodsPerYear: 252 },
            targetReturnAnnual: target + feeOf(mask, fees),
          },
          constraints: pinned(base, { mask, lower: 0, upper: 1 }),
        });
        best = Math.min(best, s.riskMeasures.cvar!);
      } catch {
        // infeasible subset
      }
    }
    expect(Number.isFinite(best)).toBe(true);
    expect(Math.abs(r.riskMeasures.cvar! - best)).toBeLessThan(1e-10);
    expect(r.diagnostics.solver).toBe('highs-mip+lp');
    expect(r.diagnostics.fixedCosts).toBe('exact-milp');
    // μᵀw − one-off costs (recomputed by hand from the weights) meets the target
    let net = 0;
    r.weightsVector.forEach((w, i) => {
      net += w * mu[i]!;
      if (Math.abs(w - w0[i]!) > 1e-9) net -= fees[i]!;
    });
    expect(net).toBeGreaterThanOrEqual(target - 1e-9);
  });
});

describe('fixed costs, QP objectives (utility, n = 6)', () => {
  const inputs = lpp(6);
  const fees = [0.0005, 0.002, 0.001, 0.0015, 0.0008, 0.003];
  const constraints: PortfolioConstraints = {
    maxWeight: 0.35,
    turnover: { currentWeights: [0.3, 0.1, 0.2, 0.1, 0.2, 0.1], fixedCost: fees },
  };
  const objective: Objective = { kind: 'utility', riskAversion: 20 };
  const bf = (): { best: number; mask: number } =>
    bruteForceMax(inputs, { objective, constraints, fees });

  it('enumeration (k = 6 ≤ 8) equals brute force', () => {
    const r = optimize(highs, { inputs, objective, constraints });
    const b = bf();
    expect(Math.abs(r.objectiveValue - b.best)).toBeLessThan(TOL);
    expect(r.diagnostics.solver).toContain('+fixed-cost-enumeration');
    expect(r.diagnostics.fixedCosts).toBe('exact-enumeration');
    expect(r.warnings).toEqual([]);
    expect(b.mask).not.toBe(63);
  });

  it('local-search heuristic: flagged, never above the optimum, gap ≤ Σ F (proved bound)', () => {
    const r = optimize(highs, {
      inputs,
      objective,
      constraints,
      fixedCostSearch: { exactUpTo: 0 },
    });
    const b = bf();
    const gap = b.best - r.objectiveValue;
    expect(r.diagnostics.solver).toContain('+fixed-cost-local-search');
    expect(r.diagnostics.fixedCosts).toBe('heuristic');
    expect(r.warnings.map((w) => w.code)).toEqual(['FIXED_COST_HEURISTIC']);
    expect(r.diagnostics.message).toContain('HEURISTIC');
    expect(gap).toBeGreaterThanOrEqual(-TOL);
    // "trade everything" is a start: U_all − ΣF ≥ OPT − ΣF, and the search only improves
    expect(gap).toBeLessThanOrEqual(fees.reduce((s, v) => s + v, 0));
    // on this instance the 1-flip local optimum is the global one
    expect(gap).toBeLessThan(TOL);
  });
});

describe('fixed costs, accounting and errors', () => {
  it('transactionCost charges F only for traded assets (|Δ| > 1e-9), plus proportional', () => {
    const c: PortfolioConstraints = {
      turnover: { currentWeights: [0.5, 0.5, 0], costRate: 0.01, fixedCost: [0.1, 0.2, 0.4] },
    };
    // trades: 0.1 on asset 1 and 0.1 on asset 3 → 0.01·0.2 + 0.1 + 0.4 = 0.502
    expect(transactionCost(Float64Array.from([0.4, 0.5, 0.1]), c)).toBeCloseTo(0.502, 15);
    // a 1e-12 move is below the trade threshold: only its proportional cost 0.01·1e-12
    expect(transactionCost(Float64Array.from([0.5, 0.5 + 1e-12, 0]), c)).toBeLessThan(1e-13);
  });

  it('callers that cannot solve a MILP refuse fixed costs; bad values are INVALID_INPUT', () => {
    const constraints: PortfolioConstraints = {
      turnover: { currentWeights: [0.5, 0.5], fixedCost: 0.01 },
    };
    const e = thrown(() =>
      buildPortfolioModel({ assets: ['A', 'B'], constraints, riskFreeRateAnnual: 0 }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('turnover.fixedCost');
    const bad = thrown(() =>
      buildPortfolioModel({
        assets: ['A', 'B'],
        constraints: { turnover: { currentWeights: [0.5, 0.5], fixedCost: [0.1, -1] } },
        riskFreeRateAnnual: 0,
        support: { integers: true },
      }),
    );
    expect(bad.message).toContain('turnover.fixedCost');
    const unbounded = thrown(() =>
      buildPortfolioModel({
        assets: ['A', 'B'],
        constraints: { ...constraints, maxWeight: [Infinity, 1] },
        riskFreeRateAnnual: 0,
        support: { integers: true },
      }),
    );
    expect(unbounded.message).toContain('finite weight bounds');
  });

  it('holding an asset outside its bounds is skipped (it must trade); nothing feasible is INFEASIBLE', () => {
    const inputs = lpp(2);
    const turnover = { currentWeights: [0.9, 0.1], fixedCost: [0.01, 0] };
    const r = optimize(highs, {
      inputs,
      objective: { kind: 'minVariance' },
      constraints: { maxWeight: 0.6, turnover },
    });
    expect(r.weightsVector[0]).toBeLessThanOrEqual(0.6 + 1e-12);
    // the one fixed cost is paid: 0.01 (no proportional rate)
    expect(r.transactionCost).toBeCloseTo(0.01, 15);
    const e = thrown(() =>
      optimize(highs, {
        inputs,
        objective: { kind: 'minVariance' },
        constraints: { minWeight: 0.7, turnover },
      }),
    );
    expect(e.code).toBe('INFEASIBLE');
    expect(e.message).toContain('no trade pattern');
  });
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Matrix } from '../../../core/linalg/matrix.ts';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import { returnsMatrixArbitrary, seededReturns } from '../../../../test/helpers/matrices.ts';
import { thrown } from '../../../../test/helpers/optimize.ts';
import { solveCvar } from './cvar.ts';
import { CsrBuilder } from '../../../core/solvers/csr-builder.ts';
import { scenarioCvar, tailRisk } from '../../measures/tail-risk.ts';
import { TOLERANCES } from '../../../../test/helpers/tolerances.ts';
import type { PortfolioConstraints } from '../constraints.ts';
import type { CvarObjective } from '../objectives.ts';
import { optimize } from '../optimize.ts';
import type { OptimizationInputs } from '../problem.ts';

/**
 * Tolerances: constraint checks 1e-9; CVaR of the returned weights vs the
 * independent breakpoint minimum 1e-12 relative (same arithmetic up to order); LP objective vs
 * recomputed CVaR 1e-9 absolute (simplex vertex, feasibility tolerance 1e-10).
 */
const CHECK_TOLERANCE = TOLERANCES.constraintCheck;
const CVAR_RELATIVE = 1e-12;
const LP_TOLERANCE = 1e-9;

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

/** min/mean CVaR of `returns` (12 periods a year) through the one entry point. */
function cvarOf(
  returns: Matrix,
  objective:
    | Omit<Extract<CvarObjective, { kind: 'minCvar' }>, 'scenarios'>
    | Omit<Extract<CvarObjective, { kind: 'meanCvar' }>, 'scenarios'>,
  spec: {
    inputs?: OptimizationInputs;
    constraints?: PortfolioConstraints;
    periodsPerYear?: number;
  } = {},
) {
  return optimize(highs, {
    inputs: spec.inputs ?? inputsFor(returns),
    objective: {
      ...objective,
      scenarios: { returns, periodsPerYear: spec.periodsPerYear ?? 12 },
    },
    ...(spec.constraints === undefined ? {} : { constraints: spec.constraints }),
  });
}

function inputsFor(returns: Matrix): OptimizationInputs {
  const n = returns.cols;
  const mu = new Float64Array(n);
  for (let t = 0; t < returns.rows; t++)
    for (let j = 0; j < n; j++) mu[j] = mu[j]! + (12 * returns.data[t * n + j]!) / returns.rows;
  return {
    assets: Array.from({ length: n }, (_, j) => `A${j}`),
    expectedReturnsAnnual: mu,
    covarianceAnnual: { rows: n, cols: n, data: new Float64Array(n * n) },
    riskFreeRateAnnual: 0,
  };
}

/**
 * Independent CVaR: the Rockafellar-Uryasev function F(ζ) = ζ + Σ max(L_t − ζ, 0)/((1−α)T) is
 * convex and piecewise linear with breakpoints at the losses, so its minimum is the smallest
 * F over ζ ∈ {L_t}. O(T²), no sorting, no fractional bookkeeping.
 */
function breakpointCvar(losses: readonly number[], alpha: number): number {
  const scale = 1 / ((1 - alpha) * losses.length);
  let best = Infinity;
  for (const zeta of losses) {
    let f = zeta;
    for (const l of losses) f += Math.max(l - zeta, 0) * scale;
    best = Math.min(best, f);
  }
  return best;
}

function losses(returns: Matrix, w: ArrayLike<number>): number[] {
  return Array.from({ length: returns.rows }, (_, t) => {
    let s = 0;
    for (let j = 0; j < returns.cols; j++) s += returns.data[t * returns.cols + j]! * w[j]!;
    return -s;
  });
}

describe('tailRisk', () => {
  it('counts the boundary scenario fractionally (hand check)', () => {
    // Losses 10, 8, 6, 4, 2 (T = 5), α = 0.7: k = 1.5 ⇒ (10 + 0.5·8)/1.5 = 9.333…; VaR = 8.
    const r = tailRisk([2, 10, 6, 4, 8], 0.7);
    expect(r.conditionalValueAtRisk).toBeCloseTo(28 / 3, 13);
    expect(r.valueAtRisk).toBe(8);
    // α = 0.6: k = 2 exactly ⇒ (10 + 8)/2 = 9, VaR = the 2nd worst = 8.
    expect(tailRisk([2, 10, 6, 4, 8], 0.6)).toEqual({ valueAtRisk: 8, conditionalValueAtRisk: 9 });
    expect(thrown(() => tailRisk([], 0.9)).code).toBe('INVALID_INPUT');
    expect(thrown(() => tailRisk([1], 1)).code).toBe('INVALID_INPUT');
  });
});

describe('scenarioCvar and CsrBuilder', () => {
  it('measures a fixed portfolio on scenarios (hand check)', () => {
    // Two assets, w = (0.5, 0.5): portfolio returns −0.04, 0.01, −0.01, 0.03 ⇒ losses
    // 0.04, −0.01, 0.01, −0.03; α = 0.5 ⇒ k = 2 ⇒ CVaR = (0.04 + 0.01)/2 = 0.025, VaR = 0.01.
    const scenarios = {
      rows: 4,
      cols: 2,
      data: Float64Array.from([-0.06, -0.02, 0.02, 0, 0, -0.02, 0.04, 0.02]),
    };
    const r = scenarioCvar(scenarios, [0.5, 0.5], 0.5);
    expect(r.conditionalValueAtRisk).toBeCloseTo(0.025, 15);
    expect(r.valueAtRisk).toBeCloseTo(0.01, 15);
  });

  it('grows its buffers and skips exact zeros', () => {
    const b = new CsrBuilder(1);
    for (let j = 0; j < 40; j++) b.push(j, j % 2);
    b.endRow(-1, 1);
    expect(b.rows).toBe(1);
    const c = b.build();
    expect(c.columns.length).toBe(20);
    expect(Array.from(c.rowStarts)).toEqual([0, 20]);
  });
});

describe('min CVaR (Rockafellar-Uryasev LP)', () => {
  it('satisfies the constraints and its CVaR equals the empirical CVaR of its own losses', () => {
    fc.assert(
      fc.property(
        returnsMatrixArbitrary({ minRows: 5, maxRows: 80, maxCols: 8 }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        (returns, alpha) => {
          const inputs = inputsFor(returns);
          const problem = {
            inputs,
            objective: {
              kind: 'minCvar' as const,
              scenarios: { returns, periodsPerYear: 12 },
              confidence: alpha,
            },
          };
          const solved = solveCvar(highs, problem);
          const w = solved.weights;
          expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(CHECK_TOLERANCE);
          w.forEach((v) => {
            expect(v).toBeGreaterThanOrEqual(-CHECK_TOLERANCE);
            expect(v).toBeLessThanOrEqual(1 + CHECK_TOLERANCE);
          });
          const independent = breakpointCvar(losses(returns, w), alpha);
          expect(Math.abs(solved.cvar - independent)).toBeLessThanOrEqual(
            CVAR_RELATIVE * Math.max(Math.abs(independent), 1e-300) + 1e-17,
          );
          expect(Math.abs(solved.cvarFromSolver - solved.cvar)).toBeLessThanOrEqual(LP_TOLERANCE);
          // No single asset and not the equal-weight portfolio beats the optimum.
          const n = returns.cols;
          const candidates = [
            new Array<number>(n).fill(1 / n),
            ...Array.from({ length: n }, (_, j) =>
              Array.from({ length: n }, (_, i) => (i === j ? 1 : 0)),
            ),
          ];
          for (const c of candidates)
            expect(solved.cvar).toBeLessThanOrEqual(
              breakpointCvar(losses(returns, c), alpha) + LP_TOLERANCE,
            );
          // the result reports the CVaR of its own weights, recomputed independently
          const result = optimize(highs, problem);
          const own = breakpointCvar(losses(returns, result.weightsVector), alpha);
          expect(Math.abs(result.riskMeasures.cvar! - own)).toBeLessThanOrEqual(
            CVAR_RELATIVE * Math.max(Math.abs(own), 1e-300) + 1e-17,
          );
          expect(result.objectiveValue).toBe(result.riskMeasures.cvar);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('meets a return target and trades return for CVaR in mean-CVaR', () => {
    const returns = seededReturns({ t: 120, n: 5, seed: 42, factor: 0.4 });
    const inputs = inputsFor(returns);
    const minimum = cvarOf(returns, { kind: 'minCvar' });
    const target =
      minimum.expectedReturnAnnual +
      0.5 * (Math.max(...inputs.expectedReturnsAnnual) - minimum.expectedReturnAnnual);
    const targeted = cvarOf(returns, { kind: 'minCvar', targetReturnAnnual: target });
    // μᵀw recomputed from the returned weights meets the target
    let achieved = 0;
    targeted.weightsVector.forEach((w, j) => (achieved += w * inputs.expectedReturnsAnnual[j]!));
    expect(achieved).toBeGreaterThanOrEqual(target - CHECK_TOLERANCE);
    expect(targeted.riskMeasures.cvar!).toBeGreaterThanOrEqual(
      minimum.riskMeasures.cvar! - LP_TOLERANCE,
    );
    const cautious = cvarOf(returns, { kind: 'meanCvar', riskAversion: 100 });
    const bold = cvarOf(returns, { kind: 'meanCvar', riskAversion: 0.01 });
    expect(bold.expectedReturnAnnual).toBeGreaterThanOrEqual(
      cautious.expectedReturnAnnual - CHECK_TOLERANCE,
    );
    expect(bold.riskMeasures.cvar!).toBeGreaterThanOrEqual(
      cautious.riskMeasures.cvar! - LP_TOLERANCE,
    );
    expect(cautious.objectiveValue).toBeCloseTo(
      cautious.expectedReturnAnnual / 12 - 100 * cautious.riskMeasures.cvar!,
      12,
    );
  });

  it('lends cash at rf in every scenario with a cash line', () => {
    const returns = seededReturns({ t: 60, n: 3, seed: 7 });
    const inputs = { ...inputsFor(returns), riskFreeRateAnnual: 0.12 };
    const r = cvarOf(
      returns,
      { kind: 'minCvar' },
      {
        inputs,
        constraints: { budget: { kind: 'cashLine', borrowSpreadAnnual: 0.01, maxBorrow: 0 } },
      },
    );
    // Cash returns +1 % a month in every scenario: all in cash has CVaR = −0.01 (a gain).
    expect(r.cash).toBeCloseTo(1, 9);
    expect(r.riskMeasures.cvar!).toBeCloseTo(-0.01, 12);
  });

  it('reports INFEASIBLE targets and INVALID_INPUT scenarios', () => {
    const returns = seededReturns({ t: 30, n: 3, seed: 3 });
    expect(thrown(() => cvarOf(returns, { kind: 'minCvar', targetReturnAnnual: 10 })).code).toBe(
      'INFEASIBLE',
    );
    expect(thrown(() => cvarOf(returns, { kind: 'minCvar', confidence: 1 })).code).toBe(
      'INVALID_INPUT',
    );
    expect(thrown(() => cvarOf(returns, { kind: 'meanCvar', riskAversion: 0 })).message).toContain(
      'objective.riskAversion',
    );
    const nan = {
      ...returns,
      data: Float64Array.from(returns.data, (v, k) => (k === 4 ? Number.NaN : v)),
    };
    const e = thrown(() => cvarOf(nan, { kind: 'minCvar' }, { inputs: inputsFor(returns) }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('objective.scenarios.returns[1].A1');
    expect(thrown(() => cvarOf(returns, { kind: 'minCvar' }, { periodsPerYear: 0 })).code).toBe(
      'INVALID_INPUT',
    );
  });
});

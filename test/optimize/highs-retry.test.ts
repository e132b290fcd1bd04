import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs, type HighsRuntime } from '../../src/core/solvers/highs.ts';
import { optimize } from '../../src/domain/optimize/index.ts';
import { factorCovariance, uniforms } from '../helpers/qp-problems.ts';
import { TOLERANCES } from '../helpers/tolerances.ts';

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

describe('HiGHS QP failure recovery', () => {
  it('re-solves a QP whose HiGHS run failed with the objective scaled, matching the dense active set', () => {
    // Counterexample found by the frontier property test (fast-check seed −1214619179):
    // HiGHS 1.15 returned "run failed with HiGHS status -1" on this min-variance QP.
    const n = 6;
    const seed = 193508116;
    const u = uniforms(seed * 7 + 3);
    const inputs = {
      assets: Array.from({ length: n }, (_, i) => `A${i}`),
      expectedReturnsAnnual: Float64Array.from({ length: n }, () => 0.01 + 0.12 * u()),
      covarianceAnnual: factorCovariance({ n, seed }),
      riskFreeRateAnnual: 0.02,
    };
    const constraints = { maxWeight: 0.43976566652838966 };
    const viaHighs = optimize(highs, {
      inputs,
      objective: { kind: 'minVariance' },
      constraints,
      method: 'highs',
    });
    const dense = optimize(highs, {
      inputs,
      objective: { kind: 'minVariance' },
      constraints,
      method: 'dense-active-set',
    });
    // both paths are KKT-exact: they agree to the polished-weights tolerance, and the HiGHS
    // answer keeps the cap and the budget (recomputed from its weights)
    for (const a of inputs.assets)
      expect(Math.abs(viaHighs.weights[a]! - dense.weights[a]!)).toBeLessThanOrEqual(
        TOLERANCES.weightsPolishedVsExactSolver,
      );
    const w = Array.from(viaHighs.weightsVector);
    expect(Math.abs(w.reduce((s, v) => s + v, 0) - 1)).toBeLessThanOrEqual(
      TOLERANCES.constraintCheck,
    );
    for (const v of w)
      expect(v).toBeLessThanOrEqual(constraints.maxWeight + TOLERANCES.constraintCheck);
  });
});

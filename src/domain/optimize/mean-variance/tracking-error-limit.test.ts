/**
 * Tracking-error limit. Golden values: cvxopt 1.3.0 `solvers.cp` (numpy 1.24.2), which handles
 * the quadratic constraint natively — script `test/fixtures/peers/tracking_error_reference.py`,
 * output `tracking_error_reference.json` (interior point, tolerances 1e-13; its zero weights
 * are ~1e-13). Tolerances from test/helpers/tolerances.ts (docs/conventions.md): weights 1e-7
 * against an exact solver, return and volatility 1e-9 relative; the tracking error itself is
 * recomputed here from the returned weights. Hand cases on docs/conventions.md's two assets.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import { readPeerMoments } from '../../../../test/helpers/peer-panels.ts';
import { financeExample, thrown } from '../../../../test/helpers/optimize.ts';
import { relativeError, TOLERANCES } from '../../../../test/helpers/tolerances.ts';
import { optimize } from '../index.ts';
import type { PortfolioConstraints } from '../constraints.ts';
import type { Objective } from '../objectives.ts';
import type { OptimizationInputs } from '../problem.ts';

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

interface GoldenCase {
  readonly weights: Record<string, number>;
  readonly tracking_error: number;
  readonly expected_return: number;
  readonly variance: number;
  readonly limit: number;
}
const golden = JSON.parse(
  readFileSync(
    fileURLToPath(
      new URL('../../../../test/fixtures/peers/tracking_error_reference.json', import.meta.url),
    ),
    'utf8',
  ),
) as Record<'maxReturnTe2' | 'minVarianceTe' | 'utilityTe', GoldenCase>;

function lppInputs(): OptimizationInputs {
  const m = readPeerMoments('lpp2005rec_assets6');
  const n = m.assets.length;
  return {
    assets: m.assets,
    expectedReturnsAnnual: Float64Array.from(m.assets, (a) => m.mean[a]! * 252),
    covarianceAnnual: {
      rows: n,
      cols: n,
      data: Float64Array.from(m.cov.flat(), (v) => v * 252),
    },
    riskFreeRateAnnual: 0,
  };
}

const te = (c: readonly { name: string; slack: number }[]): number =>
  c.find((x) => x.name === 'trackingError')!.slack;

/** √((w − b)ᵀΣ(w − b)), by the definition, from the returned weights. */
function trackingErrorOf(inputs: OptimizationInputs, w: ArrayLike<number>, b: readonly number[]) {
  const n = inputs.assets.length;
  const c = inputs.covarianceAnnual.data;
  let q = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) q += (w[i]! - b[i]!) * c[i * n + j]! * (w[j]! - b[j]!);
  return Math.sqrt(q);
}

describe('tracking-error limit vs cvxopt solvers.cp (LPP2005 6 assets, b = equal weights)', () => {
  const cases: [keyof typeof golden, Objective][] = [
    ['maxReturnTe2', { kind: 'maxReturn' }],
    ['minVarianceTe', { kind: 'minVariance' }],
    ['utilityTe', { kind: 'utility', riskAversion: 5 }],
  ];
  it.each(cases)('%s', (name, objective) => {
    const g = golden[name];
    const inputs = lppInputs();
    const benchmarkWeights = inputs.assets.map(() => 1 / 6);
    const constraints: PortfolioConstraints = {
      trackingError: { benchmarkWeights, maxAnnual: g.limit },
    };
    const r = optimize(highs, { inputs, objective, constraints });
    for (const a of inputs.assets)
      expect(Math.abs(r.weights[a]! - g.weights[a]!)).toBeLessThanOrEqual(
        TOLERANCES.weightsVsExactSolver,
      );
    expect(relativeError(r.expectedReturnAnnual, g.expected_return)).toBeLessThanOrEqual(
      TOLERANCES.portfolioFigureRelative,
    );
    expect(relativeError(r.volatilityAnnual, Math.sqrt(g.variance))).toBeLessThanOrEqual(
      TOLERANCES.portfolioFigureRelative,
    );
    // binding: TE of the returned weights = limit to rounding, and so reported
    const achieved = trackingErrorOf(inputs, r.weightsVector, benchmarkWeights);
    expect(Math.abs(achieved - g.limit)).toBeLessThan(1e-12);
    expect(Math.abs(te(r.constraintsChecked))).toBeLessThan(1e-12);
    expect(r.diagnostics.message).toContain('limit binding');
  });

  it('efficientReturn and minTrackingError (other benchmark) respect the limit, objective no worse than a looser limit', () => {
    const inputs = lppInputs();
    const b = inputs.assets.map(() => 1 / 6);
    const tight = optimize(highs, {
      inputs,
      objective: { kind: 'efficientReturn', targetReturnAnnual: 0.1 },
      constraints: { trackingError: { benchmarkWeights: b, maxAnnual: 0.015 } },
    });
    const loose = optimize(highs, {
      inputs,
      objective: { kind: 'efficientReturn', targetReturnAnnual: 0.1 },
    });
    expect(trackingErrorOf(inputs, tight.weightsVector, b)).toBeLessThanOrEqual(
      0.015 + TOLERANCES.constraintCheck,
    );
    expect(tight.objectiveValue).toBeGreaterThanOrEqual(loose.objectiveValue - 1e-15);
    const other = [1, 0, 0, 0, 0, 0];
    const mte = optimize(highs, {
      inputs,
      objective: { kind: 'minTrackingError', benchmarkWeights: other },
      constraints: { trackingError: { benchmarkWeights: b, maxAnnual: 0.02 } },
    });
    expect(trackingErrorOf(inputs, mte.weightsVector, b)).toBeLessThanOrEqual(
      0.02 + TOLERANCES.constraintCheck,
    );
  });
});

describe('tracking-error limit, two assets by hand', () => {
  // μ = (0.10, 0.08), Σ = diag(0.04, 0.01), b = (0.5, 0.5), w = (0.5 + δ, 0.5 − δ):
  // TE² = 0.04δ² + 0.01δ² = 0.05δ², so TE ≤ 0.05 ⇔ |δ| ≤ 0.05/√0.05 = √0.05 = 0.2236067977…
  const b = [0.5, 0.5];
  const delta = Math.sqrt(0.05);

  it('max return moves towards asset 1 until TE = 0.05: w₁ = 0.5 + √0.05', () => {
    const r = optimize(highs, {
      inputs: financeExample(),
      objective: { kind: 'maxReturn' },
      constraints: { trackingError: { benchmarkWeights: b, maxAnnual: 0.05 } },
    });
    expect(r.weightsVector[0]).toBeCloseTo(0.5 + delta, 12);
    // E = 0.08 + 0.02·w₁
    expect(r.expectedReturnAnnual).toBeCloseTo(0.08 + 0.02 * (0.5 + delta), 12);
  });

  it('min variance: the GMV w₁ = 0.01/0.05 = 0.2 has TE 0.3·√0.05 > 0.05, so w₁ = 0.5 − √0.05', () => {
    const r = optimize(highs, {
      inputs: financeExample(),
      objective: { kind: 'minVariance' },
      constraints: { trackingError: { benchmarkWeights: b, maxAnnual: 0.05 } },
    });
    expect(r.weightsVector[0]).toBeCloseTo(0.5 - delta, 12);
  });

  it('a slack limit leaves the solution unchanged (λ = 0): max return = (1, 0), TE = 0.5·√0.05', () => {
    const r = optimize(highs, {
      inputs: financeExample(),
      objective: { kind: 'maxReturn' },
      constraints: { trackingError: { benchmarkWeights: b, maxAnnual: 0.2 } },
    });
    expect(r.weightsVector[0]).toBe(1);
    expect(te(r.constraintsChecked)).toBeCloseTo(0.2 - 0.5 * delta, 14);
    expect(r.diagnostics.message).toContain('limit slack');
  });

  it('INFEASIBLE when bounds force TE above the limit: w₁ ≥ 0.8 gives TE ≥ 0.3·√0.05 ≈ 0.067', () => {
    const e = thrown(() =>
      optimize(highs, {
        inputs: financeExample(),
        objective: { kind: 'minVariance' },
        constraints: {
          minWeight: [0.8, 0],
          trackingError: { benchmarkWeights: b, maxAnnual: 0.05 },
        },
      }),
    );
    expect(e.code).toBe('INFEASIBLE');
    expect(e.details['minimumTrackingErrorAnnual']).toBeCloseTo(0.3 * delta, 12);
  });

  it('unsupported combinations are INVALID_INPUT, never ignored', () => {
    const trackingError = { benchmarkWeights: b, maxAnnual: 0.05 };
    expect(
      thrown(() =>
        optimize(highs, {
          inputs: financeExample(),
          objective: { kind: 'maxSharpe' },
          constraints: { trackingError },
        }),
      ).code,
    ).toBe('INVALID_INPUT');
    const scenarios = { rows: 2, cols: 2, data: Float64Array.from([0.01, -0.02, 0.03, 0.01]) };
    const e = thrown(() =>
      optimize(highs, {
        inputs: financeExample(),
        objective: { kind: 'minCvar', scenarios: { returns: scenarios, periodsPerYear: 12 } },
        constraints: { trackingError },
      }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('trackingError');
  });

  it('bad limits are INVALID_INPUT naming the field', () => {
    const bad = (trackingError: PortfolioConstraints['trackingError']): string =>
      thrown(() =>
        optimize(highs, {
          inputs: financeExample(),
          objective: { kind: 'minVariance' },
          constraints: { ...(trackingError === undefined ? {} : { trackingError }) },
        }),
      ).message;
    expect(bad({ benchmarkWeights: [1], maxAnnual: 0.1 })).toContain(
      'trackingError.benchmarkWeights',
    );
    expect(bad({ benchmarkWeights: b, maxAnnual: -1 })).toContain('trackingError.maxAnnual');
  });
});

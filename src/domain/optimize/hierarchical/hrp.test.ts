import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import { fromRows, type Matrix } from '../../../core/linalg/matrix.ts';
import { thrown } from '../../../../test/helpers/optimize.ts';
import { hierarchicalEqualRiskContribution } from './herc.ts';
import { optimize } from '../optimize.ts';
import { hierarchicalRiskParity, inverseVarianceClusterVariance } from './hrp.ts';
import { correlationDistance } from './linkage.ts';

/** Tolerances: weight sums 1e-12; hand-derived weights 1e-12. */
const SUM_TOLERANCE = 1e-12;
const HAND_TOLERANCE = 1e-12;

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

/** Random PD covariance Σ = D·(AᵀA/m)·D (same generator as the risk-budget tests). */
function randomCovariance(n: number, seed: number): Matrix {
  const m = n + 3;
  let s = seed;
  const u = (): number => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647 - 0.5;
  };
  const a = Array.from({ length: m }, () => Array.from({ length: n }, u));
  const scale = Array.from({ length: n }, () => 10 ** (-2 * (u() + 0.5)));
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let v = 0;
      for (let r = 0; r < m; r++) v += a[r]![i]! * a[r]![j]!;
      data[i * n + j] = data[j * n + i] = (scale[i]! * scale[j]! * v) / m;
    }
  }
  return { rows: n, cols: n, data };
}

const sum = (w: ArrayLike<number>): number => Array.from(w).reduce((a, b) => a + b, 0);

describe('HRP', () => {
  it('splits two uncorrelated assets by inverse variance (hand check)', () => {
    // α = 1 − V_L/(V_L + V_R) = 1 − .04/.05 = 0.2 for A, 0.8 for B.
    const { weights } = hierarchicalRiskParity(
      fromRows([
        [0.04, 0],
        [0, 0.01],
      ]),
    );
    expect(Math.abs(weights[0]! - 0.2)).toBeLessThanOrEqual(HAND_TOLERANCE);
    expect(Math.abs(weights[1]! - 0.8)).toBeLessThanOrEqual(HAND_TOLERANCE);
  });

  it('computes the inverse-variance cluster variance', () => {
    // w̃ ∝ (1/.04, 1/.01) = (0.2, 0.8); V = .2²·.04 + .8²·.01 = 0.008.
    const v = inverseVarianceClusterVariance(
      fromRows([
        [0.04, 0],
        [0, 0.01],
      ]),
      [0, 1],
    );
    expect(Math.abs(v - 0.008)).toBeLessThanOrEqual(1e-15);
  });

  it('gives positive weights summing to 1 for random covariances and every linkage', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 2 ** 31 - 2 }),
        fc.constantFrom(
          'single' as const,
          'complete' as const,
          'average' as const,
          'ward' as const,
        ),
        (n, seed, linkage) => {
          const cov = randomCovariance(n, seed);
          const hrp = hierarchicalRiskParity(cov, { linkage });
          expect(hrp.weights.every((w) => w > 0)).toBe(true);
          expect(Math.abs(sum(hrp.weights) - 1)).toBeLessThanOrEqual(SUM_TOLERANCE);
          const herc = hierarchicalEqualRiskContribution(cov, { linkage });
          expect(herc.weights.every((w) => w > 0)).toBe(true);
          expect(Math.abs(sum(herc.weights) - 1)).toBeLessThanOrEqual(SUM_TOLERANCE);
          expect(herc.clusters.flat().sort((a, b) => a - b)).toEqual(
            Array.from({ length: n }, (_, i) => i),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('honours weight bounds inside the bisection without renormalising', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 20 }),
        fc.integer({ min: 1, max: 2 ** 31 - 2 }),
        (n, seed) => {
          const cov = randomCovariance(n, seed);
          const cap = 1.5 / n;
          const floor = 0.2 / n;
          const { weights } = hierarchicalRiskParity(cov, {
            maxWeights: new Array<number>(n).fill(cap),
            minWeights: new Array<number>(n).fill(floor),
          });
          expect(Math.abs(sum(weights) - 1)).toBeLessThanOrEqual(SUM_TOLERANCE);
          for (const w of weights) {
            expect(w).toBeLessThanOrEqual(cap * (1 + 1e-12));
            expect(w).toBeGreaterThanOrEqual(floor * (1 - 1e-12));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reports infeasible bounds and rejects zero variances', () => {
    const cov = fromRows([
      [0.04, 0],
      [0, 0.01],
    ]);
    expect(thrown(() => hierarchicalRiskParity(cov, { maxWeights: [0.4, 0.4] })).code).toBe(
      'INFEASIBLE',
    );
    expect(thrown(() => hierarchicalRiskParity(cov, { minWeights: [-0.1, 0] })).code).toBe(
      'INVALID_INPUT',
    );
    expect(
      thrown(() =>
        correlationDistance(
          fromRows([
            [0.04, 0],
            [0, 0],
          ]),
        ),
      ).code,
    ).toBe('INVALID_INPUT');
  });

  it('returns a verified result with constraint checks and diagnostics', () => {
    const inputs = {
      assets: ['A', 'B'],
      expectedReturnsAnnual: Float64Array.of(0.1, 0.08),
      covarianceAnnual: fromRows([
        [0.04, 0],
        [0, 0.01],
      ]),
      riskFreeRateAnnual: 0.02,
    };
    const hrp = { kind: 'hrp' as const };
    // unbounded: α_A = 1 − 0.04/(0.04 + 0.01) = 0.2, so B = 0.8 > 0.7: the split is clamped
    // to B = 0.7 exactly, A = 0.3
    const r = optimize(highs, { inputs, objective: hrp, constraints: { maxWeight: 0.7 } });
    expect(r.weights.A).toBeCloseTo(0.3, 12);
    expect(r.weights.B).toBeCloseTo(0.7, 12);
    expect(r.objectiveValue).toBeCloseTo(Math.sqrt(0.09 * 0.04 + 0.49 * 0.01), 12);
    expect(r.diagnostics.solver).toBe('hrp-single');
    const e = thrown(() =>
      optimize(highs, { inputs, objective: hrp, constraints: { longShort: {} } }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('constraints.longShort');
  });
});

describe('HERC', () => {
  it('uses the given cluster count and inverse-variance weights inside clusters', () => {
    // Two blocks {0, 1} and {2, 3}, uncorrelated across blocks.
    const cov = fromRows([
      [0.04, 0.018, 0, 0],
      [0.018, 0.01, 0, 0],
      [0, 0, 0.09, 0.02],
      [0, 0, 0.02, 0.01],
    ]);
    const herc = hierarchicalEqualRiskContribution(cov, { clusters: 2, linkage: 'single' });
    expect(herc.clusters.map((c) => [...c].sort())).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(herc.clusterCountSource).toBe('given');
    // Inside {0, 1}: w ∝ (1/.04, 1/.01) ⇒ ratio w0/w1 = 0.25.
    expect(herc.weights[0]! / herc.weights[1]!).toBeCloseTo(0.25, 12);
    const v1 = inverseVarianceClusterVariance(cov, [0, 1]);
    const v2 = inverseVarianceClusterVariance(cov, [2, 3]);
    expect(herc.weights[0]! + herc.weights[1]!).toBeCloseTo(1 - v1 / (v1 + v2), 12);
    expect(thrown(() => hierarchicalEqualRiskContribution(cov, { clusters: 5 })).code).toBe(
      'INVALID_INPUT',
    );
  });
});

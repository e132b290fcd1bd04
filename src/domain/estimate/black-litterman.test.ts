import fc from 'fast-check';
import { inverse, Matrix as MlMatrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { fromRows, matrix, toRows, type Matrix } from '../../core/linalg/matrix.ts';
import { blackLitterman } from './black-litterman.ts';
import { buildViewMatrices, type ViewMatrices } from './black-litterman-views.ts';

// Tolerances: posterior returns and covariances to 1e-14 against hand arithmetic, 1e-12 against
// the independent information-form computation (ml-matrix inverses of τΣ and Ω).
const HAND = 14;
const INDEPENDENT = 12;

// σ = (.2, .3, .15); ρ_AB = .2, ρ_AC = .2, ρ_BC = .4.
const assets = ['A', 'B', 'C'];
const covarianceAnnual = fromRows([
  [0.04, 0.012, 0.006],
  [0.012, 0.09, 0.018],
  [0.006, 0.018, 0.0225],
]);
const priorAnnual = Float64Array.from([0.05, 0.07, 0.04]);
const input = { assets, priorAnnual, covarianceAnnual };

/** μ_BL = [(τΣ)⁻¹ + PᵀΩ⁻¹P]⁻¹[(τΣ)⁻¹Π + PᵀΩ⁻¹Q] and M = [(τΣ)⁻¹ + PᵀΩ⁻¹P]⁻¹, by inverses. */
function informationForm(
  views: ViewMatrices,
  omega: Matrix,
  tau: number,
): { mu: number[]; m: number[][] } {
  const ml = (m: Matrix): MlMatrix => new MlMatrix(toRows(m));
  const precision = inverse(ml(covarianceAnnual).mul(tau));
  const P = ml(views.P);
  const omegaInverse = inverse(ml(omega));
  const m = inverse(precision.clone().add(P.transpose().mmul(omegaInverse).mmul(P)));
  const rhs = precision.mmul(MlMatrix.columnVector(Array.from(priorAnnual))).add(
    P.transpose()
      .mmul(omegaInverse)
      .mmul(MlMatrix.columnVector(Array.from(views.Q))),
  );
  return { mu: m.mmul(rhs).to1DArray(), m: m.to2DArray() };
}

describe('Black-Litterman posterior', () => {
  it('returns the prior exactly when there are no views, with covariance (1 + τ)Σ', () => {
    const result = blackLitterman({ ...input, views: [] });
    expect(Array.from(result.muAnnual)).toEqual(Array.from(priorAnnual));
    expect(result.muAnnual).not.toBe(priorAnnual);
    toRows(result.covarianceAnnual).forEach((row, i) =>
      row.forEach((value, j) =>
        expect(value).toBeCloseTo(1.05 * toRows(covarianceAnnual)[i]![j]!, HAND),
      ),
    );
  });

  it('moves toward one absolute view by τσ_i²/(τσ_i² + ω) and the others by τΣ_ji/(τσ_i² + ω)', () => {
    // View "A returns 10 %". τ = .05, τσ_A² = .002, He-Litterman ω = .002 → factor .5:
    // μ_A = .05 + .5·(.10 − .05) = .075;
    // μ_B = .07 + (.05·.012/.004)·.05 = .07 + .15·.05 = .0775;
    // μ_C = .04 + (.05·.006/.004)·.05 = .04 + .075·.05 = .04375.
    // M_AA = τσ_A² − (τσ_A²)²/(τσ_A² + ω) = .002 − .001 = .001 → Σ_BL,AA = .041.
    const result = blackLitterman({
      ...input,
      views: [{ kind: 'absolute', asset: 'A', returnAnnual: 0.1 }],
    });
    expect(result.muAnnual[0]).toBeCloseTo(0.075, HAND);
    expect(result.muAnnual[1]).toBeCloseTo(0.0775, HAND);
    expect(result.muAnnual[2]).toBeCloseTo(0.04375, HAND);
    expect(result.covarianceAnnual.data[0]).toBeCloseTo(0.041, HAND);
    expect(result.omega.data[0]).toBeCloseTo(0.002, HAND);
    expect(result.tau).toBe(0.05);
  });

  it('uses a user Ω: ω = .006 gives the factor .002/(.002 + .006) = .25', () => {
    const result = blackLitterman(
      { ...input, views: [{ kind: 'absolute', asset: 'A', returnAnnual: 0.1 }] },
      { omega: { method: 'given', omega: fromRows([[0.006]]) } },
    );
    expect(result.muAnnual[0]).toBeCloseTo(0.05 + 0.25 * 0.05, HAND);
  });

  it('moves a single relative view halfway under He-Litterman Ω', () => {
    // p = (1, −1, 0): pΣpᵀ = .04 + .09 − 2·.012 = .106; τ·= .0053 = ω. Q − pΠ = .02 − (−.02) = .04.
    // τΣpᵀ = .05·(.028, −.078, −.012) = (.0014, −.0039, −.0006); step = .04/.0106.
    // μ_A = .05 + .0014·.04/.0106 = .0552830188…, μ_B = .07 − .0039·.04/.0106 = .0552830188…
    const result = blackLitterman({
      ...input,
      views: [{ kind: 'relative', outperform: ['A'], underperform: ['B'], spreadAnnual: 0.02 }],
    });
    expect(result.muAnnual[0]).toBeCloseTo(0.05 + (0.0014 * 0.04) / 0.0106, HAND);
    expect(result.muAnnual[1]).toBeCloseTo(0.07 - (0.0039 * 0.04) / 0.0106, HAND);
    expect(result.muAnnual[2]).toBeCloseTo(0.04 - (0.0006 * 0.04) / 0.0106, HAND);
    expect(result.muAnnual[0]! - result.muAnnual[1]!).toBeCloseTo(0, HAND); // (−.02 + .02)/2
  });

  it('equals the information form [(τΣ)⁻¹ + PᵀΩ⁻¹P]⁻¹[(τΣ)⁻¹Π + PᵀΩ⁻¹Q] (independent computation)', () => {
    const views = buildViewMatrices(assets, [
      { kind: 'absolute', asset: 'C', returnAnnual: 0.06 },
      { kind: 'relative', outperform: ['A', 'B'], underperform: ['C'], spreadAnnual: 0.03 },
      { kind: 'portfolio', weights: { A: 0.2, B: 0.3, C: 0.5 }, returnAnnual: 0.05 },
    ]);
    expect(toRows(views.P)[1]).toEqual([0.5, 0.5, -1]);
    for (const tau of [0.025, 0.05, 1]) {
      const result = blackLitterman({ ...input, views }, { tau });
      const expected = informationForm(views, result.omega, tau);
      expected.mu.forEach((mu, i) => expect(result.muAnnual[i]).toBeCloseTo(mu, INDEPENDENT));
      expected.m.forEach((row, i) =>
        row.forEach((m, j) =>
          expect(result.covarianceAnnual.data[3 * i + j]).toBeCloseTo(
            covarianceAnnual.data[3 * i + j]! + m,
            INDEPENDENT,
          ),
        ),
      );
    }
  });

  it('Idzorek: 100 % confidence makes the view hold, 0 % returns the prior, 50 % is He-Litterman', () => {
    const view = [
      { kind: 'relative' as const, outperform: ['B'], underperform: ['C'], spreadAnnual: 0.01 },
    ];
    const idzorek = (c: number) =>
      blackLitterman({ ...input, views: view }, { omega: { method: 'idzorek', confidences: [c] } });
    const certain = idzorek(1);
    expect(certain.muAnnual[1]! - certain.muAnnual[2]!).toBeCloseTo(0.01, HAND);
    const ignored = idzorek(0);
    expect(Array.from(ignored.muAnnual)).toEqual(Array.from(priorAnnual));
    expect(ignored.omega.data[0]).toBe(Number.POSITIVE_INFINITY);
    // α = (1 − .5)/.5 = 1 → ω = τ pΣpᵀ, the He-Litterman default.
    const half = idzorek(0.5);
    const heLitterman = blackLitterman({ ...input, views: view });
    half.muAnnual.forEach((mu, i) => expect(mu).toBeCloseTo(heLitterman.muAnnual[i]!, HAND));
  });

  it('Idzorek: more confidence moves the view portfolio closer to Q, monotonically', () => {
    const views = buildViewMatrices(assets, [{ kind: 'absolute', asset: 'B', returnAnnual: 0.02 }]);
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (a, b) => {
          const [low, high] = a < b ? [a, b] : [b, a];
          const gap = (c: number) =>
            Math.abs(
              blackLitterman(
                { ...input, views },
                { omega: { method: 'idzorek', confidences: [c] } },
              ).muAnnual[1]! - 0.02,
            );
          expect(gap(high)).toBeLessThanOrEqual(gap(low) + 1e-15);
        },
      ),
    );
  });

  it('solves duplicate certain views by least squares and says so', () => {
    const views = buildViewMatrices(assets, [
      { kind: 'absolute', asset: 'A', returnAnnual: 0.1 },
      { kind: 'absolute', asset: 'A', returnAnnual: 0.1 },
    ]);
    const result = blackLitterman(
      { ...input, views },
      { omega: { method: 'idzorek', confidences: [1, 1] } },
    );
    expect(result.muAnnual[0]).toBeCloseTo(0.1, 12);
    expect(result.warnings[0]?.message).toMatch(/singular/);
    expect(result.warnings[0]?.code).toBe('BLACK_LITTERMAN_SINGULAR_VIEWS');
  });

  it('rejects bad τ, unknown assets, mis-shaped P, Ω and prior, and confidences outside [0, 1]', () => {
    const absolute = [{ kind: 'absolute' as const, asset: 'A', returnAnnual: 0.1 }];
    expect(() => blackLitterman({ ...input, views: absolute }, { tau: 0 })).toThrow(/tau/);
    expect(() =>
      blackLitterman({ ...input, views: [{ kind: 'absolute', asset: 'Z', returnAnnual: 0 }] }),
    ).toThrow(/views\[0\]\.asset/);
    expect(() =>
      blackLitterman({
        ...input,
        views: [{ kind: 'relative', outperform: [], underperform: ['A'], spreadAnnual: 0 }],
      }),
    ).toThrow(/outperform/);
    expect(() =>
      blackLitterman({
        ...input,
        views: [{ kind: 'portfolio', weights: { A: 0 }, returnAnnual: 0 }],
      }),
    ).toThrow(/zero/);
    expect(() =>
      blackLitterman({
        ...input,
        views: [{ kind: 'portfolio', weights: { A: NaN }, returnAnnual: 0 }],
      }),
    ).toThrow(/weights\.A/);
    expect(() =>
      blackLitterman({ ...input, views: [{ kind: 'absolute', asset: 'A', returnAnnual: NaN }] }),
    ).toThrow(/finite/);
    expect(() =>
      blackLitterman({ ...input, views: { P: matrix(1, 2), Q: Float64Array.of(0) } }),
    ).toThrow(/P must be/);
    expect(() =>
      blackLitterman({ ...input, priorAnnual: Float64Array.of(0.1), views: absolute }),
    ).toThrow(/priorAnnual/);
    expect(() =>
      blackLitterman(
        { ...input, views: absolute },
        { omega: { method: 'idzorek', confidences: [1.5] } },
      ),
    ).toThrow(/confidences\[0\]/);
    expect(() =>
      blackLitterman(
        { ...input, views: absolute },
        { omega: { method: 'idzorek', confidences: [] } },
      ),
    ).toThrow(/one per view/);
    expect(() =>
      blackLitterman(
        { ...input, views: absolute },
        { omega: { method: 'given', omega: matrix(2, 2) } },
      ),
    ).toThrow(/1×1/);
    expect(() =>
      blackLitterman(
        { ...input, views: absolute },
        { omega: { method: 'given', omega: fromRows([[-1]]) } },
      ),
    ).toThrow(/≥ 0/);
    const twoViews = [...absolute, { kind: 'absolute' as const, asset: 'B', returnAnnual: 0.1 }];
    const asymmetric = fromRows([
      [0.01, 0.001],
      [0, 0.01],
    ]);
    expect(() =>
      blackLitterman(
        { ...input, views: twoViews },
        { omega: { method: 'given', omega: asymmetric } },
      ),
    ).toThrow(/symmetric/);
  });
});

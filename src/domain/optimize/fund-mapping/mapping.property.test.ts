import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { matrix } from '../../../core/linalg/matrix.ts';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import { mapExposuresToFunds } from './mapping.ts';
import type { ExposureCovariance, FundExposureTable } from './types.ts';

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

/** Σ = B·Bᵀ/k + 1e-4·I from a k × k factor B with entries in [−0.3, 0.3]: symmetric PD. */
const covariance = (k: number): fc.Arbitrary<ExposureCovariance> =>
  fc
    .array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: k * k, maxLength: k * k })
    .map((b) => {
      const data = new Float64Array(k * k);
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
          let s = i === j ? 1e-4 : 0;
          for (let m = 0; m < k; m++) s += (b[i * k + m]! * b[j * k + m]!) / k;
          data[i * k + j] = s;
        }
      }
      for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) data[i * k + j] = data[j * k + i]!;
      return { ids: Array.from({ length: k }, (_, i) => `x${i}`), matrix: matrix(k, k, data) };
    });

const problem = fc.integer({ min: 2, max: 4 }).chain((k) =>
  fc.record({
    cov: covariance(k),
    target: fc.array(fc.double({ min: 0, max: 0.6, noNaN: true }), { minLength: k, maxLength: k }),
    funds: fc.array(
      fc.array(fc.constantFrom(0, 0, 0.5, 1, 1, 2, 3), { minLength: k, maxLength: k }),
      { minLength: 1, maxLength: 5 },
    ),
    cap: fc.option(fc.double({ min: 0.2, max: 2, noNaN: true }), { nil: undefined }),
    borrow: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    probes: fc.array(
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
      {
        minLength: 3,
        maxLength: 3,
      },
    ),
  }),
);

const table = (rows: readonly (readonly number[])[], ids: readonly string[]): FundExposureTable =>
  Object.fromEntries(
    rows.map((r, f) => [`F${f}`, Object.fromEntries(ids.map((id, i) => [id, r[i]!]))]),
  );

/** (Eᵀw − t)ᵀΣ(Eᵀw − t) for fund weights w (fund order of `rows`). */
function trackingVariance(
  cov: ExposureCovariance,
  rows: readonly (readonly number[])[],
  w: readonly number[],
  t: readonly number[],
): number {
  const k = cov.ids.length;
  const gap = t.map((ti, i) => rows.reduce((s, r, f) => s + (w[f] ?? 0) * r[i]!, 0) - ti);
  let v = 0;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) v += gap[i]! * cov.matrix.data[i * k + j]! * gap[j]!;
  return v;
}

describe('mapExposuresToFunds on random problems', () => {
  it('satisfies every constraint and tracks at least as well as random feasible weights', () => {
    fc.assert(
      fc.property(problem, ({ cov, target, funds, cap, borrow, probes }) => {
        const targetExposures = Object.fromEntries(cov.ids.map((id, i) => [id, target[i]!]));
        const r = mapExposuresToFunds(
          highs,
          { targetExposures, covariance: cov, funds: table(funds, cov.ids) },
          {
            ...(cap === undefined ? {} : { notionalCap: cap }),
            ...(borrow === undefined ? {} : { borrowing: { maxFraction: borrow } }),
          },
        );
        // the budget (cash ≥ −borrowing), the notional cap and long-only bounds, recomputed
        // from the fund weights themselves
        const w = Object.values(r.weightsByFund);
        const invested = w.reduce((s, x) => s + x, 0);
        expect(invested).toBeLessThanOrEqual(1 + (borrow ?? 0) + 1e-9);
        if (cap !== undefined)
          expect(w.reduce((s, x) => s + Math.abs(x), 0)).toBeLessThanOrEqual(cap + 1e-9);
        for (const x of w) expect(x).toBeGreaterThanOrEqual(-1e-9);
        const best = r.trackingErrorAnnual ** 2;
        // Random long-only weights scaled into the budget (Σw ≤ 1) and the notional cap.
        for (const probe of probes) {
          const w = funds.map((_, f) => probe[f]!);
          const scale = Math.min(
            1,
            1 / (w.reduce((s, x) => s + x, 0) || 1),
            (cap ?? Infinity) / (w.reduce((s, x) => s + x, 0) || 1),
          );
          const feasible = w.map((x) => x * scale);
          expect(best).toBeLessThanOrEqual(trackingVariance(cov, funds, feasible, target) + 1e-9);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('returns x* when funds map one-to-one to exposures and x* is feasible', () => {
    fc.assert(
      fc.property(problem, ({ cov, target }) => {
        const k = cov.ids.length;
        const sum = target.reduce((s, x) => s + x, 0);
        // Weights below 1e-4 are set to 0: the polish snaps |w − bound| ≤ 1e-7 to the bound.
        const t = target.map((x) => (x < 1e-4 ? 0 : sum > 1 ? x / sum : x));
        const identity = Array.from({ length: k }, (_, f) =>
          Array.from({ length: k }, (_, i) => (i === f ? 1 : 0)),
        );
        const targetExposures = Object.fromEntries(cov.ids.map((id, i) => [id, t[i]!]));
        const r = mapExposuresToFunds(highs, {
          targetExposures,
          covariance: cov,
          funds: table(identity, cov.ids),
        });
        t.forEach((x, f) =>
          // Components within the polish's active-set tolerance (1e-7) of a bound snap to it.
          expect(Math.abs(r.weightsByFund[`F${f}`]! - x)).toBeLessThanOrEqual(1e-7),
        );
        expect(r.trackingErrorAnnual).toBeLessThanOrEqual(1e-8);
      }),
      { numRuns: 60 },
    );
  });
});

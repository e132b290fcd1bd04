/**
 * Fund replication check. Expected values come from construction: the fund's returns are built
 * in the test as c + α + Σ β_k (e_k − c) + u with the residual u made orthogonal to
 * [1, e_k − c] by Gram-Schmidt (an independent method), so the OLS estimates must be exactly α
 * and β_k and RSS = Σu²; tracking error and the implied return are recomputed from their
 * definitions in the test.
 */

import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import type { ReturnSeries } from '../series/types.ts';
import type { FundDefinition } from './fund-types.ts';
import { checkReplication } from './replication-check.ts';

const N = 12;
const dates = Array.from({ length: N }, (_, i) => `2021-${String(i + 1).padStart(2, '0')}-28`);
const asSeries = (v: readonly number[]): ReturnSeries =>
  v.map((value, i) => ({ date: dates[i]!, value }));

const eq = [0.02, -0.01, 0.03, 0.015, -0.025, 0.01, 0.005, -0.02, 0.04, 0.0, 0.012, -0.008];
const bond = [0.004, 0.006, -0.003, 0.002, 0.008, -0.001, 0.003, 0.005, -0.004, 0.001, 0.0, 0.002];
const cash = [
  0.001, 0.001, 0.0011, 0.0011, 0.0012, 0.0012, 0.0013, 0.0013, 0.0012, 0.0012, 0.0011, 0.001,
];
const noise = [
  0.003, -0.002, 0.001, -0.004, 0.002, 0.0, 0.001, 0.003, -0.001, -0.002, 0.002, -0.003,
];

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

/** u minus its projection on span{columns} (modified Gram-Schmidt). */
function orthogonalize(u: readonly number[], columns: readonly (readonly number[])[]): number[] {
  const basis: number[][] = [];
  for (const c of columns) {
    let v = [...c];
    for (const q of basis) {
      const p = dot(v, q);
      v = v.map((x, i) => x - p * q[i]!);
    }
    const norm = Math.sqrt(dot(v, v));
    basis.push(v.map((x) => x / norm));
  }
  let r = [...u];
  for (const q of basis) {
    const p = dot(r, q);
    r = r.map((x, i) => x - p * q[i]!);
  }
  return r;
}

const definition = (exposures: Record<string, number>): FundDefinition => ({
  name: 'Test fund',
  category: 'test',
  exposures,
  provenance: 'test',
  validatedBy: null,
});

function thrown(f: () => unknown): BallastError {
  try {
    f();
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

const exEq = eq.map((x, t) => x - cash[t]!);
const exBond = bond.map((x, t) => x - cash[t]!);
const u = orthogonalize(noise, [Array<number>(N).fill(1), exEq, exBond]);

/** Fund returns c + α + b1(e1 − c) + b2(e2 − c) + u. */
const fundFrom = (alpha: number, b1: number, b2: number) =>
  cash.map((c, t) => c + alpha + b1 * exEq[t]! + b2 * exBond[t]! + u[t]!);

describe('checkReplication', () => {
  const exposureReturns = new Map([
    ['us_large_equity', asSeries(eq)],
    ['broad_ust', asSeries(bond)],
  ]);

  it('a levered stocks + bonds fund matching its definition: consistent, every figure by construction', () => {
    const alpha = -0.0005;
    const fund = fundFrom(alpha, 1.05, 0.96);
    const r = checkReplication(
      {
        symbol: 'RSSB',
        definition: definition({ us_large_equity: 1, broad_ust: 1 }),
        fundReturns: asSeries(fund),
        exposureReturns,
        cashReturns: asSeries(cash),
      },
      { periodsPerYear: 12 },
    );
    expect(r.observations).toBe(N);
    expect(r.exposures.map((e) => [e.id, e.loading])).toEqual([
      ['us_large_equity', 1],
      ['broad_ust', 1],
    ]);
    expect(r.exposures[0]!.beta).toBeCloseTo(1.05, 10);
    expect(r.exposures[1]!.beta).toBeCloseTo(0.96, 10);
    expect(r.exposures[0]!.difference).toBeCloseTo(0.05, 10);
    expect(r.exposures[1]!.difference).toBeCloseTo(-0.04, 10);
    expect(r.alpha).toBeCloseTo(alpha, 12);
    expect(r.alphaAnnual).toBeCloseTo(alpha * 12, 11);
    // RSS = Σu², TSS = Σ(y − c − mean)² with y − c the regressed excess return.
    const rss = dot(u, u);
    const ex = fund.map((f, t) => f - cash[t]!);
    const m = ex.reduce((s, x) => s + x, 0) / N;
    const tss = ex.reduce((s, x) => s + (x - m) ** 2, 0);
    expect(r.rSquared).toBeCloseTo(1 - rss / tss, 10);
    const residVolAnnual = Math.sqrt(rss / (N - 3)) * Math.sqrt(12);
    expect(r.residualVolAnnual).toBeCloseTo(residVolAnnual, 12);
    expect(r.informationRatio).toBeCloseTo((alpha * 12) / residVolAnnual, 8);
    // Implied = 1·eq + 1·bond − (2 − 1)·cash; active = fund − implied; TE = stdev·√12.
    const active = fund.map((f, t) => f - (eq[t]! + bond[t]! - cash[t]!));
    const am = active.reduce((s, x) => s + x, 0) / N;
    const te = Math.sqrt(active.reduce((s, x) => s + (x - am) ** 2, 0) / (N - 1)) * Math.sqrt(12);
    expect(r.trackingErrorAnnual).toBeCloseTo(te, 12);
    expect(r.activeReturnAnnual).toBeCloseTo(am * 12, 12);
    expect(r.financing).toEqual({ modelled: true, netExposure: 2, grossExposure: 2 });
    expect(r.rSquared).toBeGreaterThan(0.9);
    expect(r.verdict).toBe('consistent');
    expect(r.reasons).toEqual([]);
    expect(r.regression.excess).toBe('returns-and-factors');
  });

  it('betas far from the loadings: inconsistent with a reason per exposure', () => {
    const r = checkReplication(
      {
        symbol: 'RSSB',
        definition: definition({ us_large_equity: 1, broad_ust: 1 }),
        fundReturns: asSeries(fundFrom(0, 0.6, 1)),
        exposureReturns,
        cashReturns: asSeries(cash),
      },
      { periodsPerYear: 12 },
    );
    expect(r.exposures[0]!.difference).toBeCloseTo(-0.4, 10);
    expect(r.exposures[0]!.withinTolerance).toBe(false);
    expect(r.exposures[1]!.withinTolerance).toBe(true);
    expect(r.verdict).toBe('inconsistent');
    expect(r.reasons).toEqual(['us_large_equity: |β 0.600 − loading 1| = 0.400 > 0.1']);
  });

  it('R² below the threshold is a reason; thresholds are configurable', () => {
    const input = {
      symbol: 'RSSB',
      definition: definition({ us_large_equity: 1, broad_ust: 1 }),
      fundReturns: asSeries(fundFrom(0, 1, 1)),
      exposureReturns,
      cashReturns: asSeries(cash),
    };
    const strict = checkReplication(input, {
      periodsPerYear: 12,
      thresholds: { minRSquared: 0.9999 },
    });
    expect(strict.verdict).toBe('inconsistent');
    expect(strict.reasons[0]).toMatch(/^R² 0\.\d{3} < 0\.9999$/);
    expect(
      thrown(() => checkReplication(input, { periodsPerYear: 12, thresholds: { minRSquared: 2 } }))
        .code,
    ).toBe('INVALID_INPUT');
    expect(
      thrown(() => checkReplication(input, { periodsPerYear: 12, thresholds: { maxBetaGap: -1 } }))
        .code,
    ).toBe('INVALID_INPUT');
  });

  it('without a cash series: raw regression, no financing leg (implied = Σ x·e)', () => {
    // y = 0.001 + 1·eq + 1·bond exactly (plus nothing): raw betas 1 and 1, R² = 1, TE = 0.
    const fund = eq.map((e, t) => 0.001 + e + bond[t]!);
    const r = checkReplication(
      {
        symbol: 'X',
        definition: definition({ us_large_equity: 1, broad_ust: 1 }),
        fundReturns: asSeries(fund),
        exposureReturns,
      },
      { periodsPerYear: 12 },
    );
    expect(r.financing.modelled).toBe(false);
    expect(r.regression.excess).toBe('none');
    expect(r.exposures[0]!.beta).toBeCloseTo(1, 10);
    expect(r.alpha).toBeCloseTo(0.001, 12);
    expect(r.trackingErrorAnnual).toBeLessThan(1e-12);
    expect(r.activeReturnAnnual).toBeCloseTo(0.012, 12);
    expect(r.informationRatio).toBeNull();
  });

  it('cash in the definition: not a regressor in excess form; a cash-only fund is regressed raw', () => {
    // 0.5 equity + 0.5 cash: implied = 0.5 eq + 0.5 c − (1 − 1)c; fund − c = 0.5 (eq − c).
    const half = eq.map((e, t) => 0.5 * e + 0.5 * cash[t]!);
    const r = checkReplication(
      {
        symbol: 'HALF',
        definition: definition({ us_large_equity: 0.5, cash_rate: 0.5 }),
        fundReturns: asSeries(half),
        exposureReturns,
        cashReturns: asSeries(cash),
      },
      { periodsPerYear: 12 },
    );
    expect(r.exposures[0]!.beta).toBeCloseTo(0.5, 10);
    expect(r.exposures[1]).toEqual({
      id: 'cash_rate',
      loading: 0.5,
      beta: null,
      se: null,
      t: null,
      difference: null,
      withinTolerance: null,
    });
    expect(r.trackingErrorAnnual).toBeLessThan(1e-12);
    // A T-bill fund: fund = 0.9·c + 0.0001 + u' regressed on c itself.
    const bil = cash.map((c, t) => 0.0001 + 0.9 * c + 1e-5 * noise[t]!);
    const b = checkReplication(
      {
        symbol: 'BIL',
        definition: definition({ cash_rate: 1 }),
        fundReturns: asSeries(bil),
        exposureReturns: new Map(),
        cashReturns: asSeries(cash),
      },
      { periodsPerYear: 12 },
    );
    expect(b.regression.excess).toBe('none');
    expect(b.exposures[0]!.id).toBe('cash_rate');
    expect(b.exposures[0]!.beta).not.toBeNull();
  });

  it('errors: missing exposure series, empty definition', () => {
    const missing = thrown(() =>
      checkReplication(
        {
          symbol: 'RSST',
          definition: definition({ us_large_equity: 1.125, trend_following: 1.125 }),
          fundReturns: asSeries(eq),
          exposureReturns,
        },
        { periodsPerYear: 12 },
      ),
    );
    expect(missing.code).toBe('DATA_UNAVAILABLE');
    expect(missing.message).toBe(
      'RSST: no return series for exposure trend_following of its definition',
    );
    const empty = thrown(() =>
      checkReplication(
        { symbol: 'E', definition: definition({}), fundReturns: asSeries(eq), exposureReturns },
        { periodsPerYear: 12 },
      ),
    );
    expect(empty.code).toBe('INVALID_INPUT');
    expect(empty.message).toContain('funds.E.exposures');
  });
});

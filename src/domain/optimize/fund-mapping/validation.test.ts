import { beforeAll, describe, expect, it } from 'vitest';
import { fromRows } from '../../../core/linalg/matrix.ts';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import { BallastError } from '../../errors.ts';
import { fundExposureTable, mapExposuresToFunds } from './mapping.ts';
import type { ExposureCovariance, FundMappingInput } from './types.ts';

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

/** Tolerances per measure (docs/conventions.md, "Tolerances"). */
const TOL = { weightExact: 1e-12, weightSolver: 1e-7, trackingError: 1e-9, check: 1e-9 };

const close = (actual: number, expected: number, tol: number): void =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol);

function thrown(f: () => unknown): BallastError {
  try {
    f();
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

describe('mapExposuresToFunds: solver robustness', () => {
  it('solves a tiny-coefficient problem on which HiGHS alone cycles', () => {
    // Σ = 1e-4·I, one fund (3, 3, 1), target (0, .6, 0), notional ≤ .87. H = 2 × 1e-4 × 19 =
    // .0038, c = −2 × 1e-4 × 3 × .6 = −3.6e-4 → w = 3.6e-4 / .0038 = .0947368…; HiGHS on the
    // unscaled problem runs 1.2 million iterations and stops at w = .87.
    const r = mapExposuresToFunds(
      highs,
      {
        targetExposures: { x1: 0.6 },
        covariance: {
          ids: ['x0', 'x1', 'x2'],
          matrix: fromRows([
            [1e-4, 0, 0],
            [0, 1e-4, 0],
            [0, 0, 1e-4],
          ]),
        },
        funds: { F0: { x0: 3, x1: 3, x2: 1 } },
      },
      { notionalCap: 0.87 },
    );
    close(r.weightsByFund['F0']!, 3.6e-4 / 0.0038, 1e-12);
  });
});

describe('mapExposuresToFunds: errors and reporting', () => {
  const cov: ExposureCovariance = { ids: ['eq'], matrix: fromRows([[0.04]]) };

  it('rejects a target exposure the covariance does not cover', () => {
    const e = thrown(() =>
      mapExposuresToFunds(highs, {
        targetExposures: { eq: 1, gold: 0.1 },
        covariance: cov,
        funds: { SPY: { eq: 1 } },
      }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/gold/);
  });

  it('reports INFEASIBLE when bounds exceed the budget without borrowing', () => {
    const e = thrown(() =>
      mapExposuresToFunds(
        highs,
        { targetExposures: { eq: 1 }, covariance: cov, funds: { SPY: { eq: 1 }, VOO: { eq: 1 } } },
        { bounds: { SPY: { lower: 0.8 }, VOO: { lower: 0.8 } } },
      ),
    );
    expect(e.code).toBe('INFEASIBLE');
  });

  it('excludes a fund with an exposure outside the covariance and says why', () => {
    const r = mapExposuresToFunds(highs, {
      targetExposures: { eq: 1 },
      covariance: cov,
      funds: { SPY: { eq: 1 }, RSST: { eq: 1.125, trend_following: 1.125 } },
    });
    expect(r.excludedFunds).toEqual([
      { fund: 'RSST', reason: expect.stringContaining('trend_following') },
    ]);
    close(r.weightsByFund['SPY']!, 1, TOL.weightSolver);
  });

  it('reads the exposure table of a fund universe', () => {
    const table = fundExposureTable({
      funds: {
        RSSB: {
          name: 'RSSB',
          category: 'Return Stacked',
          exposures: { eq: 0.95, ust: 0.95 },
          provenance: 't',
          validatedBy: null,
        },
      },
    });
    expect(table).toEqual({ RSSB: { eq: 0.95, ust: 0.95 } });
  });
});

describe('mapExposuresToFunds: input validation', () => {
  const cov: ExposureCovariance = {
    ids: ['eq', 'ust'],
    matrix: fromRows([
      [0.04, 0],
      [0, 0.0036],
    ]),
  };
  const funds = { SPY: { eq: 1 }, GOVT: { ust: 1 } };
  const base: FundMappingInput = { targetExposures: { eq: 0.6, ust: 0.4 }, covariance: cov, funds };
  const cases: [string, () => unknown, RegExp][] = [
    [
      'an asymmetric covariance',
      () =>
        mapExposuresToFunds(highs, {
          ...base,
          covariance: {
            ids: cov.ids,
            matrix: fromRows([
              [0.04, 0.01],
              [0, 0.0036],
            ]),
          },
        }),
      /not symmetric/,
    ],
    [
      'a negative variance',
      () =>
        mapExposuresToFunds(highs, {
          ...base,
          covariance: {
            ids: cov.ids,
            matrix: fromRows([
              [-0.04, 0],
              [0, 0.0036],
            ]),
          },
        }),
      /negative variance/,
    ],
    [
      'a wrongly shaped covariance',
      () =>
        mapExposuresToFunds(highs, { ...base, covariance: { ids: ['eq'], matrix: cov.matrix } }),
      /must be 1×1/,
    ],
    [
      'repeated ids',
      () =>
        mapExposuresToFunds(highs, {
          ...base,
          covariance: { ids: ['eq', 'eq'], matrix: cov.matrix },
        }),
      /ids repeat/,
    ],
    [
      'a NaN target',
      () => mapExposuresToFunds(highs, { ...base, targetExposures: { eq: Number.NaN } }),
      /must be finite/,
    ],
    [
      'an unknown available fund',
      () => mapExposuresToFunds(highs, base, { availableFunds: ['QQQ'] }),
      /no fund definition/,
    ],
    [
      'an unknown cash id',
      () => mapExposuresToFunds(highs, base, { cashExposureId: 'cash_rate' }),
      /not a covariance id/,
    ],
    [
      'accounts not summing to 1',
      () => mapExposuresToFunds(highs, base, { accounts: [{ id: 'A', valueFraction: 0.5 }] }),
      /sum to 1/,
    ],
    [
      'a repeated account',
      () =>
        mapExposuresToFunds(highs, base, {
          accounts: [
            { id: 'A', valueFraction: 0.5 },
            { id: 'A', valueFraction: 0.5 },
          ],
        }),
      /listed twice/,
    ],
    [
      'crossed bounds',
      () => mapExposuresToFunds(highs, base, { bounds: { SPY: { lower: 0.5, upper: 0.2 } } }),
      /lower ≤ upper/,
    ],
    [
      'a negative rate',
      () => mapExposuresToFunds(highs, base, { costs: { holdingAnnual: -0.01 } }),
      /rate ≥ 0/,
    ],
    [
      'a negative borrowing limit',
      () => mapExposuresToFunds(highs, base, { borrowing: { maxFraction: -1 } }),
      /≥ 0/,
    ],
    [
      'a negative minimum',
      () => mapExposuresToFunds(highs, base, { minimumPosition: -0.1 }),
      /minimumPosition/,
    ],
    [
      'no usable fund',
      () => mapExposuresToFunds(highs, { ...base, funds: { X: { gold: 1 } } }),
      /no usable fund/,
    ],
  ];
  it.each(cases)('rejects %s with INVALID_INPUT', (_, run, message) => {
    const e = thrown(run);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(message);
  });

  it('reports a minimum that can be neither met nor dropped as INFEASIBLE', () => {
    // SPY must hold at least .02 (its own bound) but the minimum is .05 and the budget with
    // GOVT ≥ .97 leaves .03: neither 0 (bound) nor ≥ .05 (budget) is possible.
    const e = thrown(() =>
      mapExposuresToFunds(highs, base, {
        bounds: { SPY: { lower: 0.02 }, GOVT: { lower: 0.97 } },
        minimumPosition: 0.05,
      }),
    );
    expect(e.code).toBe('INFEASIBLE');
    expect(e.message).toMatch(/SPY/);
  });

  it('lets a fund be short within its bounds and counts |w| in the notional', () => {
    // Target eq .6, ust −.2 (a Treasury short): GOVT may go to −.3; notional .6 + .2 = .8.
    const r = mapExposuresToFunds(
      highs,
      { ...base, targetExposures: { eq: 0.6, ust: -0.2 } },
      { bounds: { GOVT: { lower: -0.3 } }, notionalCap: 1 },
    );
    close(r.weightsByFund['GOVT']!, -0.2, TOL.weightSolver);
    close(r.totalNotional, 0.8, TOL.weightSolver);
  });
});

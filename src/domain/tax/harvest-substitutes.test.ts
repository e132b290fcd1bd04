import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import type { FundDefinition, FundUniverse } from '../exposures/fund-types.ts';
import { exposureDifference, exposureDistance, findSubstitutes } from './harvest-substitutes.ts';

const fund = (name: string, exposures: Record<string, number>): FundDefinition => ({
  name,
  category: 'test',
  exposures,
  provenance: 'test',
  validatedBy: null,
});

const UNIVERSE: FundUniverse = {
  funds: {
    SPY: fund('S&P 500 A', { us_large_equity: 1.0 }),
    VOO: fund('S&P 500 B', { us_large_equity: 1.0 }),
    VTI: fund('Total market', { us_large_equity: 0.97, us_small_equity: 0.03 }),
    SCHX: fund('Large cap', { us_large_equity: 0.98, us_small_equity: 0.02 }),
    NTSX: fund('90/60', { us_large_equity: 0.9, us_treasuries: 0.6 }),
    BND: fund('Bonds', { us_aggregate_bonds: 1.0 }),
  },
};

describe('exposureDistance and exposureDifference', () => {
  it('is the L1 distance over the union of ids, an absent id counting as 0', () => {
    // SPY → NTSX: |0.9 − 1.0| + |0.6 − 0| = 0.1 + 0.6 = 0.7, either way round.
    const spy = UNIVERSE.funds['SPY']!.exposures;
    const ntsx = UNIVERSE.funds['NTSX']!.exposures;
    expect(exposureDistance(spy, ntsx)).toBeCloseTo(0.7, 12);
    expect(exposureDistance(ntsx, spy)).toBeCloseTo(0.7, 12);
    // SPY → BND: |0 − 1| + |1 − 0| = 2.
    expect(exposureDistance(spy, UNIVERSE.funds['BND']!.exposures)).toBe(2);
    expect(exposureDistance(spy, spy)).toBe(0);
  });

  it('gives b − a per id, ids sorted, zeros dropped', () => {
    expect(exposureDifference({ b: 1, a: 2, c: 3 }, { a: 2, b: 0.5, d: 1 })).toEqual({
      b: -0.5,
      c: -3,
      d: 1,
    });
  });
});

describe('findSubstitutes', () => {
  it('keeps the funds within the tolerance, nearest first, with the difference', () => {
    // From SPY: VOO 0; SCHX |0.98 − 1| + 0.02 = 0.04; VTI 0.03 + 0.03 = 0.06; NTSX 0.7; BND 2.
    const r = findSubstitutes('SPY', UNIVERSE, { tolerance: 0.05 });
    expect(r).toMatchObject({ symbol: 'SPY', group: 'SPY', inUniverse: true });
    expect(r.exposures).toEqual({ us_large_equity: 1.0 });
    expect(r.substitutes.map((s) => s.symbol)).toEqual(['VOO', 'SCHX']);
    const [voo, schx] = r.substitutes;
    expect(voo).toEqual({
      symbol: 'VOO',
      name: 'S&P 500 B',
      group: 'VOO',
      distance: 0,
      exposures: { us_large_equity: 1.0 },
      difference: {},
    });
    expect(schx!.distance).toBeCloseTo(0.04, 12);
    expect(Object.keys(schx!.difference)).toEqual(['us_large_equity', 'us_small_equity']);
    expect(schx!.difference['us_large_equity']).toBeCloseTo(-0.02, 12);
    expect(schx!.difference['us_small_equity']).toBeCloseTo(0.02, 12);
  });

  it('includes a fund exactly at the tolerance (1e-9 slack for binary noise) and none past it', () => {
    // VTI is 0.06 away by hand (0.97 − 1 is −0.030000000000000027 in binary).
    const at = findSubstitutes('SPY', UNIVERSE, { tolerance: 0.06 });
    expect(at.substitutes.map((s) => s.symbol)).toEqual(['VOO', 'SCHX', 'VTI']);
    const below = findSubstitutes('SPY', UNIVERSE, { tolerance: 0.0599 });
    expect(below.substitutes.map((s) => s.symbol)).toEqual(['VOO', 'SCHX']);
    const none = findSubstitutes('SPY', UNIVERSE, { tolerance: 0 });
    expect(none.substitutes.map((s) => s.symbol)).toEqual(['VOO']);
  });

  it('never offers a fund of the same equivalence group', () => {
    const equivalents = new Map([
      ['SPY', 'SP500'],
      ['VOO', 'SP500'],
      ['SCHX', 'LARGE'],
    ]);
    const r = findSubstitutes('SPY', UNIVERSE, { tolerance: 0.05, equivalents });
    expect(r.group).toBe('SP500');
    expect(r.substitutes.map((s) => [s.symbol, s.group])).toEqual([['SCHX', 'LARGE']]);
  });

  it('gives no substitutes for a fund the universe does not define', () => {
    expect(findSubstitutes('XYZ', UNIVERSE, { tolerance: 1 })).toEqual({
      symbol: 'XYZ',
      group: 'XYZ',
      inUniverse: false,
      exposures: {},
      substitutes: [],
    });
    // An inherited property name is not a fund either.
    expect(findSubstitutes('constructor', UNIVERSE, { tolerance: 1 }).inUniverse).toBe(false);
  });

  it('refuses a negative or non-finite tolerance, naming it', () => {
    for (const tolerance of [-0.01, Number.POSITIVE_INFINITY, Number.NaN]) {
      let error: unknown;
      try {
        findSubstitutes('SPY', UNIVERSE, { tolerance });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(BallastError);
      expect((error as BallastError).details).toMatchObject({ field: 'tolerance' });
    }
  });
});

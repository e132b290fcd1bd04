import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { miniConfig } from '../../../test/fixtures/exposures/mini-config.ts';
import { BallastError } from '../errors.ts';
import type { WeightStyleFund } from './fund-types.ts';
import { createExposureRegistry } from './registry.ts';
import {
  convertWeightStyleFund,
  convertWeightStyleUniverse,
  mapThroughVocabulary,
} from './vocabulary.ts';

// Tolerance: exposures per $1 are products of two decimals; compare to 12 digits.
const DIGITS = 12;
const registry = createExposureRegistry(miniConfig);

/** RSSB exactly as written in upstream fund_universe_sample.yaml. */
const rssb: WeightStyleFund = {
  name: 'Return Stacked Global Stocks & Bonds ETF',
  category: 'Return Stacked',
  exposures: { BONDS: 0.5, GLOBAL_EQUITY: 0.5 },
  totalNotional: 1.9,
  replicationNotes: '90/90 stocks/bonds via futures overlay',
};

function thrown(fn: () => unknown): BallastError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BallastError) return error;
    throw error;
  }
  throw new Error('expected a BallastError');
}

describe('convertWeightStyleFund', () => {
  const definition = convertWeightStyleFund({
    symbol: 'RSSB',
    fund: rssb,
    registry,
    sourceName: 'fund_universe_sample.yaml',
  });

  it('multiplies each weight by total_notional: RSSB 0.5 × 1.9 = 0.95 bonds and 0.95 equity', () => {
    expect(definition.sourceExposures?.['BONDS']).toBeCloseTo(0.95, DIGITS);
    expect(definition.sourceExposures?.['GLOBAL_EQUITY']).toBeCloseTo(0.95, DIGITS);
  });

  it('spreads GLOBAL_EQUITY 0.95 by the vocabulary: 0.589 / 0.266 / 0.095 (0.95 × 0.62, 0.28, 0.10)', () => {
    expect(Object.keys(definition.exposures)).toEqual([
      'us_large_equity',
      'intl_developed_large_equity',
      'emerging_equity',
      'broad_ust',
    ]);
    expect(definition.exposures['us_large_equity']).toBeCloseTo(0.589, DIGITS);
    expect(definition.exposures['intl_developed_large_equity']).toBeCloseTo(0.266, DIGITS);
    expect(definition.exposures['emerging_equity']).toBeCloseTo(0.095, DIGITS);
    expect(definition.exposures['broad_ust']).toBeCloseTo(0.95, DIGITS);
  });

  it('records provenance naming the file, no validation, and the notes of the source', () => {
    expect(definition.provenance).toContain('fund_universe_sample.yaml');
    expect(definition.provenance).toContain('total_notional 1.9');
    expect(definition.validatedBy).toBeNull();
    expect(definition.notes).toContain('90/90 stocks/bonds');
    expect(definition.notes).toContain('GLOBAL_EQUITY: Approximate VT/ACWI');
  });

  it('keeps weights that do not sum to 1 and says so instead of renormalising', () => {
    const pqtix = convertWeightStyleFund({
      symbol: 'PQTIX',
      fund: {
        name: 'PIMCO TRENDS',
        category: 'MF',
        exposures: { MANAGED_FUTURES: 0.5 },
        totalNotional: 1,
      },
      registry,
      sourceName: 'fund_universe.yaml',
    });
    expect(pqtix.exposures).toEqual({ trend_following: 0.5 });
    expect(pqtix.notes).toContain('sum to 0.5, not 1');
    expect(pqtix.notes).toContain('not renormalised');
  });

  it('accepts coarse names in any case and reports them canonically', () => {
    const fund = { ...rssb, exposures: { bonds: 1 }, totalNotional: 1 };
    const converted = convertWeightStyleFund({ symbol: 'X', fund, registry, sourceName: 'f.yaml' });
    expect(converted.sourceExposures).toEqual({ BONDS: 1 });
  });

  it('throws INVALID_INPUT naming the fund and the name for an unknown coarse name', () => {
    const fund = { ...rssb, exposures: { CRYPTO: 1 } };
    const error = thrown(() =>
      convertWeightStyleFund({ symbol: 'XBTC', fund, registry, sourceName: 'f.yaml' }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('funds.XBTC.exposures.CRYPTO');
    expect(error.message).toContain('not in the exposure vocabulary');
  });

  it.each([0, -1, Number.NaN])('throws INVALID_INPUT for total_notional %s', (totalNotional) => {
    const error = thrown(() =>
      convertWeightStyleFund({
        symbol: 'RSSB',
        fund: { ...rssb, totalNotional },
        registry,
        sourceName: 'f',
      }),
    );
    expect(error.details['field']).toBe('funds.RSSB.total_notional');
  });

  it('throws INVALID_INPUT for a non-finite weight', () => {
    const fund = { ...rssb, exposures: { BONDS: Number.POSITIVE_INFINITY } };
    const error = thrown(() =>
      convertWeightStyleFund({ symbol: 'RSSB', fund, registry, sourceName: 'f' }),
    );
    expect(error.details['field']).toBe('funds.RSSB.exposures.BONDS');
  });

  it('conserves total economic exposure: Σ exposures = Σ weight × total_notional', () => {
    const names = Object.keys(miniConfig.vocabulary);
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...names), fc.double({ min: -2, max: 2, noNaN: true })),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (exposures, totalNotional) => {
          const fund = { ...rssb, exposures, totalNotional };
          const converted = convertWeightStyleFund({
            symbol: 'P',
            fund,
            registry,
            sourceName: 'p',
          });
          const expected = Object.values(exposures).reduce((s, w) => s + w * totalNotional, 0);
          const actual = Object.values(converted.exposures).reduce((s, v) => s + v, 0);
          expect(actual).toBeCloseTo(expected, 9);
        },
      ),
    );
  });
});

describe('convertWeightStyleUniverse', () => {
  it('normalises symbols and keeps file order', () => {
    const universe = convertWeightStyleUniverse({
      universe: {
        funds: {
          ' rssb ': rssb,
          QMHIX: { ...rssb, exposures: { MANAGED_FUTURES: 1 }, totalNotional: 1.5 },
        },
      },
      registry,
      sourceName: 'fund_universe_sample.yaml',
    });
    expect(Object.keys(universe.funds)).toEqual(['RSSB', 'QMHIX']);
    expect(universe.funds['QMHIX']?.exposures).toEqual({ trend_following: 1.5 });
  });

  it('throws INVALID_INPUT when two symbols normalise alike', () => {
    const error = thrown(() =>
      convertWeightStyleUniverse({
        universe: { funds: { RSSB: rssb, rssb } },
        registry,
        sourceName: 'f',
      }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details['field']).toBe('funds.rssb');
  });
});

describe('mapThroughVocabulary', () => {
  it('sums contributions of several names onto one id in registry order', () => {
    const mapped = mapThroughVocabulary({ US_LARGE_EQUITY: 1, GLOBAL_EQUITY: 1 }, registry, 'x');
    expect(Object.keys(mapped)).toEqual([
      'us_large_equity',
      'intl_developed_large_equity',
      'emerging_equity',
    ]);
    expect(mapped['us_large_equity']).toBeCloseTo(1.62, DIGITS);
  });

  it('omits ids whose contributions cancel to exactly zero', () => {
    expect(mapThroughVocabulary({ BONDS: 0 }, registry, 'x')).toEqual({});
  });
});

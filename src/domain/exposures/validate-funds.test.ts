import { describe, expect, it } from 'vitest';
import { miniConfig } from '../../../test/fixtures/exposures/mini-config.ts';
import type { FundDefinition } from './fund-types.ts';
import { createExposureRegistry } from './registry.ts';
import { hasFundErrors, validateFundUniverse } from './validate-funds.ts';

const registry = createExposureRegistry(miniConfig);

const spy: FundDefinition = {
  name: 'SPDR S&P 500 ETF Trust',
  category: 'US Equity',
  exposures: { us_large_equity: 1 },
  provenance: "fund's stated objective",
  validatedBy: null,
};

const rssb: FundDefinition = {
  name: 'Return Stacked Global Stocks & Bonds ETF',
  category: 'Return Stacked',
  exposures: {
    us_large_equity: 0.589,
    intl_developed_large_equity: 0.266,
    emerging_equity: 0.095,
    broad_ust: 0.95,
  },
  sourceExposures: { BONDS: 0.95, GLOBAL_EQUITY: 0.95 },
  provenance: 'converted',
  validatedBy: null,
};

function issuesOf(funds: Record<string, FundDefinition>): string[] {
  return validateFundUniverse({ funds }, registry).map((i) => `${i.severity} ${i.field}`);
}

describe('validateFundUniverse', () => {
  it('finds nothing wrong with consistent definitions', () => {
    expect(validateFundUniverse({ funds: { SPY: spy, RSSB: rssb } }, registry)).toEqual([]);
  });

  it('reports errors for bad symbols, unknown ids, non-finite values and empty fields', () => {
    expect(
      issuesOf({
        spy,
        ' VT': spy,
        BAD: { ...spy, name: ' ', provenance: '', exposures: { us_large: 1, gold: Number.NaN } },
        NONE: { ...spy, exposures: {} },
      }),
    ).toEqual([
      'error funds.spy.symbol',
      'error funds. VT.symbol',
      'error funds.BAD.name',
      'error funds.BAD.provenance',
      'error funds.BAD.exposures.us_large',
      'error funds.BAD.exposures.gold',
      'error funds.BAD.exposures.gold',
      'error funds.NONE.exposures',
    ]);
  });

  it('warns about high gross, negative net and zero entries', () => {
    expect(
      issuesOf({
        LEV: { ...spy, exposures: { us_large_equity: 3, broad_ust: 3 } },
        SHORT: { ...spy, exposures: { us_large_equity: -1, broad_ust: 0 } },
      }),
    ).toEqual([
      'warning funds.LEV.exposures',
      'warning funds.SHORT.exposures.broad_ust',
      'warning funds.SHORT.exposures',
    ]);
  });

  it('honours a custom gross threshold', () => {
    const funds = { UPRO: { ...spy, exposures: { us_large_equity: 3 } } };
    expect(validateFundUniverse({ funds }, registry, { maxGrossExposure: 2 })).toHaveLength(1);
  });

  it('warns when exposures differ from the mapped source exposures', () => {
    const drifted = { ...rssb, exposures: { ...rssb.exposures, broad_ust: 1 } };
    const issues = validateFundUniverse({ funds: { RSSB: drifted } }, registry);
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'warning', field: 'funds.RSSB.exposures.broad_ust' }),
    ]);
    expect(issues[0]?.message).toContain('0.95');
    expect(hasFundErrors(issues)).toBe(false);
  });

  it('warns about a source name missing from the vocabulary and errors on a non-finite one', () => {
    expect(
      issuesOf({
        A: { ...spy, sourceExposures: { CRYPTO: 1 } },
        B: { ...spy, sourceExposures: { BONDS: Number.POSITIVE_INFINITY } },
      }),
    ).toEqual(['warning funds.A.sourceExposures.CRYPTO', 'error funds.B.sourceExposures.BONDS']);
  });

  it('tells errors from warnings', () => {
    const issues = validateFundUniverse({ funds: { spy } }, registry);
    expect(hasFundErrors(issues)).toBe(true);
    expect(hasFundErrors([])).toBe(false);
  });
});

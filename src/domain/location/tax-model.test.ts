import { describe, expect, it } from 'vitest';
import { afterTaxValuePerDollar, exposureTaxDrag, mixFigures } from './tax-model.ts';

const rates = {
  ordinaryRate: 0.35,
  qualifiedRate: 0.15,
  capitalGainsRate: 0.2,
  withdrawalRate: 0.25,
  horizonYears: 10,
};

describe('the location tax model', () => {
  it('drag: ordinary yield, qualified yield and realised gains, each at its rate', () => {
    // 0.03 × 0.4 × 0.35 + 0.03 × 0.6 × 0.15 + 0.1 × 0.5 × 0.2 = 0.0042 + 0.0027 + 0.01 = 0.0169
    const drag = exposureTaxDrag(
      {
        expectedReturnAnnual: 0.06,
        yieldAnnual: 0.03,
        qualifiedShare: 0.6,
        turnoverAnnual: 0.1,
        realisedGainShare: 0.5,
      },
      rates,
    );
    expect(drag).toBeCloseTo(0.0169, 15);
  });

  it('a fund with two exposures earns and pays drag on both; the value per dollar by account type', () => {
    const profiles = {
      bonds: {
        expectedReturnAnnual: 0.04,
        yieldAnnual: 0.04,
        qualifiedShare: 0,
        turnoverAnnual: 0,
        realisedGainShare: 0,
      },
      stocks: {
        expectedReturnAnnual: 0.07,
        yieldAnnual: 0,
        qualifiedShare: 0,
        turnoverAnnual: 0,
        realisedGainShare: 0,
      },
    };
    // 1.0 stocks + 0.9 bonds: r = 0.07 + 0.9 × 0.04 = 0.106, drag = 0.9 × 0.014 = 0.0126.
    const f = mixFigures({ stocks: 1, bonds: 0.9 }, profiles, rates);
    expect(f.returnAnnual).toBeCloseTo(0.106, 15);
    expect(f.dragAnnual).toBeCloseTo(0.0126, 15);
    const v = (type: 'taxable' | 'roth' | 'traditional') =>
      afterTaxValuePerDollar(type, f, { rates, field: 'f' });
    expect(v('taxable')).toBeCloseTo(1.0934 ** 10, 12);
    expect(v('roth')).toBeCloseTo(1.106 ** 10, 12);
    expect(v('traditional')).toBeCloseTo(0.75 * 1.106 ** 10, 12);
    expect(() =>
      afterTaxValuePerDollar(
        'roth',
        { returnAnnual: -1.2, dragAnnual: 0 },
        { rates, field: 'funds.SHORT' },
      ),
    ).toThrow(/funds\.SHORT: yearly growth factor/);
  });
});

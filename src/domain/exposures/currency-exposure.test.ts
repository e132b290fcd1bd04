import { describe, expect, it } from 'vitest';
import {
  CURRENCY_CATEGORY,
  currencyExposureId,
  withCurrencyExposures,
} from './currency-exposure.ts';
import type { HoldingsDecomposition } from './decompose.ts';

// A decomposition valued in USD, written by hand: total 600 + 440 + 300 − 100 + 260 cash = 1,500.
// USF (USD) 1.0 us_large_equity; EUF (EUR) 2.0 intl equity; JPF (JPY, hedged) 1.0 intl equity;
// GBS (GBP) a short stock without a definition (unexplained).
const D: HoldingsDecomposition = {
  totalValue: 1500,
  cash: 260,
  positions: [
    {
      symbol: 'USF',
      marketValue: 600,
      notionalWeight: 0.4,
      exposures: [{ id: 'us', economicValue: 600 }],
    },
    {
      symbol: 'EUF',
      marketValue: 440,
      notionalWeight: 440 / 1500,
      exposures: [{ id: 'intl', economicValue: 880 }],
    },
    {
      symbol: 'JPF',
      marketValue: 300,
      notionalWeight: 0.2,
      exposures: [{ id: 'intl', economicValue: 300 }],
    },
    { symbol: 'GBS', marketValue: -100, notionalWeight: -100 / 1500, exposures: [] },
  ],
  exposures: [
    { id: 'us', category: 'eq', economicValue: 600, economicWeight: 0.4 },
    { id: 'intl', category: 'eq', economicValue: 1180, economicWeight: 1180 / 1500 },
  ],
  byCategory: [{ id: 'eq', economicValue: 1780, economicWeight: 1780 / 1500 }],
  grossEconomicExposure: 1780 / 1500,
  netEconomicExposure: 1780 / 1500,
  unexplained: [{ symbol: 'GBS', marketValue: -100, reason: 'no definition' }],
};

const CURRENCIES = new Map([
  ['USF', { currency: 'USD', hedged: false }],
  ['EUF', { currency: 'EUR', hedged: false }],
  ['JPF', { currency: 'JPY', hedged: true }],
  ['GBS', { currency: 'GBP', hedged: false }],
]);

describe('withCurrencyExposures', () => {
  it('adds each unhedged foreign holding’s NAV as a currency_<CCY> exposure', () => {
    const r = withCurrencyExposures(D, CURRENCIES, 'USD');
    // EUF: +440 (its NAV, not its 880 notional); GBS short: −100; JPF hedged: nothing; USF base.
    expect(r.exposures.slice(2)).toEqual([
      { id: 'currency_EUR', category: 'currency', economicValue: 440, economicWeight: 440 / 1500 },
      {
        id: 'currency_GBP',
        category: 'currency',
        economicValue: -100,
        economicWeight: -100 / 1500,
      },
    ]);
    // Category: 440 − 100 = 340.
    expect(r.byCategory[1]).toEqual({
      id: 'currency',
      economicValue: 340,
      economicWeight: 340 / 1500,
    });
    // Gross (600 + 1180 + 440 + 100) / 1500 = 2320 / 1500; net (1780 + 340) / 1500 = 2120 / 1500.
    expect(r.grossEconomicExposure).toBeCloseTo(2320 / 1500, 14);
    expect(r.netEconomicExposure).toBeCloseTo(2120 / 1500, 14);
    expect(r.positions[1]!.exposures).toEqual([
      { id: 'intl', economicValue: 880 },
      { id: 'currency_EUR', economicValue: 440 },
    ]);
    expect(r.positions[2]!.exposures).toEqual([{ id: 'intl', economicValue: 300 }]);
    expect(r.positions[3]!.exposures).toEqual([{ id: 'currency_GBP', economicValue: -100 }]);
    expect(r.totalValue).toBe(1500);
    expect(r.unexplained).toBe(D.unexplained);
  });

  it('returns the decomposition unchanged without an unhedged foreign holding', () => {
    const onlyHedged = new Map([['JPF', { currency: 'JPY', hedged: true }]]);
    expect(withCurrencyExposures(D, onlyHedged, 'USD')).toBe(D);
    expect(withCurrencyExposures(D, new Map(), 'USD')).toBe(D);
  });

  it('names the exposure and its category', () => {
    expect(currencyExposureId('EUR')).toBe('currency_EUR');
    expect(CURRENCY_CATEGORY).toBe('currency');
  });
});

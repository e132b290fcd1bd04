import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { miniConfig } from '../../../test/fixtures/exposures/mini-config.ts';
import { BallastError } from '../errors.ts';
import { decomposeHoldings } from './decompose.ts';
import type { FundUniverse } from './fund-types.ts';
import { createExposureRegistry } from './registry.ts';
import { convertWeightStyleFund } from './vocabulary.ts';

// Tolerances: dollar amounts to 1e-6 $, weights and leverage ratios to 1e-12.
const DOLLARS = 6;
const RATIO = 12;
const registry = createExposureRegistry(miniConfig);

function plain(exposures: Record<string, number>) {
  return { name: 'test fund', category: 'test', exposures, provenance: 'test', validatedBy: null };
}

const funds: FundUniverse = {
  funds: {
    // RSSB exactly as written in upstream fund_universe_sample.yaml, converted on import.
    RSSB: convertWeightStyleFund({
      symbol: 'RSSB',
      fund: {
        name: 'Return Stacked Global Stocks & Bonds ETF',
        category: 'Return Stacked',
        exposures: { BONDS: 0.5, GLOBAL_EQUITY: 0.5 },
        totalNotional: 1.9,
      },
      registry,
      sourceName: 'fund_universe_sample.yaml',
    }),
    UPRO: plain({ us_large_equity: 3 }),
    SPY: plain({ us_large_equity: 1 }),
    TBF: plain({ broad_ust: -1 }),
    TYPO: plain({ us_large: 1 }),
  },
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

describe('decomposeHoldings', () => {
  it('turns $10 000 of RSSB (0.5/0.5 × 1.9) into $9 500 of equity and $9 500 of Treasuries', () => {
    const result = decomposeHoldings({
      positions: [{ symbol: 'RSSB', marketValue: 10_000 }],
      cash: 0,
      funds,
      registry,
    });
    const value = (id: string) => result.exposures.find((e) => e.id === id)?.economicValue;
    // GLOBAL_EQUITY split 0.62 / 0.28 / 0.10 of $9 500.
    expect(value('us_large_equity')).toBeCloseTo(5_890, DOLLARS);
    expect(value('intl_developed_large_equity')).toBeCloseTo(2_660, DOLLARS);
    expect(value('emerging_equity')).toBeCloseTo(950, DOLLARS);
    expect(value('broad_ust')).toBeCloseTo(9_500, DOLLARS);
    expect(result.byCategory).toHaveLength(2);
    expect(result.byCategory[0]?.id).toBe('equity_beta');
    expect(result.byCategory[0]?.economicValue).toBeCloseTo(9_500, DOLLARS);
    expect(result.byCategory[1]?.id).toBe('nominal_fixed_income');
    expect(result.byCategory[1]?.economicValue).toBeCloseTo(9_500, DOLLARS);
    expect(result.grossEconomicExposure).toBeCloseTo(1.9, RATIO);
    expect(result.positions).toMatchObject([
      { symbol: 'RSSB', marketValue: 10_000, notionalWeight: 1 },
    ]);
    // The look-through of the one position is the whole portfolio's.
    const own = new Map(result.positions[0]!.exposures.map((e) => [e.id, e.economicValue]));
    expect(own.get('us_large_equity')).toBeCloseTo(5_890, DOLLARS);
    expect(own.get('broad_ust')).toBeCloseTo(9_500, DOLLARS);
  });

  it('gives $30 000 of US large cap equity for $10 000 of a 3× fund', () => {
    const result = decomposeHoldings({
      positions: [{ symbol: 'UPRO', marketValue: 10_000 }],
      cash: 0,
      funds,
      registry,
    });
    expect(result.exposures).toEqual([
      { id: 'us_large_equity', category: 'equity_beta', economicValue: 30_000, economicWeight: 3 },
    ]);
    expect(result.grossEconomicExposure).toBe(3);
    expect(result.netEconomicExposure).toBe(3);
  });

  it('divides by total value including negative cash for gross and net exposure', () => {
    // UPRO $6 000 → +$18 000 us_large_equity; TBF $3 000 → −$3 000 broad_ust; cash −$4 000.
    // totalValue = 6 000 + 3 000 − 4 000 = 5 000.
    // gross = (18 000 + 3 000) / 5 000 = 4.2; net = (18 000 − 3 000) / 5 000 = 3.0.
    const result = decomposeHoldings({
      positions: [
        { symbol: 'UPRO', marketValue: 6_000 },
        { symbol: 'TBF', marketValue: 3_000 },
      ],
      cash: -4_000,
      funds,
      registry,
    });
    expect(result.totalValue).toBe(5_000);
    expect(result.cash).toBe(-4_000);
    expect(result.positions.map((p) => p.notionalWeight)).toEqual([1.2, 0.6]);
    // Per position: UPRO $6 000 × 3 = $18 000 of us_large_equity; TBF $3 000 × −1 = −$3 000.
    expect(result.positions.map((p) => p.exposures)).toEqual([
      [{ id: 'us_large_equity', economicValue: 18_000 }],
      [{ id: 'broad_ust', economicValue: -3_000 }],
    ]);
    expect(result.grossEconomicExposure).toBeCloseTo(4.2, RATIO);
    expect(result.netEconomicExposure).toBeCloseTo(3.0, RATIO);
    expect(result.exposures.map((e) => [e.id, e.economicWeight])).toEqual([
      ['us_large_equity', 3.6],
      ['broad_ust', -0.6],
    ]);
  });

  it('reports a symbol without a definition as unexplained and never guesses its exposure', () => {
    const result = decomposeHoldings({
      positions: [
        { symbol: 'SPY', marketValue: 6_000 },
        { symbol: 'rssy', marketValue: 4_000 },
      ],
      cash: 0,
      funds,
      registry,
    });
    expect(result.totalValue).toBe(10_000);
    expect(result.positions.map((p) => p.symbol)).toEqual(['SPY', 'RSSY']);
    expect(result.exposures).toEqual([
      { id: 'us_large_equity', category: 'equity_beta', economicValue: 6_000, economicWeight: 0.6 },
    ]);
    expect(result.unexplained).toHaveLength(1);
    expect(result.positions.find((p) => p.symbol === 'RSSY')?.exposures).toEqual([]);
    expect(result.unexplained[0]).toMatchObject({ symbol: 'RSSY', marketValue: 4_000 });
    expect(result.unexplained[0]?.reason).toContain('no fund definition for RSSY');
    expect(result.unexplained[0]?.reason).toContain('not guessed');
    expect(result.grossEconomicExposure).toBeCloseTo(0.6, RATIO);
  });

  it('normalises symbols and sums rows of the same symbol', () => {
    const result = decomposeHoldings({
      positions: [
        { symbol: ' spy ', marketValue: 1_000 },
        { symbol: 'SPY', marketValue: 500 },
      ],
      cash: 500,
      funds,
      registry,
    });
    // SPY is 1.0 × us_large_equity per $1 in this test's definitions.
    expect(result.positions).toEqual([
      {
        symbol: 'SPY',
        marketValue: 1_500,
        notionalWeight: 0.75,
        exposures: [{ id: 'us_large_equity', economicValue: 1_500 }],
      },
    ]);
  });

  it('omits exposures that net to exactly zero and categories without exposure', () => {
    const result = decomposeHoldings({
      positions: [
        { symbol: 'SPY', marketValue: 3_000 },
        { symbol: 'UPRO', marketValue: -1_000 },
      ],
      cash: 1_000,
      funds,
      registry,
    });
    expect(result.exposures).toEqual([]);
    expect(result.byCategory).toEqual([]);
    expect(result.grossEconomicExposure).toBe(0);
  });

  it.each<[string, Parameters<typeof decomposeHoldings>[0], string]>([
    [
      'a total value of zero',
      { positions: [{ symbol: 'SPY', marketValue: 100 }], cash: -100, funds, registry },
      'totalValue',
    ],
    ['a negative total value', { positions: [], cash: -1, funds, registry }, 'totalValue'],
    [
      'a non-finite market value',
      { positions: [{ symbol: 'SPY', marketValue: Number.NaN }], cash: 0, funds, registry },
      'positions[0].marketValue',
    ],
    [
      'an empty symbol',
      { positions: [{ symbol: '  ', marketValue: 1 }], cash: 0, funds, registry },
      'positions[0].symbol',
    ],
    ['non-finite cash', { positions: [], cash: Number.POSITIVE_INFINITY, funds, registry }, 'cash'],
    [
      'a definition with an unknown exposure id',
      { positions: [{ symbol: 'TYPO', marketValue: 1 }], cash: 0, funds, registry },
      'funds.TYPO.exposures.us_large',
    ],
  ])('throws INVALID_INPUT for %s', (_title, input, field) => {
    const error = thrown(() => decomposeHoldings(input));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details['field']).toBe(field);
  });

  it('keeps category totals equal to the sum of exposures and weights equal to value / total', () => {
    const symbols = ['RSSB', 'UPRO', 'SPY', 'TBF', 'OTHER'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            symbol: fc.constantFrom(...symbols),
            marketValue: fc.double({ min: -1e5, max: 1e6, noNaN: true }),
          }),
        ),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        (positions, cash) => {
          const total = positions.reduce((s, p) => s + p.marketValue, cash);
          fc.pre(total > 1);
          const result = decomposeHoldings({ positions, cash, funds, registry });
          const byExposure = result.exposures.reduce((s, e) => s + e.economicValue, 0);
          const byCategory = result.byCategory.reduce((s, c) => s + c.economicValue, 0);
          expect(byCategory).toBeCloseTo(byExposure, 3);
          expect(result.netEconomicExposure).toBeCloseTo(byExposure / result.totalValue, 9);
          for (const p of result.positions)
            expect(p.notionalWeight * result.totalValue).toBeCloseTo(p.marketValue, 3);
        },
      ),
    );
  });
});

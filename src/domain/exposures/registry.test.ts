import { describe, expect, it } from 'vitest';
import { miniConfig } from '../../../test/fixtures/exposures/mini-config.ts';
import { BallastError } from '../errors.ts';
import { createExposureRegistry } from './registry.ts';
import type { ExposureConfig } from './types.ts';

const registry = createExposureRegistry(miniConfig);

function thrown(fn: () => unknown): BallastError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BallastError) return error;
    throw error;
  }
  throw new Error('expected a BallastError');
}

function withChange(change: Partial<ExposureConfig>): ExposureConfig {
  return { ...miniConfig, ...change };
}

describe('createExposureRegistry', () => {
  it('keeps exposures and categories in config order', () => {
    expect(registry.exposures.map((e) => e.id)).toEqual(miniConfig.exposures.map((e) => e.id));
    expect(registry.categories.map((c) => c.id)).toEqual([
      'equity_beta',
      'factor_style',
      'alternatives',
      'nominal_fixed_income',
    ]);
    expect(registry.indexOf('broad_ust')).toBe(7);
    expect(registry.indexOf('nope')).toBe(-1);
    expect(registry.settings.minHistoryYears).toBe(5);
  });

  it('resolves the id, the coarse type code, the spreadsheet code and the display name', () => {
    for (const name of [
      'us_large_equity',
      'US_LARGE_EQUITY',
      'e us l',
      'E US L',
      'E-US-L',
      'US Large Cap Equity Beta',
      '  us-large cap_equity beta ',
    ]) {
      expect(registry.resolve(name).id).toBe('us_large_equity');
    }
    expect(registry.resolve('mf').id).toBe('trend_following');
  });

  it('throws NOT_FOUND naming the input and listing close matches for an unknown name', () => {
    const error = thrown(() => registry.resolve('us large equty'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('"us large equty"');
    expect(error.message).toContain('us_large_equity');
    expect(error.details['closeMatches']).toContain('us_large_equity');
  });

  it('lists no close matches when nothing is near', () => {
    const error = thrown(() => registry.resolve('zzzzzzzzzzzz'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.details['closeMatches']).toEqual([]);
  });

  it('gets exposures by exact id only', () => {
    expect(registry.get('broad_ust').name).toBe('Broad US Treasuries');
    expect(registry.has('broad_ust')).toBe(true);
    expect(registry.has('BROAD_UST')).toBe(false);
    const error = thrown(() => registry.get('broad_usts'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.details['closeMatches']).toEqual(['broad_ust']);
  });

  it('looks up categories and reports unknown ones', () => {
    expect(registry.category('alternatives').description).toBe('Alternative trading strategies');
    expect(thrown(() => registry.category('real_asset')).code).toBe('NOT_FOUND');
  });

  it('looks up vocabulary names case-insensitively and returns the canonical name', () => {
    expect(registry.vocabularyEntry('global equity')?.name).toBe('GLOBAL_EQUITY');
    expect(registry.vocabularyEntry('BONDS')?.entry.weights).toEqual({ broad_ust: 1 });
    expect(registry.vocabularyEntry('CRYPTO')).toBeUndefined();
  });
});

describe('createExposureRegistry rejects inconsistent configs', () => {
  const first = miniConfig.exposures[0];
  if (first === undefined) throw new Error('fixture has exposures');

  it.each<[string, ExposureConfig, string]>([
    ['no exposures', withChange({ exposures: [] }), 'exposures'],
    [
      'a duplicate id',
      withChange({ exposures: [...miniConfig.exposures, { ...first, aliases: [] }] }),
      'exposures[8].id',
    ],
    [
      'an id that is not snake_case',
      withChange({ exposures: [{ ...first, id: 'US Large' }] }),
      'exposures[0].id',
    ],
    [
      'an unknown category',
      withChange({ exposures: [{ ...first, category: 'equity' }] }),
      'exposures[0].category',
    ],
    [
      'an alias naming two exposures',
      withChange({
        exposures: [...miniConfig.exposures, { ...first, id: 'other_equity', aliases: ['E US L'] }],
      }),
      'exposures[8].aliases',
    ],
    [
      'a duplicate category',
      withChange({
        categories: [...miniConfig.categories, { id: 'alternatives', description: 'x' }],
      }),
      'categories[4].id',
    ],
  ])('throws INVALID_INPUT for %s', (_title, config, field) => {
    const error = thrown(() => createExposureRegistry(config));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details['field']).toBe(field);
  });

  it.each<[string, ExposureConfig['vocabulary'], string]>([
    [
      'an unknown exposure id',
      { X: { label: 'x', weights: { gold: 1 }, note: 'n' } },
      'vocabulary.X.weights.gold',
    ],
    [
      'weights not summing to 1',
      { X: { label: 'x', weights: { broad_ust: 0.9 }, note: 'n' } },
      'vocabulary.X.weights',
    ],
    [
      'a negative weight',
      { X: { label: 'x', weights: { broad_ust: 1.5, cash_rate: -0.5 }, note: 'n' } },
      'vocabulary.X.weights.cash_rate',
    ],
    ['no weights', { X: { label: 'x', weights: {}, note: 'n' } }, 'vocabulary.X.weights'],
    [
      'two names with the same key',
      {
        BONDS: { label: 'x', weights: { broad_ust: 1 }, note: 'n' },
        bonds: { label: 'x', weights: { broad_ust: 1 }, note: 'n' },
      },
      'vocabulary.bonds',
    ],
  ])('throws INVALID_INPUT for a vocabulary with %s', (_title, vocabulary, field) => {
    const error = thrown(() => createExposureRegistry(withChange({ vocabulary })));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details['field']).toBe(field);
  });

  it('does not mutate the config it was given', () => {
    const copy = structuredClone(miniConfig);
    createExposureRegistry(miniConfig);
    expect(miniConfig).toEqual(copy);
  });
});

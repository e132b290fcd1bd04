import { describe, expect, it } from 'vitest';
import { closeMatches, editDistance, nameKey } from './name-key.ts';

describe('nameKey', () => {
  it('ignores case and treats spaces, underscores and hyphens alike', () => {
    expect(nameKey('US_LARGE_EQUITY')).toBe('us_large_equity');
    expect(nameKey(' e  us - l ')).toBe('e_us_l');
    expect(nameKey('Factor/Style - Equities')).toBe('factor/style_equities');
    expect(nameKey('__x__')).toBe('x');
  });
});

describe('editDistance', () => {
  it('matches the textbook Levenshtein values', () => {
    // kitten → sitting: k→s, e→i, +g (Levenshtein 1966; the classic worked example).
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
  });
});

describe('closeMatches', () => {
  const candidates = [
    { key: 'us_large_equity', value: 'us_large_equity' },
    { key: 'us_small_equity', value: 'us_small_equity' },
    { key: 'e_us_l', value: 'us_large_equity' },
    { key: 're', value: 'real_estate' },
  ];

  it('orders by distance and lists each value once', () => {
    expect(closeMatches('us_large_equty', candidates)).toEqual(['us_large_equity']);
    expect(closeMatches('equity', candidates)).toEqual(['us_large_equity', 'us_small_equity']);
  });

  it('suggests names that contain the input, but not for very short keys', () => {
    expect(closeMatches('large', candidates)).toEqual(['us_large_equity']);
    expect(closeMatches('treasury', candidates)).toEqual([]);
  });

  it('returns nothing for an empty input and honours the limit', () => {
    expect(closeMatches('  ', candidates)).toEqual([]);
    expect(closeMatches('equity', candidates, 1)).toEqual(['us_large_equity']);
  });
});

import { describe, expect, it } from 'vitest';
import type { BallastError } from '../../domain/errors.ts';
import { parseEquivalentsCsv } from './equivalents-csv.ts';

function errorOf(f: () => unknown): BallastError {
  try {
    f();
  } catch (e) {
    return e as BallastError;
  }
  throw new Error('expected an error');
}

describe('parseEquivalentsCsv', () => {
  it('maps upper-case symbols to their group', () => {
    const groups = parseEquivalentsCsv(
      'symbol,group\nvoo,S&P 500\n IVV ,S&P 500\nBND,bonds\n',
      'eq.csv',
    );
    expect([...groups]).toEqual([
      ['VOO', 'S&P 500'],
      ['IVV', 'S&P 500'],
      ['BND', 'bonds'],
    ]);
  });

  it('names the file, line and column of a bad row', () => {
    const twice = errorOf(() => parseEquivalentsCsv('symbol,group\nVOO,a\nvoo,b\n', 'eq.csv'));
    expect(twice.code).toBe('INVALID_INPUT');
    expect(twice.details).toMatchObject({ file: 'eq.csv', line: 3, column: 'symbol' });
    const empty = errorOf(() => parseEquivalentsCsv('symbol,group\nVOO,\n', 'eq.csv'));
    expect(empty.details).toMatchObject({ line: 2, column: 'group' });
    expect(errorOf(() => parseEquivalentsCsv('symbol,group\n', 'eq.csv')).message).toContain(
      'no symbols',
    );
    expect(errorOf(() => parseEquivalentsCsv('ticker,group\nVOO,a\n', 'eq.csv')).code).toBe(
      'INVALID_INPUT',
    );
  });
});

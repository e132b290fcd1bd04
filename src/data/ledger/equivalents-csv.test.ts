import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import { parseEquivalentsCsv } from './equivalents-csv.ts';

function errorOf(text: string): BallastError {
  try {
    parseEquivalentsCsv(text, 'eq.csv');
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('parseEquivalentsCsv', () => {
  it('maps each symbol (trimmed, upper-cased) to its group (trimmed, as written)', () => {
    const groups = parseEquivalentsCsv(
      'symbol,group\n spy ,S&P 500\nVOO,S&P 500\nVTI, total us \n',
      'eq.csv',
    );
    expect([...groups]).toEqual([
      ['SPY', 'S&P 500'],
      ['VOO', 'S&P 500'],
      ['VTI', 'total us'],
    ]);
  });

  it('reads a file with only the header as no groups', () => {
    expect(parseEquivalentsCsv('symbol,group\n', 'eq.csv').size).toBe(0);
  });

  it('refuses a symbol in two groups, naming the line, the column and the value', () => {
    const e = errorOf('symbol,group\nSPY,SP500\nVTI,TOTAL\nspy,TOTAL\n');
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details).toMatchObject({ file: 'eq.csv', line: 4, column: 'group', value: 'TOTAL' });
    expect(e.message).toBe(
      'eq.csv:4: column "group": SPY is already in group "SP500" (line 2); a symbol belongs to one group (got "TOTAL")',
    );
  });

  it('refuses a symbol listed twice in one group', () => {
    const e = errorOf('symbol,group\nSPY,SP500\nSPY,SP500\n');
    expect(e.details).toMatchObject({ line: 3, column: 'symbol', value: 'SPY' });
    expect(e.message).toContain('SPY is listed twice (line 2)');
  });

  it('names a missing column, an empty cell and a bad symbol', () => {
    expect(errorOf('symbol\nSPY\n').details).toMatchObject({ line: 1, column: 'group' });
    expect(errorOf('symbol,group\nSPY,\n').details).toMatchObject({
      line: 2,
      column: 'group',
      value: '',
    });
    expect(errorOf('symbol,group\n,SP500\n').details).toMatchObject({
      line: 2,
      column: 'symbol',
    });
    expect(errorOf('symbol,group\nS P Y,SP500\n').details).toMatchObject({
      line: 2,
      column: 'symbol',
      value: 'S P Y',
    });
  });
});

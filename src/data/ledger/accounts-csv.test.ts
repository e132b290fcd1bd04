import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import { parseAccountsCsv } from './accounts-csv.ts';

function errorOf(text: string): BallastError {
  try {
    parseAccountsCsv(text, 'a.csv');
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('parseAccountsCsv', () => {
  it('reads each account with its tax type (case-insensitive), keeping the account name as written', () => {
    expect(
      parseAccountsCsv(
        'account,type\nMargin,TAXABLE\n IRA ,traditional_ira\nROTH,Roth_IRA\n',
        'a.csv',
      ),
    ).toEqual([
      { name: 'Margin', taxType: 'taxable' },
      { name: 'IRA', taxType: 'traditional_ira' },
      { name: 'ROTH', taxType: 'roth_ira' },
    ]);
  });

  it('names the file, line and column of a bad row', () => {
    expect(errorOf('account,type\nA,taxable\nA,roth_ira\n').details).toMatchObject({
      line: 3,
      column: 'account',
    });
    expect(errorOf('account,type\nA,401k\n').details).toMatchObject({
      line: 2,
      column: 'type',
      value: '401k',
    });
    expect(errorOf('account\nA\n').details).toMatchObject({ line: 1, column: 'type' });
    expect(errorOf('account,type\n').message).toBe('a.csv: no accounts after the header');
  });
});

import { describe, expect, it } from 'vitest';
import { BallastError } from '../domain/errors.ts';
import { positions } from './positions.ts';

const ledger = [
  'date,type,symbol,quantity,price,amount,fees,account,lots',
  '2023-01-10,deposit,,,,5000,,,',
  '2023-01-10,buy,ABC,10,100,,,,',
  '2023-06-10,buy,ABC,10,150,,,,',
  '2024-03-01,sell,ABC,15,160,,,,',
].join('\n');

describe('positions use case', () => {
  it('replays an inline ledger: FIFO sells 10 @ 100 (long) then 5 @ 150 (short)', () => {
    const doc = positions({ transactions: { text: ledger, name: 'inline.csv' } });
    // cash: 5000 − 1000 − 1500 + 15 × 160 = 4900
    expect(doc.cash).toEqual({ DEFAULT: 4900 });
    // 10 × (160 − 100) = 600 long-term (held > 1 year); 5 × (160 − 150) = 50 short-term
    expect(doc.realizedTotal).toEqual({ shortTerm: 50, longTerm: 600, total: 650 });
    expect(doc.positions[0]).toMatchObject({ quantity: 5, costBasisTotal: 750 });
  });

  it('names the field and value of a bad lot method', () => {
    let error: unknown;
    try {
      positions({ transactions: { text: ledger }, lotMethod: 'newest' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BallastError);
    expect((error as BallastError).code).toBe('INVALID_INPUT');
    expect((error as BallastError).details).toMatchObject({ field: 'lotMethod', value: 'newest' });
  });

  it('cites the inline source name in parse errors', () => {
    expect(() =>
      positions({
        transactions: { text: `${ledger}\n2024-03-02,buy,ABC,x,1,,,,`, name: 'mine.csv' },
      }),
    ).toThrow(/mine\.csv:6/);
  });
});

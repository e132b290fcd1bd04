import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import { parseTransactionsCsv } from './transactions-csv.ts';
import { formatTransactionsCsv } from './transactions-csv-write.ts';

function thrown(fn: () => unknown): BallastError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

const HEADER =
  'date,type,symbol,quantity,price,amount,fees,account,lots,acquired,to_symbol,to_price';

describe('symbol_change and merger rows in a transactions CSV', () => {
  it('reads to_symbol and to_price, a merger ratio from quantity and its cash per share from price', () => {
    const text = [
      HEADER,
      '2022-06-09,symbol_change,fb,,,,,,,,meta,',
      '2024-06-04,merger,OLD,0.4536,12.35,,1.25,IRA,,,NEW,88.5',
      '2024-06-05,merger,NEW,2,,,,,,,NEWER,',
    ].join('\n');
    expect(parseTransactionsCsv(text, 'l.csv')).toEqual([
      {
        date: '2022-06-09',
        account: 'DEFAULT',
        feesCents: 0,
        source: { file: 'l.csv', line: 2 },
        type: 'symbol_change',
        symbol: 'FB',
        toSymbol: 'META',
      },
      {
        date: '2024-06-04',
        account: 'IRA',
        feesCents: 125,
        source: { file: 'l.csv', line: 3 },
        type: 'merger',
        symbol: 'OLD',
        toSymbol: 'NEW',
        ratio: 0.4536,
        cashPerShare: 12.35,
        toPrice: 88.5,
      },
      {
        date: '2024-06-05',
        account: 'DEFAULT',
        feesCents: 0,
        source: { file: 'l.csv', line: 4 },
        type: 'merger',
        symbol: 'NEW',
        toSymbol: 'NEWER',
        ratio: 2,
      },
    ]);
  });

  it('writes the two columns only for a ledger that has such a row, and reads back the same', () => {
    const plain = 'date,type,symbol,quantity,price\n2024-01-02,buy,ABC,1,10';
    expect(formatTransactionsCsv(parseTransactionsCsv(plain, 'p.csv')).split('\n')[0]).toBe(
      'date,type,symbol,quantity,price,amount,fees,account,lots,acquired',
    );
    const text = [
      HEADER,
      '2024-01-02,buy,ABC,1,10,,,,,,,',
      '2024-06-04,merger,ABC,0.5,3,,,,,,XYZ,20',
    ].join('\n');
    const ledger = parseTransactionsCsv(text, 'm.csv');
    const written = formatTransactionsCsv(ledger, 'm.csv');
    expect(written.split('\n').slice(0, 3)).toEqual([
      HEADER,
      '2024-01-02,buy,ABC,1,10,,,DEFAULT,,,,',
      '2024-06-04,merger,ABC,0.5,3,,,DEFAULT,,,XYZ,20',
    ]);
    expect(parseTransactionsCsv(written, 'm.csv')).toEqual(ledger);
  });

  it('names the line and column of a bad row', () => {
    const bad = (row: string) => thrown(() => parseTransactionsCsv(`${HEADER}\n${row}`, 'b.csv'));
    expect(bad('2024-06-04,symbol_change,FB,,,,,,,,,').details).toMatchObject({
      line: 2,
      column: 'to_symbol',
    });
    expect(bad('2024-06-04,symbol_change,FB,,,,,,,,fb,').message).toContain(
      'must differ from symbol FB',
    );
    expect(bad('2024-06-04,merger,OLD,,,,,,,,NEW,').details).toMatchObject({ column: 'quantity' });
    expect(bad('2024-06-04,merger,OLD,1,2,,,,,,NEW,').details).toMatchObject({
      column: 'to_price',
    });
  });
});

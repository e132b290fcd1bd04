/**
 * Values that do not fit: every numeric field of every input file refuses a value that overflows
 * a double or leaves the documented range (fields.ts: `MAX_INPUT_MAGNITUDE` = 1e15 for prices,
 * quantities, weights and returns; `MAX_CENTS` = Number.MAX_SAFE_INTEGER cents for money), with
 * INVALID_INPUT naming the file, the line, the column and the value — as NaN and Infinity are.
 */

import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import { parseGroupsCsv, parseWeightsCsv } from '../constraints/constraint-csv.ts';
import { parseHoldingsCsv } from '../ledger/holdings-csv.ts';
import { parsePricesCsv } from '../ledger/prices-csv.ts';
import { parsePricesHistoryCsv } from '../ledger/prices-history-csv.ts';
import { parseTargetsCsv } from '../ledger/targets-csv.ts';
import { parseTransactionsCsv } from '../ledger/transactions-csv.ts';
import {
  parsePriceFileCsv,
  parseReturnsFileCsv,
  parseSeriesFileCsv,
} from '../providers/csv-file.ts';
import { readReturnsPanel } from './returns-panel.ts';

const HUGE = '9'.repeat(400);
const TX = 'date,type,symbol,quantity,price,amount,fees,account,lots';

function error(fn: () => unknown): BallastError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

function expectRefused(
  fn: () => unknown,
  at: { file: string; line: number; column: string; value: string },
): void {
  const e = error(fn);
  expect(e.code).toBe('INVALID_INPUT');
  expect(e.details).toMatchObject(at);
  expect(e.message).toContain(`${at.file}:${at.line}`);
  expect(e.message).toContain(`"${at.column}"`);
}

describe('a 400-digit number in a transactions file', () => {
  // Plain rows go through the in-place RangeReader; a quoted row through the string reader.
  it.each([
    ['price of a buy (in place)', `2024-01-02,buy,SPY,1,${HUGE},,,,`, 'price'],
    ['price of a buy (quoted row)', `2024-01-02,buy,"SPY",1,${HUGE},,,,`, 'price'],
    ['quantity of a buy', `2024-01-02,buy,SPY,${HUGE},10,,,,`, 'quantity'],
    ['amount of a deposit (in place)', `2024-01-02,deposit,,,,${HUGE},,,`, 'amount'],
    ['amount of a deposit (quoted row)', `2024-01-02,"deposit",,,,${HUGE},,,`, 'amount'],
    ['fees of a buy', `2024-01-02,buy,SPY,1,10,,${HUGE},,`, 'fees'],
    ['ratio of a split', `2024-01-02,split,SPY,${HUGE},,,,,`, 'quantity'],
  ])('as the %s is INVALID_INPUT at its field', (_, row, column) => {
    expectRefused(() => parseTransactionsCsv(`${TX}\n${row}\n`, 'tx.csv'), {
      file: 'tx.csv',
      line: 2,
      column,
      value: HUGE,
    });
  });

  it('as 1e16 shares (past ±1e15) is refused; 1e15 shares is accepted', () => {
    expectRefused(
      () =>
        parseTransactionsCsv(
          `${TX}\n2024-01-02,buy,SPY,10000000000000000,0.000001,,,,\n`,
          'tx.csv',
        ),
      { file: 'tx.csv', line: 2, column: 'quantity', value: '10000000000000000' },
    );
    const [tx] = parseTransactionsCsv(
      `${TX}\n2024-01-02,buy,SPY,1000000000000000,0.000001,,,,\n`,
      'tx.csv',
    );
    expect(tx).toMatchObject({ quantity: 1e15, price: 1e-6 });
  });
});

describe('an amount past Number.MAX_SAFE_INTEGER cents', () => {
  // 2^53 − 1 = 9,007,199,254,740,991 cents = $90,071,992,547,409.91: the last amount kept exact.
  it.each([
    ['in place', '2024-01-02,deposit,,,,90071992547409.92,,,'],
    ['quoted row', '2024-01-02,"deposit",,,,90071992547409.92,,,'],
  ])('is INVALID_INPUT (%s); the largest exact amount is read to the cent', (_, row) => {
    expectRefused(() => parseTransactionsCsv(`${TX}\n${row}\n`, 'tx.csv'), {
      file: 'tx.csv',
      line: 2,
      column: 'amount',
      value: '90071992547409.92',
    });
    const ok = row.replace('409.92', '409.91');
    const [tx] = parseTransactionsCsv(`${TX}\n${ok}\n`, 'tx.csv');
    expect(tx).toMatchObject({ amountCents: 9_007_199_254_740_991 });
  });

  it('as the value of a trade (1e9 shares × $1e9 = $1e18) is INVALID_INPUT at the price', () => {
    expectRefused(
      () => parseTransactionsCsv(`${TX}\n2024-01-02,buy,SPY,1000000000,1000000000,,,,\n`, 't.csv'),
      { file: 't.csv', line: 2, column: 'price', value: '1000000000' },
    );
  });
});

describe('a 400-digit number in the other ledger files', () => {
  it('holdings: quantity, cost_basis, price, market_value and a CASH amount', () => {
    const head = 'symbol,quantity,cost_basis,acquired,account,price,market_value';
    const rows: [string, string][] = [
      [`SPY,${HUGE},100,2024-01-02,A,,`, 'quantity'],
      [`SPY,1,${HUGE},2024-01-02,A,,`, 'cost_basis'],
      [`SPY,1,100,2024-01-02,A,${HUGE},`, 'price'],
      [`SPY,1,100,2024-01-02,A,,${HUGE}`, 'market_value'],
      [`CASH,${HUGE},,,A,,`, 'quantity'],
    ];
    for (const [row, column] of rows)
      expectRefused(() => parseHoldingsCsv(`${head}\n${row}\n`, 'h.csv'), {
        file: 'h.csv',
        line: 2,
        column,
        value: HUGE,
      });
  });

  it('prices, prices history and targets', () => {
    const at = (column: string) => ({ file: 'p.csv', line: 2, column, value: HUGE });
    expectRefused(() => parsePricesCsv(`symbol,price\nSPY,${HUGE}\n`, 'p.csv'), at('price'));
    expectRefused(
      () => parsePricesHistoryCsv(`date,symbol,close\n2024-01-02,SPY,${HUGE}\n`, 'p.csv'),
      at('close'),
    );
    expectRefused(() => parseTargetsCsv(`symbol,weight\nSPY,${HUGE}\n`, 'p.csv'), at('weight'));
  });
});

describe('a number that overflows in an import or returns file', () => {
  it.each(['close', 'adj_close', 'dividend', 'split', 'volume'])(
    'prices file: %s = 1e400 is INVALID_INPUT',
    (column) => {
      const cells: Record<string, string> = {
        date: '2024-01-02',
        close: '10',
        adj_close: '10',
        dividend: '0',
        split: '1',
        volume: '100',
      };
      cells[column] = '1e400';
      const text = `${Object.keys(cells).join(',')}\n${Object.values(cells).join(',')}\n`;
      expectRefused(() => parsePriceFileCsv(text, 'spy.csv'), {
        file: 'spy.csv',
        line: 2,
        column,
        value: '1e400',
      });
    },
  );

  it('series file: a 400-digit value is INVALID_INPUT', () => {
    expectRefused(() => parseSeriesFileCsv(`date,value\n2024-01-02,${HUGE}\n`, 's.csv'), {
      file: 's.csv',
      line: 2,
      column: 'value',
      value: HUGE,
    });
  });

  it('returns file and panel: 1e16 (finite, past 1e15) and a 400-digit return', () => {
    for (const value of ['1e16', HUGE]) {
      const text = `date,A,B\n2024-01-02,0.01,0.02\n2024-01-03,${value},0.01\n`;
      const at = { file: 'r.csv', line: 3, column: 'a', value };
      expectRefused(() => parseReturnsFileCsv(text, 'r.csv'), at);
      expectRefused(() => readReturnsPanel({ text, name: 'r.csv' }), at);
    }
  });
});

describe('a number that does not fit in a groups or weights file', () => {
  it.each([
    ['a 400-digit max', `group,asset,min,max\nEQ,SPY,0,${HUGE}\n`, 'max', HUGE],
    ['a max of 1e400', 'group,asset,min,max\nEQ,SPY,0,1e400\n', 'max', '1e400'],
    ['a hexadecimal min', 'group,asset,min,max\nEQ,SPY,0x10,1\n', 'min', '0x10'],
  ])('groups: %s is INVALID_INPUT', (_, text, column, value) => {
    expectRefused(() => parseGroupsCsv(text, 'g.csv'), { file: 'g.csv', line: 2, column, value });
  });

  it('weights: 1e16 is INVALID_INPUT; 1e-3 is read', () => {
    expectRefused(() => parseWeightsCsv('asset,weight\nSPY,1e16\n', 'w.csv'), {
      file: 'w.csv',
      line: 2,
      column: 'weight',
      value: '1e16',
    });
    expect(parseWeightsCsv('asset,weight\nSPY,1e-3\n', 'w.csv')).toEqual({ SPY: 0.001 });
  });
});

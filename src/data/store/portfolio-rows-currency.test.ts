import { describe, expect, it } from 'vitest';
import { toTransaction, transactionRow } from './portfolio-rows.ts';

const buy = {
  date: '2024-01-02',
  type: 'buy',
  account: 'DEFAULT',
  feesCents: 0,
  source: { line: 2 },
  symbol: 'SAP',
  quantity: 1,
  price: 50,
};

describe('stored ledger rows and currencies', () => {
  it('stores a row’s currency upper-cased and reads it back', () => {
    const row = transactionRow({ ...buy, currency: 'eur' }, 0);
    expect(row.currency).toBe('EUR');
    expect(toTransaction(row)).toStrictEqual({ ...buy, currency: 'EUR' });
  });

  it('leaves the column out of a row without a currency (null: the base currency)', () => {
    const row = transactionRow(buy, 0);
    expect('currency' in row).toBe(false);
    expect(toTransaction({ ...row, currency: null })).toStrictEqual(buy);
  });

  it('refuses a code that is not three letters, naming the row and field', () => {
    expect(() => transactionRow({ ...buy, currency: 'EURO' }, 4)).toThrow(
      /transactions\[4\]\.currency: must be a three-letter currency code.*source line 2/,
    );
  });
});

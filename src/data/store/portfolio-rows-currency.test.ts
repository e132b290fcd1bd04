import { describe, expect, it } from 'vitest';
import { transactionRow } from './portfolio-rows.ts';

describe('stored ledger rows and currencies', () => {
  it('refuses a row with a currency: a stored ledger is in its portfolio’s base currency', () => {
    const tx = {
      date: '2024-01-02',
      type: 'buy',
      account: 'DEFAULT',
      feesCents: 0,
      source: { line: 2 },
      symbol: 'SAP',
      quantity: 1,
      price: 50,
      currency: 'EUR',
    };
    expect(() => transactionRow(tx, 0)).toThrow(/transactions\[0\]\.currency: .*base currency/);
  });
});

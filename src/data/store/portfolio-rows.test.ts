import { describe, expect, it } from 'vitest';
import { toTransaction, transactionRow } from './portfolio-rows.ts';

describe('stored transaction rows', () => {
  it('an inherited transfer_in stores INHERITED in acquired and reads back inherited', () => {
    const tx = {
      type: 'transfer_in',
      date: '2024-05-01',
      account: 'A',
      feesCents: 0,
      source: { line: 2 },
      symbol: 'XYZ',
      quantity: 10,
      costPerShare: 50,
      inherited: true,
    };
    const row = transactionRow(tx, 0);
    expect(row.acquired).toBe('INHERITED');
    expect(toTransaction(row)).toMatchObject({
      type: 'transfer_in',
      inherited: true,
      costPerShare: 50,
    });
    expect(toTransaction(row)).not.toHaveProperty('acquired');
  });

  it('a dated transfer_in keeps its date', () => {
    const tx = {
      type: 'transfer_in',
      date: '2024-05-01',
      account: 'A',
      feesCents: 0,
      source: { line: 2 },
      symbol: 'XYZ',
      quantity: 10,
      costPerShare: 50,
      acquired: '2020-01-02',
    };
    expect(toTransaction(transactionRow(tx, 0))).toMatchObject({ acquired: '2020-01-02' });
  });
});

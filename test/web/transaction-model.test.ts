/**
 * The transaction form's model (web/src/features/transactions/transaction-model.ts): dollars
 * typed as text become exact integer cents, a stored row round-trips through the form's text,
 * and an API error is put at the input it names — `transactions[i].<field>` of a batch, the
 * field alone, or a replay error's CSV column — and at no input when it is about another row.
 */
import { describe, expect, it } from 'vitest';
import type { Transaction } from '../../src/domain/ledger/types.ts';
import {
  centsText,
  dollarsToCents,
  errorField,
  rowOf,
  valuesOf,
} from '../../web/src/features/transactions/transaction-model.ts';

const error = (details: Record<string, unknown>) => ({ details });

describe('transaction form model', () => {
  it('reads dollars as exact cents, and leaves what is not whole cents for the API to refuse', () => {
    expect(dollarsToCents('1.005')).not.toSatisfy(Number.isInteger);
    expect(dollarsToCents('0.29')).toBe(29);
    expect(dollarsToCents('1,234.5')).toBe(123450);
    expect(dollarsToCents('-52.40')).toBe(-5240);
    expect(dollarsToCents('60000')).toBe(6000000);
    expect(dollarsToCents('.07')).toBe(7);
    expect(dollarsToCents('abc')).toBe('abc');
    expect(centsText(-5240)).toBe('-52.40');
    expect(centsText(7)).toBe('0.07');
  });

  it('round-trips a stored row through the form', () => {
    const rows: Transaction[] = [
      {
        date: '2025-04-08',
        type: 'buy',
        account: 'MARGIN',
        feesCents: 100,
        source: { line: 21 },
        symbol: 'UPRO',
        quantity: 60,
        price: 58.75,
        lots: ['L3'],
      },
      {
        date: '2025-09-30',
        type: 'interest',
        account: 'MARGIN',
        feesCents: 0,
        source: { line: 23 },
        amountCents: -5240,
      },
      {
        date: '2022-01-13',
        type: 'split',
        account: 'MARGIN',
        feesCents: 0,
        source: { line: 7 },
        symbol: 'UPRO',
        ratio: 2,
      },
    ];
    for (const tx of rows) {
      const { source: _source, feesCents, ...rest } = tx;
      expect(rowOf(valuesOf(tx))).toEqual(feesCents === 0 ? rest : { ...rest, feesCents });
    }
  });

  it('puts an error at the input it names', () => {
    expect(errorField(error({ field: 'transactions[0].quantity' }), { type: 'buy' })).toBe(
      'quantity',
    );
    expect(errorField(error({ field: 'feesCents', line: 21 }), { type: 'buy', line: 21 })).toBe(
      'feesCents',
    );
    expect(errorField(error({ line: 24, column: 'amount' }), { type: 'deposit' })).toBe(
      'amountCents',
    );
    expect(errorField(error({ line: 24, column: 'quantity' }), { type: 'split' })).toBe('ratio');
    expect(errorField(error({ column: 'price' }), { type: 'transfer_in' })).toBe('costPerShare');
    // Another row's error, a field the type has no input for, or none at all: no input.
    expect(errorField(error({ field: 'lots', line: 30 }), { type: 'sell', line: 13 })).toBeNull();
    expect(errorField(error({ field: 'transactions[0].ratio' }), { type: 'buy' })).toBeNull();
    expect(errorField(error({ field: 'transactions[0].source' }), { type: 'buy' })).toBeNull();
    expect(errorField(error({}), { type: 'buy' })).toBeNull();
  });
});

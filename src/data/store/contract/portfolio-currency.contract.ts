/**
 * Contract case for stored portfolios: each ledger row keeps its currency on every engine
 * (docs/currencies.md, "Stored portfolios").
 */

import { expect, it } from 'vitest';
import type { Transaction } from '../../../domain/ledger/types.ts';
import { rejection, type CurrentStore } from './fixtures.ts';

/** A deposit of `line` × $1 on `line` in account A, with `extra` fields. */
const tx = (line: number, extra: Partial<Transaction> = {}): Transaction =>
  ({
    type: 'deposit',
    date: '2024-01-02',
    account: 'A',
    feesCents: 0,
    amountCents: 100 * line,
    source: { line },
    ...extra,
  }) as Transaction;

/** Registers the row-currency case against the running test's store. */
export function portfolioCurrencyCases(store: CurrentStore): void {
  const portfolios = () => store().portfolios;

  it('keeps each row’s currency: EUR reads back as EUR, a row without one reads back without', async () => {
    await portfolios().create({ name: 'eur', baseCurrency: 'USD' });
    const ledger: Transaction[] = [
      tx(2, { amountCents: 100_000 }),
      {
        type: 'buy',
        date: '2024-01-02',
        account: 'A',
        feesCents: 0,
        symbol: 'SAP',
        quantity: 10,
        price: 50,
        currency: 'EUR',
        source: { line: 3 },
      },
      tx(4, { type: 'dividend', amountCents: 1_250, symbol: 'SAP', currency: 'EUR' }),
      tx(5, { amountCents: 700, currency: 'USD' }),
    ];
    expect(await portfolios().appendTransactions('eur', ledger)).toBe(4);
    expect(await portfolios().listTransactions('eur')).toStrictEqual(ledger);
    // A lower-case code is stored upper-cased; a code that is not three letters is refused.
    await portfolios().replaceTransactions('eur', [tx(2, { currency: 'eur' })]);
    expect(await portfolios().listTransactions('eur')).toStrictEqual([tx(2, { currency: 'EUR' })]);
    const bad = await rejection(
      portfolios().appendTransactions('eur', [tx(3, { currency: 'EURO' })]),
    );
    expect([bad.code, bad.details.field, bad.details.line]).toEqual([
      'INVALID_INPUT',
      'transactions[0].currency',
      3,
    ]);
  });
}

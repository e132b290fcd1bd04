/**
 * Store contract: symbol changes and mergers (`to_symbol`, `to_price`, docs/corporate-actions.md)
 * stored and read back exactly, and refused with the field when malformed, on every engine.
 */

import { expect, it } from 'vitest';
import type { Transaction } from '../../../domain/ledger/types.ts';
import { rejection, type CurrentStore } from './fixtures.ts';
import { EVERY_TYPE } from './portfolio.contract.ts';

/** Registers the cases against the running test's store. */
export function corporateActionRowCases(store: CurrentStore): void {
  const portfolios = () => store().portfolios;

  it('stores symbol changes and mergers (to_symbol, to_price) and reads them back exactly', async () => {
    await portfolios().create({ name: 'ca' });
    const rows: Transaction[] = [
      { ...EVERY_TYPE[1]!, source: { line: 2 } },
      {
        type: 'symbol_change',
        date: '2024-06-03',
        account: 'MARGIN',
        feesCents: 0,
        symbol: 'FB',
        toSymbol: 'META',
        source: { line: 3 },
      },
      {
        type: 'merger',
        date: '2024-06-04',
        account: 'MARGIN',
        feesCents: 125,
        symbol: 'OLD',
        toSymbol: 'NEW',
        ratio: 0.4536,
        cashPerShare: 12.35,
        toPrice: 88.123456789,
        source: { line: 4 },
      },
      {
        type: 'merger',
        date: '2024-06-05',
        account: 'MARGIN',
        feesCents: 0,
        symbol: 'NEW',
        toSymbol: 'NEWER',
        ratio: 2,
        source: { line: 5 },
      },
    ];
    expect(await portfolios().appendTransactions('ca', rows)).toBe(4);
    expect(await portfolios().listTransactions('ca')).toStrictEqual(rows);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...rows[1], toSymbol: 'fb' }, 'transactions[0].toSymbol'],
      [{ ...rows[1], toSymbol: undefined }, 'transactions[0].toSymbol'],
      [{ ...rows[2], toPrice: undefined }, 'transactions[0].toPrice'],
      [{ ...rows[2], ratio: 0 }, 'transactions[0].ratio'],
      [{ ...rows[1], ratio: 2 }, 'transactions[0].ratio'],
    ];
    for (const [bad, field] of cases) {
      const error = await rejection(
        portfolios().appendTransactions('ca', [{ ...bad, source: { line: 9 } } as Transaction]),
      );
      expect([error.code, error.details.field]).toEqual(['INVALID_INPUT', field]);
    }
  });
}

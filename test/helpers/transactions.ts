import type { Transaction } from '../../src/domain/ledger/types.ts';

type Loose = { type: Transaction['type'] } & Record<string, unknown>;

/**
 * Builds a ledger for tests from terse rows: `line` defaults to the row's position + 2 (the
 * first data line of a file with a header), account to `DEFAULT`, fees to 0. Money fields are
 * given in dollars (`amount`, `fees`) and converted to cents here.
 */
export function ledgerRows(rows: readonly Loose[]): Transaction[] {
  return rows.map((row, i) => {
    const { amount, fees, line, ...rest } = row as Loose & {
      amount?: number;
      fees?: number;
      line?: number;
    };
    const tx: Record<string, unknown> = {
      account: 'DEFAULT',
      ...rest,
      feesCents: Math.round((fees ?? 0) * 100),
      source: { line: line ?? i + 2 },
    };
    if (amount !== undefined) tx['amountCents'] = Math.round(amount * 100);
    return tx as unknown as Transaction;
  });
}

/**
 * Internal vs external securities transfers. A `transfer_in` without a cost per share takes the
 * lots of the earliest unmatched `transfer_out` of the same symbol and quantity (the ledger's
 * rule, `ledger.ts`): that pair moves shares between two accounts of the portfolio and is not an
 * external flow of the whole portfolio. A `transfer_out` never matched leaves the portfolio; a
 * `transfer_in` with a cost per share enters it.
 */

import { roundQuantity } from '../ledger/money.ts';
import type { Transaction } from '../ledger/types.ts';

/** What the transfers of a ledger are, by index in the transaction list. */
export interface TransferMatches {
  /** Index of a matched `transfer_out` → index of the `transfer_in` that received it. */
  readonly outToIn: ReadonlyMap<number, number>;
  /** Index of an internal `transfer_in` → the account that sent the shares. */
  readonly senderOf: ReadonlyMap<number, string>;
}

interface Pending {
  readonly index: number;
  readonly account: string;
  readonly symbol: string;
  quantity: number;
}

/**
 * Pairs transfers the way the ledger does: splits multiply the quantity of pending transfers of
 * their symbol; a `transfer_in` without `costPerShare` takes the earliest pending `transfer_out`
 * of its symbol with the same quantity (to 1e-9 share).
 */
export function matchTransfers(transactions: readonly Transaction[]): TransferMatches {
  const pending: Pending[] = [];
  const outToIn = new Map<number, number>();
  const senderOf = new Map<number, string>();
  transactions.forEach((tx, index) => {
    if (tx.type === 'transfer_out') {
      pending.push({ index, account: tx.account, symbol: tx.symbol, quantity: tx.quantity });
    } else if (tx.type === 'split') {
      for (const p of pending)
        if (p.symbol === tx.symbol) p.quantity = roundQuantity(p.quantity * tx.ratio);
    } else if (tx.type === 'transfer_in' && tx.costPerShare === undefined) {
      const i = pending.findIndex(
        (p) => p.symbol === tx.symbol && roundQuantity(p.quantity - tx.quantity) === 0,
      );
      if (i < 0) return; // the ledger itself rejects this row
      const [out] = pending.splice(i, 1);
      outToIn.set(out!.index, index);
      senderOf.set(index, out!.account);
    }
  });
  return { outToIn, senderOf };
}

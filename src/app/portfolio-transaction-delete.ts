/**
 * Use case `portfolio remove-transaction`: one row of a stored portfolio's ledger deleted. The
 * rows after it keep their lines (lines name lots, `L<line>`), so the ledger is not renumbered.
 *
 * The ledger without the row is replayed through the same ledger and lot engine the append
 * uses; the first row that breaks refuses the deletion with its own error, naming its field and
 * line — deleting a buy whose lot a later sale lists is NOT_FOUND naming that sale's `lots`, and
 * deleting the `transfer_out` a later `transfer_in` takes its lots from is refused naming the
 * `transfer_in`. Then the ledger is stored with `replaceTransactions`, in one store
 * transaction: on any error nothing changes. NOT_FOUND naming `line` when no row is stored on
 * it.
 *
 * @example
 * ```ts
 * const { deleted } = await portfolioTransactionDelete({ portfolio: 'main', line: 7 }, deps);
 * ```
 */

import * as z from 'zod';
import type { Transaction } from '../domain/ledger/types.ts';
import type { StoredPortfolio } from '../data/store/portfolio-store.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { replayLedger, storedRowEdit, storedShape } from './ledger-edit.ts';
import { storedLineSchema } from './portfolio-transaction-update.ts';
import { portfolioNameSchema, storeHolding } from './stored-ledger.ts';

/** Input of {@link portfolioTransactionDelete}. */
export const portfolioTransactionDeleteInputSchema = z.object({
  /** The stored portfolio's name. */
  portfolio: portfolioNameSchema,
  /** The stored line of the row to delete. */
  line: storedLineSchema,
});

/** What callers pass to {@link portfolioTransactionDelete}. */
export type PortfolioTransactionDeleteInput = z.input<typeof portfolioTransactionDeleteInputSchema>;

/** The `portfolio remove-transaction` document. */
export interface PortfolioTransactionDeleteDocument {
  readonly portfolio: StoredPortfolio;
  /** The stored line deleted. */
  readonly line: number;
  /** The row deleted. */
  readonly deleted: Transaction;
  /** Ledger rows stored after the deletion. */
  readonly transactions: number;
}

/** Deletes the row on `line` of stored portfolio `portfolio` (see the module comment). */
export async function portfolioTransactionDelete(
  raw: PortfolioTransactionDeleteInput,
  deps: Pick<AppDeps, 'store' | 'existingStore'>,
): Promise<PortfolioTransactionDeleteDocument> {
  const input = parseInput(portfolioTransactionDeleteInputSchema, raw);
  const store = await storeHolding(input.portfolio, deps);
  return store.transaction(async (tx) => {
    const { portfolio, ledger, index } = await storedRowEdit(tx, input.portfolio, input.line);
    const rest = ledger.toSpliced(index, 1);
    replayLedger(rest);
    const stored = await tx.portfolios.replaceTransactions(portfolio.id, rest);
    return {
      portfolio,
      line: input.line,
      deleted: storedShape(ledger[index]!),
      transactions: stored,
    };
  });
}

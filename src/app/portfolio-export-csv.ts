/**
 * Use case `portfolio export --format csv`: the ledger of a stored portfolio as a transactions
 * CSV (README "Transactions file") — each row on its stored line, so that `portfolio import
 * NAME --transactions` (or a first `portfolio append`) of the text stores the identical ledger,
 * lot ids (`L<line>`) included. Accounts' tax types are not in it: the JSON backup
 * (`portfolioExport`) has them.
 *
 * A ledger stored from JSON may hold what the CSV cannot say (a symbol that is not a ticker, a
 * lot id with `;`, a row on line 1, …): that export is CONFLICT naming the stored line and the
 * field, rather than a file that would read back different.
 *
 * @example
 * ```ts
 * const { csv } = await portfolioExportCsv({ portfolio: 'main' }, deps);
 * writeFileSync('main.csv', csv);
 * ```
 */

import * as z from 'zod';
import { BallastError } from '../domain/errors.ts';
import { formatTransactionsCsv } from '../data/ledger/transactions-csv-write.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { ledgerLabel, portfolioNameSchema, storeHolding } from './stored-ledger.ts';

/** Input of {@link portfolioExportCsv}. */
export const portfolioExportCsvInputSchema = z.object({
  /** The stored portfolio's name. */
  portfolio: portfolioNameSchema,
});

/** What callers pass to {@link portfolioExportCsv}. */
export type PortfolioExportCsvInput = z.input<typeof portfolioExportCsvInputSchema>;

/** The `portfolio export --format csv` document. */
export interface PortfolioExportCsvDocument {
  readonly portfolio: string;
  /** Transactions written. */
  readonly transactions: number;
  /** The transactions CSV: a header and a row per transaction, each on its stored line. */
  readonly csv: string;
}

/** The stored ledger of `portfolio` as a transactions CSV (NOT_FOUND when there is none). */
export async function portfolioExportCsv(
  raw: PortfolioExportCsvInput,
  deps: Pick<AppDeps, 'store' | 'existingStore'>,
): Promise<PortfolioExportCsvDocument> {
  const { portfolio } = parseInput(portfolioExportCsvInputSchema, raw);
  const store = await storeHolding(portfolio, deps);
  const transactions = await store.portfolios.listTransactions(portfolio);
  try {
    const csv = formatTransactionsCsv(transactions, ledgerLabel(portfolio));
    return { portfolio, transactions: transactions.length, csv };
  } catch (error) {
    if (!(error instanceof BallastError) || error.code !== 'INVALID_INPUT') throw error;
    throw new BallastError(
      'CONFLICT',
      `${error.message} (the stored ledger cannot be written as a transactions CSV: export the JSON backup instead)`,
      { ...error.details, portfolio },
      { cause: error },
    );
  }
}

/**
 * Use case `portfolio export`: the whole stored portfolio as a JSON backup — portfolio,
 * accounts and ledger ({@link PortfolioBackup}) — that `portfolio import` restores exactly.
 *
 * @example
 * ```ts
 * const backup = await portfolioExport({ name: 'main' }, deps);
 * writeFileSync('main.json', JSON.stringify(backup, null, 2));
 * ```
 */

import * as z from 'zod';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type PortfolioBackup } from './portfolio-backup.ts';
import { portfolioNameSchema, storeHolding } from './stored-ledger.ts';

export type { PortfolioBackup } from './portfolio-backup.ts';

/** Input of {@link portfolioExport}. */
export const portfolioExportInputSchema = z.object({ name: portfolioNameSchema });

/** What callers pass to {@link portfolioExport}. */
export type PortfolioExportInput = z.input<typeof portfolioExportInputSchema>;

/** The `portfolio export` document: the backup. */
export type PortfolioExportDocument = PortfolioBackup;

/** The backup of stored portfolio `name` (NOT_FOUND when there is none), read in one snapshot. */
export async function portfolioExport(
  raw: PortfolioExportInput,
  deps: Pick<AppDeps, 'store' | 'existingStore'>,
): Promise<PortfolioExportDocument> {
  const { name } = parseInput(portfolioExportInputSchema, raw);
  const store = await storeHolding(name, deps);
  return store.transaction(async (tx) => {
    const portfolio = await tx.portfolios.get(name);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      portfolio: {
        name: portfolio.name,
        baseCurrency: portfolio.baseCurrency,
        createdAt: portfolio.createdAt,
      },
      accounts: await tx.portfolios.listAccounts(portfolio.id),
      transactions: await tx.portfolios.listTransactions(portfolio.id),
    };
  });
}

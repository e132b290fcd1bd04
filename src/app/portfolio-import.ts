/**
 * Use case `portfolio import`: a ledger into a stored portfolio, all or nothing.
 *
 * - From files: `transactions` (the transactions CSV) and/or `accounts` (`account,type`) into
 *   the existing portfolio `name` (NOT_FOUND otherwise: create it first). The file's ledger
 *   replaces the stored one, keeping the file's lines so lot ids stay `L<line>` of the file;
 *   the accounts file replaces the stored accounts.
 * - From a backup: `json` (what `portfolio export` writes) restores the portfolio `name` —
 *   created with the backup's base currency and creation time when missing, its accounts and
 *   ledger replaced when present (CONFLICT when its base currency differs from the backup's).
 *
 * Before anything is written the whole ledger is checked: parsed (errors name file, line and
 * column) and replayed (date order, listed lots, transfers), so a stored ledger always replays.
 * Everything is written in one transaction: a bad row anywhere stores nothing.
 *
 * @example
 * ```ts
 * await portfolioImport({ name: 'main', transactions: { path: 'ledger.csv' } }, deps);
 * ```
 */

import * as z from 'zod';
import { BallastError } from '../domain/errors.ts';
import type { AccountInfo } from '../domain/ledger/accounts.ts';
import { buildLedger } from '../domain/ledger/ledger.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import { parseAccountsCsv } from '../data/ledger/accounts-csv.ts';
import { parseTransactionsCsv } from '../data/ledger/transactions-csv.ts';
import type { MarketStore } from '../data/store/market-store.ts';
import { transactionRows } from '../data/store/portfolio-rows.ts';
import type { StoredPortfolio } from '../data/store/portfolio-store.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { parsePortfolioBackup, type PortfolioBackup } from './portfolio-backup.ts';
import { readSource, textSourceSchema, type TextSource } from './sources.ts';
import { portfolioNameSchema } from './stored-ledger.ts';

/** Input of {@link portfolioImport}: `json` alone, or `transactions` and/or `accounts`. */
export const portfolioImportInputSchema = z
  .object({
    /** The stored portfolio to import into. */
    name: portfolioNameSchema,
    /** Transactions CSV (see the README's "Transactions file"). */
    transactions: textSourceSchema.optional(),
    /** Accounts CSV `account,type` (type: taxable, traditional_ira, roth_ira). */
    accounts: textSourceSchema.optional(),
    /** A backup written by `portfolio export`. */
    json: textSourceSchema.optional(),
  })
  .superRefine((input, ctx) => {
    const files = input.transactions !== undefined || input.accounts !== undefined;
    if (input.json !== undefined && files)
      ctx.addIssue({
        code: 'custom',
        input: input.json,
        path: ['json'],
        message: 'a backup is imported alone, without transactions or accounts',
      });
    if (input.json === undefined && !files)
      ctx.addIssue({
        code: 'custom',
        input: undefined,
        path: ['transactions'],
        message: 'give transactions (and/or accounts), or json',
      });
  });

/** What callers pass to {@link portfolioImport}. */
export type PortfolioImportInput = z.input<typeof portfolioImportInputSchema>;

/** The `portfolio import` document: the portfolio and what it now holds. */
export interface PortfolioImportDocument {
  readonly portfolio: StoredPortfolio;
  /** Whether the import created the portfolio (from a backup). */
  readonly created: boolean;
  /** Accounts stored after the import. */
  readonly accounts: number;
  /** Ledger rows stored after the import. */
  readonly transactions: number;
}

/** What one import writes, checked. */
interface ImportPlan {
  readonly accounts?: readonly AccountInfo[];
  readonly transactions?: readonly Transaction[];
  /** Restoring a backup: how to create the portfolio when missing. */
  readonly backup?: PortfolioBackup;
}

/** Replays `transactions` once (any problem is INVALID_INPUT naming its line) and returns them. */
function replayable(transactions: readonly Transaction[]): readonly Transaction[] {
  buildLedger(transactions);
  return transactions;
}

function planFromFiles(input: z.output<typeof portfolioImportInputSchema>): ImportPlan {
  const plan: { accounts?: AccountInfo[]; transactions?: readonly Transaction[] } = {};
  if (input.transactions) {
    const { text, name } = readSource(input.transactions, 'transactions');
    plan.transactions = replayable(parseTransactionsCsv(text, name));
  }
  if (input.accounts) {
    const { text, name } = readSource(input.accounts, 'accounts');
    plan.accounts = parseAccountsCsv(text, name);
  }
  return plan;
}

/** Checks a backup's transactions as the store will, citing the backup file. */
function checkedBackup(backup: PortfolioBackup, file: string): PortfolioBackup {
  try {
    transactionRows(backup.transactions, 0);
  } catch (error) {
    if (!(error instanceof BallastError)) throw error;
    throw new BallastError(error.code, `${file}: ${error.message}`, { ...error.details, file });
  }
  replayable(backup.transactions);
  return backup;
}

function planFromBackup(source: TextSource): ImportPlan {
  const { text, name } = readSource(source, 'json');
  const backup = checkedBackup(parsePortfolioBackup(text, name), name);
  return { backup, accounts: backup.accounts, transactions: backup.transactions };
}

async function target(tx: MarketStore, name: string, backup: PortfolioBackup | undefined) {
  const found = await tx.portfolios.find(name);
  if (backup === undefined)
    return { portfolio: found ?? (await tx.portfolios.get(name)), created: false };
  if (found === undefined) {
    const { baseCurrency, createdAt } = backup.portfolio;
    return {
      portfolio: await tx.portfolios.create({ name, baseCurrency, createdAt }),
      created: true,
    };
  }
  if (found.baseCurrency !== backup.portfolio.baseCurrency)
    throw new BallastError(
      'CONFLICT',
      `json: the backup's base currency ${backup.portfolio.baseCurrency} differs from ${found.baseCurrency} of the stored portfolio ${JSON.stringify(name)}`,
      { field: 'json', value: backup.portfolio.baseCurrency },
    );
  return { portfolio: found, created: false };
}

/** Writes `plan` into portfolio `name` in one transaction (see the module comment). */
async function write(
  store: MarketStore,
  name: string,
  plan: ImportPlan,
): Promise<PortfolioImportDocument> {
  return store.transaction(async (tx) => {
    const { portfolio, created } = await target(tx, name, plan.backup);
    if (plan.accounts) await tx.portfolios.setAccounts(portfolio.id, plan.accounts);
    if (plan.transactions) await tx.portfolios.replaceTransactions(portfolio.id, plan.transactions);
    const summary = (await tx.portfolios.list()).find((p) => p.id === portfolio.id);
    return {
      portfolio,
      created,
      accounts: summary?.accounts ?? 0,
      transactions: summary?.transactions ?? 0,
    };
  });
}

/** Imports into stored portfolio `name` (see the module comment). */
export async function portfolioImport(
  raw: PortfolioImportInput,
  deps: Pick<AppDeps, 'store'>,
): Promise<PortfolioImportDocument> {
  const input = parseInput(portfolioImportInputSchema, raw);
  const plan = input.json ? planFromBackup(input.json) : planFromFiles(input);
  return write(await deps.store(), input.name, plan);
}

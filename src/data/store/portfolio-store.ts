/**
 * The portfolio part of the store: named portfolios, the tax treatment of their accounts and
 * their ledgers (transactions in ledger order), on every engine of the market-data store. Reach
 * it as `store.portfolios`; inside `store.transaction(fn)` use the callback's store, whose
 * `portfolios` joins the same transaction.
 *
 * Conventions on every method:
 * - A portfolio is named by its id (a positive integer) or its name (a string, matched exactly
 *   after trimming). An unknown one is NOT_FOUND naming the id or name.
 * - A name is unique: creating or renaming to a taken name is CONFLICT naming it.
 * - A write validates everything first and runs in one transaction: a bad row is INVALID_INPUT
 *   naming the row index, its source line and the field, and nothing is written.
 * - Transactions are the ledger's own values ({@link Transaction}) and read back exactly: every
 *   number is the same double, money the same integer cents, lots the same list. The source
 *   `line` is kept (it names the lots a row opens, `L<line>`); `source.file` is not stored.
 */

import type { AccountInfo } from '../../domain/ledger/accounts.ts';
import type { Transaction } from '../../domain/ledger/types.ts';

/** A portfolio's id (positive integer) or its name. */
export type PortfolioRef = number | string;

/** What {@link PortfolioStore.create} needs. */
export interface NewPortfolio {
  /** Unique, trimmed, 1 to 100 characters, no control characters. */
  readonly name: string;
  /** ISO 4217 code, three letters (upper-cased); default `USD`. */
  readonly baseCurrency?: string;
  /** ISO-8601 timestamp (normalised to UTC); default the store clock's now (a restore keeps its own). */
  readonly createdAt?: string;
}

/** A stored portfolio. */
export interface StoredPortfolio {
  readonly id: number;
  readonly name: string;
  readonly baseCurrency: string;
  /** UTC ISO timestamp with milliseconds. */
  readonly createdAt: string;
}

/** One line of {@link PortfolioStore.list}: a portfolio and how much it holds. */
export interface PortfolioSummary extends StoredPortfolio {
  /** Accounts with a tax type. */
  readonly accounts: number;
  /** Ledger rows. */
  readonly transactions: number;
}

/** Stored portfolios, their accounts and their ledgers (module comment). */
export interface PortfolioStore {
  /** Creates a portfolio. @throws CONFLICT when the name is taken. */
  create(portfolio: NewPortfolio): Promise<StoredPortfolio>;

  /** Every portfolio with its counts, sorted by name. */
  list(): Promise<PortfolioSummary[]>;

  /** The portfolio `ref`. @throws NOT_FOUND */
  get(ref: PortfolioRef): Promise<StoredPortfolio>;

  /** The portfolio `ref`, or undefined when there is none. */
  find(ref: PortfolioRef): Promise<StoredPortfolio | undefined>;

  /** Renames the portfolio `ref`. @throws NOT_FOUND, CONFLICT when another portfolio has `name`. */
  rename(ref: PortfolioRef, name: string): Promise<StoredPortfolio>;

  /** Deletes the portfolio `ref` with its accounts and transactions. @throws NOT_FOUND */
  delete(ref: PortfolioRef): Promise<void>;

  /**
   * Makes `accounts` the portfolio's accounts (those not listed are removed). A name listed
   * twice is INVALID_INPUT. @returns the number stored.
   */
  setAccounts(ref: PortfolioRef, accounts: readonly AccountInfo[]): Promise<number>;

  /** The portfolio's accounts, sorted by name. */
  listAccounts(ref: PortfolioRef): Promise<AccountInfo[]>;

  /**
   * Appends `transactions` to the ledger, all or nothing. Source lines must increase strictly
   * through the batch and start after the last stored line (they name lots).
   * @returns the number appended.
   */
  appendTransactions(ref: PortfolioRef, transactions: readonly Transaction[]): Promise<number>;

  /** The ledger in order (`source` carries the line only). */
  listTransactions(ref: PortfolioRef): Promise<Transaction[]>;

  /** Replaces the whole ledger with `transactions`, all or nothing. @returns the number stored. */
  replaceTransactions(ref: PortfolioRef, transactions: readonly Transaction[]): Promise<number>;

  /** Deletes the whole ledger (the portfolio and its accounts stay). @returns the number deleted. */
  deleteTransactions(ref: PortfolioRef): Promise<number>;
}

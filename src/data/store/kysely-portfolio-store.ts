/**
 * The {@link PortfolioStore} of a {@link KyselyMarketStore}: it reads and writes through the
 * market store's own read and write paths, so its writes run in one transaction each and join
 * the caller's inside `store.transaction(fn)`.
 */

import type { Kysely } from 'kysely';
import type { Clock } from '../../domain/clock.ts';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import type { AccountInfo, TaxType } from '../../domain/ledger/accounts.ts';
import type { Transaction } from '../../domain/ledger/types.ts';
import {
  accountRows,
  checkPortfolioName,
  portfolioRow,
  toStoredPortfolio,
  toTransaction,
  transactionRows,
  type TransactionRow,
} from './portfolio-rows.ts';
import type {
  NewPortfolio,
  PortfolioRef,
  PortfolioStore,
  PortfolioSummary,
  StoredPortfolio,
} from './portfolio-store.ts';
import type { StoreDatabase } from './schema.ts';
import { fromCodeUnitOrder } from './sort.ts';
import { normalizeTimestamp } from './validate.ts';

type Db = Kysely<StoreDatabase>;

/** How the portfolio store reaches the database: the market store's read and write paths. */
export interface PortfolioStoreAccess {
  read<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  write<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  readonly clock: Clock;
}

/** Rows per insert statement (14 parameters each: far below every engine's limit). */
const INSERT_CHUNK = 500;

/** A checked {@link PortfolioRef}: an id or a trimmed name. */
function checkRef(ref: PortfolioRef): { id: number } | { name: string } {
  if (typeof ref === 'number') {
    if (!Number.isSafeInteger(ref) || ref < 1)
      throw invalidInput('portfolio', ref, 'must be a positive integer id or a name');
    return { id: ref };
  }
  return { name: checkPortfolioName('portfolio', ref) };
}

function notFound(ref: PortfolioRef): BallastError {
  const what = typeof ref === 'number' ? `with id ${ref}` : JSON.stringify(ref.trim());
  return new BallastError('NOT_FOUND', `portfolio: no stored portfolio ${what}`, {
    field: 'portfolio',
    value: ref,
  });
}

function nameTaken(name: string): BallastError {
  return new BallastError(
    'CONFLICT',
    `name: a portfolio named ${JSON.stringify(name)} already exists`,
    {
      field: 'name',
      value: name,
    },
  );
}

/**
 * Whether `error` is the engine refusing a duplicate in a unique column: SQLSTATE 23505 on
 * PostgreSQL and PGlite, `SQLITE_CONSTRAINT_UNIQUE` from better-sqlite3.
 */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

async function findRow(db: Db, ref: PortfolioRef): Promise<StoredPortfolio | undefined> {
  const key = checkRef(ref);
  const query = db.selectFrom('portfolios').selectAll();
  const row = await (
    'id' in key ? query.where('id', '=', key.id) : query.where('name', '=', key.name)
  ).executeTakeFirst();
  return row === undefined ? undefined : toStoredPortfolio(row);
}

async function requireRow(db: Db, ref: PortfolioRef): Promise<StoredPortfolio> {
  const found = await findRow(db, ref);
  if (found === undefined) throw notFound(ref);
  return found;
}

async function insertTransactions(
  db: Db,
  portfolioId: number,
  rows: readonly TransactionRow[],
): Promise<void> {
  const last = await db
    .selectFrom('transactions')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('portfolio_id', '=', portfolioId)
    .executeTakeFirst();
  const first = Number(last?.seq ?? 0) + 1;
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const values = rows
      .slice(start, start + INSERT_CHUNK)
      .map((row, i) => ({ ...row, portfolio_id: portfolioId, seq: first + start + i }));
    await db.insertInto('transactions').values(values).execute();
  }
}

async function lastLine(db: Db, portfolioId: number): Promise<number> {
  const last = await db
    .selectFrom('transactions')
    .select((eb) => eb.fn.max('line').as('line'))
    .where('portfolio_id', '=', portfolioId)
    .executeTakeFirst();
  return Number(last?.line ?? 0);
}

async function deleteLedger(db: Db, portfolioId: number): Promise<number> {
  const result = await db
    .deleteFrom('transactions')
    .where('portfolio_id', '=', portfolioId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

async function counts(db: Db, table: 'accounts' | 'transactions'): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom(table)
    .select((eb) => ['portfolio_id', eb.fn.countAll().as('n')])
    .groupBy('portfolio_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.portfolio_id), Number(r.n)]));
}

/** {@link PortfolioStore} over the market store's Kysely (module comment). */
export class KyselyPortfolioStore implements PortfolioStore {
  readonly #access: PortfolioStoreAccess;

  constructor(access: PortfolioStoreAccess) {
    this.#access = access;
  }

  async create(portfolio: NewPortfolio): Promise<StoredPortfolio> {
    const now = normalizeTimestamp('clock.now()', this.#access.clock.now());
    const row = portfolioRow(portfolio, now);
    return this.#access.write(async (db) => {
      // One statement decides: a name taken first (by this or a concurrent writer) inserts
      // nothing, so two creates of one name give one portfolio and one CONFLICT, never INTERNAL.
      const inserted = await db
        .insertInto('portfolios')
        .values(row)
        .onConflict((oc) => oc.column('name').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted === undefined) throw nameTaken(row.name);
      return toStoredPortfolio({ ...row, id: inserted.id });
    });
  }

  async list(): Promise<PortfolioSummary[]> {
    const [rows, accounts, transactions] = await this.#access.read(
      async (db) =>
        [
          await db.selectFrom('portfolios').selectAll().execute(),
          await counts(db, 'accounts'),
          await counts(db, 'transactions'),
        ] as const,
    );
    const summaries = rows.map(toStoredPortfolio).map((p) => ({
      ...p,
      accounts: accounts.get(p.id) ?? 0,
      transactions: transactions.get(p.id) ?? 0,
    }));
    return fromCodeUnitOrder(summaries, (p) => p.name);
  }

  async get(ref: PortfolioRef): Promise<StoredPortfolio> {
    checkRef(ref);
    return this.#access.read((db) => requireRow(db, ref));
  }

  async find(ref: PortfolioRef): Promise<StoredPortfolio | undefined> {
    checkRef(ref);
    return this.#access.read((db) => findRow(db, ref));
  }

  async rename(ref: PortfolioRef, name: string): Promise<StoredPortfolio> {
    const key = checkRef(ref);
    const newName = checkPortfolioName('name', name);
    return this.#access.write(async (db) => {
      // One statement decides, and the unique constraint on the name judges it: of concurrent
      // renames to one name (each may have seen it free) one wins, the rest are CONFLICT.
      const update = db.updateTable('portfolios').set({ name: newName });
      let row;
      try {
        row = await (
          'id' in key ? update.where('id', '=', key.id) : update.where('name', '=', key.name)
        )
          .returningAll()
          .executeTakeFirst();
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(newName);
        throw error;
      }
      if (row === undefined) throw notFound(ref);
      return toStoredPortfolio(row);
    });
  }

  async delete(ref: PortfolioRef): Promise<void> {
    const key = checkRef(ref);
    await this.#access.write(async (db) => {
      // One statement (accounts and transactions go with it: on delete cascade); of concurrent
      // deletes one deletes the row, the rest find none (NOT_FOUND).
      const query = db.deleteFrom('portfolios');
      const result = await (
        'id' in key ? query.where('id', '=', key.id) : query.where('name', '=', key.name)
      ).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw notFound(ref);
    });
  }

  async setAccounts(ref: PortfolioRef, accounts: readonly AccountInfo[]): Promise<number> {
    checkRef(ref);
    const rows = accountRows(accounts);
    return this.#access.write(async (db) => {
      const { id } = await requireRow(db, ref);
      await db.deleteFrom('accounts').where('portfolio_id', '=', id).execute();
      if (rows.length > 0)
        await db
          .insertInto('accounts')
          .values(rows.map((a) => ({ portfolio_id: id, name: a.name, tax_type: a.taxType })))
          .execute();
      return rows.length;
    });
  }

  async listAccounts(ref: PortfolioRef): Promise<AccountInfo[]> {
    checkRef(ref);
    const rows = await this.#access.read(async (db) => {
      const { id } = await requireRow(db, ref);
      return db
        .selectFrom('accounts')
        .select(['name', 'tax_type'])
        .where('portfolio_id', '=', id)
        .execute();
    });
    const accounts = rows.map((r) => ({ name: r.name, taxType: r.tax_type as TaxType }));
    return fromCodeUnitOrder(accounts, (a) => a.name);
  }

  async appendTransactions(
    ref: PortfolioRef,
    transactions: readonly Transaction[],
  ): Promise<number> {
    checkRef(ref);
    // The batch on its own first, so a bad row fails before the database is touched.
    transactionRows(transactions, 0);
    return this.#access.write(async (db) => {
      const { id } = await requireRow(db, ref);
      const rows = transactionRows(transactions, await lastLine(db, id));
      await insertTransactions(db, id, rows);
      return rows.length;
    });
  }

  async listTransactions(ref: PortfolioRef): Promise<Transaction[]> {
    checkRef(ref);
    const rows = await this.#access.read(async (db) => {
      const { id } = await requireRow(db, ref);
      return db
        .selectFrom('transactions')
        .select([
          'line',
          'date',
          'type',
          'symbol',
          'quantity',
          'price',
          'amount_cents',
          'fees_cents',
          'account',
          'lots',
          'acquired',
          'to_symbol',
          'to_price',
          'currency',
        ])
        .where('portfolio_id', '=', id)
        .orderBy('seq')
        .execute();
    });
    return rows.map(toTransaction);
  }

  async replaceTransactions(
    ref: PortfolioRef,
    transactions: readonly Transaction[],
  ): Promise<number> {
    checkRef(ref);
    const rows = transactionRows(transactions, 0);
    return this.#access.write(async (db) => {
      const { id } = await requireRow(db, ref);
      await deleteLedger(db, id);
      await insertTransactions(db, id, rows);
      return rows.length;
    });
  }

  async deleteTransactions(ref: PortfolioRef): Promise<number> {
    checkRef(ref);
    return this.#access.write(async (db) => deleteLedger(db, (await requireRow(db, ref)).id));
  }
}

/**
 * Migration `20261201T0900_portfolios`: stored portfolios, their accounts and their ledgers.
 *
 * - `portfolios`: one row per portfolio; `name` is unique.
 * - `accounts`: the tax treatment of a portfolio's accounts, unique per (portfolio, name).
 * - `transactions`: the ledger, ordered by `seq` within a portfolio; the columns are those of
 *   the transactions-CSV vocabulary (money in integer cents, `lots` as JSON text) plus the
 *   source `line`, which names the lots a row opens (`L<line>`).
 *
 * Both child tables reference `portfolios(id)` with `on delete cascade`. SQLite tables are
 * `STRICT`; money is `integer` on SQLite (64-bit) and `bigint` on PostgreSQL, prices and
 * quantities `real` / `float8`, so every stored number reads back as the same double.
 */

import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../market-store.ts';

/** Creates the portfolio tables. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const sqlite = dialect === 'sqlite';
  const float = sqlite ? 'real' : 'float8';
  const cents = sqlite ? 'integer' : 'bigint';
  const strict = sqlite ? sql`strict` : sql``;

  await db.schema
    .createTable('portfolios')
    .addColumn('id', sqlite ? 'integer' : 'serial', (c) =>
      sqlite ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('base_currency', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('portfolio_id', 'integer', (c) =>
      c.notNull().references('portfolios.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tax_type', 'text', (c) =>
      c.notNull().check(sql`tax_type in ('taxable', 'traditional_ira', 'roth_ira')`),
    )
    .addPrimaryKeyConstraint('accounts_pk', ['portfolio_id', 'name'])
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('transactions')
    .addColumn('portfolio_id', 'integer', (c) =>
      c.notNull().references('portfolios.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('symbol', 'text')
    .addColumn('quantity', float)
    .addColumn('price', float)
    .addColumn('amount_cents', cents)
    .addColumn('fees_cents', cents, (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('lots', 'text')
    .addColumn('acquired', 'text')
    .addPrimaryKeyConstraint('transactions_pk', ['portfolio_id', 'seq'])
    .addUniqueConstraint('transactions_line_unique', ['portfolio_id', 'line'])
    .modifyEnd(strict)
    .execute();
}

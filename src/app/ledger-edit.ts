/**
 * What editing a stored ledger row by row shares (`portfolioTransactionUpdate`,
 * `portfolioTransactionDelete`, `portfolioAppendPreview`): finding a row by its stored line,
 * checking one transaction given as JSON (the shape `portfolio export` writes and
 * `portfolioAppend` takes), and replaying a whole ledger through the same ledger and lot engine
 * the append uses — with every error naming the row's field as a form shows it:
 * `details.field` is the transaction's JSON field (`quantity`, `price`, `date`, `type`,
 * `symbol`, `account`, `amountCents`, `feesCents`, `lots`, `ratio`, `costPerShare`,
 * `acquired`, `source.line`) and `details.line` the row's stored line.
 */

import { BallastError } from '../domain/errors.ts';
import { buildLedger } from '../domain/ledger/ledger.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import type { MarketStore } from '../data/store/market-store.ts';
import type { StoredPortfolio } from '../data/store/portfolio-store.ts';
import { toTransaction, transactionRowAfter } from '../data/store/portfolio-rows.ts';
import { ledgerLabel } from './stored-ledger.ts';

/**
 * The JSON field of transaction `tx` that a transactions-CSV column names: `amount` is
 * `amountCents`, `fees` is `feesCents`, a split's or merger's `quantity` is its `ratio`, a transfer
 * in's `price` its `costPerShare`, a merger's `price` its `cashPerShare`, `to_symbol` and
 * `to_price` are `toSymbol` and `toPrice`; other columns have their own name.
 */
export function transactionField(tx: Transaction | undefined, column: string): string {
  if (column === 'amount') return 'amountCents';
  if (column === 'fees') return 'feesCents';
  if (column === 'quantity' && (tx?.type === 'split' || tx?.type === 'merger')) return 'ratio';
  if (column === 'price' && tx?.type === 'transfer_in') return 'costPerShare';
  if (column === 'price' && tx?.type === 'merger') return 'cashPerShare';
  if (column === 'to_symbol') return 'toSymbol';
  if (column === 'to_price') return 'toPrice';
  return column;
}

/**
 * `error` of a ledger replay with `details.field` the JSON field of the row it names
 * ({@link transactionField} of its `details.column`, looked up by `details.line` in `byLine`),
 * the column kept in `details.column`. Other errors pass unchanged.
 */
export function withTransactionField(
  error: unknown,
  byLine: ReadonlyMap<number, Transaction>,
): unknown {
  if (!(error instanceof BallastError)) return error;
  const { line, column } = error.details;
  if (typeof column !== 'string' || error.details['field'] !== undefined) return error;
  const tx = typeof line === 'number' ? byLine.get(line) : undefined;
  return new BallastError(
    error.code,
    error.message,
    { ...error.details, field: transactionField(tx, column) },
    { cause: error },
  );
}

/** Transactions by their stored line. */
export function byStoredLine(ledger: readonly Transaction[]): Map<number, Transaction> {
  return new Map(ledger.map((tx) => [tx.source.line, tx]));
}

/**
 * Replays `ledger` as the append does (date order, listed lots, transfers; FIFO relief), and
 * throws the error of the first row that breaks, naming its field ({@link withTransactionField}).
 */
export function replayLedger(ledger: readonly Transaction[]): void {
  try {
    buildLedger(ledger);
  } catch (error) {
    throw withTransactionField(error, byStoredLine(ledger));
  }
}

/**
 * The error of checking one JSON transaction (`transactions[<index>].<field>` from the store's
 * row check) naming the field alone: `quantity: must be a number > 0 (got -5) (line 7)`,
 * `details.field` `quantity`, `details.line` the row's line (when it has one).
 */
export function rowFieldError(error: unknown, index: number, line: number | undefined): unknown {
  if (!(error instanceof BallastError)) return error;
  const field = error.details['field'];
  const prefix = `transactions[${index}]`;
  if (typeof field !== 'string' || !field.startsWith(prefix)) return error;
  const own = field === prefix ? 'transaction' : field.slice(prefix.length + 1);
  const message = `${own}${error.message.slice(field.length)}`.replace(/ \(source line \d+\)$/, '');
  const { index: _index, ...details } = error.details;
  return new BallastError(
    error.code,
    line === undefined ? message : `${message} (line ${line})`,
    { ...details, field: own, ...(line === undefined ? {} : { line }) },
    {
      cause: error,
    },
  );
}

/**
 * One transaction given as JSON (the shape `portfolio export` writes; money in cents), checked
 * as the store checks a row and stored on `line` (after line `previous`): its `source`, when
 * given, must be that line. Errors name the field alone ({@link rowFieldError}).
 */
export function jsonTransaction(
  record: Readonly<Record<string, unknown>>,
  at: { readonly index: number; readonly line: number | undefined; readonly previous: number },
): Transaction {
  try {
    return toTransaction(transactionRowAfter({ ...record }, at.index, at.previous));
  } catch (error) {
    throw rowFieldError(error, at.index, at.line);
  }
}

/** The transaction without the label its source carried in errors (`source: { line }`). */
export function storedShape(tx: Transaction): Transaction {
  return { ...tx, source: { line: tx.source.line } };
}

/** The NOT_FOUND of a line that holds no row of portfolio `name`. */
export function lineNotFound(name: string, line: number): BallastError {
  return new BallastError(
    'NOT_FOUND',
    `line: no transaction on line ${line} of portfolio ${JSON.stringify(name)}`,
    { field: 'line', value: line, portfolio: name },
  );
}

/** A stored ledger opened for a one-row edit: its rows labelled for errors, and the row's index. */
export interface StoredRowEdit {
  readonly portfolio: StoredPortfolio;
  /** The ledger in order, each source labelled `portfolio NAME` with its line. */
  readonly ledger: Transaction[];
  /** The index in `ledger` of the row on the line asked for. */
  readonly index: number;
}

/**
 * Reads portfolio `ref`'s ledger inside the store transaction `tx` and finds the row on `line`
 * (NOT_FOUND naming `line` when there is none).
 */
export async function storedRowEdit(
  tx: MarketStore,
  ref: string,
  line: number,
): Promise<StoredRowEdit> {
  const portfolio = await tx.portfolios.get(ref);
  const file = ledgerLabel(portfolio.name);
  const ledger: Transaction[] = (await tx.portfolios.listTransactions(portfolio.id)).map((t) => ({
    ...t,
    source: { file, line: t.source.line },
  }));
  const index = ledger.findIndex((t) => t.source.line === line);
  if (index < 0) throw lineNotFound(portfolio.name, line);
  return { portfolio, ledger, index };
}

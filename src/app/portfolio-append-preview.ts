/**
 * Use case `portfolio append --dry-run`: what an append of the same batch would do, row by row,
 * without storing anything — every row of a transactions CSV (`csv`) or of JSON transactions
 * (`transactions`: the bodies `portfolioAppend` takes) is read, checked and replayed after the
 * stored ledger, and each row's result is listed, not only the first error.
 *
 * - A row that does not read (a bad cell, a bad field) is reported with the error the append
 *   would give for it (`field`: the CSV column, or the JSON field of a transaction), and the
 *   rows after it are still checked.
 * - The rows that read are replayed after the stored ledger through the same ledger and lot
 *   engine the append uses; a ledger error (out of date order, a listed lot that is not open, a
 *   transfer out of more than the account holds) is attributed to the row at which it occurs,
 *   that row is left out and the replay goes on with the others — so each later row is checked
 *   against the ledger as it would be without the rows already refused.
 * - The file itself must read (a header, no unclosed quote, at least one row): otherwise the
 *   preview fails with the append's own error.
 *
 * Lines are numbered as the append numbers them (see `portfolio-append.ts`): `line` is the row's
 * line in the CSV (for JSON, the line it would be stored at) and `storedLine` where it would be
 * stored. The append itself is unchanged: all or nothing.
 *
 * @example
 * ```ts
 * const { rows, invalid } = await portfolioAppendPreview(
 *   { portfolio: 'main', csv: { text: csvText, name: 'upload.csv' } },
 *   deps,
 * );
 * ```
 */

import { BallastError } from '../domain/errors.ts';
import { buildLedger } from '../domain/ledger/ledger.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import { parseTransactionsCsvRows } from '../data/ledger/transactions-csv.ts';
import type { StoredPortfolio } from '../data/store/portfolio-store.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { jsonTransaction, transactionField } from './ledger-edit.ts';
import {
  atFileLine,
  lineOffset,
  numberRecords,
  portfolioAppendInputSchema,
  sourceName,
  type PortfolioAppendInput,
} from './portfolio-append.ts';
import { readSource } from './sources.ts';
import { storeHolding } from './stored-ledger.ts';

/** Input of {@link portfolioAppendPreview}: exactly the append's (`csv` or `transactions`). */
export const portfolioAppendPreviewInputSchema = portfolioAppendInputSchema;

/** What callers pass to {@link portfolioAppendPreview}. */
export type PortfolioAppendPreviewInput = PortfolioAppendInput;

/** Why one row would be refused. */
export interface AppendPreviewError {
  readonly code: string;
  /** The error the append would give (naming the file's line for a CSV). */
  readonly message: string;
  /** The CSV column, or the JSON field of a transaction; null when no one field is at fault. */
  readonly field: string | null;
}

/** One row of the batch and what the append would do with it. */
export interface AppendPreviewRow {
  /** Position in the batch, from 0. */
  readonly index: number;
  /** The row's line in the CSV; for JSON, the line it would be stored at. */
  readonly line: number | null;
  /** The line it would be stored at (its lots are `L<storedLine>`). */
  readonly storedLine: number | null;
  /** Whether the append would take it. */
  readonly ok: boolean;
  /** The transaction as it would be stored, when the row reads (also when the ledger refuses it). */
  readonly transaction?: Transaction;
  readonly error?: AppendPreviewError;
}

/** The `portfolio append --dry-run` document. */
export interface PortfolioAppendPreviewDocument {
  readonly portfolio: StoredPortfolio;
  readonly dryRun: true;
  readonly rows: readonly AppendPreviewRow[];
  /** Rows the append would take. */
  readonly valid: number;
  /** Rows it would refuse (the append itself takes all or nothing). */
  readonly invalid: number;
  /** Ledger rows stored now (unchanged). */
  readonly transactions: number;
}

/** A row under check: mutable until its fate is known. */
interface Checked {
  index: number;
  line: number | null;
  storedLine: number | null;
  transaction?: Transaction;
  error?: AppendPreviewError;
  /** Names the field a ledger error's column means for this row. */
  field: (column: string) => string;
}

/** The {@link AppendPreviewError} of `error` with `field`. */
function rowError(error: BallastError, field: string | null): AppendPreviewError {
  return { code: error.code, message: error.message, field };
}

/** The field a row error names: its `details.field` or `details.column`. */
function fieldOf(error: BallastError): string | null {
  const { field, column } = error.details;
  if (typeof field === 'string') return field;
  return typeof column === 'string' ? column : null;
}

/** The rows of a CSV batch, each read on its own, numbered after line `last`. */
function csvRows(text: string, name: string, last: number): Checked[] {
  const offset = lineOffset(last);
  return parseTransactionsCsvRows(text, name).map((row, index) => {
    const at = { index, line: row.line, storedLine: row.line + offset, field: (c: string) => c };
    if ('error' in row) return { ...at, error: rowError(row.error, fieldOf(row.error)) };
    const transaction = { ...row.transaction, source: { file: name, line: at.storedLine } };
    return { ...at, transaction };
  });
}

/** The rows of a JSON batch, each checked on its own, numbered after line `last`. */
function jsonRows(records: readonly Record<string, unknown>[], last: number): Checked[] {
  let previous = last;
  return numberRecords(records, last).map((record, index) => {
    const given = (record['source'] as { line?: unknown } | undefined)?.line;
    const line = typeof given === 'number' && Number.isSafeInteger(given) ? given : null;
    const at = { index, line, storedLine: line };
    const after = previous;
    if (line !== null) previous = Math.max(previous, line);
    try {
      const transaction = jsonTransaction(record, {
        index,
        line: line ?? undefined,
        previous: after,
      });
      return { ...at, transaction, field: (c: string) => transactionField(transaction, c) };
    } catch (error) {
      if (!(error instanceof BallastError)) throw error;
      return { ...at, error: rowError(error, fieldOf(error)), field: (c: string) => c };
    }
  });
}

/**
 * Replays `stored` and the rows that read, in order; a ledger error is recorded on the row it
 * names (by stored line) and the replay goes on without it (see the module comment).
 */
function replayRows(stored: readonly Transaction[], rows: readonly Checked[], csv?: string): void {
  const pending = rows.filter((r) => r.transaction !== undefined && r.error === undefined);
  const offset = lineOffset(stored.at(-1)?.source.line ?? 0);
  for (;;) {
    try {
      buildLedger([...stored, ...pending.map((r) => r.transaction!)]);
      return;
    } catch (thrown) {
      const line = thrown instanceof BallastError ? thrown.details['line'] : undefined;
      const at = pending.findIndex((r) => r.storedLine === line);
      if (!(thrown instanceof BallastError) || at < 0) throw thrown;
      const row = pending[at]!;
      const error = csv === undefined ? thrown : (atFileLine(thrown, csv, offset) as BallastError);
      const column = thrown.details['column'];
      row.error = rowError(error, typeof column === 'string' ? row.field(column) : null);
      pending.splice(at, 1);
    }
  }
}

/** The document row of a checked row (the transaction as it would be stored). */
function documentRow(row: Checked): AppendPreviewRow {
  const { index, line, storedLine, transaction, error } = row;
  return {
    index,
    line,
    storedLine,
    ok: error === undefined,
    ...(transaction === undefined
      ? {}
      : { transaction: { ...transaction, source: { line: transaction.source.line } } }),
    ...(error === undefined ? {} : { error }),
  };
}

/** What appending the batch to `portfolio` would do, row by row (see the module comment). */
export async function portfolioAppendPreview(
  raw: PortfolioAppendPreviewInput,
  deps: Pick<AppDeps, 'store' | 'existingStore'>,
): Promise<PortfolioAppendPreviewDocument> {
  const input = parseInput(portfolioAppendPreviewInputSchema, raw);
  const store = await storeHolding(input.portfolio, deps);
  const portfolio = await store.portfolios.get(input.portfolio);
  const stored = await store.portfolios.listTransactions(portfolio.id);
  const last = stored.at(-1)?.source.line ?? 0;
  let rows: Checked[];
  let csv: string | undefined;
  if (input.csv !== undefined) {
    const { text, name } = readSource(input.csv, 'csv');
    csv = sourceName(input.csv);
    rows = csvRows(text, name, last);
  } else rows = jsonRows(input.transactions!, last);
  replayRows(stored, rows, csv);
  const document = rows.map(documentRow);
  const valid = document.filter((r) => r.ok).length;
  return {
    portfolio,
    dryRun: true,
    rows: document,
    valid,
    invalid: document.length - valid,
    transactions: stored.length,
  };
}

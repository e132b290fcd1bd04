/**
 * Use case `portfolio edit`: one row of a stored portfolio's ledger replaced, in place — the row
 * keeps its stored line (which names the lots it opens, `L<line>`) and its place in the ledger.
 *
 * The new row is given either whole as JSON (`transaction`: the shape `portfolio export` writes
 * and `portfolioAppend` takes, money in integer cents; its `source`, when given, must be the
 * line edited), or as `changes` to the stored row in the transactions-CSV vocabulary (cells by
 * column, amounts and fees in dollars, `lots` separated by `;`; an empty cell clears a field;
 * columns the new type does not use are ignored, as in a file) — what the CLI's flags give.
 *
 * The whole ledger after the change is replayed through the same ledger and lot engine the
 * append uses, and the first row that breaks refuses the edit with its own error, naming its
 * field and line (an edit may break a later row: a sale listing a lot the edit shrank). A date
 * that would move the row out of date order is refused naming `date` (delete the row and append
 * it instead: moving it would renumber the lots of the rows after it). Then the ledger is stored
 * with `replaceTransactions`, in one store transaction: on any error nothing changes.
 *
 * Errors: NOT_FOUND naming `line` when no row is stored on it (`portfolio` when there is no such
 * portfolio); INVALID_INPUT with `details.field` the JSON field of the row at fault (`quantity`,
 * `price`, `date`, `type`, `symbol`, `account`, `amountCents`, `feesCents`, …) — with
 * `changes`, the CSV column (`amount`, `fees`, …) — and `details.line` its stored line.
 *
 * @example
 * ```ts
 * await portfolioTransactionUpdate(
 *   { portfolio: 'main', line: 7, transaction: { date: '2024-03-01', type: 'buy', symbol: 'VTI',
 *     quantity: 10, price: 250, account: 'IRA' } },
 *   deps,
 * );
 * await portfolioTransactionUpdate({ portfolio: 'main', line: 7, changes: { quantity: '12' } }, deps);
 * ```
 */

import * as z from 'zod';
import { BallastError } from '../domain/errors.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import { transactionCells } from '../data/ledger/transactions-csv-write.ts';
import { readTransactionCells } from '../data/ledger/transactions-csv.ts';
import type { StoredPortfolio } from '../data/store/portfolio-store.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { jsonTransaction, replayLedger, storedRowEdit, storedShape } from './ledger-edit.ts';
import { portfolioNameSchema, storeHolding } from './stored-ledger.ts';

/** A stored line: the row's `source.line` (its lots are `L<line>`). */
export const storedLineSchema = z
  .number()
  .int()
  .min(1)
  .max(Number.MAX_SAFE_INTEGER)
  .describe("The row's stored line (`source.line`; the lots it opens are `L<line>`)");

const cell = z.string();

/** Changes to a row in the transactions-CSV vocabulary (README "Transactions file"). */
export const transactionChangesSchema = z
  .object({
    date: cell,
    type: cell,
    symbol: cell,
    quantity: cell,
    price: cell,
    amount: cell.describe('dollars'),
    fees: cell.describe('dollars'),
    account: cell,
    lots: cell.describe('lot ids separated by ;'),
    acquired: cell,
  })
  .partial()
  .strict();

/** Input of {@link portfolioTransactionUpdate}: `transaction` or `changes`, not both. */
export const portfolioTransactionUpdateInputSchema = z
  .object({
    /** The stored portfolio's name. */
    portfolio: portfolioNameSchema,
    /** The stored line of the row to replace. */
    line: storedLineSchema,
    /** The new row, whole, as `portfolio export` writes a transaction (money in cents). */
    transaction: z.record(z.string(), z.unknown()).optional(),
    /** Or changes to the stored row as transactions-CSV cells ('' clears a field). */
    changes: transactionChangesSchema.optional(),
  })
  .superRefine((input, ctx) => {
    if ((input.transaction === undefined) === (input.changes === undefined))
      ctx.addIssue({
        code: 'custom',
        input: undefined,
        path: ['transaction'],
        message: 'give either transaction or changes',
      });
  });

/** What callers pass to {@link portfolioTransactionUpdate}. */
export type PortfolioTransactionUpdateInput = z.input<typeof portfolioTransactionUpdateInputSchema>;

/** The `portfolio edit` document. */
export interface PortfolioTransactionUpdateDocument {
  readonly portfolio: StoredPortfolio;
  /** The stored line edited. */
  readonly line: number;
  /** The row before the edit. */
  readonly previous: Transaction;
  /** The row as stored now (`source.line` unchanged). */
  readonly transaction: Transaction;
  /** Ledger rows stored. */
  readonly transactions: number;
}

type Input = z.output<typeof portfolioTransactionUpdateInputSchema>;

/**
 * `error` of the CSV reader about the edited row (`portfolio main:7: column "quantity": …`)
 * naming the column alone: `quantity: … (line 7 of portfolio main)`, `details.field` the column.
 */
function changeError(error: unknown, at: { file: string; line: number }): unknown {
  if (!(error instanceof BallastError)) return error;
  const column = error.details['column'];
  if (typeof column !== 'string') return error;
  const prefix = `${at.file}:${at.line}: column "${column}": `;
  const why = error.message.startsWith(prefix)
    ? error.message.slice(prefix.length)
    : error.message.replace(`${at.file}:${at.line}: `, '');
  return new BallastError(
    error.code,
    `${column}: ${why} (line ${at.line} of ${at.file})`,
    { ...error.details, field: column },
    { cause: error },
  );
}

/** The stored row `stored` with `changes` (CSV cells) applied, read as a file row would be. */
function changedRow(
  stored: Transaction,
  changes: Readonly<Record<string, string | undefined>>,
): Transaction {
  const at = { file: stored.source.file ?? 'transactions', line: stored.source.line };
  const cells: Record<string, string> = { ...transactionCells(stored, at.file) };
  for (const [column, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value.trim() === '') delete cells[column];
    else cells[column] = value;
  }
  try {
    return readTransactionCells(cells, at);
  } catch (error) {
    throw changeError(error, at);
  }
}

/** The new row of `input` for the stored row at `index` of `ledger`. */
function newRow(input: Input, ledger: readonly Transaction[], index: number): Transaction {
  const stored = ledger[index]!;
  if (input.changes !== undefined) return changedRow(stored, input.changes);
  const record = input.transaction!;
  const source = record['source'];
  if (source !== undefined) {
    const line =
      typeof source === 'object' && source !== null ? (source as { line?: unknown }).line : source;
    if (line !== input.line)
      throw new BallastError(
        'INVALID_INPUT',
        `source.line: a row keeps its line ${input.line} (got ${JSON.stringify(line) ?? 'nothing'})`,
        { field: 'source.line', value: line, line: input.line },
      );
  }
  const previous = ledger[index - 1]?.source.line ?? 0;
  const tx = jsonTransaction(
    { ...record, source: { line: input.line } },
    { index: 0, line: input.line, previous },
  );
  return { ...tx, source: stored.source };
}

/** INVALID_INPUT naming `date` when `tx` would leave its place between its neighbours. */
function checkPlace(
  tx: Transaction,
  before: Transaction | undefined,
  after: Transaction | undefined,
): void {
  const moved = (where: string, other: Transaction) =>
    new BallastError(
      'INVALID_INPUT',
      `date: ${tx.date} is ${where} ${other.date}, the date of line ${other.source.line}; a row keeps its place in the ledger (its line names its lots): delete it and append it again to move it (line ${tx.source.line})`,
      { field: 'date', value: tx.date, line: tx.source.line, neighbour: other.source.line },
    );
  if (before !== undefined && tx.date < before.date) throw moved('before', before);
  if (after !== undefined && tx.date > after.date) throw moved('after', after);
}

/** Replaces the row on `line` of stored portfolio `portfolio` (see the module comment). */
export async function portfolioTransactionUpdate(
  raw: PortfolioTransactionUpdateInput,
  deps: Pick<AppDeps, 'store' | 'existingStore'>,
): Promise<PortfolioTransactionUpdateDocument> {
  const input = parseInput(portfolioTransactionUpdateInputSchema, raw);
  const store = await storeHolding(input.portfolio, deps);
  return store.transaction(async (tx) => {
    const { portfolio, ledger, index } = await storedRowEdit(tx, input.portfolio, input.line);
    const row = newRow(input, ledger, index);
    checkPlace(row, ledger[index - 1], ledger[index + 1]);
    const edited = ledger.with(index, row);
    replayLedger(edited);
    const stored = await tx.portfolios.replaceTransactions(portfolio.id, edited);
    return {
      portfolio,
      line: input.line,
      previous: storedShape(ledger[index]!),
      transaction: storedShape(row),
      transactions: stored,
    };
  });
}

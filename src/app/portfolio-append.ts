/**
 * Use case `portfolio append`: transactions added to the end of a stored portfolio's ledger,
 * all or nothing — from a transactions CSV (`csv`) or as the ledger's own transactions
 * (`transactions`, the shape `portfolio export` writes, money in integer cents).
 *
 * Source lines name the lots a row opens (`L<line>`) and increase through the ledger, so an
 * appended batch is numbered after the stored ledger: a CSV's line `n` is stored as line
 * `n + max(0, last − 1)` (a first batch keeps the file's lines and lot ids), and a transaction
 * without `source` takes the line after the previous one (line 2 first in an empty ledger, as in
 * a CSV). Before anything is written the batch
 * is checked field by field (INVALID_INPUT naming `transactions[i].<field>`, or the CSV's line
 * and column) and the whole ledger, stored rows and new ones, is replayed (date order, listed
 * lots, transfers) — a replay error about a CSV row names the file's own line, with the line it
 * would have been stored at; everything is written in one transaction.
 *
 * @example
 * ```ts
 * await portfolioAppend({ portfolio: 'main', csv: { text: csvText, name: 'upload.csv' } }, deps);
 * ```
 */

import * as z from 'zod';
import { BallastError } from '../domain/errors.ts';
import { buildLedger } from '../domain/ledger/ledger.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import { parseTransactionsCsv } from '../data/ledger/transactions-csv.ts';
import { toTransaction, transactionRows } from '../data/store/portfolio-rows.ts';
import type { StoredPortfolio } from '../data/store/portfolio-store.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { readSource, textSourceSchema, type TextSource } from './sources.ts';
import { ledgerLabel, portfolioNameSchema } from './stored-ledger.ts';

/** Input of {@link portfolioAppend}: `csv` or `transactions`, not both. */
export const portfolioAppendInputSchema = z
  .object({
    /** The stored portfolio's name. */
    portfolio: portfolioNameSchema,
    /** Transactions CSV (see the README's "Transactions file"). */
    csv: textSourceSchema.optional(),
    /** Transactions as `portfolio export` writes them; `source: { line }` optional. */
    transactions: z.array(z.record(z.string(), z.unknown())).min(1).optional(),
  })
  .superRefine((input, ctx) => {
    if ((input.csv === undefined) === (input.transactions === undefined))
      ctx.addIssue({
        code: 'custom',
        input: undefined,
        path: ['transactions'],
        message: 'give either transactions or csv',
      });
  });

/** What callers pass to {@link portfolioAppend}. */
export type PortfolioAppendInput = z.input<typeof portfolioAppendInputSchema>;

/** The `portfolio append` document. */
export interface PortfolioAppendDocument {
  readonly portfolio: StoredPortfolio;
  /** Transactions appended. */
  readonly appended: number;
  /** Ledger rows stored after the append. */
  readonly transactions: number;
  /** The stored source lines of the first and last appended rows. */
  readonly lines: { readonly first: number; readonly last: number };
}

type Input = z.output<typeof portfolioAppendInputSchema>;

/** What a CSV's line numbers are moved by when the stored ledger ends at line `last`. */
export const lineOffset = (last: number): number => Math.max(0, last - 1);

/** A CSV's transactions with their lines moved after `last`. */
function csvBatch(input: Input, last: number): Transaction[] {
  const { text, name } = readSource(input.csv!, 'csv');
  const offset = lineOffset(last);
  return parseTransactionsCsv(text, name).map((tx) => ({
    ...tx,
    source: { ...tx.source, line: tx.source.line + offset },
  }));
}

/** The name {@link readSource} cites for `source`. */
export const sourceName = (source: TextSource): string =>
  'path' in source ? source.path : source.name;

/**
 * `error` of the replay naming a row of the CSV `file` by its stored line (the file's line +
 * `offset`), rewritten to name the file's own line, keeping the stored one in
 * `details.storedLine`. Other errors pass unchanged.
 */
export function atFileLine(error: unknown, file: string, offset: number): unknown {
  if (!(error instanceof BallastError) || offset === 0) return error;
  const stored = error.details['line'];
  const prefix = `${file}:${String(stored)}:`;
  if (error.details['file'] !== file || typeof stored !== 'number') return error;
  if (!error.message.startsWith(prefix)) return error;
  const line = stored - offset;
  return new BallastError(
    error.code,
    `${file}:${line}:${error.message.slice(prefix.length)} (line ${stored} of the ledger once appended)`,
    { ...error.details, line, storedLine: stored },
    { cause: error },
  );
}

/** Replays the stored ledger and the batch (see {@link atFileLine} for a CSV batch's errors). */
function replay(stored: readonly Transaction[], batch: readonly Transaction[], input: Input): void {
  try {
    buildLedger([...stored, ...batch]);
  } catch (error) {
    if (!input.csv) throw error;
    throw atFileLine(error, sourceName(input.csv), lineOffset(stored.at(-1)?.source.line ?? 0));
  }
}

/**
 * `records` with those without `source` numbered after the previous line (the first after
 * `last`, the stored ledger's last line).
 */
export function numberRecords(
  records: readonly Record<string, unknown>[],
  last: number,
): Record<string, unknown>[] {
  // An empty ledger's first row is line 2, where a transactions CSV has its first row (line 1
  // is the header), so that every ledger can be exported as a CSV with the same lines.
  let previous = Math.max(last, 1);
  return records.map((record) => {
    const line = (record['source'] as { line?: unknown } | undefined)?.line;
    const withLine =
      record['source'] === undefined ? { ...record, source: { line: previous + 1 } } : record;
    previous = typeof line === 'number' ? line : previous + 1;
    return withLine;
  });
}

/** Checked transactions from records, numbering those without `source` after the previous line. */
function recordsBatch(records: readonly Record<string, unknown>[], last: number): Transaction[] {
  const numbered = numberRecords(records, last);
  return transactionRows(numbered as unknown as Transaction[], last).map(toTransaction);
}

/** Appends to stored portfolio `portfolio` (see the module comment). */
export async function portfolioAppend(
  raw: PortfolioAppendInput,
  deps: Pick<AppDeps, 'store'>,
): Promise<PortfolioAppendDocument> {
  const input = parseInput(portfolioAppendInputSchema, raw);
  const store = await deps.store();
  return store.transaction(async (tx) => {
    const portfolio = await tx.portfolios.get(input.portfolio);
    const file = ledgerLabel(portfolio.name);
    const stored = (await tx.portfolios.listTransactions(portfolio.id)).map((t) => ({
      ...t,
      source: { file, line: t.source.line },
    }));
    const last = stored.at(-1)?.source.line ?? 0;
    const batch = input.csv ? csvBatch(input, last) : recordsBatch(input.transactions!, last);
    replay(stored, batch, input);
    const appended = await tx.portfolios.appendTransactions(portfolio.id, batch);
    return {
      portfolio,
      appended,
      transactions: stored.length + appended,
      lines: { first: batch[0]?.source.line ?? last, last: batch.at(-1)?.source.line ?? last },
    };
  });
}

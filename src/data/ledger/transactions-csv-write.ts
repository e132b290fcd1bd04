/**
 * A ledger written as a transactions CSV that {@link parseTransactionsCsv} reads back to the
 * same transactions, lot ids included:
 *
 * - every column the reader knows, in the README's order
 *   (`date,type,symbol,quantity,price,amount,fees,account,lots,acquired`, then
 *   `to_symbol,to_price` when a symbol change or merger needs them);
 * - each transaction on its own `source.line` (the header is line 1; lot ids are `L<line>`):
 *   skipped lines are written blank, which the reader skips and counts;
 * - money from integer cents as exact dollars (`-3862` → `-38.62`); quantities, prices and
 *   ratios as the shortest plain decimal that reads back as the same double (the reader takes
 *   no exponents: `1e-7` → `0.0000001`); fees of zero and absent fields left empty; the
 *   account always written (an empty one reads as `DEFAULT`);
 * - a field with a comma, a quote or a line end quoted (RFC 4180). A line end inside a quoted
 *   account makes its row two lines long: the next row must then start one line later.
 *
 * The text is read back before it is returned, and the export refused unless every
 * transaction reads back identical (only `source.file` is the reader's own). A ledger stored
 * from JSON can hold what a transactions CSV cannot say — a symbol that is not a ticker
 * (`BRK B`), a lot id with a `;`, a quantity past 1e15, a row on line 1 — and is refused with
 * the reader's own error or the field that would change, naming its line.
 */

import { isDeepStrictEqual } from 'node:util';
import { BallastError } from '../../domain/errors.ts';
import type { Transaction } from '../../domain/ledger/types.ts';
import { centsDecimal, csvCell, plainDecimal } from '../csv/write-cells.ts';
import { INHERITED, parseTransactionsCsv, TRANSACTION_COLUMNS } from './transactions-csv.ts';

/**
 * The columns written, in order. `to_symbol` and `to_price` (symbol changes and mergers,
 * docs/corporate-actions.md) are written only by a ledger that has such a row, so every other
 * ledger is written as before. Likewise `currency` (last) is written only by a ledger with a row
 * that names its currency (a stored portfolio keeps each row's: docs/currencies.md); a row
 * without one leaves the cell empty (the portfolio's base currency).
 */
export const TRANSACTIONS_CSV_HEADER = [
  'date',
  'type',
  'symbol',
  'quantity',
  'price',
  'amount',
  'fees',
  'account',
  'lots',
  'acquired',
] as const;

type Column = (typeof TRANSACTION_COLUMNS.required | typeof TRANSACTION_COLUMNS.optional)[number];

/** Every column a written transactions CSV may have, in the order written. */
const ALL_COLUMNS: readonly Column[] = [
  ...TRANSACTION_COLUMNS.required,
  ...TRANSACTION_COLUMNS.optional,
];

/** The columns up to `to_price` (every column but `currency`). */
const CORPORATE_COLUMNS: readonly Column[] = ALL_COLUMNS.filter((c) => c !== 'currency');

/**
 * The header of `transactions`: {@link TRANSACTIONS_CSV_HEADER}, with the corporate-action
 * columns and `currency` each only when used.
 */
function headerOf(transactions: readonly Transaction[]): readonly Column[] {
  const corporate = transactions.some((tx) => tx.type === 'symbol_change' || tx.type === 'merger');
  const header = corporate ? CORPORATE_COLUMNS : TRANSACTIONS_CSV_HEADER;
  return transactions.some((tx) => tx.currency !== undefined) ? [...header, 'currency'] : header;
}
type Cells = { readonly [C in Column]?: string | undefined };

/**
 * Blank lines written at most to put rows on their lines: a ledger whose lines jump by millions
 * (possible in JSON) is refused rather than written as megabytes of nothing.
 */
export const MAX_BLANK_LINES = 1_000_000;

const number = (x: number | undefined): string | undefined =>
  x === undefined ? undefined : plainDecimal(x);

function typeCells(tx: Transaction, money: (cents: number) => string): Cells {
  const { symbol } = tx;
  switch (tx.type) {
    case 'buy':
    case 'sell':
    case 'reinvest': {
      const lots = tx.type === 'reinvest' ? undefined : tx.lots?.join(';');
      return { symbol, quantity: number(tx.quantity), price: number(tx.price), lots };
    }
    case 'split':
      return { symbol, quantity: number(tx.ratio) };
    case 'transfer_out':
      return { symbol, quantity: number(tx.quantity), lots: tx.lots?.join(';') };
    case 'transfer_in': {
      const { quantity, costPerShare } = tx;
      const acquired = tx.inherited ? INHERITED : tx.acquired;
      return { symbol, quantity: number(quantity), price: number(costPerShare), acquired };
    }
    case 'symbol_change':
      return { symbol, to_symbol: tx.toSymbol };
    case 'merger': {
      const { toSymbol, ratio, cashPerShare, toPrice } = tx;
      return {
        symbol,
        to_symbol: toSymbol,
        quantity: number(ratio),
        price: number(cashPerShare),
        to_price: number(toPrice),
      };
    }
    default:
      return { symbol, amount: money(tx.amountCents) };
  }
}

/** The cells of `tx` by column (absent fields left out). */
function cellsOf(tx: Transaction, fail: (field: string, why: string) => BallastError): Cells {
  const money = (field: string) => (cents: number) => {
    if (!Number.isSafeInteger(cents)) throw fail(field, 'not whole cents');
    return centsDecimal(cents);
  };
  return {
    date: tx.date,
    type: tx.type,
    fees: tx.feesCents === 0 ? undefined : money('feesCents')(tx.feesCents),
    account: tx.account,
    ...typeCells(tx, money('amountCents')),
    currency: tx.currency,
  };
}

/** The CSV record of `tx` (one line unless a quoted field holds a line end). */
function recordOf(
  tx: Transaction,
  header: readonly Column[],
  fail: (field: string, why: string) => BallastError,
): string {
  const cells = cellsOf(tx, fail);
  return header.map((column) => csvCell(cells[column] ?? '')).join(',');
}

/**
 * The cells a transactions CSV writes for `tx`, by column, unquoted (empty and absent fields
 * left out): the row `readTransactionCells` reads back. `file` names the ledger in errors.
 *
 * @throws BallastError INVALID_INPUT when an amount is not whole cents.
 */
export function transactionCells(tx: Transaction, file = 'transactions'): Record<string, string> {
  const cells = cellsOf(tx, failure(file, { index: 0, line: tx.source.line }));
  const out: Record<string, string> = {};
  for (const column of ALL_COLUMNS) {
    const value = cells[column];
    if (value !== undefined && value !== '') out[column] = value;
  }
  return out;
}

/** Line feeds in `record`: each makes the record a line longer. */
function lineFeeds(record: string): number {
  let count = 0;
  for (let i = record.indexOf('\n'); i >= 0; i = record.indexOf('\n', i + 1)) count++;
  return count;
}

/** An INVALID_INPUT about transaction `index` (on `line`) of the ledger `file`. */
function failure(file: string, at: { index: number; line: unknown }) {
  return (field: string, why: string, value?: unknown): BallastError =>
    new BallastError('INVALID_INPUT', `${file}:${String(at.line)}: ${field}: ${why}`, {
      file,
      line: at.line,
      field: `transactions[${at.index}].${field}`,
      index: at.index,
      ...(value === undefined ? {} : { value }),
    });
}

/** The text of `transactions`, each on its line (see the module comment); not yet checked. */
function writeLines(transactions: readonly Transaction[], file: string): string {
  const header = headerOf(transactions);
  const lines: string[] = [header.join(',')];
  let next = 2; // the line the next record starts on
  let blanks = 0;
  transactions.forEach((tx, index) => {
    const line = tx.source.line;
    const fail = failure(file, { index, line });
    if (!Number.isSafeInteger(line) || line < next)
      throw fail(
        'source.line',
        next === 2
          ? 'a transactions CSV has its header on line 1 and rows from line 2'
          : `the previous row ends on line ${next - 1}`,
        line,
      );
    blanks += line - next;
    if (blanks > MAX_BLANK_LINES)
      throw fail('source.line', `reaching it takes more than ${MAX_BLANK_LINES} blank lines`);
    for (; next < line; next++) lines.push('');
    const record = recordOf(tx, header, fail);
    lines.push(record);
    next = line + 1 + lineFeeds(record);
  });
  return `${lines.join('\n')}\n`;
}

/** Equal values; numbers by `===` (−0 cents are 0 cents: the reader gives 0). */
const same = (x: unknown, y: unknown): boolean =>
  typeof x === 'number' && typeof y === 'number' ? x === y : isDeepStrictEqual(x, y);

/** The first field in which `read` differs from `tx` (`source` by its line only). */
function changedField(tx: Transaction, read: Transaction | undefined): string | undefined {
  if (read === undefined) return 'source.line';
  const a = tx as unknown as Record<string, unknown>;
  const b = read as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'source') {
      if (tx.source.line !== read.source.line) return 'source.line';
    } else if (!same(a[key], b[key])) return key;
  }
  return undefined;
}

/** Field `field` of `tx` (`source.line` included). */
function valueOf(tx: Transaction, field: string): unknown {
  if (field === 'source.line') return tx.source.line;
  return (tx as unknown as Record<string, unknown>)[field];
}

/**
 * `transactions` as a transactions CSV (see the module comment); an empty ledger is the header
 * alone. `file` names the ledger in errors (`portfolio <name>`).
 *
 * @throws BallastError INVALID_INPUT naming the line, and the column or field, of the first
 *   transaction a transactions CSV cannot hold.
 */
export function formatTransactionsCsv(
  transactions: readonly Transaction[],
  file = 'transactions',
): string {
  const text = writeLines(transactions, file);
  if (transactions.length === 0) return text;
  const read = parseTransactionsCsv(text, file);
  transactions.forEach((tx, index) => {
    const field = changedField(tx, read[index]);
    if (field === undefined) return;
    const value = valueOf(tx, field);
    const back = read[index] === undefined ? undefined : valueOf(read[index], field);
    throw failure(file, { index, line: tx.source.line })(
      field,
      `a transactions CSV cannot hold ${JSON.stringify(value)}: it would read back as ${JSON.stringify(back) ?? 'nothing'}`,
      value,
    );
  });
  return text;
}

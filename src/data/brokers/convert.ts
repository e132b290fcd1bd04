/**
 * A broker export converted into ledger transactions and the transactions-CSV text that reads
 * back to them: the broker's rows put in date order (a newest-first file is reversed first, so
 * rows of one day keep the order they happened in), splits given as shares received turned into
 * ratios, and each transaction placed on its own line of the output (the header is line 1).
 */

import { BallastError } from '../../domain/errors.ts';
import type { Transaction } from '../../domain/ledger/types.ts';
import { formatTransactionsCsv } from '../ledger/transactions-csv-write.ts';
import { detectBroker } from './detect.ts';
import { convertFidelity } from './fidelity.ts';
import { convertIbkr } from './ibkr.ts';
import { brokerRecords, type BrokerRecord } from './records.ts';
import { convertSchwab } from './schwab.ts';
import {
  refuse,
  type BrokerName,
  type BrokerRows,
  type ConvertContext,
  type IgnoredLine,
  type MappedRow,
} from './types.ts';
import { convertVanguard } from './vanguard.ts';

const CONVERTERS: Readonly<
  Record<BrokerName, (ctx: ConvertContext, records: readonly BrokerRecord[]) => BrokerRows>
> = {
  schwab: convertSchwab,
  fidelity: convertFidelity,
  vanguard: convertVanguard,
  ibkr: convertIbkr,
};

/** One output row: its line in the ledger CSV, the broker line it came from, the action. */
export interface ConvertedLine {
  readonly line: number;
  readonly brokerLine: number;
  readonly action: string;
  readonly type: Transaction['type'];
}

/** A converted export. */
export interface BrokerConversion {
  readonly broker: BrokerName;
  /** The ledger, in date order, each on its output line (`source.file` is the output name). */
  readonly transactions: Transaction[];
  /** The transactions CSV of {@link BrokerConversion.transactions}, checked to read back. */
  readonly csv: string;
  readonly lines: ConvertedLine[];
  /** Lines recognised as no transaction (titles, totals, notes, summaries). */
  readonly ignored: IgnoredLine[];
}

const dateOf = (row: MappedRow): string => ('tx' in row ? row.tx.date : row.split.date);

/** `rows` oldest first: reversed when the file is newest first, then a stable sort by date. */
function chronological(rows: readonly MappedRow[], newestFirst: boolean): MappedRow[] {
  const ordered = [...rows];
  if (newestFirst && rows.length > 1 && dateOf(rows[0]!) > dateOf(rows.at(-1)!)) ordered.reverse();
  const keyed = ordered.map((row, index) => ({ row, index, date: dateOf(row) }));
  keyed.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
  return keyed.map((k) => k.row);
}

/** Change in shares held that `tx` makes (splits multiply instead). */
function sharesDelta(tx: Transaction): number {
  switch (tx.type) {
    case 'buy':
    case 'reinvest':
    case 'transfer_in':
      return tx.quantity;
    case 'sell':
    case 'transfer_out':
      return -tx.quantity;
    default:
      return 0;
  }
}

/**
 * The transactions of `rows` (oldest first) with each split given as shares received turned
 * into the ratio `(held + added) / held`, `held` being the shares the earlier rows leave in
 * that account and symbol (12 significant digits).
 *
 * @throws BallastError INVALID_INPUT naming the line of a split of shares not held.
 */
function resolveSplits(ctx: ConvertContext, rows: readonly MappedRow[]): Transaction[] {
  const held = new Map<string, number>();
  return rows.map((row) => {
    if ('tx' in row) {
      const tx = row.tx;
      if ('symbol' in tx && tx.symbol !== undefined) {
        const key = `${tx.account}\u0000${tx.symbol}`;
        const before = held.get(key) ?? 0;
        held.set(key, tx.type === 'split' ? before * tx.ratio : before + sharesDelta(tx));
      }
      return tx;
    }
    const { date, account, symbol, added } = row.split;
    const key = `${account}\u0000${symbol}`;
    const before = held.get(key) ?? 0;
    if (!(before > 0))
      throw refuse(ctx, row.line, {
        field: row.split.field,
        action: row.action,
        why: `a split of ${symbol}, of which the earlier rows hold no shares (the export must start before the shares were bought); write the split row with its ratio by hand`,
      });
    held.set(key, before + added);
    const ratio = Number(((before + added) / before).toPrecision(12));
    const source = { file: ctx.file, line: row.line };
    return { date, account, feesCents: 0, source, type: 'split', symbol, ratio };
  });
}

/**
 * The conversion of the broker export `text` (named `file` in errors) into a transactions CSV
 * named `out` in its errors. `broker` `auto` detects the layout; `account` replaces the file's
 * accounts (default: the file's account column, else `DEFAULT`).
 *
 * @throws BallastError INVALID_INPUT naming the line and the action (or column) of the first
 *   line refused; when the layout is not recognised; when no transaction remains.
 */
export function convertBrokerCsv(
  text: string,
  file: string,
  options: { broker: BrokerName | 'auto'; account?: string; out?: string },
): BrokerConversion {
  const records = brokerRecords(text, file);
  const broker = options.broker === 'auto' ? detectBroker(records, file) : options.broker;
  const ctx: ConvertContext = { file, account: options.account };
  const { rows, ignored, newestFirst } = CONVERTERS[broker](ctx, records);
  if (rows.length === 0)
    throw new BallastError('INVALID_INPUT', `${file}: no transactions in this ${broker} export`, {
      file,
    });
  const ordered = chronological(rows, newestFirst);
  const out = options.out ?? 'transactions';
  const transactions = resolveSplits(ctx, ordered);
  // The rows are this conversion's own objects: each moves to its output line in place.
  transactions.forEach((tx, i) => {
    const source = tx.source as { file?: string; line: number };
    source.file = out;
    source.line = i + 2;
  });
  const lines = transactions.map((tx, i) => ({
    line: i + 2,
    brokerLine: ordered[i]!.line,
    action: ordered[i]!.action,
    type: tx.type,
  }));
  return { broker, transactions, csv: formatTransactionsCsv(transactions, out), lines, ignored };
}

/**
 * Vanguard's transaction download (Download center → "A spreadsheet-compatible CSV file",
 * `OfxDownload.csv`): two tables one after the other. First the holdings,
 * `Account Number,Investment Name,Symbol,Shares,Share Price,Total Value,` (a snapshot, no
 * transactions), then the transactions, `Account Number,Trade Date,Settlement Date,
 * Transaction Type,Transaction Description,Investment Name,Symbol,Shares,Share Price,
 * Principal Amount,Commission Fees,Net Amount,Accrued Interest,Account Type,` — newest first,
 * signed plain amounts, dates `MM/DD/YYYY` (ISO dates are read too). Mapping: docs/brokers.md.
 */

import { rowOf, WHY, type BrokerLine, type Kind } from './rules.ts';
import { cellsByName, columnName, findHeader, type BrokerRecord } from './records.ts';
import {
  accountOf,
  refuse,
  type BrokerRows,
  type ConvertContext,
  type IgnoredLine,
  type MappedRow,
} from './types.ts';
import { cellError, cents, isoDate, usDate, type CellAt } from './values.ts';

/** The first columns of the transactions table. */
export const VANGUARD_HEADER = [
  'Account Number',
  'Trade Date',
  'Settlement Date',
  'Transaction Type',
] as const;

/** The first columns of the holdings table above it. */
export const VANGUARD_HOLDINGS_HEADER = [
  'Account Number',
  'Investment Name',
  'Symbol',
  'Shares',
] as const;

const SWEEP = 'sweep';

/** Every Vanguard transaction type (lower-case) and what it becomes. */
export const VANGUARD_TYPES: ReadonlyMap<string, Kind | typeof SWEEP> = new Map<
  string,
  Kind | typeof SWEEP
>([
  ['buy', 'buy'],
  ['sell', 'sell'],
  ['reinvestment', 'buy'],
  ['dividend', 'dividend'],
  ['capital gain (lt)', 'dividend'],
  ['capital gain (st)', 'dividend'],
  ['interest', 'interest'],
  ['funds received', 'cash'],
  ['withdrawal', 'cash'],
  ['contribution', 'cash'],
  ['distribution', 'cash'],
  ['fee', 'fee'],
  ['stock split', 'split'],
  ['sweep in', SWEEP],
  ['sweep out', SWEEP],
  ['transfer (incoming)', { refuse: WHY.sharesIn }],
  ['transfer (outgoing)', { refuse: WHY.sharesOut }],
  ['conversion (incoming)', { refuse: WHY.reorganisation }],
  ['conversion (outgoing)', { refuse: WHY.reorganisation }],
  ['corp action (exchange)', { refuse: WHY.reorganisation }],
  ['corp action (redemption)', { refuse: WHY.reorganisation }],
]);

/** A date `MM/DD/YYYY` or `YYYY-MM-DD`. */
function anyDate(text: string, at: CellAt, field: string): string {
  return text.includes('/') ? usDate(text, at, field) : isoDate(text, at, field);
}

function lineOf(ctx: ConvertContext, header: readonly string[], r: BrokerRecord): BrokerLine {
  const c = cellsByName(header, r);
  const at = { file: ctx.file, line: r.line };
  return {
    at,
    date: anyDate(c['trade date']!, at, 'Trade Date'),
    account: accountOf(ctx, c['account number']),
    action: c['transaction type'] ?? '',
    actionField: 'Transaction Type',
    symbol: [c['symbol'] ?? '', 'Symbol'],
    quantity: [c['shares'] ?? '', 'Shares'],
    price: [c['share price'] ?? '', 'Share Price'],
    amount: [c['net amount'] ?? '', 'Net Amount'],
    feesCents: Math.abs(cents(c['commission fees'] ?? '', at, 'Commission Fees') ?? 0),
  };
}

/** Holdings rows above the transactions: a snapshot, recognised by its own header. */
function holdingLines(records: readonly BrokerRecord[]): IgnoredLine[] {
  const at = findHeader(records, VANGUARD_HOLDINGS_HEADER);
  if (at < 0)
    return records.map((r) => ({
      line: r.line,
      action: r.cells.join(','),
      reason: 'line above the header',
    }));
  return records.map((r, i) => ({
    line: r.line,
    action: r.cells[i === at ? 0 : 1] ?? '',
    reason:
      i === at ? 'holdings header' : 'holdings snapshot above the transactions (no transaction)',
  }));
}

/**
 * The ledger rows of a Vanguard export's records (see the module comment). A sweep of the
 * settlement fund moves no cash (the fund is the account's cash): recognised when its net
 * amount is zero, refused otherwise.
 *
 * @throws BallastError INVALID_INPUT naming the line and the type of the first line refused.
 */
export function convertVanguard(ctx: ConvertContext, records: readonly BrokerRecord[]): BrokerRows {
  const at = findHeader(records, VANGUARD_HEADER);
  if (at < 0)
    throw cellError(
      { file: ctx.file, line: records[0]!.line },
      { field: 'header', value: records[0]!.cells.join(',') },
      `not a Vanguard export (no header starting ${VANGUARD_HEADER.join(',')})`,
    );
  const header = records[at]!.cells.map(columnName);
  const ignored = holdingLines(records.slice(0, at));
  const rows: MappedRow[] = [];
  for (const r of records.slice(at + 1)) {
    const line = lineOf(ctx, header, r);
    const kind = VANGUARD_TYPES.get(line.action.toLowerCase().replace(/\s+/g, ' '));
    if (kind === undefined)
      throw refuse(ctx, r.line, {
        field: 'Transaction Type',
        action: line.action,
        why: 'unknown Vanguard transaction type',
      });
    if (kind !== SWEEP) rows.push(rowOf(ctx, line, kind));
    else if ((cents(line.amount[0], line.at, line.amount[1]) ?? 0) === 0)
      ignored.push({
        line: r.line,
        action: line.action,
        reason: 'settlement-fund sweep (the fund is the cash; no cash moves)',
      });
    else
      throw refuse(ctx, r.line, {
        field: 'Transaction Type',
        action: line.action,
        why: 'a sweep that moves cash',
      });
  }
  return { rows, ignored, newestFirst: true };
}

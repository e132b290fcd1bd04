/**
 * Charles Schwab's transaction history export (Accounts → History → Export, CSV):
 * `"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"`, newest
 * first, dates `MM/DD/YYYY` (or `MM/DD/YYYY as of MM/DD/YYYY`), money `$1,234.50` /
 * `-$6,900.00`; older exports put a title line (`"Transactions  for account … as of …"`) above
 * the header and a `"Transactions Total"` line below the rows. Mapping: docs/brokers.md.
 */

import { rowOf, WHY, type BrokerLine, type Kind } from './rules.ts';
import { cellsByName, columnName, findHeader, type BrokerRecord } from './records.ts';
import {
  accountOf,
  refuse,
  type BrokerRows,
  type ConvertContext,
  type IgnoredLine,
} from './types.ts';
import { cents, usDate } from './values.ts';

/** The header of a Schwab export. */
export const SCHWAB_HEADER = [
  'Date',
  'Action',
  'Symbol',
  'Description',
  'Quantity',
  'Price',
  'Fees & Comm',
  'Amount',
] as const;

const options = { refuse: WHY.options };
const reorganisation = { refuse: WHY.reorganisation };

/** Every Schwab action (lower-case) and what it becomes. */
export const SCHWAB_ACTIONS: ReadonlyMap<string, Kind> = new Map<string, Kind>([
  ['buy', 'buy'],
  ['sell', 'sell'],
  ['sell short', 'sell'],
  ['buy to cover', 'buy'],
  ['reinvest shares', 'buy'],
  ['qualified dividend', 'dividend'],
  ['cash dividend', 'dividend'],
  ['non-qualified div', 'dividend'],
  ['special qual div', 'dividend'],
  ['special dividend', 'dividend'],
  ['pr yr cash div', 'dividend'],
  ['pr yr div reinvest', 'dividend'],
  ['reinvest dividend', 'dividend'],
  ['qual div reinvest', 'dividend'],
  ['long term cap gain', 'dividend'],
  ['short term cap gain', 'dividend'],
  ['bank interest', 'interest'],
  ['credit interest', 'interest'],
  ['bond interest', 'interest'],
  ['margin interest', 'interest'],
  ['moneylink transfer', 'cash'],
  ['moneylink deposit', 'cash'],
  ['moneylink adj', 'cash'],
  ['wire funds', 'cash'],
  ['wire received', 'cash'],
  ['wire sent', 'cash'],
  ['funds received', 'cash'],
  ['journal', 'cash'],
  ['service fee', 'fee'],
  ['adr mgmt fee', 'fee'],
  ['foreign tax paid', 'fee'],
  ['nra tax adj', 'fee'],
  ['return of capital', 'roc'],
  ['stock split', 'split'],
  ['buy to open', options],
  ['sell to open', options],
  ['buy to close', options],
  ['sell to close', options],
  ['expired', options],
  ['assigned', options],
  ['exchange or exercise', options],
  ['reverse split', reorganisation],
  ['stock merger', reorganisation],
  ['spin-off', reorganisation],
  ['cash in lieu', { refuse: WHY.inLieu }],
  ['journaled shares', { refuse: WHY.sharesIn }],
  ['security transfer', { refuse: WHY.sharesIn }],
  ['internal transfer', { refuse: WHY.sharesIn }],
]);

const TITLE = 'title line above the header';

/** Lines above the header: a title (one filled cell) is recognised; anything else is refused. */
function titleLines(ctx: ConvertContext, records: readonly BrokerRecord[]): IgnoredLine[] {
  return records.map((r) => {
    if (r.cells.slice(1).some((c) => c !== ''))
      throw refuse(ctx, r.line, {
        field: 'line',
        action: r.cells.join(','),
        why: 'a line above the header that is no title',
      });
    return { line: r.line, action: r.cells[0]!, reason: TITLE };
  });
}

/** The common-vocabulary line of a Schwab data record. */
function lineOf(ctx: ConvertContext, header: readonly string[], r: BrokerRecord): BrokerLine {
  const c = cellsByName(header, r);
  const at = { file: ctx.file, line: r.line };
  const fees = cents(c['fees & comm']!, at, 'Fees & Comm') ?? 0;
  return {
    at,
    date: usDate(c['date']!, at, 'Date'),
    account: accountOf(ctx),
    action: c['action']!,
    actionField: 'Action',
    symbol: [c['symbol']!, 'Symbol'],
    quantity: [c['quantity']!, 'Quantity'],
    price: [c['price']!, 'Price'],
    amount: [c['amount']!, 'Amount'],
    feesCents: Math.abs(fees),
  };
}

/**
 * The ledger rows of a Schwab export's records (see the module comment).
 *
 * @throws BallastError INVALID_INPUT naming the line and the action of the first line refused.
 */
export function convertSchwab(ctx: ConvertContext, records: readonly BrokerRecord[]): BrokerRows {
  const at = findHeader(records, SCHWAB_HEADER);
  if (at < 0)
    throw refuse(ctx, records[0]!.line, {
      field: 'header',
      action: records[0]!.cells.join(','),
      why: `not a Schwab export (no header ${SCHWAB_HEADER.join(',')})`,
    });
  const header = records[at]!.cells.map(columnName);
  const ignored = titleLines(ctx, records.slice(0, at));
  const rows = [];
  for (const r of records.slice(at + 1)) {
    if (/^transactions total$/i.test(r.cells[0] ?? '')) {
      ignored.push({ line: r.line, action: r.cells[0]!, reason: 'total line below the rows' });
      continue;
    }
    const line = lineOf(ctx, header, r);
    const kind = SCHWAB_ACTIONS.get(line.action.toLowerCase().replace(/\s+/g, ' '));
    if (kind === undefined)
      throw refuse(ctx, r.line, {
        field: 'Action',
        action: line.action,
        why: 'unknown Schwab action',
      });
    rows.push(rowOf(ctx, line, kind));
  }
  return { rows, ignored, newestFirst: true };
}

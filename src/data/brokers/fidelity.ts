/**
 * Fidelity's account history export (Accounts & Trade → Activity & Orders → Download):
 * blank lines, then `Run Date,Action,Symbol,Security Description,Security Type,Quantity,
 * Price ($),Commission ($),Fees ($),Accrued Interest ($),Amount ($),Settlement Date` (newer
 * files: `Run Date,Account,Action,Symbol,Description,Type,Quantity,Price ($),Commission ($),
 * Fees ($),Accrued Interest ($),Amount ($),Cash Balance ($),Settlement Date`), newest first,
 * dates `MM/DD/YYYY`, signed plain amounts, then notes below the rows ("The data and
 * information in this spreadsheet…", "Date downloaded …"). The action is a sentence whose
 * first words say what happened (`YOU BOUGHT APPLE INC (AAPL) (Cash)`). Mapping: docs/brokers.md.
 */

import { rowOf, WHY, type BrokerLine, type Kind } from './rules.ts';
import { cellsByName, columnName, type BrokerRecord } from './records.ts';
import {
  accountOf,
  refuse,
  type BrokerRows,
  type ConvertContext,
  type MappedRow,
} from './types.ts';
import { cellError, cents, usDate } from './values.ts';

/** The first columns of a Fidelity export's header. */
export const FIDELITY_HEADER_START = ['Run Date'] as const;

/** Each Fidelity action's first words (upper-case) and what the action becomes, longest first. */
export const FIDELITY_ACTIONS: readonly (readonly [string, Kind])[] = [
  ['YOU BOUGHT', 'buy'],
  ['YOU SOLD', 'sell'],
  ['REINVESTMENT', 'buy'],
  ['DIVIDEND RECEIVED', 'dividend'],
  ['LONG-TERM CAP GAIN', 'dividend'],
  ['SHORT-TERM CAP GAIN', 'dividend'],
  ['INTEREST EARNED', 'interest'],
  ['MARGIN INTEREST', 'interest'],
  ['ELECTRONIC FUNDS TRANSFER', 'cash'],
  ['CASH CONTRIBUTION', 'cash'],
  ['DIRECT DEPOSIT', 'cash'],
  ['DIRECT DEBIT', 'cash'],
  ['WIRE TRANSFER', 'cash'],
  ['TRANSFERRED FROM', 'cash'],
  ['TRANSFERRED TO', 'cash'],
  ['FEE CHARGED', 'fee'],
  ['FOREIGN TAX PAID', 'fee'],
  ['ADR FEE', 'fee'],
  ['RETURN OF CAPITAL', 'roc'],
  ['DISTRIBUTION', 'split'],
  ['EXPIRED', { refuse: WHY.options }],
  ['ASSIGNED', { refuse: WHY.options }],
  ['MERGER', { refuse: WHY.reorganisation }],
  ['EXCHANGED', { refuse: WHY.reorganisation }],
  ['REDEMPTION PAYOUT', { refuse: WHY.reorganisation }],
  ['IN LIEU OF FRX SHARE', { refuse: WHY.inLieu }],
];

/** What the action `text` becomes: the entry of its first words, if any. */
export function fidelityKind(text: string): Kind | undefined {
  const words = text.trim().toUpperCase().replace(/\s+/g, ' ');
  return FIDELITY_ACTIONS.find(([start]) => words.startsWith(start))?.[1];
}

const pick = (
  c: Readonly<Record<string, string>>,
  ...names: string[]
): readonly [string, string] => {
  const name = names.find((n) => n in c) ?? names[0]!;
  return [c[name] ?? '', name];
};

function lineOf(ctx: ConvertContext, header: readonly string[], r: BrokerRecord): BrokerLine {
  const c = cellsByName(header, r);
  const at = { file: ctx.file, line: r.line };
  const commission = pick(c, 'commission ($)', 'commission');
  const fees = pick(c, 'fees ($)', 'fees');
  const feesCents =
    Math.abs(cents(commission[0], at, commission[1]) ?? 0) +
    Math.abs(cents(fees[0], at, fees[1]) ?? 0);
  return {
    at,
    date: usDate(c['run date']!, at, 'Run Date'),
    account: accountOf(ctx, c['account']),
    action: c['action'] ?? '',
    actionField: 'Action',
    symbol: pick(c, 'symbol'),
    quantity: pick(c, 'quantity'),
    price: pick(c, 'price ($)', 'price'),
    amount: pick(c, 'amount ($)', 'amount'),
    feesCents,
  };
}

/** A record below the table: no date in its first cell and at most two filled cells. */
const isNote = (r: BrokerRecord): boolean =>
  !/^\d{1,2}\/\d{1,2}\/\d{4}/.test(r.cells[0] ?? '') && r.cells.filter((c) => c !== '').length <= 2;

/**
 * The ledger rows of a Fidelity export's records (see the module comment).
 *
 * @throws BallastError INVALID_INPUT naming the line and the action of the first line refused.
 */
export function convertFidelity(ctx: ConvertContext, records: readonly BrokerRecord[]): BrokerRows {
  const first = records[0]!;
  if (
    columnName(first.cells[0] ?? '') !== 'run date' ||
    !first.cells.map(columnName).includes('action')
  )
    throw cellError(
      { file: ctx.file, line: first.line },
      { field: 'header', value: first.cells.join(',') },
      'not a Fidelity export (expected a header starting Run Date with an Action column)',
    );
  const header = first.cells.map(columnName);
  const rows: MappedRow[] = [];
  const ignored = [];
  for (const r of records.slice(1)) {
    if (isNote(r)) {
      ignored.push({
        line: r.line,
        action: r.cells.find((c) => c !== '') ?? '',
        reason: 'note below the rows',
      });
      continue;
    }
    const line = lineOf(ctx, header, r);
    const kind = fidelityKind(line.action);
    if (kind === undefined)
      throw refuse(ctx, r.line, {
        field: 'Action',
        action: line.action,
        why: 'unknown Fidelity action',
      });
    rows.push(rowOf(ctx, line, kind));
  }
  return { rows, ignored, newestFirst: true };
}

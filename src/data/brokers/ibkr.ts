/**
 * Interactive Brokers' activity statement in CSV (Reports → Statements → Activity, format
 * CSV): one file of sections, every record starting with the section's name and the record's
 * kind — `Header` (the section's columns from here on), `Data`, `SubTotal`, `Total`, `Notes`.
 * `Trades,Header,DataDiscriminator,Asset Category,Currency,Symbol,Date/Time,Quantity,T. Price,
 * C. Price,Proceeds,Comm/Fee,Basis,Realized P/L,MTM P/L,Code`; `Dividends`, `Withholding Tax`,
 * `Interest`: `Currency,Date,Description,Amount`; `Deposits & Withdrawals`:
 * `Currency,Settle Date,Description,Amount`; `Fees`: `Subtitle,Currency,Date,Description,Amount`;
 * `Corporate Actions`: `Asset Category,Currency,Report Date,Date/Time,Description,Quantity,…`.
 * Dates `YYYY-MM-DD`, plain signed amounts, oldest first. The ledger has one currency: rows in
 * another currency than USD are refused. Mapping: docs/brokers.md.
 */

import { rowOf, WHY, type BrokerLine, type Kind } from './rules.ts';
import { columnName, type BrokerRecord } from './records.ts';
import {
  accountOf,
  refuse,
  type BrokerRows,
  type ConvertContext,
  type IgnoredLine,
  type MappedRow,
} from './types.ts';
import { isoDate } from './values.ts';

/** Sections that summarise or describe and hold no transaction: recognised, not converted. */
export const IBKR_SUMMARY_SECTIONS: readonly string[] = [
  'Statement',
  'Account Information',
  'Net Asset Value',
  'Change in NAV',
  'Mark-to-Market Performance Summary',
  'Realized & Unrealized Performance Summary',
  'Month & Year to Date Performance Summary',
  'Cash Report',
  'Open Positions',
  'Forex Balances',
  'Net Stock Position Summary',
  'Change in Dividend Accruals',
  'Open Dividend Accruals',
  'Interest Accruals',
  'Financial Instrument Information',
  'Base Currency Exchange Rate',
  'Codes',
  'Notes/Legal Notes',
];

/** The sections converted and the cash kind of each (Trades and Corporate Actions apart). */
export const IBKR_CASH_SECTIONS: ReadonlyMap<string, Kind> = new Map<string, Kind>([
  ['Dividends', 'dividend'],
  ['Payment In Lieu Of Dividends', 'dividend'],
  ['Withholding Tax', 'fee'],
  ['Interest', 'interest'],
  ['Broker Interest Paid', 'interest'],
  ['Broker Interest Received', 'interest'],
  ['Deposits & Withdrawals', 'cash'],
  ['Fees', 'fee'],
  ['Other Fees', 'fee'],
]);

type Cells = Readonly<Record<string, string>>;

/** The symbol a description starts with: `AAPL(US0378331005) Cash Dividend …` gives `AAPL`. */
const leadingSymbol = (description: string): string =>
  /^([A-Za-z0-9.]+)\s*\(/.exec(description)?.[1] ?? '';

/** The state of the scan: each section's current header. */
interface Scan {
  readonly ctx: ConvertContext;
  readonly headers: Map<string, readonly string[]>;
  readonly rows: MappedRow[];
  readonly ignored: IgnoredLine[];
}

/** Refuses a line whose Currency is not USD, naming the section's column. */
function refuseCurrency(scan: Scan, r: BrokerRecord, c: Cells): void {
  const currency = c['currency'] ?? '';
  if (currency.toUpperCase() !== 'USD')
    throw refuse(scan.ctx, r.line, {
      field: `${r.cells[0]}.Currency`,
      action: currency,
      why: 'the ledger holds USD only',
    });
}

function tradeLine(scan: Scan, r: BrokerRecord, c: Cells): void {
  const at = { file: scan.ctx.file, line: r.line };
  const what = c['datadiscriminator'] ?? 'Order';
  if (/^closedlot$/i.test(what)) {
    scan.ignored.push({
      line: r.line,
      action: what,
      reason: 'a lot closed by the trade above (detail)',
    });
    return;
  }
  if (!/^(order|trade|execution)$/i.test(what))
    throw refuse(scan.ctx, r.line, {
      field: 'Trades.DataDiscriminator',
      action: what,
      why: 'expected Order, Trade, Execution or ClosedLot',
    });
  const category = c['asset category'] ?? '';
  if (!/^stocks$/i.test(category))
    throw refuse(scan.ctx, r.line, {
      field: 'Trades.Asset Category',
      action: category,
      why: `${category} are not in the ledger (stocks only)`,
    });
  refuseCurrency(scan, r, c);
  const quantity = c['quantity'] ?? '';
  const line: BrokerLine = {
    at,
    date: isoDate(c['date/time'] ?? '', at, 'Trades.Date/Time'),
    account: accountOf(scan.ctx),
    action: `Trades ${what}`,
    actionField: 'Trades.DataDiscriminator',
    symbol: [c['symbol'] ?? '', 'Trades.Symbol'],
    quantity: [quantity, 'Trades.Quantity'],
    price: [c['t. price'] ?? '', 'Trades.T. Price'],
    amount: [c['proceeds'] ?? '', 'Trades.Proceeds'],
    feesCents: feesOf(c, at),
  };
  scan.rows.push(rowOf(scan.ctx, line, quantity.trim().startsWith('-') ? 'sell' : 'buy'));
}

function feesOf(c: Cells, at: { file: string; line: number }): number {
  const text = c['comm/fee'] ?? c['comm in usd'] ?? '';
  const dollars = text.trim() === '' ? 0 : Number(text.replaceAll(',', ''));
  if (!Number.isFinite(dollars))
    throw refuse({ file: at.file, account: undefined }, at.line, {
      field: 'Trades.Comm/Fee',
      action: text,
      why: 'not a number',
    });
  return Math.round(Math.abs(dollars) * 100);
}

function cashLine(scan: Scan, r: BrokerRecord, c: Cells): void {
  const section = r.cells[0]!;
  const at = { file: scan.ctx.file, line: r.line };
  refuseCurrency(scan, r, c);
  const description = c['description'] ?? '';
  const kind = IBKR_CASH_SECTIONS.get(section)!;
  const line: BrokerLine = {
    at,
    date: isoDate(c['date'] ?? c['settle date'] ?? '', at, `${section}.Date`),
    account: accountOf(scan.ctx),
    action: section,
    actionField: 'section',
    symbol: [
      kind === 'dividend' || kind === 'fee' ? leadingSymbol(description) : '',
      `${section}.Description`,
    ],
    quantity: ['', `${section}.Quantity`],
    price: ['', `${section}.Price`],
    amount: [c['amount'] ?? '', `${section}.Amount`],
    feesCents: 0,
  };
  scan.rows.push(rowOf(scan.ctx, line, kind));
}

/** A corporate action: a forward split (`Split 4 for 1`) converts; anything else is refused. */
function corporateLine(scan: Scan, r: BrokerRecord, c: Cells): void {
  const at = { file: scan.ctx.file, line: r.line };
  const description = c['description'] ?? '';
  const split = /\bsplit\s+(\d+(?:\.\d+)?)\s+for\s+(\d+(?:\.\d+)?)/i.exec(description);
  const ratio = split ? Number(split[1]) / Number(split[2]) : NaN;
  if (!(ratio > 1))
    throw refuse(scan.ctx, r.line, {
      field: 'Corporate Actions.Description',
      action: description,
      why: WHY.reorganisation,
    });
  refuseCurrency(scan, r, c);
  const date = isoDate(c['date/time'] ?? c['report date'] ?? '', at, 'Corporate Actions.Date/Time');
  const symbol = leadingSymbol(description).toUpperCase();
  scan.rows.push({
    line: r.line,
    action: 'Corporate Actions',
    tx: {
      date,
      account: accountOf(scan.ctx),
      feesCents: 0,
      source: at,
      type: 'split',
      symbol,
      ratio,
    },
  });
}

function dataLine(scan: Scan, r: BrokerRecord, section: string): void {
  const header = scan.headers.get(section);
  if (header === undefined)
    throw refuse(scan.ctx, r.line, {
      field: 'section',
      action: section,
      why: 'a data line before its section header',
    });
  const c: Record<string, string> = {};
  header.forEach((name, i) => (c[name] = r.cells[i + 2] ?? ''));
  const first = r.cells[2] ?? '';
  if (/^total/i.test(first)) {
    scan.ignored.push({ line: r.line, action: `${section} ${first}`, reason: 'total line' });
    return;
  }
  if (section === 'Trades') tradeLine(scan, r, c);
  else if (section === 'Corporate Actions') corporateLine(scan, r, c);
  else cashLine(scan, r, c);
}

/**
 * The ledger rows of an IBKR activity statement's records (see the module comment).
 *
 * @throws BallastError INVALID_INPUT naming the line and the section, or the field, of the
 *   first line refused (an unknown section included).
 */
export function convertIbkr(ctx: ConvertContext, records: readonly BrokerRecord[]): BrokerRows {
  const scan: Scan = { ctx, headers: new Map(), rows: [], ignored: [] };
  for (const r of records) {
    const [section = '', kind = ''] = r.cells;
    if (IBKR_SUMMARY_SECTIONS.includes(section)) {
      scan.ignored.push({
        line: r.line,
        action: section,
        reason: 'summary section (no transactions)',
      });
      continue;
    }
    if (section !== 'Trades' && section !== 'Corporate Actions' && !IBKR_CASH_SECTIONS.has(section))
      throw refuse(ctx, r.line, { field: 'section', action: section, why: 'unknown IBKR section' });
    if (kind === 'Header') scan.headers.set(section, r.cells.slice(2).map(columnName));
    else if (kind === 'Data') dataLine(scan, r, section);
    else if (kind === 'SubTotal' || kind === 'Total' || kind === 'Notes')
      scan.ignored.push({
        line: r.line,
        action: `${section} ${kind}`,
        reason: `${kind.toLowerCase()} line`,
      });
    else
      throw refuse(ctx, r.line, {
        field: 'record kind',
        action: kind,
        why: 'expected Header, Data, SubTotal, Total or Notes',
      });
  }
  return { rows: scan.rows, ignored: scan.ignored, newestFirst: false };
}

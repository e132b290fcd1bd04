import { BallastError } from '../../domain/errors.ts';
import { TRANSACTION_TYPES, type Transaction } from '../../domain/ledger/types.ts';
import { checkHeader, RowReader } from '../csv/fields.ts';
import { parseCsv } from '../csv/parse-csv.ts';

/** Columns of a transactions file; `acquired` is optional and used only by `transfer_in`. */
export const TRANSACTION_COLUMNS = {
  required: ['date', 'type'],
  optional: ['symbol', 'quantity', 'price', 'amount', 'fees', 'account', 'lots', 'acquired'],
} as const;

/** Other spellings accepted in the `type` column (case-insensitive). */
const TYPE_ALIASES: Readonly<Record<string, Transaction['type']>> = {
  reinvested_dividend: 'reinvest',
  drip: 'reinvest',
  roc: 'return_of_capital',
  transfer: 'transfer_in',
  'transfer-in': 'transfer_in',
  'transfer-out': 'transfer_out',
};

/** Account used when a row leaves `account` empty. */
export const DEFAULT_ACCOUNT = 'DEFAULT';

function readType(r: RowReader): Transaction['type'] {
  const raw = r.requireText('type').toLowerCase();
  const type = (TRANSACTION_TYPES as readonly string[]).includes(raw) ? raw : TYPE_ALIASES[raw];
  if (!type)
    throw r.fail(
      'type',
      `unknown transaction type; expected one of ${TRANSACTION_TYPES.join(', ')}`,
    );
  return type as Transaction['type'];
}

function readRow(r: RowReader): Transaction {
  const type = readType(r);
  const base = {
    date: r.date('date') ?? r.requireText('date'),
    account: r.text('account') ?? DEFAULT_ACCOUNT,
    feesCents: r.cents('fees', { min: 0 }) ?? 0,
    source: { file: r.file, line: r.row.line },
  };
  const symbol = (): string => r.symbol('symbol') ?? r.requireText('symbol');
  const quantity = (): number => r.requireNumber('quantity', { positive: true });
  const lots = r
    .text('lots')
    ?.split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  const withLots = lots?.length ? { lots } : {};
  switch (type) {
    case 'buy':
    case 'sell':
      return {
        ...base,
        type,
        symbol: symbol(),
        quantity: quantity(),
        price: r.requireNumber('price', { min: 0 }),
        ...withLots,
      };
    case 'reinvest':
      return {
        ...base,
        type,
        symbol: symbol(),
        quantity: quantity(),
        price: r.requireNumber('price', { min: 0 }),
      };
    case 'split':
      return { ...base, type, symbol: symbol(), ratio: quantity() };
    case 'transfer_out':
      return { ...base, type, symbol: symbol(), quantity: quantity(), ...withLots };
    case 'transfer_in': {
      const costPerShare = r.number('price', { min: 0 });
      const acquired = r.date('acquired');
      return {
        ...base,
        type,
        symbol: symbol(),
        quantity: quantity(),
        ...(costPerShare === undefined ? {} : { costPerShare }),
        ...(acquired === undefined ? {} : { acquired }),
      };
    }
    case 'return_of_capital':
      return { ...base, type, symbol: symbol(), amountCents: requireCents(r, 0) };
    case 'interest':
      return { ...base, type, amountCents: requireCents(r), ...optionalSymbol(r) };
    default:
      return { ...base, type, amountCents: requireCents(r, 0), ...optionalSymbol(r) };
  }
}

function requireCents(r: RowReader, min?: number): number {
  const cents = r.cents('amount', min === undefined ? {} : { min });
  if (cents === undefined) throw r.fail('amount', 'a value is required');
  return cents;
}

function optionalSymbol(r: RowReader): { symbol?: string } {
  const s = r.symbol('symbol');
  return s === undefined ? {} : { symbol: s };
}

/**
 * Parses a transactions CSV (`date,type,symbol,quantity,price,amount,fees,account,lots[,acquired]`)
 * into ledger transactions. Quantities are positive and the type gives the direction; cash rows
 * use `amount` (interest may be negative: a margin debit); a split's ratio is in `quantity`;
 * `lots` lists lot ids separated by `;`. The whole file is checked before anything is returned.
 *
 * @throws BallastError INVALID_INPUT naming file, line, column and value.
 */
export function parseTransactionsCsv(text: string, file: string): Transaction[] {
  const table = parseCsv(text, file);
  checkHeader(file, table.header, TRANSACTION_COLUMNS);
  const transactions = table.rows.map((row) => readRow(new RowReader(file, row)));
  if (transactions.length === 0) {
    throw new BallastError('INVALID_INPUT', `${file}: no transactions after the header`, { file });
  }
  return transactions;
}

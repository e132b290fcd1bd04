import { BallastError } from '../../domain/errors.ts';
import {
  TRANSACTION_TYPES,
  type Transaction,
  type TransferInTx,
} from '../../domain/ledger/types.ts';
import { CellsReader, checkHeader, type RowReader } from '../csv/fields.ts';
import { scanCsv } from '../csv/parse-csv.ts';
import { RangeReader, RangeStrings } from '../csv/range-reader.ts';

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

/** Every accepted spelling (lower-case) and the type it means. */
const TYPES: ReadonlyMap<string, Transaction['type']> = new Map([
  ...TRANSACTION_TYPES.map((t) => [t, t] as const),
  ...Object.entries(TYPE_ALIASES),
]);

function readType(r: RowReader): Transaction['type'] {
  const type = TYPES.get(r.requireText('type').toLowerCase());
  if (!type)
    throw r.fail(
      'type',
      `unknown transaction type; expected one of ${TRANSACTION_TYPES.join(', ')}`,
    );
  return type;
}

/**
 * One string object per distinct account, symbol and date: a 2 M-row file then holds a few
 * thousand strings instead of millions, and the ledger's maps compare them by identity.
 */
class Interner {
  private readonly pool = new Map<string, string>();

  intern<T extends string | undefined>(s: T): T {
    if (s === undefined) return s;
    const known = this.pool.get(s);
    if (known !== undefined) return known as T;
    this.pool.set(s, s);
    return s;
  }
}

/** The fields every transaction has, read in the order errors are reported. */
function readBase(
  r: RowReader,
  strings: Interner,
): {
  date: string;
  account: string;
  feesCents: number;
  source: { file: string; line: number };
} {
  return {
    date: strings.intern(r.date('date') ?? r.requireText('date')),
    account: strings.intern(r.text('account')) ?? DEFAULT_ACCOUNT,
    feesCents: r.cents('fees', { min: 0 }) ?? 0,
    source: { file: r.file, line: r.row.line },
  };
}

function readLots(r: RowReader): string[] | undefined {
  const text = r.text('lots');
  if (text === undefined) return undefined;
  const lots = text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  return lots.length > 0 ? lots : undefined;
}

const requireSymbol = (r: RowReader): string => r.symbol('symbol') ?? r.requireText('symbol');
const internedSymbol = (r: RowReader, strings: Interner): string =>
  strings.intern(requireSymbol(r));
const requireQuantity = (r: RowReader): number => r.requireNumber('quantity', { positive: true });

// Objects are written out field by field (no spreads): a 100 000-row file parses in a blink.
function readRow(r: RowReader, strings: Interner): Transaction {
  const type = readType(r);
  const { date, account, feesCents, source } = readBase(r, strings);
  const lots = readLots(r);
  switch (type) {
    case 'buy':
    case 'sell': {
      const symbol = internedSymbol(r, strings);
      const quantity = requireQuantity(r);
      const price = r.requireNumber('price', { min: 0 });
      return lots
        ? { date, account, feesCents, source, type, symbol, quantity, price, lots }
        : { date, account, feesCents, source, type, symbol, quantity, price };
    }
    case 'reinvest': {
      const symbol = internedSymbol(r, strings);
      const quantity = requireQuantity(r);
      const price = r.requireNumber('price', { min: 0 });
      return { date, account, feesCents, source, type, symbol, quantity, price };
    }
    case 'split': {
      const symbol = internedSymbol(r, strings);
      return { date, account, feesCents, source, type, symbol, ratio: requireQuantity(r) };
    }
    case 'transfer_out': {
      const symbol = internedSymbol(r, strings);
      const quantity = requireQuantity(r);
      return lots
        ? { date, account, feesCents, source, type, symbol, quantity, lots }
        : { date, account, feesCents, source, type, symbol, quantity };
    }
    case 'transfer_in':
      return readTransferIn(r, { date, account, feesCents, source, type }, strings);
    case 'return_of_capital': {
      const symbol = internedSymbol(r, strings);
      const amountCents = requireCents(r, 0);
      return { date, account, feesCents, source, type, symbol, amountCents };
    }
    default: {
      const amountCents = requireCents(r, type === 'interest' ? undefined : 0);
      const symbol = strings.intern(r.symbol('symbol'));
      return symbol === undefined
        ? { date, account, feesCents, source, type, amountCents }
        : { date, account, feesCents, source, type, amountCents, symbol };
    }
  }
}

function readTransferIn(
  r: RowReader,
  base: ReturnType<typeof readBase> & { type: 'transfer_in' },
  strings: Interner,
): TransferInTx {
  const costPerShare = r.number('price', { min: 0 });
  const acquired = strings.intern(r.date('acquired'));
  return {
    ...base,
    symbol: internedSymbol(r, strings),
    quantity: requireQuantity(r),
    ...(costPerShare === undefined ? {} : { costPerShare }),
    ...(acquired === undefined ? {} : { acquired }),
  };
}

function requireCents(r: RowReader, min?: number): number {
  const cents = r.cents('amount', min === undefined ? {} : { min });
  if (cents === undefined) throw r.fail('amount', 'a value is required');
  return cents;
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
  const transactions: Transaction[] = [];
  let columns = new Map<string, number>();
  const strings = new Interner();
  const ranges = new RangeStrings();
  scanCsv(text, file, {
    header: (names) => {
      checkHeader(file, names, TRANSACTION_COLUMNS);
      columns = CellsReader.columns(names);
    },
    row: (cells, line) =>
      transactions.push(readRow(new CellsReader(file, { line, cells, columns }), strings)),
    rowAt: (record) => {
      transactions.push(
        readRow(new RangeReader(file, record, { columns, strings: ranges }), strings),
      );
      return true;
    },
  });
  if (transactions.length === 0) {
    throw new BallastError('INVALID_INPUT', `${file}: no transactions after the header`, { file });
  }
  return transactions;
}

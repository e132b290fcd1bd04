import { BallastError } from '../../domain/errors.ts';
import {
  TRANSACTION_TYPES,
  type MergerTx,
  type Transaction,
  type TransferInTx,
} from '../../domain/ledger/types.ts';
import { CellsReader, checkHeader, MAX_CENTS, MAX_DOLLARS_TEXT, RowReader } from '../csv/fields.ts';
import { scanCsv } from '../csv/parse-csv.ts';
import { RangeReader, RangeStrings } from '../csv/range-reader.ts';

/** The `acquired` cell of inherited shares (long-term whatever the dates). */
export const INHERITED = 'INHERITED';

/**
 * Columns of a transactions file; `acquired` is optional and used only by `transfer_in`,
 * `to_symbol` and `to_price` only by `symbol_change` and `merger` (docs/corporate-actions.md).
 */
export const TRANSACTION_COLUMNS = {
  required: ['date', 'type'],
  optional: [
    'symbol',
    'quantity',
    'price',
    'amount',
    'fees',
    'account',
    'lots',
    'acquired',
    'to_symbol',
    'to_price',
    'currency',
  ],
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

/** Gives one string object per distinct text, so that the ledger's maps compare by identity. */
interface Strings {
  intern<T extends string | undefined>(s: T): T;
}

/**
 * One string object per distinct account, symbol and date: a 2 M-row file then holds a few
 * thousand strings instead of millions.
 */
class Interner implements Strings {
  private readonly pool = new Map<string, string>();

  intern<T extends string | undefined>(s: T): T {
    if (s === undefined) return s;
    const known = this.pool.get(s);
    if (known !== undefined) return known as T;
    this.pool.set(s, s);
    return s;
  }
}

/** For the in-place reader, whose texts are shared strings already (range-reader.ts). */
const SHARED: Strings = { intern: (s) => s };

const POSITIVE = { positive: true } as const;
const AT_LEAST_ZERO = { min: 0 } as const;

/** The fields every transaction has, read in the order errors are reported. */
interface Base {
  readonly date: string;
  readonly account: string;
  readonly feesCents: number;
  readonly source: { file: string; line: number };
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
const internedSymbol = (r: RowReader, strings: Strings): string => strings.intern(requireSymbol(r));
const requireQuantity = (r: RowReader): number => r.requireNumber('quantity', POSITIVE);

/**
 * The price per share of a trade of `quantity` shares; the trade's value `quantity × price` must
 * stay within the amounts kept exact to the cent (fields.ts `MAX_CENTS`).
 */
function tradePrice(r: RowReader, quantity: number, required: boolean): number | undefined {
  const price = required
    ? r.requireNumber('price', AT_LEAST_ZERO)
    : r.number('price', AT_LEAST_ZERO);
  if (price !== undefined && !(quantity * price * 100 <= MAX_CENTS))
    throw r.fail(
      'price',
      `out of range: quantity × price is past ${MAX_DOLLARS_TEXT}, the largest amount kept exact to the cent`,
    );
  return price;
}

/**
 * The transaction of a row with its `currency` (ISO 4217, upper-cased) when the cell has one; an
 * empty or absent cell leaves the field out (the portfolio's base currency: docs/currencies.md).
 */
function readRow(r: RowReader, strings: Strings): Transaction {
  const tx = readRowBody(r, strings);
  const text = r.text('currency');
  if (text === undefined) return tx;
  const currency = text.toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    throw r.fail('currency', 'not a three-letter ISO 4217 currency code (e.g. EUR)');
  (tx as { currency?: string }).currency = strings.intern(currency);
  return tx;
}

// Objects are written out field by field (no spreads, no intermediate objects): every row
// costs one transaction and its source.
function readRowBody(r: RowReader, strings: Strings): Transaction {
  const type = readType(r);
  const date = strings.intern(r.date('date') ?? r.requireText('date'));
  const account = strings.intern(r.text('account')) ?? DEFAULT_ACCOUNT;
  const feesCents = r.cents('fees', AT_LEAST_ZERO) ?? 0;
  const source = { file: r.file, line: r.row.line };
  const lots = readLots(r);
  switch (type) {
    case 'buy':
    case 'sell': {
      const symbol = internedSymbol(r, strings);
      const quantity = requireQuantity(r);
      const price = tradePrice(r, quantity, true)!;
      return lots
        ? { date, account, feesCents, source, type, symbol, quantity, price, lots }
        : { date, account, feesCents, source, type, symbol, quantity, price };
    }
    case 'reinvest': {
      const symbol = internedSymbol(r, strings);
      const quantity = requireQuantity(r);
      const price = tradePrice(r, quantity, true)!;
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
      const amountCents = requireCents(r, true);
      return { date, account, feesCents, source, type, symbol, amountCents };
    }
    case 'symbol_change': {
      const symbol = internedSymbol(r, strings);
      const toSymbol = strings.intern(toSymbolOf(r, symbol));
      return { date, account, feesCents, source, type, symbol, toSymbol };
    }
    case 'merger':
      return readMerger(r, { date, account, feesCents, source, type }, strings);
    default: {
      const amountCents = requireCents(r, type !== 'interest');
      const symbol = strings.intern(r.symbol('symbol'));
      return symbol === undefined
        ? { date, account, feesCents, source, type, amountCents }
        : { date, account, feesCents, source, type, amountCents, symbol };
    }
  }
}

function readTransferIn(
  r: RowReader,
  base: Base & { type: 'transfer_in' },
  strings: Strings,
): TransferInTx {
  const costPerShare = r.number('price', AT_LEAST_ZERO);
  // `INHERITED` (any case) marks inherited shares, as Form 8949 column (b) writes them.
  const inherited = r.text('acquired')?.toUpperCase() === INHERITED;
  const acquired = inherited ? undefined : strings.intern(r.date('acquired'));
  const symbol = internedSymbol(r, strings);
  const quantity = requireQuantity(r);
  tradePrice(r, quantity, false);
  const { date, account, feesCents, source, type } = base;
  const tx: { -readonly [K in keyof TransferInTx]: TransferInTx[K] } = {
    date,
    account,
    feesCents,
    source,
    type,
    symbol,
    quantity,
  };
  if (costPerShare !== undefined) tx.costPerShare = costPerShare;
  if (acquired !== undefined) tx.acquired = acquired;
  if (inherited) tx.inherited = true;
  return tx;
}

/** The `to_symbol` of a symbol change or merger: required, and not `symbol` itself. */
function toSymbolOf(r: RowReader, symbol: string): string {
  const toSymbol = r.symbol('to_symbol') ?? r.requireText('to_symbol');
  if (toSymbol === symbol) throw r.fail('to_symbol', `must differ from symbol ${symbol}`);
  return toSymbol;
}

/**
 * A merger: `symbol` → `to_symbol` at `quantity` new shares per old share, plus `price` cash per
 * old share (optional); `to_price`, the new share's value that day, is required with cash.
 */
function readMerger(r: RowReader, base: Base & { type: 'merger' }, strings: Strings): MergerTx {
  const symbol = internedSymbol(r, strings);
  const toSymbol = strings.intern(toSymbolOf(r, symbol));
  const ratio = requireQuantity(r);
  const cashPerShare = r.number('price', AT_LEAST_ZERO);
  const toPrice = r.number('to_price', AT_LEAST_ZERO);
  if (cashPerShare !== undefined && cashPerShare > 0 && toPrice === undefined)
    throw r.fail(
      'to_price',
      'a merger with cash (price > 0) needs the value of one new share on its date, to split the basis between cash and shares',
    );
  const { date, account, feesCents, source, type } = base;
  const tx: { -readonly [K in keyof MergerTx]: MergerTx[K] } = {
    date,
    account,
    feesCents,
    source,
    type,
    symbol,
    toSymbol,
    ratio,
  };
  if (cashPerShare !== undefined) tx.cashPerShare = cashPerShare;
  if (toPrice !== undefined) tx.toPrice = toPrice;
  return tx;
}

/** The `amount` in cents; at least zero unless `nonNegative` is false (interest may be a debit). */
function requireCents(r: RowReader, nonNegative: boolean): number {
  const cents = r.cents('amount', nonNegative ? AT_LEAST_ZERO : {});
  if (cents === undefined) throw r.fail('amount', 'a value is required');
  return cents;
}

/**
 * Parses a transactions CSV (`date,type,symbol,quantity,price,amount,fees,account,lots[,acquired]
 * [,to_symbol,to_price][,currency]`)
 * into ledger transactions. Quantities are positive and the type gives the direction; cash rows
 * use `amount` (interest may be negative: a margin debit); a split's ratio is in `quantity`;
 * `lots` lists lot ids separated by `;`. The whole file is checked before anything is returned.
 *
 * @throws BallastError INVALID_INPUT naming file, line, column and value.
 */
export function parseTransactionsCsv(text: string, file: string): Transaction[] {
  const transactions: Transaction[] = [];
  let columns = new Map<string, number>();
  let reader: RangeReader | undefined;
  const strings = new Interner();
  scanCsv(text, file, {
    header: (names) => {
      checkHeader(file, names, TRANSACTION_COLUMNS);
      columns = CellsReader.columns(names);
      reader = new RangeReader(file, { columns, strings: new RangeStrings() });
    },
    row: (cells, line) =>
      transactions.push(readRow(new CellsReader(file, { line, cells, columns }), strings)),
    rowAt: (record) => {
      transactions.push(readRow(reader!.at(record), SHARED));
      return true;
    },
  });
  if (transactions.length === 0) {
    throw new BallastError('INVALID_INPUT', `${file}: no transactions after the header`, { file });
  }
  return transactions;
}

/** One data row of a transactions CSV read on its own: its transaction, or why it is refused. */
export type TransactionCsvRow =
  | { readonly line: number; readonly transaction: Transaction }
  | { readonly line: number; readonly error: BallastError };

/**
 * Every data row of a transactions CSV read on its own (for a preview that lists each row's
 * fate): a row that does not read is reported with the error {@link parseTransactionsCsv} would
 * give for it (file, line, column and value), and the rows after it are read too. A row with
 * more cells than the header is such a row. The file itself must read: an empty file, a bad
 * header, an unclosed quote or no data row fail as in {@link parseTransactionsCsv}.
 *
 * @throws BallastError INVALID_INPUT naming the file (and line) when the file itself is unreadable.
 */
export function parseTransactionsCsvRows(text: string, file: string): TransactionCsvRow[] {
  const rows: TransactionCsvRow[] = [];
  let columns = new Map<string, number>();
  let width = 0;
  const strings = new Interner();
  scanCsv(text, file, {
    header: (names) => {
      checkHeader(file, names, TRANSACTION_COLUMNS);
      columns = CellsReader.columns(names);
      width = names.length;
    },
    row: (cells, line) => {
      try {
        rows.push({
          line,
          transaction: readRow(new CellsReader(file, { line, cells, columns }), strings),
        });
      } catch (error) {
        if (!(error instanceof BallastError)) throw error;
        rows.push({ line, error });
      }
    },
    wide: (count, line) => {
      const error = new BallastError(
        'INVALID_INPUT',
        `${file}:${line}: ${count} cells but the header has ${width} columns`,
        { file, line },
      );
      rows.push({ line, error });
    },
  });
  if (rows.length === 0) {
    throw new BallastError('INVALID_INPUT', `${file}: no transactions after the header`, { file });
  }
  return rows;
}

/**
 * The transaction of one row given as its cells by column name (the transactions-CSV
 * vocabulary: amounts and fees in dollars, `lots` separated by `;`), as if it stood on `line`
 * of `file` — the same values and errors (naming file, line, column and value) as in a file.
 * Unknown columns are refused.
 *
 * @throws BallastError INVALID_INPUT naming the column.
 */
export function readTransactionCells(
  cells: Readonly<Record<string, string>>,
  at: { readonly file: string; readonly line: number },
): Transaction {
  const known: readonly string[] = [
    ...TRANSACTION_COLUMNS.required,
    ...TRANSACTION_COLUMNS.optional,
  ];
  for (const column of Object.keys(cells))
    if (!known.includes(column))
      throw new BallastError(
        'INVALID_INPUT',
        `${at.file}:${at.line}: unknown column "${column}" (expected ${known.join(', ')})`,
        { file: at.file, line: at.line, column },
      );
  const trimmed = Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, v.trim()]));
  return readRow(new RowReader(at.file, { line: at.line, cells: trimmed }), new Interner());
}

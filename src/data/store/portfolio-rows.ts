/**
 * Portfolio values ↔ table rows. Writes are checked whole before anything is written: a bad
 * transaction is INVALID_INPUT naming `transactions[i].<field>`, with its index and source line
 * in `details`. Each type accepts exactly the fields the transactions-CSV vocabulary gives it
 * (a field another type uses is refused rather than silently dropped).
 *
 * A row's `currency` (any type) is stored as given, upper-cased — a row in the portfolio's base
 * currency keeps its code if it gave one — and a row without one is stored as null, which means
 * the portfolio's base currency; it reads back exactly as written (docs/currencies.md).
 */

import type { Selectable } from 'kysely';
import { isIsoDate } from '../../domain/calendar/iso-date.ts';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import { normalizeSymbol } from '../../domain/exposures/symbol.ts';
import { isTaxType, TAX_TYPES, type AccountInfo } from '../../domain/ledger/accounts.ts';
import { TRANSACTION_TYPES, type Transaction } from '../../domain/ledger/types.ts';
import type { NewPortfolio, StoredPortfolio } from './portfolio-store.ts';
import type { PortfoliosTable, TransactionsTable } from './schema.ts';
import { checkText, normalizeTimestamp } from './validate.ts';

/** A `transactions` row without its portfolio and position (the writer adds them). */
export type TransactionRow = Omit<TransactionsTable, 'portfolio_id' | 'seq'>;

const MAX_NAME = 100;
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A portfolio name: trimmed, 1 to 100 characters, no control characters. */
export function checkPortfolioName(field: string, value: unknown): string {
  const name = checkText(field, value);
  if (name.length > MAX_NAME || CONTROL.test(name))
    throw invalidInput(
      field,
      value,
      `must be at most ${MAX_NAME} characters, none of them control characters`,
    );
  return name;
}

/** A three-letter currency code, upper-cased; default `USD`. */
export function checkCurrency(field: string, value: unknown): string {
  if (value === undefined) return 'USD';
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(code))
    throw invalidInput(field, value, 'must be a three-letter currency code such as USD');
  return code;
}

/** The `portfolios` row of a new portfolio (`now` when it gives no creation time). */
export function portfolioRow(portfolio: NewPortfolio, now: string): Omit<PortfoliosTable, 'id'> {
  if (typeof portfolio !== 'object' || portfolio === null)
    throw invalidInput('portfolio', portfolio, 'must be { name, baseCurrency? }');
  return {
    name: checkPortfolioName('name', portfolio.name),
    base_currency: checkCurrency('baseCurrency', portfolio.baseCurrency),
    created_at: normalizeTimestamp('createdAt', portfolio.createdAt ?? now),
  };
}

/** A stored portfolio from its row. */
export function toStoredPortfolio(row: Selectable<PortfoliosTable>): StoredPortfolio {
  return {
    id: Number(row.id),
    name: row.name,
    baseCurrency: row.base_currency,
    createdAt: row.created_at,
  };
}

/** Checked accounts: names trimmed and unique, tax types from the list. */
export function accountRows(accounts: readonly AccountInfo[]): AccountInfo[] {
  if (!Array.isArray(accounts)) throw invalidInput('accounts', accounts, 'must be an array');
  const seen = new Set<string>();
  return accounts.map((item: unknown, i) => {
    const account = (typeof item === 'object' && item !== null ? item : {}) as Partial<AccountInfo>;
    const name = checkText(`accounts[${i}].name`, account.name);
    if (seen.has(name)) throw invalidInput(`accounts[${i}].name`, name, 'listed twice');
    seen.add(name);
    if (!isTaxType(account.taxType))
      throw invalidInput(
        `accounts[${i}].taxType`,
        account.taxType,
        `must be one of ${TAX_TYPES.join(', ')}`,
      );
    return { name, taxType: account.taxType };
  });
}

/** A type's own fields besides date, type, account, feesCents, source and currency. */
interface TypeFields {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

const CASH: TypeFields = { required: ['amountCents'], optional: ['symbol'] };

/** The fields of each type, as the transactions-CSV vocabulary gives them. */
const FIELDS: Readonly<Record<Transaction['type'], TypeFields>> = {
  buy: { required: ['symbol', 'quantity', 'price'], optional: ['lots'] },
  sell: { required: ['symbol', 'quantity', 'price'], optional: ['lots'] },
  reinvest: { required: ['symbol', 'quantity', 'price'], optional: [] },
  split: { required: ['symbol', 'ratio'], optional: [] },
  transfer_out: { required: ['symbol', 'quantity'], optional: ['lots'] },
  transfer_in: {
    required: ['symbol', 'quantity'],
    optional: ['costPerShare', 'acquired', 'inherited'],
  },
  return_of_capital: { required: ['symbol', 'amountCents'], optional: [] },
  symbol_change: { required: ['symbol', 'toSymbol'], optional: [] },
  merger: {
    required: ['symbol', 'toSymbol', 'ratio'],
    optional: ['cashPerShare', 'toPrice'],
  },
  deposit: CASH,
  withdrawal: CASH,
  fee: CASH,
  interest: CASH,
  dividend: CASH,
};
const COMMON = ['date', 'type', 'account', 'feesCents', 'source', 'currency'];

/** Reads the fields of one transaction, failing with its index, line and field. */
class TxReader {
  constructor(
    private readonly tx: Readonly<Record<string, unknown>>,
    private readonly at: { readonly index: number; readonly line: number | undefined },
  ) {}

  fail(field: string, why: string): BallastError {
    const name = `transactions[${this.at.index}].${field}`;
    const value = this.tx[field];
    const line = this.at.line === undefined ? '' : ` (source line ${this.at.line})`;
    return new BallastError(
      'INVALID_INPUT',
      `${name}: ${why} (got ${JSON.stringify(value) ?? 'nothing'})${line}`,
      {
        field: name,
        value,
        index: this.at.index,
        ...(this.at.line === undefined ? {} : { line: this.at.line }),
      },
    );
  }

  has(field: string): boolean {
    return this.tx[field] !== undefined;
  }

  number(field: string, check: (x: number) => boolean, why: string): number {
    const x = this.tx[field];
    if (typeof x !== 'number' || !Number.isFinite(x) || !check(x)) throw this.fail(field, why);
    return x;
  }

  cents(field: string, signed: boolean): number {
    return this.number(
      field,
      (x) => Number.isSafeInteger(x) && (signed || x >= 0),
      signed ? 'must be whole cents (a safe integer)' : 'must be whole cents ≥ 0 (a safe integer)',
    );
  }

  text(field: string): string {
    const x = this.tx[field];
    if (typeof x !== 'string' || x.trim() === '')
      throw this.fail(field, 'must be a non-empty string');
    return x.trim();
  }

  symbol(field: string): string {
    const x = this.tx[field];
    const symbol = typeof x === 'string' ? normalizeSymbol(x) : '';
    if (symbol === '') throw this.fail(field, 'must be a non-empty symbol');
    return symbol;
  }

  /** The row's currency code, upper-cased ({@link checkCurrency}), naming the row when bad. */
  currency(field: string): string {
    try {
      return checkCurrency(field, this.tx[field]);
    } catch {
      throw this.fail(field, 'must be a three-letter currency code such as EUR');
    }
  }

  date(field: string): string {
    const x = this.tx[field];
    if (typeof x !== 'string' || !isIsoDate(x))
      throw this.fail(field, 'must be a calendar date YYYY-MM-DD');
    return x;
  }
}

function sourceLine(tx: Readonly<Record<string, unknown>>): unknown {
  const source = tx['source'];
  return typeof source === 'object' && source !== null
    ? (source as { line?: unknown }).line
    : undefined;
}

function checkShape(r: TxReader, tx: Readonly<Record<string, unknown>>): Transaction['type'] {
  const type = tx['type'];
  if (typeof type !== 'string' || !(TRANSACTION_TYPES as readonly string[]).includes(type))
    throw r.fail('type', `must be one of ${TRANSACTION_TYPES.join(', ')}`);
  const { required, optional } = FIELDS[type as Transaction['type']];
  const allowed = new Set([...COMMON, ...required, ...optional]);
  for (const key of Object.keys(tx))
    if (tx[key] !== undefined && !allowed.has(key)) throw r.fail(key, `not a field of a ${type}`);
  for (const field of required) if (!r.has(field)) throw r.fail(field, `required by a ${type}`);
  return type as Transaction['type'];
}

function lotsText(r: TxReader, lots: unknown): string | null {
  if (lots === undefined) return null;
  if (
    !Array.isArray(lots) ||
    lots.length === 0 ||
    lots.some((l) => typeof l !== 'string' || l.trim() === '')
  )
    throw r.fail('lots', 'must be a non-empty list of lot ids');
  return JSON.stringify(lots);
}

const positive = (x: number): boolean => x > 0;
const nonNegative = (x: number): boolean => x >= 0;

/** The type-specific columns of a checked transaction. */
function typeColumns(
  r: TxReader,
  tx: Readonly<Record<string, unknown>>,
  type: Transaction['type'],
) {
  const symbol = r.has('symbol') ? r.symbol('symbol') : null;
  const quantity = r.has('quantity')
    ? r.number('quantity', positive, 'must be a number > 0')
    : null;
  const ratio = r.has('ratio') ? r.number('ratio', positive, 'must be a number > 0') : null;
  const price = r.has('price') ? r.number('price', nonNegative, 'must be a number ≥ 0') : null;
  const cost = r.has('costPerShare')
    ? r.number('costPerShare', nonNegative, 'must be a number ≥ 0')
    : r.has('cashPerShare')
      ? r.number('cashPerShare', nonNegative, 'must be a number ≥ 0')
      : null;
  const amount = r.has('amountCents') ? r.cents('amountCents', type === 'interest') : null;
  const acquired =
    tx['inherited'] === true ? 'INHERITED' : r.has('acquired') ? r.date('acquired') : null;
  return {
    symbol,
    quantity: ratio ?? quantity,
    price: cost ?? price,
    amount_cents: amount,
    lots: lotsText(r, tx['lots']),
    acquired,
    ...corporateActionColumns(r, type, symbol),
  };
}

/**
 * `to_symbol` and `to_price` of a symbol change or merger (left out of every other row, so
 * those are written as before the columns existed).
 */
function corporateActionColumns(
  r: TxReader,
  type: Transaction['type'],
  symbol: string | null,
): { to_symbol?: string; to_price?: number | null } {
  if (type !== 'symbol_change' && type !== 'merger') return {};
  const toSymbol = r.symbol('toSymbol');
  if (toSymbol === symbol) throw r.fail('toSymbol', `must differ from symbol ${symbol}`);
  const toPrice = r.has('toPrice')
    ? r.number('toPrice', nonNegative, 'must be a number ≥ 0')
    : null;
  if (type === 'merger' && toPrice === null && r.has('cashPerShare')) {
    if (r.number('cashPerShare', nonNegative, 'must be a number ≥ 0') > 0)
      throw r.fail('toPrice', 'required by a merger with cash (the value of one new share)');
  }
  return { to_symbol: toSymbol, to_price: toPrice };
}

/** The row of one transaction (see the module comment). */
export function transactionRow(item: unknown, index: number): TransactionRow {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    throw invalidInput(`transactions[${index}]`, item, 'must be a transaction object');
  const tx = item as Readonly<Record<string, unknown>>;
  const line = sourceLine(tx);
  const r = new TxReader(tx, { index, line: typeof line === 'number' ? line : undefined });
  if (typeof line !== 'number' || !Number.isSafeInteger(line) || line < 1)
    throw r.fail('source', 'must be { line } with a positive integer line');
  const type = checkShape(r, tx);
  return {
    line,
    date: r.date('date'),
    type,
    account: r.text('account'),
    fees_cents: r.has('feesCents') ? r.cents('feesCents', false) : 0,
    ...typeColumns(r, tx, type),
    // Left out of a row without one, so such rows are written as before the column existed.
    ...(r.has('currency') ? { currency: r.currency('currency') } : {}),
  };
}

/**
 * Rows of a batch, lines strictly increasing from after `lastLine`; throws on the first bad
 * transaction, so nothing of the batch is written.
 */
export function transactionRows(
  transactions: readonly Transaction[],
  lastLine: number,
): TransactionRow[] {
  if (!Array.isArray(transactions))
    throw invalidInput('transactions', transactions, 'must be an array');
  let previous = lastLine;
  return transactions.map((tx: unknown, i) => {
    const row = transactionRowAfter(tx, i, previous);
    previous = row.line;
    return row;
  });
}

/**
 * The row of transaction `index` of a batch ({@link transactionRow}) whose line must come after
 * line `previous` (INVALID_INPUT naming `transactions[index].source` otherwise).
 */
export function transactionRowAfter(
  item: unknown,
  index: number,
  previous: number,
): TransactionRow {
  const row = transactionRow(item, index);
  if (row.line <= previous)
    throw new TxReader(item as Record<string, unknown>, { index, line: row.line }).fail(
      'source',
      `line ${row.line} must come after line ${previous} (lines increase through the ledger; they name lots)`,
    );
  return row;
}

const optional = <K extends string, V>(key: K, value: V | null): { [P in K]?: V } =>
  (value === null ? {} : { [key]: value }) as { [P in K]?: V };

/** The transaction of a stored row (exactly the fields its type has). */
export function toTransaction(row: TransactionRow): Transaction {
  const base = {
    date: row.date,
    account: row.account,
    feesCents: Number(row.fees_cents),
    source: { line: Number(row.line) },
    ...optional('currency', row.currency ?? null),
  };
  const symbol = row.symbol ?? '';
  const quantity = row.quantity ?? 0;
  const lots = row.lots === null ? null : (JSON.parse(row.lots) as string[]);
  const amountCents = Number(row.amount_cents);
  const type = row.type as Transaction['type'];
  switch (type) {
    case 'buy':
    case 'sell':
      return { ...base, type, symbol, quantity, price: row.price ?? 0, ...optional('lots', lots) };
    case 'reinvest':
      return { ...base, type, symbol, quantity, price: row.price ?? 0 };
    case 'split':
      return { ...base, type, symbol, ratio: quantity };
    case 'transfer_out':
      return { ...base, type, symbol, quantity, ...optional('lots', lots) };
    case 'transfer_in':
      return {
        ...base,
        type,
        symbol,
        quantity,
        ...optional('costPerShare', row.price),
        ...(row.acquired === 'INHERITED'
          ? { inherited: true }
          : optional('acquired', row.acquired)),
      };
    case 'return_of_capital':
      return { ...base, type, symbol, amountCents };
    case 'symbol_change':
      return { ...base, type, symbol, toSymbol: row.to_symbol ?? '' };
    case 'merger':
      return {
        ...base,
        type,
        symbol,
        toSymbol: row.to_symbol ?? '',
        ratio: quantity,
        ...optional('cashPerShare', row.price),
        ...optional('toPrice', row.to_price ?? null),
      };
    default:
      return { ...base, type, amountCents, ...optional('symbol', row.symbol) };
  }
}

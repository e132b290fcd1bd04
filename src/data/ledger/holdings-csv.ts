import { BallastError } from '../../domain/errors.ts';
import type { Cents } from '../../domain/ledger/money.ts';
import type { Lot } from '../../domain/ledger/types.ts';
import type { PriceQuote } from '../../domain/valuation/value-positions.ts';
import { checkHeader, RowReader } from '../csv/fields.ts';
import { parseCsv } from '../csv/parse-csv.ts';
import { DEFAULT_ACCOUNT } from './transactions-csv.ts';

/** Columns of a holdings snapshot file. */
export const HOLDINGS_COLUMNS = {
  required: ['symbol', 'quantity'],
  optional: ['cost_basis', 'acquired', 'account', 'price', 'market_value'],
} as const;

/** Symbols that denote a cash balance in a holdings file (negative = margin loan). */
export const CASH_SYMBOLS: readonly string[] = ['CASH', '$CASH', 'USD'];

/** A holdings snapshot: one lot per row, cash per account and the prices the file states. */
export interface HoldingsSnapshot {
  readonly lots: Lot[];
  readonly cashCents: Map<string, Cents>;
  readonly prices: Map<string, PriceQuote>;
}

/**
 * Parses a holdings snapshot CSV `symbol,quantity,cost_basis,acquired,account[,price|market_value]`.
 * Each row is a lot (`H<line>`; negative quantity = short); `cost_basis` is the row's total basis
 * in dollars and `acquired` its acquisition date (both required for securities). A `CASH` row
 * puts its quantity in dollars into the account's cash (negative = margin loan). An inline
 * `price`, or `market_value` ÷ quantity, values the symbol and is labelled as from this file.
 *
 * One price per symbol: the same symbol priced on several rows (two lots, two accounts) must
 * state the same price — two different prices are INVALID_INPUT naming both lines and both
 * prices, never "the last one wins". A price derived from `market_value` (rounded to the cent
 * by the broker) agrees with another when they differ by no more than that rounding: half a
 * cent of market value divided by each row's quantity.
 *
 * @throws BallastError INVALID_INPUT naming file, line, column and value.
 */
export function parseHoldingsCsv(text: string, file: string): HoldingsSnapshot {
  const table = parseCsv(text, file);
  checkHeader(file, table.header, HOLDINGS_COLUMNS);
  const snapshot: HoldingsSnapshot = { lots: [], cashCents: new Map(), prices: new Map() };
  const stated = new Map<string, StatedPrice>();
  for (const row of table.rows) {
    const r = new RowReader(file, row);
    const symbol = r.symbol('symbol') ?? r.requireText('symbol');
    const account = r.text('account') ?? DEFAULT_ACCOUNT;
    if (CASH_SYMBOLS.includes(symbol)) {
      const cents = r.cents('quantity') ?? 0;
      snapshot.cashCents.set(account, (snapshot.cashCents.get(account) ?? 0) + cents);
      continue;
    }
    const quantity = r.requireNumber('quantity');
    if (quantity === 0) throw r.fail('quantity', 'must not be zero');
    const basis = r.cents('cost_basis', { min: 0 });
    if (basis === undefined)
      throw r.fail('cost_basis', 'a value is required (total basis in dollars)');
    snapshot.lots.push({
      id: `H${row.line}`,
      account,
      symbol,
      acquired: r.date('acquired') ?? r.requireText('acquired'),
      quantity,
      basisCents: Math.sign(quantity) * basis,
    });
    const price = statedPrice(r, quantity);
    if (price === undefined) continue;
    const earlier = stated.get(symbol);
    if (earlier === undefined) {
      stated.set(symbol, price);
      snapshot.prices.set(symbol, { price: price.price, source: `holdings file ${file}` });
    } else if (!samePrice(earlier, price)) {
      throw conflictingPrices({ file, symbol, first: earlier, second: price });
    }
  }
  return snapshot;
}

/** A price a row states, where, and how precisely (0 when typed, cent rounding when derived). */
interface StatedPrice {
  readonly price: number;
  readonly line: number;
  readonly column: 'price' | 'market_value';
  readonly tolerance: number;
}

function statedPrice(r: RowReader, quantity: number): StatedPrice | undefined {
  const price = r.number('price', { min: 0 });
  if (price !== undefined) return { price, line: r.row.line, column: 'price', tolerance: 0 };
  const marketValue = r.number('market_value');
  if (marketValue === undefined) return undefined;
  return {
    price: marketValue / quantity,
    line: r.row.line,
    column: 'market_value',
    tolerance: 0.005 / Math.abs(quantity),
  };
}

function samePrice(a: StatedPrice, b: StatedPrice): boolean {
  // 1e-12 relative: the same decimal price read twice, or reached by a division, is equal.
  const slack = a.tolerance + b.tolerance + 1e-12 * Math.max(Math.abs(a.price), Math.abs(b.price));
  return Math.abs(a.price - b.price) <= slack;
}

function conflictingPrices(c: {
  file: string;
  symbol: string;
  first: StatedPrice;
  second: StatedPrice;
}): BallastError {
  const { file, symbol, first, second } = c;
  const where = (p: StatedPrice): string =>
    `${file}:${p.line} (${p.column === 'price' ? 'price' : 'market_value ÷ quantity'} ${p.price})`;
  return new BallastError(
    'INVALID_INPUT',
    `${file}:${second.line}: ${symbol} has two different prices: ${where(first)} and ${where(second)}; one symbol is valued at one price in every account — correct the file or give the price in a prices file`,
    {
      file,
      line: second.line,
      column: second.column,
      symbol,
      value: second.price,
      conflictsWith: { line: first.line, column: first.column, value: first.price },
    },
  );
}

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
 * @throws BallastError INVALID_INPUT naming file, line, column and value.
 */
export function parseHoldingsCsv(text: string, file: string): HoldingsSnapshot {
  const table = parseCsv(text, file);
  checkHeader(file, table.header, HOLDINGS_COLUMNS);
  const snapshot: HoldingsSnapshot = { lots: [], cashCents: new Map(), prices: new Map() };
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
    const price = r.number('price', { min: 0 });
    const marketValue = r.number('market_value');
    const stated = price ?? (marketValue === undefined ? undefined : marketValue / quantity);
    if (stated !== undefined)
      snapshot.prices.set(symbol, { price: stated, source: `holdings file ${file}` });
  }
  return snapshot;
}

/**
 * A ledger whose rows are in several currencies, turned into one in the base currency
 * (docs/currencies.md, "Ledgers in several currencies").
 *
 * - A row's currency is its own `currency` (the transactions CSV's optional column), else the
 *   currency mapped to its symbol (`--currencies SAP=EUR`), else the base currency — so a file
 *   without the column, and without a mapping, is entirely in the base currency, as before.
 * - A symbol's currency (the currency its prices are quoted in) is the mapping's, else the
 *   currency of its trades (`buy`, `sell`, `reinvest`, `transfer_in` with a cost), else the base
 *   currency. Trades of one symbol in two currencies are INVALID_INPUT naming the line.
 * - Conversion: every money figure of a row — price per share, amount, fees, the original cost
 *   of shares transferred in — is multiplied by the rate `row currency → base` **of the row's
 *   date** (cents rounded half away from zero). So a lot's cost basis is its cost in the base
 *   currency at the trade date's rate, and a sale's proceeds are converted at the sale date's
 *   rate: realised gains in the base currency include the currency gain or loss.
 * - Cash is kept in the base currency: a foreign-currency deposit, dividend or sale becomes base
 *   currency on its date (foreign cash balances are not modelled).
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { BallastError } from '../errors.ts';
import type { Transaction } from '../ledger/types.ts';
import type { CurrencyCode } from './currency.ts';

/** Symbol → currency of its prices (upper-case keys). */
export type SymbolCurrencies = Readonly<Record<string, CurrencyCode>>;

/** Options naming the base currency and the symbol mapping. */
export interface CurrencyContext {
  readonly base: CurrencyCode;
  readonly symbolCurrencies?: SymbolCurrencies;
}

const symbolOf = (tx: Transaction): string | undefined => ('symbol' in tx ? tx.symbol : undefined);

/** The currency of one row (see the module comment). */
export function rowCurrency(tx: Transaction, context: CurrencyContext): CurrencyCode {
  if (tx.currency !== undefined) return tx.currency;
  const symbol = symbolOf(tx);
  return (symbol !== undefined ? context.symbolCurrencies?.[symbol] : undefined) ?? context.base;
}

const isPricedTrade = (tx: Transaction): boolean =>
  tx.type === 'buy' ||
  tx.type === 'sell' ||
  tx.type === 'reinvest' ||
  (tx.type === 'transfer_in' && tx.costPerShare !== undefined);

/** What {@link ledgerCurrencies} finds. */
export interface LedgerCurrencies {
  /** The currency of every symbol of the ledger (base when nothing says otherwise). */
  readonly symbols: ReadonlyMap<string, CurrencyCode>;
  /** Every currency other than the base met in rows or symbols, sorted. */
  readonly foreign: readonly CurrencyCode[];
}

/**
 * The currency of each symbol and the foreign currencies of a ledger.
 * @throws BallastError INVALID_INPUT naming the line when one symbol trades in two currencies.
 */
export function ledgerCurrencies(
  transactions: readonly Transaction[],
  context: CurrencyContext,
): LedgerCurrencies {
  const symbols = new Map<string, { currency: CurrencyCode; line?: number }>();
  const foreign = new Set<CurrencyCode>();
  for (const [symbol, currency] of Object.entries(context.symbolCurrencies ?? {}))
    symbols.set(symbol, { currency });
  for (const tx of transactions) {
    const currency = rowCurrency(tx, context);
    if (currency !== context.base) foreign.add(currency);
    const symbol = symbolOf(tx);
    if (symbol === undefined) continue;
    const known = symbols.get(symbol);
    if (!isPricedTrade(tx)) {
      if (!known) symbols.set(symbol, { currency: context.base });
      continue;
    }
    if (known === undefined || known.line === undefined) {
      if (known !== undefined && known.currency !== currency && context.symbolCurrencies?.[symbol])
        throw conflict(tx, {
          symbol,
          currency,
          other: `${known.currency} (the currencies mapping)`,
        });
      symbols.set(symbol, { currency, line: tx.source.line });
    } else if (known.currency !== currency)
      throw conflict(tx, { symbol, currency, other: `${known.currency} on line ${known.line}` });
  }
  for (const { currency } of symbols.values()) if (currency !== context.base) foreign.add(currency);
  return {
    symbols: new Map([...symbols].map(([s, v]) => [s, v.currency])),
    foreign: [...foreign].sort(),
  };
}

function conflict(
  tx: Transaction,
  { symbol, currency, other }: { symbol: string; currency: string; other: string },
): BallastError {
  const where = `${tx.source.file ? `${tx.source.file}:` : ''}${tx.source.line}`;
  return new BallastError(
    'INVALID_INPUT',
    `${where}: column "currency": ${symbol} trades in ${currency} here but in ${other}; one symbol has one currency`,
    { line: tx.source.line, column: 'currency', value: currency, symbol },
  );
}

/** Units of base currency per unit of `currency` on `date` (throws when unknown). */
export type RateToBase = (currency: CurrencyCode, date: IsoDate) => number;

const cents = (c: number, rate: number): number => (rate === 1 ? c : Math.round(c * rate));

/**
 * The ledger in the base currency: each row's money multiplied by `rateToBase(row currency,
 * row date)`, `currency` dropped (see the module comment). Rows already in the base currency are
 * returned as they are (the same objects).
 */
export function transactionsInBase(
  transactions: readonly Transaction[],
  context: CurrencyContext & { readonly rateToBase: RateToBase },
): Transaction[] {
  return transactions.map((tx) => {
    const currency = rowCurrency(tx, context);
    if (currency === context.base && tx.currency === undefined) return tx;
    const rate = currency === context.base ? 1 : context.rateToBase(currency, tx.date);
    const { currency: _dropped, ...rest } = tx;
    void _dropped;
    const out: Record<string, unknown> = { ...rest, feesCents: cents(tx.feesCents, rate) };
    if ('price' in tx) out['price'] = tx.price * rate;
    if ('amountCents' in tx) out['amountCents'] = cents(tx.amountCents, rate);
    if (tx.type === 'transfer_in' && tx.costPerShare !== undefined)
      out['costPerShare'] = tx.costPerShare * rate;
    return out as unknown as Transaction;
  });
}

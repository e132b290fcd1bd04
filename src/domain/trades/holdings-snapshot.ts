/**
 * The portfolio before trading, valued: quantity and quote per symbol, cash, and total value
 * including cash (docs/conventions.md: portfolio value includes cash, which may be negative).
 */

import { BallastError, invalidInput } from '../errors.ts';
import { normalizeSymbol } from '../exposures/symbol.ts';
import { holdingsBySymbol } from '../ledger/holding-lines.ts';
import { roundHalfAway, type Cents } from '../ledger/money.ts';
import type { Lot } from '../ledger/types.ts';
import type { PriceQuote } from '../valuation/value-positions.ts';
import type { CurrentHoldings } from './types.ts';

/** One symbol of the snapshot: held (possibly 0) and/or targeted. */
export interface SymbolSnapshot {
  readonly symbol: string;
  /** Signed quantity over all accounts. */
  readonly quantity: number;
  readonly quote: PriceQuote;
  /** quantity × price, rounded to the cent. */
  readonly valueCents: Cents;
}

/** Valued holdings. */
export interface HoldingsSnapshot {
  /** Held and targeted symbols, sorted. */
  readonly symbols: readonly SymbolSnapshot[];
  readonly cashCents: Cents;
  /** Σ valueCents + cash. */
  readonly totalValueCents: Cents;
}

/** Prices keyed by upper-case symbol; the first source that has a symbol wins. */
export function firstPriceBySymbol(
  sources: readonly ReadonlyMap<string, PriceQuote>[],
): Map<string, PriceQuote> {
  const out = new Map<string, PriceQuote>();
  for (const source of sources) {
    for (const [symbol, quote] of source) {
      const key = normalizeSymbol(symbol);
      if (!out.has(key)) out.set(key, quote);
    }
  }
  return out;
}

/** Signed quantity per upper-case symbol over all accounts (1e-9 share precision). */
export function quantityBySymbol(lots: readonly Lot[]): Map<string, number> {
  return new Map([...holdingsBySymbol(lots)].map(([symbol, h]) => [symbol, h.quantity]));
}

/**
 * Values every held symbol and every symbol of `targetSymbols` at its quote. A symbol without
 * a usable quote (missing, not finite or ≤ 0) is DATA_UNAVAILABLE naming it: a held symbol
 * cannot be left out of total value and a target cannot be sized without a price. A total
 * value ≤ 0 cannot be sized against (INVALID_INPUT).
 */
export function snapshotHoldings(
  holdings: CurrentHoldings,
  targetSymbols: readonly string[],
): HoldingsSnapshot {
  const prices = firstPriceBySymbol([holdings.prices]);
  const held = quantityBySymbol(holdings.lots);
  const names = [...new Set([...held.keys(), ...targetSymbols])].sort();
  const symbols = names.map((symbol): SymbolSnapshot => {
    const quote = prices.get(symbol);
    if (quote === undefined || !Number.isFinite(quote.price) || quote.price <= 0) {
      const role = targetSymbols.includes(symbol) ? 'target' : 'held';
      throw new BallastError(
        'DATA_UNAVAILABLE',
        `prices: no usable price for ${role} symbol ${symbol}${quote ? ` (got ${quote.price} from ${quote.source})` : ''}; trades cannot be sized without it`,
        { field: 'prices', symbol, value: quote?.price ?? null },
      );
    }
    const quantity = held.get(symbol) ?? 0;
    return { symbol, quantity, quote, valueCents: roundHalfAway(quantity * quote.price * 100) };
  });
  let cashCents = 0;
  for (const [account, cents] of holdings.cashCents) {
    if (!Number.isInteger(cents))
      throw invalidInput(`cashCents.${account}`, cents, 'cash must be whole cents');
    cashCents += cents;
  }
  const totalValueCents = symbols.reduce((s, x) => s + x.valueCents, cashCents);
  if (totalValueCents <= 0) {
    throw invalidInput(
      'totalValue',
      totalValueCents / 100,
      'total value including cash must be > 0 to size trades',
    );
  }
  return { symbols, cashCents, totalValueCents };
}

/**
 * Quantity changes per symbol → orders per account. A sell closes long lots first (across
 * accounts, in the relief method's lot order) and only then opens a short; a buy covers short
 * lots first and then opens a long. Shares that open a position go to one account: the option,
 * else the account holding most of the symbol, else the account with the most cash (ties by
 * name), else `DEFAULT`. Each (symbol, account, side) is one order with its own costs.
 */

import { normalizeSymbol } from '../exposures/symbol';
import { roundQuantity, tradeValueCents, type Cents } from '../ledger/money';
import { orderForRelief } from '../ledger/relief';
import type { Lot, LotMethod } from '../ledger/types';
import type { PriceQuote } from '../valuation/value-positions';
import { tradeCostCents } from './costs';
import type { TradeCostModel } from './types';

/** An order before lot-level gain estimation. */
export interface OrderLine {
  readonly side: 'sell' | 'buy';
  readonly symbol: string;
  readonly account: string;
  /** Shares (positive). */
  readonly quantity: number;
  /** Shares of `quantity` that close existing lots of the opposite sign in this account. */
  readonly closing: number;
  readonly quote: PriceQuote;
  readonly grossCents: Cents;
  readonly costCents: Cents;
  /** +gross − cost for a sell, −gross − cost for a buy. */
  readonly cashCents: Cents;
}

/** Inputs of {@link buildOrders} besides the quantity changes. */
export interface OrderContext {
  readonly lots: readonly Lot[];
  readonly cashCents: ReadonlyMap<string, Cents>;
  readonly quotes: ReadonlyMap<string, PriceQuote>;
  readonly method: LotMethod;
  readonly costs: TradeCostModel;
  readonly newPositionAccount?: string | undefined;
}

/** Relief order used to split a trade over accounts (`average` and `specific` leave FIFO). */
export function splitMethod(method: LotMethod): LotMethod {
  return method === 'average' || method === 'specific' ? 'fifo' : method;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The account that receives shares opening a new position in `symbol` (see module comment). */
export function accountForNewShares(symbol: string, context: OrderContext): string {
  if (context.newPositionAccount !== undefined) return context.newPositionAccount;
  const held = new Map<string, number>();
  for (const lot of context.lots) {
    if (normalizeSymbol(lot.symbol) === symbol)
      held.set(lot.account, (held.get(lot.account) ?? 0) + Math.abs(lot.quantity));
  }
  const pick = (entries: [string, number][]): string | undefined =>
    entries.sort(([a, x], [b, y]) => y - x || byName(a, b))[0]?.[0];
  return pick([...held]) ?? pick([...context.cashCents]) ?? 'DEFAULT';
}

/** Orders for one symbol's signed quantity change `delta` (0 → none), sorted by account. */
export function ordersForSymbol(symbol: string, delta: number, context: OrderContext): OrderLine[] {
  if (delta === 0) return [];
  const side = delta < 0 ? 'sell' : 'buy';
  const sign = delta < 0 ? 1 : -1; // a sell closes long lots (> 0), a buy closes shorts (< 0)
  const candidates = context.lots.filter(
    (l) => normalizeSymbol(l.symbol) === symbol && Math.sign(l.quantity) === sign,
  );
  const perAccount = new Map<string, { quantity: number; closing: number }>();
  let remaining = Math.abs(delta);
  for (const lot of orderForRelief(candidates, splitMethod(context.method))) {
    if (remaining <= 0) break;
    const take = Math.min(Math.abs(lot.quantity), remaining);
    const acc = perAccount.get(lot.account) ?? { quantity: 0, closing: 0 };
    perAccount.set(lot.account, {
      quantity: roundQuantity(acc.quantity + take),
      closing: roundQuantity(acc.closing + take),
    });
    remaining = roundQuantity(remaining - take);
  }
  if (remaining > 0) {
    const account = accountForNewShares(symbol, context);
    const acc = perAccount.get(account) ?? { quantity: 0, closing: 0 };
    perAccount.set(account, {
      quantity: roundQuantity(acc.quantity + remaining),
      closing: acc.closing,
    });
  }
  const quote = context.quotes.get(symbol)!;
  return [...perAccount]
    .sort(([a], [b]) => byName(a, b))
    .map(([account, { quantity, closing }]) => {
      const grossCents = tradeValueCents(quantity, quote.price);
      const costCents = tradeCostCents(grossCents, context.costs);
      const cashCents = (side === 'sell' ? grossCents : -grossCents) - costCents;
      return { side, symbol, account, quantity, closing, quote, grossCents, costCents, cashCents };
    });
}

/**
 * Orders for every symbol whose final quantity differs from the current one: sells first, then
 * buys, each sorted by symbol and then account (a deterministic order).
 */
export function buildOrders(
  changes: readonly { readonly symbol: string; readonly delta: number }[],
  context: OrderContext,
): OrderLine[] {
  const lines = changes.flatMap((c) => ordersForSymbol(c.symbol, c.delta, context));
  const rank = (l: OrderLine): number => (l.side === 'sell' ? 0 : 1);
  return lines.sort(
    (a, b) => rank(a) - rank(b) || byName(a.symbol, b.symbol) || byName(a.account, b.account),
  );
}

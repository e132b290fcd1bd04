/**
 * Quantity changes per symbol → orders per account. A sell closes long lots first (across
 * accounts, in the relief method's lot order) and only then opens a short; a buy covers short
 * lots first and then opens a long. Each (symbol, account, side) is one order with its own costs.
 *
 * Shares that open a position go to the option's account when one is given (all of them).
 * Otherwise they are routed by cash, the way a broker's rebalancer spends each account's own
 * money: sells are placed first and credit their account; then, buy by buy (symbols in order),
 * the preferred account — the one holding most of the symbol, else the one with the most cash
 * after sells (ties by name), else `DEFAULT` — takes the whole lattice steps its cash pays for
 * (price and costs included), then the other accounts by cash after sells (most first), and
 * whatever no account's cash covers goes to the preferred account, which borrows (the
 * planner warns when that leaves an account negative). One account: identical to buying there.
 */

import { normalizeSymbol } from '../exposures/symbol.ts';
import { roundQuantity, tradeValueCents, type Cents } from '../ledger/money.ts';
import { orderForRelief } from '../ledger/relief.ts';
import type { Lot, LotMethod } from '../ledger/types.ts';
import type { PriceQuote } from '../valuation/value-positions.ts';
import { tradeCostCents } from './costs.ts';
import type { TradeCostModel } from './types.ts';

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
  /** Long lots sells may close (default `lots`): the lots less shares held back by a budget. */
  readonly sellLots?: readonly Lot[] | undefined;
  /** The planner's order of the long lots a sell closes (`lot-selection.ts`); default the method's. */
  readonly orderSellLots?: ((candidates: readonly Lot[]) => Lot[]) | undefined;
}

/** A quantity change of one symbol; `step` is its share lattice (default 1 share). */
export interface QuantityChange {
  readonly symbol: string;
  readonly delta: number;
  readonly step?: number;
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

/**
 * Splits `quantity` opening shares of `symbol` over accounts by the cash in `available` (see the
 * module comment); `available` is cash per account before this symbol's buys.
 */
function routeOpening(
  symbol: string,
  quantity: number,
  route: { context: OrderContext; available: ReadonlyMap<string, Cents>; step: number },
): Map<string, number> {
  const { context, available, step } = route;
  const preferred = accountForNewShares(symbol, { ...context, cashCents: available });
  if (context.newPositionAccount !== undefined) return new Map([[preferred, quantity]]);
  const price = context.quotes.get(symbol)!.price;
  const spend = (q: number): Cents => {
    const gross = tradeValueCents(q, price);
    return gross + tradeCostCents(gross, context.costs);
  };
  const others = [...available]
    .filter(([account]) => account !== preferred)
    .sort(([a, x], [b, y]) => y - x || byName(a, b))
    .map(([account]) => account);
  const split = new Map<string, number>();
  let remaining = quantity;
  for (const account of [preferred, ...others]) {
    const cash = available.get(account) ?? 0;
    if (remaining <= 0 || cash <= 0 || price <= 0) continue;
    // The largest lattice quantity whose gross + costs fits the cash (costs solved exactly,
    // then at most a few steps back for cent rounding).
    const fixed = context.costs.fixedPerTradeCents ?? 0;
    const rate = 1 + (context.costs.proportionalBps ?? 0) / 10_000;
    const gross = Math.max(0, cash - fixed) / rate / 100;
    let q = Math.min(remaining, roundQuantity(Math.floor(gross / price / step) * step));
    for (let k = 0; k < 4 && q > 0 && spend(q) > cash; k++) q = roundQuantity(q - step);
    if (spend(q) > cash) q = 0;
    if (q <= 0) continue;
    split.set(account, q);
    remaining = roundQuantity(remaining - q);
  }
  if (remaining > 0) split.set(preferred, roundQuantity((split.get(preferred) ?? 0) + remaining));
  return split;
}

/**
 * Orders for one symbol's signed quantity change `delta` (0 → none), sorted by account. Opening
 * buys go to one account unless `route` is given (cash after sells per account and the lattice
 * step), in which case they are split by cash (see the module comment).
 */
export function ordersForSymbol(
  change: QuantityChange,
  context: OrderContext,
  available?: ReadonlyMap<string, Cents>,
): OrderLine[] {
  const { symbol, delta } = change;
  if (delta === 0) return [];
  const side = delta < 0 ? 'sell' : 'buy';
  const sign = delta < 0 ? 1 : -1; // a sell closes long lots (> 0), a buy closes shorts (< 0)
  const pool = side === 'sell' ? (context.sellLots ?? context.lots) : context.lots;
  const candidates = pool.filter(
    (l) => normalizeSymbol(l.symbol) === symbol && Math.sign(l.quantity) === sign,
  );
  const ordered =
    side === 'sell' && context.orderSellLots
      ? context.orderSellLots(candidates)
      : orderForRelief(candidates, splitMethod(context.method));
  const perAccount = new Map<string, { quantity: number; closing: number }>();
  let remaining = Math.abs(delta);
  for (const lot of ordered) {
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
    const split =
      side === 'buy' && available
        ? routeOpening(symbol, remaining, { context, available, step: change.step ?? 1 })
        : new Map([[accountForNewShares(symbol, context), remaining]]);
    for (const [account, quantity] of split) {
      const acc = perAccount.get(account) ?? { quantity: 0, closing: 0 };
      perAccount.set(account, {
        quantity: roundQuantity(acc.quantity + quantity),
        closing: acc.closing,
      });
    }
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

const bySymbolThenAccount = (a: OrderLine, b: OrderLine): number =>
  byName(a.symbol, b.symbol) || byName(a.account, b.account);

/**
 * Orders for every symbol whose final quantity differs from the current one: sells first, then
 * buys (opening buys routed by each account's cash after the sells), each sorted by symbol and
 * then account (a deterministic order).
 */
export function buildOrders(
  changes: readonly QuantityChange[],
  context: OrderContext,
): OrderLine[] {
  const sorted = [...changes].sort((a, b) => byName(a.symbol, b.symbol));
  const sells = sorted.filter((c) => c.delta < 0).flatMap((c) => ordersForSymbol(c, context));
  const available = new Map(context.cashCents);
  for (const o of sells) available.set(o.account, (available.get(o.account) ?? 0) + o.cashCents);
  const buys = sorted
    .filter((c) => c.delta > 0)
    .flatMap((c) => {
      const lines = ordersForSymbol(c, context, available);
      for (const o of lines)
        available.set(o.account, (available.get(o.account) ?? 0) + o.cashCents);
      return lines;
    });
  return [...sells.sort(bySymbolThenAccount), ...buys.sort(bySymbolThenAccount)];
}

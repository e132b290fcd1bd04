/**
 * Wash-sale checks of a trade plan (docs/tax-aware-trades.md, "Wash sales"; IRS Pub. 550, "Wash
 * Sales"): a loss is disallowed when substantially identical shares are bought within 30 days
 * before or after the sale, in any account (an IRA's purchase included). Symbols of one
 * equivalence group are substantially identical; a symbol not listed is its own group.
 *
 * The window on trade date `T` is `[T − 30, T]` (the ledger's transactions after `T` are not
 * read). Two risks:
 * - a planned **sell** of a lot at a loss in a taxable account, when an equivalent was purchased
 *   (`buy` or `reinvest`) in the window — other than the purchase that opened that very lot —
 *   or is bought by the same plan;
 * - a planned **buy** of an equivalent of shares sold at a loss in a taxable account in the
 *   window (the ledger's realised slices of kind `sale` with a gain < 0).
 * The latest conflicting transaction is named; the trade is clean from its date + 31 days.
 */

import { addDays, type IsoDate } from '../calendar/iso-date.ts';
import { normalizeSymbol } from '../exposures/symbol.ts';
import type { TaxType } from '../ledger/accounts.ts';
import type { Lot } from '../ledger/types.ts';
import { WASH_WINDOW_DAYS } from '../ledger/wash-sales.ts';
import { taxTypeOf } from './tax-cost.ts';
import type { TradeHistory, WashTrigger } from './types.ts';

export { WASH_WINDOW_DAYS };

/**
 * The equivalence group of `symbol`: its group in `equivalents`, else the upper-case symbol.
 * (The same rule as `groupOf` of the tax module; kept here so the planner stands alone.)
 */
export function equivalenceGroup(equivalents: ReadonlyMap<string, string>, symbol: string): string {
  const key = normalizeSymbol(symbol);
  return equivalents.get(key) ?? key;
}

/** A buy of the plan, as a possible replacement purchase for a loss sold in the same plan. */
export interface PlannedBuy {
  readonly symbol: string;
  readonly account: string;
  readonly quantity: number;
}

/** Purchases and loss sales in the window, by equivalence group. */
export interface WashIndex {
  readonly tradeDate: IsoDate;
  readonly equivalents: ReadonlyMap<string, string>;
  readonly taxTypes: ReadonlyMap<string, TaxType>;
  readonly purchases: ReadonlyMap<string, readonly WashTrigger[]>;
  readonly lossSales: ReadonlyMap<string, readonly WashTrigger[]>;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes `history` for the checks on trade date `tradeDate` (see the module comment). */
export function washIndex(
  history: TradeHistory,
  on: {
    readonly tradeDate: IsoDate;
    readonly equivalents: ReadonlyMap<string, string>;
    readonly taxTypes: ReadonlyMap<string, TaxType>;
  },
): WashIndex {
  const from = addDays(on.tradeDate, -WASH_WINDOW_DAYS);
  const inWindow = (date: IsoDate): boolean => date >= from && date <= on.tradeDate;
  const group = (symbol: string): string => equivalenceGroup(on.equivalents, symbol);
  const purchases = new Map<string, WashTrigger[]>();
  for (const tx of history.transactions) {
    if ((tx.type !== 'buy' && tx.type !== 'reinvest') || !inWindow(tx.date)) continue;
    push(purchases, group(tx.symbol), {
      kind: 'purchase',
      symbol: normalizeSymbol(tx.symbol),
      account: tx.account,
      date: tx.date,
      quantity: tx.quantity,
      lotId: `L${tx.source.line}`,
    });
  }
  // One loss sale per symbol, account and day: the loss slices of that day summed.
  const sales = new Map<string, WashTrigger>();
  for (const s of history.realized) {
    if (s.kind !== 'sale' || s.gainCents >= 0 || !inWindow(s.disposed)) continue;
    if (taxTypeOf(on.taxTypes, s.account) !== 'taxable') continue;
    const key = JSON.stringify([s.symbol, s.account, s.disposed]);
    const seen = sales.get(key);
    sales.set(key, {
      kind: 'loss sale',
      symbol: normalizeSymbol(s.symbol),
      account: s.account,
      date: s.disposed,
      quantity: (seen?.quantity ?? 0) + s.quantity,
      lotId: seen?.lotId ?? s.lotId,
      gainCents: (seen?.gainCents ?? 0) + s.gainCents,
    });
  }
  const lossSales = new Map<string, WashTrigger[]>();
  for (const sale of sales.values()) push(lossSales, group(sale.symbol), sale);
  return { ...on, purchases, lossSales };
}

/** The latest of `triggers` (the first listed among equal dates), or undefined. */
function latest(triggers: readonly WashTrigger[]): WashTrigger | undefined {
  let best: WashTrigger | undefined;
  for (const t of triggers) if (best === undefined || t.date > best.date) best = t;
  return best;
}

/**
 * What would wash selling `lot` at a loss: the latest purchase of its group in the window other
 * than the lot's own, or a planned buy of its group (dated the trade date, so it wins). Undefined
 * for a lot outside a taxable account or without a conflict. The caller checks the loss.
 */
export function sellWashTrigger(
  index: WashIndex,
  lot: Pick<Lot, 'id' | 'account' | 'symbol'>,
  plannedBuys: readonly PlannedBuy[],
): WashTrigger | undefined {
  if (taxTypeOf(index.taxTypes, lot.account) !== 'taxable') return undefined;
  const group = equivalenceGroup(index.equivalents, lot.symbol);
  const planned = plannedBuys.find((b) => equivalenceGroup(index.equivalents, b.symbol) === group);
  if (planned) return { kind: 'planned buy', ...planned, date: index.tradeDate };
  const others = (index.purchases.get(group) ?? []).filter((p) => p.lotId !== lot.id);
  return latest(others);
}

/** The latest loss sale of `symbol`'s group in the window that buying `symbol` would wash. */
export function buyWashTrigger(index: WashIndex, symbol: string): WashTrigger | undefined {
  return latest(index.lossSales.get(equivalenceGroup(index.equivalents, symbol)) ?? []);
}

/** The first day a trade no longer washes against `trigger`: its date + 31 days. */
export function firstCleanDate(trigger: WashTrigger): IsoDate {
  return addDays(trigger.date, WASH_WINDOW_DAYS + 1);
}

/**
 * What the tax-aware planner says about a finished plan (docs/tax-aware-trades.md): sells of lots
 * at a loss that may be wash sales (marked on the lot slice and listed), buys that may wash an
 * earlier loss (listed; skipped ones too), and the sells the gains budget cut — each with a
 * warning (`WASH_SALE_RISK`, `GAINS_BUDGET`) naming the symbol, the amount and the date concerned.
 */

import type { Cents } from '../ledger/money.ts';
import { warning, type Warning } from '../warnings.ts';
import { dollars } from './plan-outcome.ts';
import type { PlannedTrade, WashSaleRisk, WashTrigger } from './types.ts';
import {
  buyWashTrigger,
  firstCleanDate,
  sellWashTrigger,
  type PlannedBuy,
  type WashIndex,
} from './wash-risk.ts';

/** The buys of `trades` as possible replacement purchases. */
export function plannedBuys(trades: readonly PlannedTrade[]): PlannedBuy[] {
  return trades
    .filter((t) => t.side === 'buy')
    .map((t) => ({ symbol: t.symbol, account: t.account, quantity: t.quantity }));
}

/**
 * Marks the loss slices of taxable sells that `index` and the plan's own buys would wash
 * (`washSale: true`) and lists them as `flagged` risks, in trade order.
 */
export function markSellWashes(
  trades: readonly PlannedTrade[],
  index: WashIndex,
): { trades: PlannedTrade[]; risks: WashSaleRisk[] } {
  const buys = plannedBuys(trades);
  const risks: WashSaleRisk[] = [];
  const marked = trades.map((t) => {
    if (t.side !== 'sell' || t.taxType !== 'taxable') return t;
    let changed = false;
    const lots = t.lots.map((slice) => {
      if (slice.gainCents >= 0) return slice;
      const lot = { id: slice.lotId, account: t.account, symbol: t.symbol };
      const trigger = sellWashTrigger(index, lot, buys);
      if (trigger === undefined) return slice;
      changed = true;
      risks.push({
        side: 'sell',
        symbol: t.symbol,
        account: t.account,
        quantity: slice.quantity,
        lotId: slice.lotId,
        gainCents: slice.gainCents,
        trigger,
        firstCleanDate: firstCleanDate(trigger),
        action: 'flagged',
      });
      return { ...slice, washSale: true as const };
    });
    return changed ? { ...t, lots } : t;
  });
  return { trades: marked, risks };
}

/** A buy of `quantity` `symbol` that would wash a loss sale of `index`, as a risk (or none). */
export function buyWashRisk(
  index: WashIndex,
  buy: { readonly symbol: string; readonly quantity: number; readonly account?: string },
  action: WashSaleRisk['action'],
): WashSaleRisk | undefined {
  const trigger = buyWashTrigger(index, buy.symbol);
  if (trigger === undefined) return undefined;
  return {
    side: 'buy',
    symbol: buy.symbol,
    ...(buy.account === undefined ? {} : { account: buy.account }),
    quantity: buy.quantity,
    trigger,
    firstCleanDate: firstCleanDate(trigger),
    action,
  };
}

function triggerText(t: WashTrigger): string {
  if (t.kind === 'planned buy') return `this plan buys ${t.quantity} ${t.symbol} (${t.account})`;
  if (t.kind === 'purchase')
    return `${t.quantity} ${t.symbol} were bought on ${t.date} (${t.account}, lot ${t.lotId})`;
  return `the sale of ${t.quantity} ${t.symbol} (${t.account}) on ${t.date} lost ${dollars(-(t.gainCents ?? 0))}`;
}

const triggerDetails = (t: WashTrigger): Record<string, unknown> => ({
  kind: t.kind,
  symbol: t.symbol,
  account: t.account,
  date: t.date,
  quantity: t.quantity,
  ...(t.lotId === undefined ? {} : { lotId: t.lotId }),
  ...(t.gainCents === undefined ? {} : { gain: t.gainCents / 100 }),
});

/** One WASH_SALE_RISK warning per risk. */
export function washWarnings(risks: readonly WashSaleRisk[]): Warning[] {
  return risks.map((r) => {
    const details = {
      side: r.side,
      symbol: r.symbol,
      ...(r.account === undefined ? {} : { account: r.account }),
      quantity: r.quantity,
      ...(r.lotId === undefined ? {} : { lotId: r.lotId }),
      ...(r.gainCents === undefined ? {} : { gain: r.gainCents / 100 }),
      trigger: triggerDetails(r.trigger),
      firstCleanDate: r.firstCleanDate,
      action: r.action,
    };
    const message =
      r.side === 'sell'
        ? `sell of ${r.quantity} ${r.symbol} (lot ${r.lotId}, ${r.account}) at a ${dollars(-(r.gainCents ?? 0))} loss may be a wash sale: ${triggerText(r.trigger)}; selling at a loss is clean from ${r.firstCleanDate}`
        : `buy of ${r.quantity} ${r.symbol}${r.account === undefined ? '' : ` (${r.account})`} ${r.action === 'skipped' ? 'skipped: it would wash a loss' : 'may wash a loss'}: ${triggerText(r.trigger)}; buying ${r.symbol} is clean from ${r.firstCleanDate}`;
    return warning('WASH_SALE_RISK', message, details);
  });
}

/**
 * GAINS_BUDGET warnings: one per symbol whose sell was cut (shares and dollars not sold), and
 * one when the net gain still exceeds the budget (nothing left to cut).
 */
export function budgetWarnings(input: {
  readonly budgetCents: Cents;
  readonly netGainCents: Cents;
  readonly cutBySymbol: ReadonlyMap<string, number>;
  readonly price: (symbol: string) => number;
}): Warning[] {
  const budget = dollars(input.budgetCents);
  const out = [...input.cutBySymbol]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([symbol, quantity]) => {
      const value = Math.round(quantity * input.price(symbol) * 100);
      return warning(
        'GAINS_BUDGET',
        `sell of ${symbol} cut by ${quantity} shares (${dollars(value)} not sold) to keep net realised gains in taxable accounts within the ${budget} budget`,
        { symbol, quantity, value: value / 100, budget: input.budgetCents / 100 },
      );
    });
  if (input.netGainCents > input.budgetCents)
    out.push(
      warning(
        'GAINS_BUDGET',
        `net realised gains in taxable accounts are ${dollars(input.netGainCents)}, above the ${budget} budget: no taxable sell at a gain is left to cut (covers of shorts are never cut)`,
        { netGain: input.netGainCents / 100, budget: input.budgetCents / 100 },
      ),
    );
  return out;
}

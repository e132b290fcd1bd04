/**
 * Holdings + target weights → an ordered trade list (docs/conventions.md "Trades"; the tax-aware
 * steps: docs/tax-aware-trades.md).
 *
 * 1. Value the portfolio including cash (negative cash = margin debt, plus any deposit) at quoted
 *    prices.
 * 2. Size target dollars = weight × (total value − estimated costs): the costs leave the
 *    portfolio, so sizing on what remains keeps cash at or above its target line. Costs depend
 *    on the trades, so sizing repeats until the cost estimate is stable (at most 10 rounds).
 * 3. Round quantities on each symbol's lot lattice (see `size-quantities.ts`), skip trades
 *    below the minimum, split orders over accounts (see `orders.ts`), sells before buys.
 * 4. Estimate realised gains lot by lot with the ledger's relief method, or the planner's lot
 *    selection (`lot-selection.ts`), and the tax of each trade (`tax-cost.ts`).
 * 5. Tax-aware limits, each sizing again: cash-flow-only mode never sells; buys that would wash a
 *    recent loss are skipped (`avoidWashSales`, else flagged); a gains budget cuts the sells of
 *    the highest-gain lots (`gains-budget.ts`). Cut sells fund fewer buys, which then share the
 *    cash in proportion to their shortfall.
 * Weights are never renormalised: what rounding, skipping, limits and costs leave is drift.
 */

import { isIsoDate } from '../calendar/iso-date.ts';
import { invalidInput } from '../errors.ts';
import { normalizeSymbol } from '../exposures/symbol.ts';
import { roundQuantity, type Cents } from '../ledger/money.ts';
import { checkCostModel } from './costs.ts';
import { withDeposit } from './deposit.ts';
import { estimateGains } from './estimate-gains.ts';
import { addCuts, chooseCuts, withholdLots } from './gains-budget.ts';
import { snapshotHoldings, type HoldingsSnapshot } from './holdings-snapshot.ts';
import { gainPerShareCents, LOT_SELECTIONS, sellLotOrder } from './lot-selection.ts';
import { buildOrders, type OrderContext, type OrderLine } from './orders.ts';
import {
  cashByAccount,
  MAX_COST_ROUNDS,
  outcomes,
  sumCash,
  sumCosts,
  warningsFor,
  type Round,
} from './plan-outcome.ts';
import { FRACTIONAL_STEP, sizeQuantities, type SizingRow } from './size-quantities.ts';
import { resolveTargets } from './targets.ts';
import { planTax, resolveTaxRates, taxableNetGainCents } from './tax-cost.ts';
import {
  budgetWarnings,
  buyWashRisk,
  markSellWashes,
  plannedBuys,
  washWarnings,
} from './tax-review.ts';
import type {
  CurrentHoldings,
  PlannedTrade,
  SkippedTrade,
  TradePlan,
  TradePlanOptions,
  TradeTargets,
  WashSaleRisk,
} from './types.ts';
import { sellWashTrigger, washIndex, type PlannedBuy } from './wash-risk.ts';

/** Most re-sizings that cut sells to meet the gains budget (cent rounding may need a second). */
const MAX_BUDGET_ROUNDS = 5;

function checkOptions(options: TradePlanOptions): void {
  if (!isIsoDate(options.tradeDate)) {
    throw invalidInput('tradeDate', options.tradeDate, 'must be an ISO date YYYY-MM-DD');
  }
  const minTrade = options.minTradeDollars ?? 0;
  if (!Number.isFinite(minTrade) || minTrade < 0) {
    throw invalidInput('minTradeDollars', minTrade, 'must be a finite number of dollars ≥ 0');
  }
  for (const [symbol, size] of Object.entries(options.lotSizes ?? {})) {
    if (!Number.isFinite(size) || size <= 0) {
      throw invalidInput(`lotSizes.${symbol}`, size, 'lot size must be a finite number > 0');
    }
  }
  checkCostModel(options.costs ?? {});
  const selection = options.lotSelection ?? 'method';
  if (!(LOT_SELECTIONS as readonly string[]).includes(selection))
    throw invalidInput('lotSelection', selection, `expected one of ${LOT_SELECTIONS.join(', ')}`);
  const budget = options.gainsBudgetCents;
  if (budget !== undefined && (!Number.isInteger(budget) || budget < 0))
    throw invalidInput('gainsBudgetCents', budget, 'a gains budget is whole cents ≥ 0');
}

function sizingRows(
  snapshot: HoldingsSnapshot,
  weights: ReadonlyMap<string, number>,
  options: TradePlanOptions,
): SizingRow[] {
  const lotSizes = new Map(
    Object.entries(options.lotSizes ?? {}).map(([s, v]) => [normalizeSymbol(s), v]),
  );
  return snapshot.symbols.map((s) => ({
    symbol: s.symbol,
    price: s.quote.price,
    currentQuantity: s.quantity,
    targetWeight: weights.get(s.symbol) ?? 0,
    step: lotSizes.get(s.symbol) ?? (options.fractional ? FRACTIONAL_STEP : 1),
    ...(options.cashFlowOnly ? { minQuantity: s.quantity } : {}),
  }));
}

function sizeAndOrder(
  rows: readonly SizingRow[],
  input: { snapshot: HoldingsSnapshot; cashWeight: number; context: OrderContext },
  options: TradePlanOptions,
): Round & { converged: boolean } {
  const { snapshot, cashWeight, context } = input;
  const ordersFor = (quantities: readonly number[]): OrderLine[] =>
    buildOrders(
      rows.map((r, i) => ({
        symbol: r.symbol,
        delta: quantities[i]! - r.currentQuantity,
        step: r.step,
      })),
      context,
    );
  const fitsCash = (quantities: readonly number[]): boolean => {
    const orders = ordersFor(quantities);
    const cashAfter = snapshot.cashCents + sumCash(orders);
    return cashAfter >= cashWeight * (snapshot.totalValueCents - sumCosts(orders)) - 1e-6;
  };
  let costs = 0;
  let round: Round | undefined;
  for (let k = 0; k < MAX_COST_ROUNDS; k++) {
    const sizingValueCents = snapshot.totalValueCents - costs;
    const sizing = sizeQuantities(rows, {
      sizingValueDollars: sizingValueCents / 100,
      minTradeDollars: options.minTradeDollars ?? 0,
      fitsCash,
    });
    const orders = ordersFor(sizing.quantities);
    round = { sizing, orders, costsCents: sumCosts(orders), sizingValueCents };
    if (round.costsCents === costs) return { ...round, converged: true };
    costs = round.costsCents;
  }
  return { ...round!, converged: false };
}

/** One sizing with its trades. */
interface Pass {
  readonly round: Round & { converged: boolean };
  readonly trades: PlannedTrade[];
}

/** Buys of the first pass that would wash a recent loss: skipped as rows capped at their holding. */
function skipWashBuys(
  rows: SizingRow[],
  buys: readonly PlannedBuy[],
  risk: (buy: { symbol: string; quantity: number }) => WashSaleRisk | undefined,
): { rows: SizingRow[]; risks: WashSaleRisk[]; skipped: SkippedTrade[] } {
  const bySymbol = new Map<string, number>();
  for (const b of buys)
    bySymbol.set(b.symbol, roundQuantity((bySymbol.get(b.symbol) ?? 0) + b.quantity));
  const risks = [...bySymbol].flatMap(([symbol, quantity]) => risk({ symbol, quantity }) ?? []);
  const capped = new Set(risks.map((r) => r.symbol));
  const skipped = risks.map((r): SkippedTrade => {
    const price = rows.find((row) => row.symbol === r.symbol)!.price;
    return {
      symbol: r.symbol,
      side: 'buy',
      quantity: r.quantity,
      valueDollars: r.quantity * price,
      reason: `would wash the loss of the sale of ${r.trigger.symbol} (${r.trigger.account}) on ${r.trigger.date}; clean from ${r.firstCleanDate}`,
    };
  });
  return {
    rows: rows.map((r) => (capped.has(r.symbol) ? { ...r, maxQuantity: r.currentQuantity } : r)),
    risks,
    skipped,
  };
}

/**
 * Plans the trades that move `holdings` towards `targets` (see the module comment for the
 * method). Deterministic: orders are sells then buys, each by symbol then account.
 *
 * @throws BallastError DATA_UNAVAILABLE for a held or target symbol without a usable price
 *   (naming it); INVALID_INPUT for weights that do not sum to 1 without a cash line, a bad
 *   option, or a total value ≤ 0.
 */
export function planTrades(
  given: CurrentHoldings,
  targets: TradeTargets,
  options: TradePlanOptions,
): TradePlan {
  checkOptions(options);
  const depositCents = options.depositCents ?? 0;
  const holdings = withDeposit(given, depositCents, options.depositAccount);
  const { weights, cashWeight } = resolveTargets(targets);
  const snapshot = snapshotHoldings(holdings, [...weights.keys()]);
  const { tradeDate } = options;
  const method = options.lotMethod ?? 'fifo';
  const selection = options.lotSelection ?? 'method';
  const taxTypes = options.accountTaxTypes ?? new Map();
  const rates = resolveTaxRates(options.taxRates);
  const avoid = options.avoidWashSales ?? true;
  const quotes = new Map(snapshot.symbols.map((s) => [s.symbol, s.quote]));
  const price = (symbol: string): number => quotes.get(normalizeSymbol(symbol))!.price;
  const equivalents = options.equivalents ?? new Map<string, string>();
  const index = options.history && washIndex(options.history, { tradeDate, equivalents, taxTypes });

  const pass = (
    rows: readonly SizingRow[],
    withheld: ReadonlyMap<string, number>,
    buys: readonly PlannedBuy[],
  ): Pass => {
    const sellLots = withheld.size === 0 ? holdings.lots : withholdLots(holdings.lots, withheld);
    const washes =
      index && avoid
        ? (lot: CurrentHoldings['lots'][number]) =>
            gainPerShareCents(lot, price(lot.symbol)) < 0 &&
            sellWashTrigger(index, lot, buys) !== undefined
        : undefined;
    const orderSellLots = sellLotOrder(selection, { tradeDate, price, taxTypes, rates, washes });
    const context: OrderContext = {
      lots: holdings.lots,
      sellLots,
      orderSellLots,
      cashCents: holdings.cashCents,
      quotes,
      method,
      costs: options.costs ?? {},
      newPositionAccount: options.newPositionAccount,
    };
    const round = sizeAndOrder(rows, { snapshot, cashWeight, context }, options);
    const trades = estimateGains(round.orders, sellLots, {
      tradeDate,
      method,
      orderSellLots,
      taxTypes,
      rates,
    });
    return { round, trades };
  };

  let rows = sizingRows(snapshot, weights, options);
  let current = pass(rows, new Map(), []);
  let buys: PlannedBuy[] = [];
  let skippedRisks: WashSaleRisk[] = [];
  const washSkipped: SkippedTrade[] = [];
  if (index) {
    buys = plannedBuys(current.trades);
    if (avoid) {
      const skip = skipWashBuys(rows, buys, (b) => buyWashRisk(index, b, 'skipped'));
      rows = skip.rows;
      skippedRisks = skip.risks;
      washSkipped.push(...skip.skipped);
      buys = buys.filter((b) => !skip.risks.some((r) => r.symbol === b.symbol));
    }
    current = pass(rows, new Map(), buys);
  }

  const budgetCents = options.gainsBudgetCents;
  const withheld = new Map<string, number>();
  const cutBySymbol = new Map<string, number>();
  for (let k = 0; budgetCents !== undefined && k < MAX_BUDGET_ROUNDS; k++) {
    const excess = taxableNetGainCents(current.trades) - budgetCents;
    if (excess <= 0) break;
    const step = (symbol: string): number => rows.find((r) => r.symbol === symbol)!.step;
    const cuts = chooseCuts(current.trades, excess, step);
    if (cuts.bySymbol.size === 0) break;
    addCuts(withheld, cuts.byLot);
    addCuts(cutBySymbol, cuts.bySymbol);
    const finals = current.round.sizing.quantities;
    rows = rows.map((r, i) =>
      finals[i]! < r.currentQuantity
        ? { ...r, minQuantity: roundQuantity(finals[i]! + (cuts.bySymbol.get(r.symbol) ?? 0)) }
        : r,
    );
    current = pass(rows, withheld, buys);
  }

  let trades = current.trades;
  let risks: WashSaleRisk[] = [];
  if (index) {
    const marked = markSellWashes(trades, index);
    trades = marked.trades;
    const flagged = trades
      .filter((t) => t.side === 'buy')
      .flatMap((t) => buyWashRisk(index, t, 'flagged') ?? []);
    risks = [...marked.risks, ...skippedRisks, ...flagged];
  }

  const { round } = current;
  const { positions, valueAfterCents, cashAfterCents } = outcomes(rows, round, snapshot);
  const byAccount = cashByAccount(holdings, trades);
  const sum = (pick: (t: PlannedTrade) => number): Cents => trades.reduce((s, t) => s + pick(t), 0);
  const achievedCash = cashAfterCents / valueAfterCents;
  return {
    tradeDate,
    lotMethod: method,
    lotSelection: selection,
    cashFlowOnly: options.cashFlowOnly ?? false,
    depositCents,
    totalValueCents: snapshot.totalValueCents,
    sizingValueCents: round.sizingValueCents,
    valueAfterCents,
    cashBeforeCents: snapshot.cashCents,
    cashAfterCents,
    cashAfterByAccount: byAccount,
    trades,
    skipped: [...round.sizing.skipped, ...washSkipped],
    positions,
    cash: {
      targetWeight: cashWeight,
      achievedWeight: achievedCash,
      drift: achievedCash - cashWeight,
    },
    totals: {
      buysCents: sum((t) => (t.side === 'buy' ? t.grossCents : 0)),
      sellsCents: sum((t) => (t.side === 'sell' ? t.grossCents : 0)),
      costsCents: sum((t) => t.costCents),
      realizedShortTermCents: sum((t) => t.realizedShortTermCents),
      realizedLongTermCents: sum((t) => t.realizedLongTermCents),
    },
    tax: planTax(trades, { rates, budgetCents, washSaleRisks: risks }),
    warnings: [
      ...warningsFor({
        holdings,
        byAccount,
        cashAfterCents,
        targetCashCents: cashWeight * valueAfterCents,
        converged: round.converged,
      }),
      ...washWarnings(risks),
      ...(budgetCents === undefined
        ? []
        : budgetWarnings({
            budgetCents,
            netGainCents: taxableNetGainCents(trades),
            cutBySymbol,
            price,
          })),
    ],
  };
}

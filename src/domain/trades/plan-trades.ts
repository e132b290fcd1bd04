/**
 * Holdings + target weights → an ordered trade list (docs/conventions.md "Trades").
 *
 * 1. Value the portfolio including cash (negative cash = margin debt) at quoted prices.
 * 2. Size target dollars = weight × (total value − estimated costs): the costs leave the
 *    portfolio, so sizing on what remains keeps cash at or above its target line. Costs depend
 *    on the trades, so sizing repeats until the cost estimate is stable (at most 10 rounds).
 * 3. Round quantities on each symbol's lot lattice (see `size-quantities.ts`), skip trades
 *    below the minimum, split orders over accounts (see `orders.ts`), sells before buys.
 * 4. Estimate realised gains lot by lot with the ledger's relief method.
 * Weights are never renormalised: what rounding, skipping and costs leave is reported as drift.
 */

import { warning, type Warning } from '../warnings.ts';
import { isIsoDate } from '../calendar/iso-date.ts';
import { invalidInput } from '../errors.ts';
import { normalizeSymbol } from '../exposures/symbol.ts';
import { roundHalfAway, type Cents } from '../ledger/money.ts';
import { checkCostModel } from './costs.ts';
import { estimateGains } from './estimate-gains.ts';
import { snapshotHoldings, type HoldingsSnapshot } from './holdings-snapshot.ts';
import { buildOrders, type OrderContext, type OrderLine } from './orders.ts';
import { FRACTIONAL_STEP, sizeQuantities, type Sizing, type SizingRow } from './size-quantities.ts';
import { resolveTargets } from './targets.ts';
import type {
  CurrentHoldings,
  PlannedTrade,
  PositionOutcome,
  TradePlan,
  TradePlanOptions,
  TradeTargets,
} from './types.ts';

/** Most sizing rounds of the cost fixed point before giving up (with a warning). */
const MAX_COST_ROUNDS = 10;

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
  }));
}

interface Round {
  readonly sizing: Sizing;
  readonly orders: OrderLine[];
  readonly costsCents: Cents;
  readonly sizingValueCents: Cents;
}

const sumCosts = (orders: readonly OrderLine[]): Cents =>
  orders.reduce((s, o) => s + o.costCents, 0);
const sumCash = (orders: readonly OrderLine[]): Cents =>
  orders.reduce((s, o) => s + o.cashCents, 0);

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

function outcomes(
  rows: readonly SizingRow[],
  round: Round,
  snapshot: HoldingsSnapshot,
): { positions: PositionOutcome[]; valueAfterCents: Cents; cashAfterCents: Cents } {
  const cashAfterCents = snapshot.cashCents + sumCash(round.orders);
  const values = rows.map((r, i) => roundHalfAway(round.sizing.quantities[i]! * r.price * 100));
  const valueAfterCents = values.reduce((s, v) => s + v, cashAfterCents);
  const positions = rows.map((r, i): PositionOutcome => {
    const achievedWeight = values[i]! / valueAfterCents;
    return {
      symbol: r.symbol,
      price: r.price,
      priceSource: snapshot.symbols[i]!.quote.source,
      currentQuantity: r.currentQuantity,
      targetQuantity: round.sizing.targetQuantities[i]!,
      finalQuantity: round.sizing.quantities[i]!,
      targetWeight: r.targetWeight,
      achievedWeight,
      drift: achievedWeight - r.targetWeight,
    };
  });
  return { positions, valueAfterCents, cashAfterCents };
}

function cashByAccount(
  holdings: CurrentHoldings,
  trades: readonly PlannedTrade[],
): Record<string, Cents> {
  const cash = new Map(holdings.cashCents);
  for (const t of trades) cash.set(t.account, (cash.get(t.account) ?? 0) + t.cashCents);
  return Object.fromEntries([...cash].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const dollars = (cents: Cents): string =>
  `${cents < 0 ? '-' : ''}$${(Math.abs(cents) / 100).toFixed(2)}`;

function warningsFor(input: {
  holdings: CurrentHoldings;
  byAccount: Record<string, Cents>;
  cashAfterCents: Cents;
  targetCashCents: number;
  converged: boolean;
}): Warning[] {
  const warnings: Warning[] = [];
  const short = input.targetCashCents - input.cashAfterCents;
  if (short >= 1) {
    warnings.push(
      warning(
        'CASH_BELOW_TARGET',
        `cash after trades is ${dollars(short)} below the target cash line (skipped sells, lot sizes or costs)`,
        { shortfall: Math.round(short) / 100 },
      ),
    );
  }
  const accounts = Object.entries(input.byAccount);
  for (const [account, cents] of accounts) {
    const before = input.holdings.cashCents.get(account) ?? 0;
    // One account borrowing what the cash line asks for is the plan; anything else is news.
    const planned = accounts.length === 1 && cents >= input.targetCashCents - 1;
    if (cents < 0 && cents < before && !planned) {
      warnings.push(
        warning(
          'ACCOUNT_CASH_NEGATIVE',
          `account ${account}: cash after trades is ${dollars(cents)} (before: ${dollars(before)}); move cash between accounts or choose another account for buys`,
          { account, cashAfter: cents / 100, cashBefore: before / 100 },
        ),
      );
    }
  }
  if (!input.converged) {
    warnings.push(
      warning(
        'COST_ESTIMATE_UNSETTLED',
        `cost estimate did not settle in ${MAX_COST_ROUNDS} sizing rounds; the last round is used`,
        { rounds: MAX_COST_ROUNDS },
      ),
    );
  }
  return warnings;
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
  holdings: CurrentHoldings,
  targets: TradeTargets,
  options: TradePlanOptions,
): TradePlan {
  checkOptions(options);
  const { weights, cashWeight } = resolveTargets(targets);
  const snapshot = snapshotHoldings(holdings, [...weights.keys()]);
  const method = options.lotMethod ?? 'fifo';
  const context: OrderContext = {
    lots: holdings.lots,
    cashCents: holdings.cashCents,
    quotes: new Map(snapshot.symbols.map((s) => [s.symbol, s.quote])),
    method,
    costs: options.costs ?? {},
    newPositionAccount: options.newPositionAccount,
  };
  const rows = sizingRows(snapshot, weights, options);
  const round = sizeAndOrder(rows, { snapshot, cashWeight, context }, options);
  const trades = estimateGains(round.orders, holdings.lots, {
    tradeDate: options.tradeDate,
    method,
  });
  const { positions, valueAfterCents, cashAfterCents } = outcomes(rows, round, snapshot);
  const byAccount = cashByAccount(holdings, trades);
  const sum = (pick: (t: PlannedTrade) => number): Cents => trades.reduce((s, t) => s + pick(t), 0);
  const achievedCash = cashAfterCents / valueAfterCents;
  return {
    tradeDate: options.tradeDate,
    lotMethod: method,
    totalValueCents: snapshot.totalValueCents,
    sizingValueCents: round.sizingValueCents,
    valueAfterCents,
    cashBeforeCents: snapshot.cashCents,
    cashAfterCents,
    cashAfterByAccount: byAccount,
    trades,
    skipped: round.sizing.skipped,
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
    warnings: warningsFor({
      holdings,
      byAccount,
      cashAfterCents,
      targetCashCents: cashWeight * valueAfterCents,
      converged: round.converged,
    }),
  };
}

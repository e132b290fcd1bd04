/**
 * What a sized round of the trade planner comes to (docs/conventions.md, "Trades"): positions
 * with achieved weights and drift, cash per account after the trades, and the warnings a plan
 * gives about its cash and its cost estimate.
 */

import { roundHalfAway, type Cents } from '../ledger/money.ts';
import { warning, type Warning } from '../warnings.ts';
import type { HoldingsSnapshot } from './holdings-snapshot.ts';
import type { OrderLine } from './orders.ts';
import type { Sizing, SizingRow } from './size-quantities.ts';
import type { CurrentHoldings, PlannedTrade, PositionOutcome } from './types.ts';

/** Most sizing rounds of the cost fixed point before giving up (with a warning). */
export const MAX_COST_ROUNDS = 10;

/** One sizing round: quantities, orders, their costs and the value targets were sized on. */
export interface Round {
  readonly sizing: Sizing;
  readonly orders: OrderLine[];
  readonly costsCents: Cents;
  readonly sizingValueCents: Cents;
}

/** Σ costs of orders, cents. */
export const sumCosts = (orders: readonly OrderLine[]): Cents =>
  orders.reduce((s, o) => s + o.costCents, 0);
/** Σ signed cash effects of orders, cents. */
export const sumCash = (orders: readonly OrderLine[]): Cents =>
  orders.reduce((s, o) => s + o.cashCents, 0);

/** Positions after the round (weights of the value after trades, never renormalised). */
export function outcomes(
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

/** Cash after the trades per account, sorted by account. */
export function cashByAccount(
  holdings: CurrentHoldings,
  trades: readonly PlannedTrade[],
): Record<string, Cents> {
  const cash = new Map(holdings.cashCents);
  for (const t of trades) cash.set(t.account, (cash.get(t.account) ?? 0) + t.cashCents);
  return Object.fromEntries([...cash].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `$1234.50` / `-$12.00` for messages. */
export const dollars = (cents: Cents): string =>
  `${cents < 0 ? '-' : ''}$${(Math.abs(cents) / 100).toFixed(2)}`;

/** Warnings about the plan's cash and cost estimate. */
export function warningsFor(input: {
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

/**
 * Exposure shocks → P&L of every position, account and exposure.
 *
 * Conventions (docs/conventions.md, "Holdings, ledger and exposures"):
 * - A fund's definition is its economic exposure per $1 of NAV, leverage included (SSO =
 *   2.0 us_large_equity), so a position of value V in fund f moves by
 *   pnl = V × Σ_k e_fk × shock_k — a 2× fund loses twice the shock. The financing leg of the
 *   fund's embedded leverage is not in the definition (its cost is in the fund's returns) and
 *   is not charged here: an instantaneous shock has no horizon to accrue it over.
 * - Cash (negative = margin loan) has no exposure: it does not move, but it is in the
 *   denominator: totalReturn = totalPnl / (Σ position values + cash); the same per account.
 *   A margin loan therefore levers the portfolio's return, as it should.
 * - exposureValue_k = Σ_positions V × e_fk (dollars); its pnl = exposureValue_k × shock_k.
 *   Σ_k exposure pnl = Σ position pnl = totalPnl (exactly the same terms).
 * - An exposure in `uncovered` (no data for the scenario) has no shock: it contributes no
 *   P&L and is reported with `shock: null`; positions holding it list it. A position without
 *   a fund definition is an error unless `allowPartial`, in which case it is reported in
 *   `unexplained` with no P&L — never guessed.
 */

import { BallastError } from '../errors.ts';
import type { FundUniverse } from '../exposures/fund-types.ts';

/** One holding in one account, valued (dollars; negative for a short). */
export interface StressHolding {
  readonly account: string;
  readonly symbol: string;
  readonly value: number;
}

/** Input of {@link propagateShocks}. */
export interface PropagateInput {
  readonly holdings: readonly StressHolding[];
  /** Cash per account, dollars (negative = margin loan). */
  readonly cashByAccount: ReadonlyMap<string, number>;
  readonly funds: FundUniverse;
  /** Exposure ids in universe order (the order of `byExposure`). */
  readonly exposureOrder: readonly string[];
  /** Return shock per exposure; an exposure absent here and not uncovered has shock 0. */
  readonly shocks: ReadonlyMap<string, number>;
  /** Exposures without data for the scenario (contribute nothing, flagged). */
  readonly uncovered?: ReadonlySet<string>;
  /** Report positions without a fund definition instead of throwing. */
  readonly allowPartial?: boolean;
}

/** P&L of one position. */
export interface PositionPnl {
  readonly account: string;
  readonly symbol: string;
  readonly value: number;
  readonly pnl: number;
  /** pnl / value (null when value is 0). */
  readonly return: number | null;
  /** Exposures of this position that had no shock data (only when non-empty). */
  readonly uncoveredExposures?: readonly string[];
}

/** P&L of one exposure over the whole portfolio. */
export interface ExposurePnl {
  readonly exposure: string;
  /** Dollars of economic exposure. */
  readonly exposureValue: number;
  /** The return shock applied; null when uncovered. */
  readonly shock: number | null;
  /** exposureValue × shock; null when uncovered. */
  readonly pnl: number | null;
}

/** P&L of one account (positions and cash). */
export interface AccountPnl {
  readonly account: string;
  /** Σ position values + cash of the account. */
  readonly value: number;
  readonly pnl: number;
  /** pnl / value (null when value ≤ 0). */
  readonly return: number | null;
}

/** Result of {@link propagateShocks}. */
export interface StressOutcome {
  readonly totalValue: number;
  readonly totalPnl: number;
  readonly totalReturn: number;
  readonly byPosition: readonly PositionPnl[];
  readonly byAccount: readonly AccountPnl[];
  readonly byExposure: readonly ExposurePnl[];
  readonly unexplained: readonly (StressHolding & { reason: string })[];
}

function definitionOf(
  funds: FundUniverse,
  symbol: string,
): Readonly<Record<string, number>> | undefined {
  return Object.hasOwn(funds.funds, symbol) ? funds.funds[symbol]?.exposures : undefined;
}

/**
 * Propagates exposure shocks through fund definitions. Throws INVALID_INPUT when the total
 * value (positions + cash) is not > 0, NOT_FOUND for a held symbol without a fund definition
 * unless `allowPartial`. Pure.
 */
export function propagateShocks(input: PropagateInput): StressOutcome {
  const uncovered = input.uncovered ?? new Set<string>();
  const exposureValue = new Map<string, number>();
  const byPosition: PositionPnl[] = [];
  const unexplained: (StressHolding & { reason: string })[] = [];
  const accounts = new Map<string, { value: number; pnl: number }>();
  const account = (a: string): { value: number; pnl: number } => {
    const acc = accounts.get(a) ?? { value: 0, pnl: 0 };
    accounts.set(a, acc);
    return acc;
  };
  for (const [a, cash] of input.cashByAccount) account(a).value += cash;
  for (const h of input.holdings) {
    account(h.account).value += h.value;
    const definition = definitionOf(input.funds, h.symbol);
    if (definition === undefined) {
      const reason = `no fund definition for ${h.symbol}; its exposures are not guessed`;
      if (!input.allowPartial) {
        throw new BallastError(
          'NOT_FOUND',
          `${reason} (account ${h.account}); add it to the fund definitions (funds) or allow partial results (allowPartial) to report it without P&L`,
          { field: 'symbol', value: h.symbol, account: h.account },
        );
      }
      unexplained.push({ ...h, reason });
      continue;
    }
    let pnl = 0;
    const missing: string[] = [];
    for (const [id, perDollar] of Object.entries(definition)) {
      exposureValue.set(id, (exposureValue.get(id) ?? 0) + h.value * perDollar);
      if (uncovered.has(id)) missing.push(id);
      else pnl += h.value * perDollar * (input.shocks.get(id) ?? 0);
    }
    account(h.account).pnl += pnl;
    byPosition.push({
      ...h,
      pnl,
      return: h.value === 0 ? null : pnl / h.value,
      ...(missing.length > 0 ? { uncoveredExposures: missing } : {}),
    });
  }
  const totalValue = [...accounts.values()].reduce((s, a) => s + a.value, 0);
  if (!(totalValue > 0)) {
    throw new BallastError(
      'INVALID_INPUT',
      `portfolio value (positions + cash) must be > 0 to express a return (got ${totalValue})`,
      { field: 'totalValue', value: totalValue },
    );
  }
  const known = new Set(input.exposureOrder);
  const order = [
    ...input.exposureOrder,
    ...[...exposureValue.keys()].filter((id) => !known.has(id)),
  ];
  const byExposure: ExposurePnl[] = order.flatMap((id) => {
    const value = exposureValue.get(id);
    if (value === undefined) return [];
    const shock = uncovered.has(id) ? null : (input.shocks.get(id) ?? 0);
    return [
      { exposure: id, exposureValue: value, shock, pnl: shock === null ? null : value * shock },
    ];
  });
  const totalPnl = byPosition.reduce((s, p) => s + p.pnl, 0);
  return {
    totalValue,
    totalPnl,
    totalReturn: totalPnl / totalValue,
    byPosition,
    byAccount: [...accounts].map(([a, { value, pnl }]) => ({
      account: a,
      value,
      pnl,
      return: value > 0 ? pnl / value : null,
    })),
    byExposure,
    unexplained,
  };
}

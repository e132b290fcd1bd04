/**
 * Holdings → economic exposures ("what do I really own?").
 *
 * Conventions (docs/conventions.md, "Holdings, ledger and exposures"):
 * - totalValue = Σ position market values + cash; cash may be negative (margin debt).
 * - notional weight of a position = its market value / totalValue.
 * - economic exposure to k = Σ_i marketValue_i × e_ik, with e_ik the fund definition's
 *   economic exposure per $1 of NAV; economic weight = that value / totalValue.
 * - gross = Σ_k |economic_k| / totalValue, net = Σ_k economic_k / totalValue.
 * - Cash is not an exposure: it only enters totalValue. Funds' financing legs are excluded
 *   from their definitions (their cost is in the funds' returns).
 * - A symbol without a definition is reported as unexplained, never guessed; its value
 *   still counts in totalValue and positions.
 */

import { BallastError, invalidInput } from '../errors.ts';
import type { FundUniverse } from './fund-types.ts';
import type { ExposureRegistry } from './registry.ts';
import { normalizeSymbol } from './symbol.ts';

/** One holding: a symbol and its market value in the portfolio currency. */
export interface HoldingPosition {
  readonly symbol: string;
  /** Market value (currency units; negative for a short position). */
  readonly marketValue: number;
}

/** Input of {@link decomposeHoldings}. */
export interface DecomposeHoldingsInput {
  readonly positions: readonly HoldingPosition[];
  /** Cash balance (currency units); negative = margin debt. */
  readonly cash: number;
  readonly funds: FundUniverse;
  readonly registry: ExposureRegistry;
}

/** A position of the result, one per normalised symbol. */
export interface DecomposedPosition {
  readonly symbol: string;
  readonly marketValue: number;
  /** marketValue / totalValue (decimal). */
  readonly notionalWeight: number;
  /**
   * The position's look-through: dollars of economic exposure it carries to each exposure of
   * its fund definition (marketValue × exposure per $1), in the definition's order; empty when
   * the position is unexplained.
   */
  readonly exposures: readonly { readonly id: string; readonly economicValue: number }[];
}

/** Economic exposure to one universe exposure. */
export interface ExposureValue {
  readonly id: string;
  /** Id of the exposure's category. */
  readonly category: string;
  /** Dollars of economic exposure (currency units). */
  readonly economicValue: number;
  /** economicValue / totalValue (decimal; 2.0 = 200 % of portfolio value). */
  readonly economicWeight: number;
}

/** Economic exposure summed over one category. */
export interface CategoryValue {
  readonly id: string;
  readonly economicValue: number;
  readonly economicWeight: number;
}

/** A holding whose exposures are unknown. */
export interface UnexplainedPosition {
  readonly symbol: string;
  readonly marketValue: number;
  readonly reason: string;
}

/** Result of {@link decomposeHoldings}. */
export interface HoldingsDecomposition {
  /** Σ marketValue + cash (currency units), > 0. */
  readonly totalValue: number;
  readonly cash: number;
  /** Positions in first-seen order, same-symbol rows summed. */
  readonly positions: readonly DecomposedPosition[];
  /** Non-zero exposures in registry order. */
  readonly exposures: readonly ExposureValue[];
  /** Categories (registry order) holding at least one reported exposure. */
  readonly byCategory: readonly CategoryValue[];
  /** Σ_k |economic_k| / totalValue. */
  readonly grossEconomicExposure: number;
  /** Σ_k economic_k / totalValue. */
  readonly netEconomicExposure: number;
  /** Positions without a fund definition (in position order). */
  readonly unexplained: readonly UnexplainedPosition[];
}

function aggregatePositions(positions: readonly HoldingPosition[]): Map<string, number> {
  const bySymbol = new Map<string, number>();
  positions.forEach((position, i) => {
    const symbol = normalizeSymbol(position.symbol);
    if (symbol === '')
      throw invalidInput(`positions[${i}].symbol`, position.symbol, 'empty symbol');
    if (!Number.isFinite(position.marketValue)) {
      throw invalidInput(`positions[${i}].marketValue`, position.marketValue, 'must be finite');
    }
    bySymbol.set(symbol, (bySymbol.get(symbol) ?? 0) + position.marketValue);
  });
  return bySymbol;
}

function accumulateExposures(
  bySymbol: ReadonlyMap<string, number>,
  input: DecomposeHoldingsInput,
): {
  economic: Map<string, number>;
  unexplained: UnexplainedPosition[];
  lookThrough: Map<string, { id: string; economicValue: number }[]>;
} {
  const economic = new Map<string, number>();
  const lookThrough = new Map<string, { id: string; economicValue: number }[]>();
  const unexplained: UnexplainedPosition[] = [];
  for (const [symbol, marketValue] of bySymbol) {
    const definition = Object.hasOwn(input.funds.funds, symbol)
      ? input.funds.funds[symbol]
      : undefined;
    if (definition === undefined) {
      unexplained.push({
        symbol,
        marketValue,
        reason: `no fund definition for ${symbol}; its exposures are not guessed`,
      });
      continue;
    }
    const own: { id: string; economicValue: number }[] = [];
    lookThrough.set(symbol, own);
    for (const [id, perDollar] of Object.entries(definition.exposures)) {
      if (!input.registry.has(id)) {
        throw new BallastError('INVALID_INPUT', `fund ${symbol}: unknown exposure id ${id}`, {
          field: `funds.${symbol}.exposures.${id}`,
          value: id,
        });
      }
      economic.set(id, (economic.get(id) ?? 0) + marketValue * perDollar);
      own.push({ id, economicValue: marketValue * perDollar });
    }
  }
  return { economic, unexplained, lookThrough };
}

/**
 * Decomposes holdings into economic exposures using per-$1 fund definitions. Symbols are
 * trimmed and upper-cased; rows with the same symbol are summed. Throws INVALID_INPUT for a
 * non-finite value, an empty symbol, a definition naming an unknown exposure id, or
 * totalValue ≤ 0 (weights would be meaningless). Pure; the inputs are not mutated.
 */
export function decomposeHoldings(input: DecomposeHoldingsInput): HoldingsDecomposition {
  if (!Number.isFinite(input.cash)) throw invalidInput('cash', input.cash, 'must be finite');
  const bySymbol = aggregatePositions(input.positions);
  const totalValue = [...bySymbol.values()].reduce((sum, v) => sum + v, input.cash);
  if (!(totalValue > 0)) {
    throw invalidInput('totalValue', totalValue, 'portfolio value (positions + cash) must be > 0');
  }
  const { economic, unexplained, lookThrough } = accumulateExposures(bySymbol, input);
  const exposures: ExposureValue[] = [];
  const categoryTotals = new Map<string, number>();
  for (const exposure of input.registry.exposures) {
    const economicValue = economic.get(exposure.id) ?? 0;
    if (economicValue === 0) continue;
    exposures.push({
      id: exposure.id,
      category: exposure.category,
      economicValue,
      economicWeight: economicValue / totalValue,
    });
    categoryTotals.set(
      exposure.category,
      (categoryTotals.get(exposure.category) ?? 0) + economicValue,
    );
  }
  const byCategory = input.registry.categories.flatMap((category) => {
    const economicValue = categoryTotals.get(category.id);
    return economicValue === undefined
      ? []
      : [{ id: category.id, economicValue, economicWeight: economicValue / totalValue }];
  });
  return {
    totalValue,
    cash: input.cash,
    positions: [...bySymbol].map(([symbol, marketValue]) => ({
      symbol,
      marketValue,
      notionalWeight: marketValue / totalValue,
      exposures: lookThrough.get(symbol) ?? [],
    })),
    exposures,
    byCategory,
    grossEconomicExposure:
      exposures.reduce((s, e) => s + Math.abs(e.economicValue), 0) / totalValue,
    netEconomicExposure: exposures.reduce((s, e) => s + e.economicValue, 0) / totalValue,
    unexplained,
  };
}

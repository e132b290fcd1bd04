/**
 * Target weights for the trade planner: symbol normalisation, the cash line, and the budget
 * check (never renormalised: weights that do not add up are an error, not a hint).
 */

import { invalidInput } from '../errors.ts';
import { normalizeSymbol } from '../exposures/symbol.ts';
import type { TradeTargets } from './types.ts';

/** Symbol of the cash line in a `symbol,weight` targets file (case-insensitive). */
export const CASH_LINE_SYMBOL = 'CASH';

/** Tolerance on Σ weights = 1 (weights are decimals). */
export const BUDGET_TOLERANCE = 1e-6;

/** Targets after validation: upper-case symbols (sorted) and the cash weight. */
export interface ResolvedTargets {
  readonly weights: ReadonlyMap<string, number>;
  /** Cash weight (decimal; negative = borrowing). */
  readonly cashWeight: number;
}

/**
 * Targets from `symbol,weight` rows: a `CASH` row becomes the explicit cash line, every other
 * row a symbol weight. Repeated symbols (after trimming and upper-casing) are INVALID_INPUT.
 */
export function targetsFromRows(
  rows: readonly { readonly symbol: string; readonly weight: number }[],
): TradeTargets {
  const weightsBySymbol: Record<string, number> = {};
  let cashWeight: number | undefined;
  rows.forEach((row, i) => {
    const symbol = normalizeSymbol(row.symbol);
    if (symbol === CASH_LINE_SYMBOL) {
      if (cashWeight !== undefined)
        throw invalidInput(`targets[${i}].symbol`, row.symbol, 'a second cash line');
      cashWeight = row.weight;
      return;
    }
    if (symbol in weightsBySymbol) {
      throw invalidInput(`targets[${i}].symbol`, row.symbol, 'symbol listed twice');
    }
    weightsBySymbol[symbol] = row.weight;
  });
  return cashWeight === undefined ? { weightsBySymbol } : { weightsBySymbol, cashWeight };
}

/**
 * Validates targets: finite weights, unique upper-case symbols, no symbol named `CASH`, and the
 * budget (Σ symbol weights + cash = 1 within {@link BUDGET_TOLERANCE}) unless the cash line is
 * `'residual'`. Throws INVALID_INPUT naming the field and value.
 */
export function resolveTargets(targets: TradeTargets): ResolvedTargets {
  const weights = new Map<string, number>();
  for (const [raw, weight] of Object.entries(targets.weightsBySymbol)) {
    const symbol = normalizeSymbol(raw);
    const field = `targets.weightsBySymbol.${raw}`;
    if (!Number.isFinite(weight))
      throw invalidInput(field, weight, 'weight must be a finite decimal');
    if (symbol === '' || symbol === CASH_LINE_SYMBOL) {
      throw invalidInput(field, raw, `not a tradable symbol (give cash as cashWeight)`);
    }
    if (weights.has(symbol)) throw invalidInput(field, raw, 'symbol listed twice');
    weights.set(symbol, weight);
  }
  const invested = [...weights.values()].reduce((s, w) => s + w, 0);
  const cash = targets.cashWeight;
  if (cash === 'residual') return { weights: sortByKey(weights), cashWeight: 1 - invested };
  if (cash !== undefined && !Number.isFinite(cash)) {
    throw invalidInput('targets.cashWeight', cash, 'cash weight must be a finite decimal');
  }
  const total = invested + (cash ?? 0);
  if (Math.abs(total - 1) > BUDGET_TOLERANCE) {
    const why =
      cash === undefined
        ? 'weights must sum to 1 when there is no cash line (add a CASH row or use a residual cash line)'
        : 'symbol weights plus the cash line must sum to 1';
    throw invalidInput('targets', { sum: total }, why);
  }
  return { weights: sortByKey(weights), cashWeight: cash ?? 1 - invested };
}

function sortByKey<V>(map: ReadonlyMap<string, V>): Map<string, V> {
  return new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

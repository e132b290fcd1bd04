/**
 * What taxes cost a strategy (docs/backtest.md, "Taxes"): the same strategy is run a second
 * time without its tax settings (same prices, costs, flows and cash) and the final values
 * are compared. Taxes paid early change every later trade and return, so the drag is stated
 * once per strategy, from the two final values.
 */

import { runStrategy } from './engine.ts';
import type { BacktestSettings, PriceMatrix, StrategyRun, StrategySpec } from './types.ts';

/** A taxed run compared with its second run without taxes. */
export interface TaxComparison {
  /** The taxed run's final value (after every tax paid from the portfolio). */
  readonly afterTaxValue: number;
  /** Final value of the second run, without taxes. */
  readonly preTaxValue: number;
  /** preTaxValue − afterTaxValue: > 0 the taxes cost money, < 0 the loss credits gained. */
  readonly drag: number;
}

/** Runs `spec` again without its taxes and compares the final values; null without `spec.tax`. */
export function taxComparison(
  market: PriceMatrix,
  spec: StrategySpec,
  context: { readonly settings: BacktestSettings; readonly run: StrategyRun },
): TaxComparison | null {
  if (!spec.tax) return null;
  const free = runStrategy(
    market,
    { ...spec, tax: undefined },
    { ...context.settings, recordTrades: false },
  );
  const last = market.dates.length - 1;
  const preTaxValue = free.values[last]!;
  const afterTaxValue = context.run.values[last]!;
  return { afterTaxValue, preTaxValue, drag: preTaxValue - afterTaxValue };
}

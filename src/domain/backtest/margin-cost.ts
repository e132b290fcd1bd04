/**
 * What the margin rule cost a strategy (docs/backtest.md, "Margin and leverage modes"): the
 * same strategy is run a second time without its margin rule (same leverage mode, prices,
 * costs, flows and cash), and the two final values are compared. The calls of a run depend on
 * one another (a sale changes every later ratio), so the cost is stated once per strategy, not
 * per call.
 */

import { runStrategy } from './engine.ts';
import type {
  BacktestSettings,
  PriceMatrix,
  StrategyRun,
  StrategySpec,
  StrategyStop,
} from './types.ts';

/** The comparison of a run with its second run without the margin rule. */
export interface MarginComparison {
  /** Final value of the second run, without the margin rule. */
  readonly finalValueWithoutMargin: number;
  /** finalValueWithoutMargin − the run's final value: > 0 the calls cost, < 0 they saved. */
  readonly loss: number;
  /** How the second run stopped, when it did (a levered strategy may be wiped out without calls). */
  readonly stoppedWithoutMargin?: StrategyStop;
}

/**
 * Runs `spec` again without its margin rule and compares the final values with `run`'s; null
 * when the spec has no margin rule.
 */
export function marginComparison(
  market: PriceMatrix,
  spec: StrategySpec,
  context: { readonly settings: BacktestSettings; readonly run: StrategyRun },
): MarginComparison | null {
  if (!spec.margin) return null;
  const free = runStrategy(
    market,
    { ...spec, margin: undefined },
    { ...context.settings, recordTrades: false },
  );
  const last = market.dates.length - 1;
  const finalValueWithoutMargin = free.values[last]!;
  return {
    finalValueWithoutMargin,
    loss: finalValueWithoutMargin - context.run.values[last]!,
    ...(free.stopped ? { stoppedWithoutMargin: free.stopped } : {}),
  };
}

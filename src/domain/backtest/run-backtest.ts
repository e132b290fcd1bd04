/**
 * A whole backtest: every strategy and the benchmark over one price matrix, each run by the
 * engine and summarised (docs/backtest.md). The benchmark is a buy-and-hold of its symbol:
 * the same initial money, no costs, no flows; its daily returns are the benchmark of the
 * strategies' benchmark-relative metrics.
 */

import type { DividendSchedule } from './dividends.ts';
import { runStrategy } from './engine.ts';
import { marginComparison, type MarginComparison } from './margin-cost.ts';
import { taxComparison, type TaxComparison } from './tax-comparison.ts';
import { summarizeRun, type RunSummary } from './summary.ts';
import type { BacktestSettings, PriceMatrix, StrategyRun, StrategySpec } from './types.ts';
import { fixedWeights } from './weighting.ts';

/** A run and its measures. */
export interface StrategyResult {
  readonly run: StrategyRun;
  readonly summary: RunSummary;
  /** With a margin rule: the same strategy run again without it (margin-cost.ts). */
  readonly withoutMargin?: MarginComparison;
  /** With taxes: the same strategy run again without them (tax-comparison.ts). */
  readonly withoutTax?: TaxComparison;
}

/** Results of {@link runBacktest}, strategies in the order given. */
export interface BacktestResult {
  readonly strategies: readonly StrategyResult[];
  readonly benchmark?: StrategyResult & { readonly symbol: string };
}

/** What {@link runBacktest} runs. */
export interface BacktestRequest {
  readonly market: PriceMatrix;
  readonly strategies: readonly StrategySpec[];
  readonly settings: BacktestSettings;
  /** Symbol bought and held as the benchmark (a column of the matrix). */
  readonly benchmark?: string | undefined;
  /** The benchmark's dividends on unadjusted closes (reinvested: a total-return holding). */
  readonly benchmarkDividends?: DividendSchedule | undefined;
}

/** Buy-and-hold of one symbol: all of the money in it at the first close, no costs, no flows. */
export function buyAndHold(symbol: string, name = symbol): StrategySpec {
  return {
    name,
    assets: [symbol],
    weighting: fixedWeights([1]),
    rebalance: 'never',
    costRate: 0,
    wholeShares: false,
  };
}

/** Runs the benchmark first (its returns feed the metrics), then each strategy. */
export function runBacktest(request: BacktestRequest): BacktestResult {
  const { market, settings } = request;
  const riskFreeRateAnnual = settings.cashRate;
  let benchmark: BacktestResult['benchmark'];
  if (request.benchmark !== undefined) {
    const spec = { ...buyAndHold(request.benchmark), dividends: request.benchmarkDividends };
    const run = runStrategy(market, spec, settings);
    benchmark = {
      symbol: request.benchmark,
      run,
      summary: summarizeRun(run, { riskFreeRateAnnual }),
    };
  }
  const strategies = request.strategies.map((spec) => {
    const run = runStrategy(market, spec, settings);
    const summary = summarizeRun(run, {
      riskFreeRateAnnual,
      benchmark: benchmark?.summary.returns,
    });
    const withoutMargin = marginComparison(market, spec, { settings, run });
    const withoutTax = taxComparison(market, spec, { settings, run });
    return {
      run,
      summary,
      ...(withoutMargin ? { withoutMargin } : {}),
      ...(withoutTax ? { withoutTax } : {}),
    };
  });
  return { strategies, ...(benchmark ? { benchmark } : {}) };
}

/**
 * Sweeps (docs/backtest.md, "Sweeps"): the grid of a sweep — every combination of one value per
 * axis, the last axis varying fastest — the variants' names, numeric ranges, the measures a
 * sweep's results are sorted by (each with the direction that is better, best first), and one
 * variant run (the engine and its summary, as a single backtest runs a strategy).
 */

import type { ReturnSeries } from '../series/types.ts';
import { runStrategy } from './engine.ts';
import type { StrategyResult } from './run-backtest.ts';
import { summarizeRun } from './summary.ts';
import type { BacktestSettings, PriceMatrix, StrategySpec } from './types.ts';

/**
 * Every combination of one index per axis of the given sizes, in odometer order: the first
 * axis varies slowest, the last fastest (`[2, 3]` gives `[0,0] [0,1] [0,2] [1,0] [1,1] [1,2]`).
 * No axes give one empty combination; an axis of size 0 gives none.
 */
export function gridCombinations(sizes: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const size of sizes) {
    const next: number[][] = [];
    for (const combo of out) for (let i = 0; i < size; i++) next.push([...combo, i]);
    out = next;
  }
  return out;
}

/** The number of combinations of {@link gridCombinations} (the product of the sizes). */
export function gridSize(sizes: readonly number[]): number {
  return sizes.reduce((n, s) => n * s, 1);
}

/** One parameter of a variant as shown in its name: `label=text`. */
export interface VariantParam {
  readonly label: string;
  /** The value as written (`1.0` stays `1.0`). */
  readonly text: string;
}

/**
 * A variant's name: the strategy's, then its parameters in brackets in axis order
 * (`60-40 [bands.absolute=0.05, weights.A=1.25]`); the strategy's own name when it has none.
 */
export function variantName(strategy: string, params: readonly VariantParam[]): string {
  if (params.length === 0) return strategy;
  return `${strategy} [${params.map((p) => `${p.label}=${p.text}`).join(', ')}]`;
}

/** Values kept in a range: ranges longer than this are refused by the caller. */
export const MAX_RANGE_VALUES = 100_000;

/**
 * The values `from, from + step, …` up to `to` inclusive (to within 1e-9 of a step, so that
 * `0.1:0.3:0.1` ends at 0.3), each rounded to 12 significant digits so that decimal steps give
 * the decimals written (0.3, not 0.30000000000000004). Null when `step ≤ 0`, `to < from`, a
 * bound is not finite, or there would be more than {@link MAX_RANGE_VALUES} values.
 */
export function rangeValues(from: number, to: number, step: number): number[] | null {
  if (![from, to, step].every(Number.isFinite) || step <= 0 || to < from) return null;
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_RANGE_VALUES) return null;
  return Array.from({ length: count }, (_, i) => Number((from + i * step).toPrecision(12)));
}

/** What a sweep's rows are sorted by (the table's columns, by name). */
export interface SweepMeasures {
  readonly finalValue: number;
  readonly twr: number;
  readonly twrAnnualized: number | null;
  readonly mwr: number | null;
  readonly costs: number;
  readonly metrics: {
    readonly sharpe: number | null;
    readonly sortino: number | null;
    readonly calmar: number | null;
    readonly annualizedVolatility: number;
    readonly maxDrawdown: number;
  } | null;
}

/** A measure a sweep can be sorted by, and which way is better. */
export interface SweepMetric {
  readonly better: 'higher' | 'lower';
  readonly of: (row: SweepMeasures) => number | null | undefined;
  readonly description: string;
}

/**
 * The measures a sweep sorts by, best first: higher is better for returns and ratios, lower for
 * volatility, the maximum drawdown (a positive fall, 0.25 = −25 %) and costs.
 */
export const SWEEP_METRICS = {
  sharpe: { better: 'higher', of: (r) => r.metrics?.sharpe, description: 'Sharpe ratio' },
  sortino: { better: 'higher', of: (r) => r.metrics?.sortino, description: 'Sortino ratio' },
  calmar: { better: 'higher', of: (r) => r.metrics?.calmar, description: 'Calmar ratio' },
  twr: { better: 'higher', of: (r) => r.twr, description: 'TWR of the window' },
  cagr: { better: 'higher', of: (r) => r.twrAnnualized, description: 'TWR annualised' },
  mwr: { better: 'higher', of: (r) => r.mwr, description: 'MWR (XIRR)' },
  finalValue: { better: 'higher', of: (r) => r.finalValue, description: 'final value' },
  volatility: {
    better: 'lower',
    of: (r) => r.metrics?.annualizedVolatility,
    description: 'annualised volatility',
  },
  maxDrawdown: {
    better: 'lower',
    of: (r) => r.metrics?.maxDrawdown,
    description: 'maximum drawdown',
  },
  costs: { better: 'lower', of: (r) => r.costs, description: 'trading costs' },
} as const satisfies Record<string, SweepMetric>;

/** The name of a measure of {@link SWEEP_METRICS}. */
export type SweepMetricName = keyof typeof SWEEP_METRICS;

/** The names of {@link SWEEP_METRICS}, in the order above. */
export const SWEEP_METRIC_NAMES = Object.keys(SWEEP_METRICS) as SweepMetricName[];

/**
 * `rows` sorted best first by `metric` (its direction in {@link SWEEP_METRICS}); rows without
 * the measure (null, undefined, NaN) come last; ties keep their order (a stable sort).
 */
export function sortByMetric<T extends SweepMeasures>(
  rows: readonly T[],
  metric: SweepMetricName,
): T[] {
  const { better, of } = SWEEP_METRICS[metric] as SweepMetric;
  const sign = better === 'higher' ? -1 : 1;
  const key = (row: T): number | null => {
    const x = of(row);
    return typeof x === 'number' && !Number.isNaN(x) ? x : null;
  };
  return rows
    .map((row, i) => ({ row, i, k: key(row) }))
    .sort((a, b) => {
      if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1;
      return a.k === b.k ? a.i - b.i : sign * (a.k - b.k);
    })
    .map((e) => e.row);
}

/**
 * One variant: the engine's run of `spec` and its summary, the risk-free rate being the
 * variant's cash rate and `benchmark` the benchmark's daily returns (as `runBacktest` does).
 */
export function runVariant(
  market: PriceMatrix,
  spec: StrategySpec,
  options: { readonly settings: BacktestSettings; readonly benchmark?: ReturnSeries | undefined },
): StrategyResult {
  const run = runStrategy(market, spec, options.settings);
  const summary = summarizeRun(run, {
    riskFreeRateAnnual: options.settings.cashRate,
    benchmark: options.benchmark,
  });
  return { run, summary };
}

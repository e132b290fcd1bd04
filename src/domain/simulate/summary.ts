/**
 * The figures of a run from its paths (docs/simulate.md, "Output"). Quantiles are type 7
 * (linear interpolation between order statistics, `quantileLinear`); means add the paths in
 * path order, so the figures do not depend on how the paths were shared among threads.
 *
 * - percentiles pX[y]: the X % quantile over paths of the value at the end of year y (y = 0 is
 *   the initial value); depleted paths count as 0.
 * - terminal: mean (and its standard error s/√N, s the sample sd of the N terminal values),
 *   median, 5 % and 95 % quantiles of the final value.
 * - successProbability: the share of paths never depleted; depletion.probability = 1 − it;
 *   depletion.medianYear: the median over depleted paths of the year ⌈t/periodsPerYear⌉ they
 *   were depleted in (null when none was).
 * - maxDrawdown p50 / p95: the median and the 95 % quantile (the deep tail) of the paths'
 *   max drawdowns (positive fractions).
 * - safeWithdrawalRate.p95: the 5 % quantile of the paths' maximum sustainable withdrawal
 *   rates (paths.ts): the rate of the initial value, paid on the rate schedule and grown with
 *   its inflation, that 95 % of the simulated paths sustain for the whole horizon.
 */

import { quantileLinear } from '../analytics/value-at-risk.ts';
import type { PathResults } from './paths.ts';

/** Quantile levels of the fan. */
export const FAN_LEVELS = { p5: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95 } as const;

/** The summary figures of a run (module comment). */
export interface SimulationSummary {
  readonly percentiles: Record<keyof typeof FAN_LEVELS, number[]>;
  readonly terminal: {
    readonly mean: number;
    readonly standardError: number;
    readonly median: number;
    readonly p5: number;
    readonly p95: number;
  };
  readonly successProbability: number;
  readonly depletion: { readonly probability: number; readonly medianYear: number | null };
  readonly maxDrawdown: { readonly p50: number; readonly p95: number };
  readonly safeWithdrawalRate: { readonly p95: number };
}

/** The values at year end `y` over paths, sorted ascending. */
function sortedColumn(r: PathResults, years: number, y: number): Float64Array {
  const out = new Float64Array(r.count);
  for (let p = 0; p < r.count; p++) out[p] = r.yearValues[p * (years + 1) + y]!;
  return out.sort();
}

/** Type-7 quantile of ascending `sorted` (the formula of `quantileLinear`, without its sort). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function meanAndError(values: Float64Array): { mean: number; standardError: number } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
  return { mean, standardError: n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0 };
}

/** Summarises `r` (module comment); needs at least one path. */
export function summarise(
  r: PathResults,
  shape: { readonly years: number; readonly periodsPerYear: number },
): SimulationSummary {
  const { years, periodsPerYear } = shape;
  const byYear = Array.from({ length: years + 1 }, (_, y) => sortedColumn(r, years, y));
  const percentiles = Object.fromEntries(
    Object.entries(FAN_LEVELS).map(([k, q]) => [k, byYear.map((v) => quantileSorted(v, q))]),
  ) as SimulationSummary['percentiles'];
  const terminal = byYear[years]!;
  const depletedYears: number[] = [];
  for (let p = 0; p < r.count; p++)
    if (r.depletedAt[p]! > 0) depletedYears.push(Math.ceil(r.depletedAt[p]! / periodsPerYear));
  const depletedShare = depletedYears.length / r.count;
  return {
    percentiles,
    terminal: {
      ...meanAndError(terminal),
      median: quantileSorted(terminal, 0.5),
      p5: quantileSorted(terminal, 0.05),
      p95: quantileSorted(terminal, 0.95),
    },
    successProbability: 1 - depletedShare,
    depletion: {
      probability: depletedShare,
      medianYear: depletedYears.length ? quantileLinear(depletedYears, 0.5) : null,
    },
    maxDrawdown: {
      p50: quantileLinear(r.maxDrawdown, 0.5),
      p95: quantileLinear(r.maxDrawdown, 0.95),
    },
    safeWithdrawalRate: { p95: quantileLinear(r.maxRate, 0.05) },
  };
}

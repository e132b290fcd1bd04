/** Counting statistics of a per-period return series: hit rate, best and worst periods. */

/** Share of periods with r_t > threshold (default 0): quantstats `win_rate` counts r ≠ 0 only. */
export function hitRate(returns: ArrayLike<number>, threshold = 0): number {
  let hits = 0;
  for (let i = 0; i < returns.length; i++) if (returns[i]! > threshold) hits++;
  return hits / returns.length;
}

/** One period's return and its position in the series. */
export interface PeriodExtreme {
  readonly index: number;
  readonly value: number;
}

/** The best and worst single-period returns (first occurrence on ties); null when empty. */
export function bestWorst(
  returns: ArrayLike<number>,
): { best: PeriodExtreme; worst: PeriodExtreme } | null {
  if (returns.length === 0) return null;
  let best = 0;
  let worst = 0;
  for (let i = 1; i < returns.length; i++) {
    if (returns[i]! > returns[best]!) best = i;
    if (returns[i]! < returns[worst]!) worst = i;
  }
  return {
    best: { index: best, value: returns[best]! },
    worst: { index: worst, value: returns[worst]! },
  };
}

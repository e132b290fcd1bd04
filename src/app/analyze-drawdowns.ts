/**
 * The `drawdowns` block of `analyze`: the N deepest drawdown episodes of the analysed series
 * (PerformanceAnalytics `table.Drawdowns`), on the wealth path that includes the starting
 * capital (docs/conventions.md, "Risk and performance measures"): peak, trough and recovery
 * dates (`start` for the starting value, `null` while not recovered), depth and lengths in
 * periods.
 */

import { drawdownTable, valuesFromReturns } from '../domain/analytics/drawdown.ts';
import type { ReturnSeries } from '../domain/series/types.ts';

/** One row of the drawdown table. */
export interface DrawdownRow {
  readonly peak: string;
  readonly trough: string;
  readonly recovery: string | null;
  /** Fall from the peak as a positive decimal (0.25 = −25 %). */
  readonly depth: number;
  readonly peakToTroughPeriods: number;
  readonly durationPeriods: number;
  readonly recovered: boolean;
}

/** The `topN` deepest episodes of `series`, dated (value index i > 0 is the date of return i − 1). */
export function drawdownRows(series: ReturnSeries, topN: number): DrawdownRow[] {
  const values = valuesFromReturns(series.map((p) => p.value));
  const dateOf = (index: number): string => (index === 0 ? 'start' : series[index - 1]!.date);
  return drawdownTable(values, topN).map((e) => ({
    peak: dateOf(e.peakIndex),
    trough: dateOf(e.troughIndex),
    recovery: e.recoveryIndex === null ? null : dateOf(e.recoveryIndex),
    depth: e.depth,
    peakToTroughPeriods: e.peakToTroughPeriods,
    durationPeriods: e.durationPeriods,
    recovered: e.recoveryIndex !== null,
  }));
}

/**
 * `ballast analyze --drawdowns N`: the N deepest drawdown episodes of the analysed series
 * (PerformanceAnalytics `table.Drawdowns`), on the wealth path that includes the starting
 * capital (docs/conventions.md): peak, trough and recovery dates (`start` for the starting value, `null`
 * while not recovered), depth and lengths in periods.
 */

import { drawdownTable, valuesFromReturns } from '../../domain/analytics/drawdown.ts';
import { invalidInput } from '../../domain/errors.ts';
import type { ReturnSeries } from '../../domain/series/types.ts';
import { renderTable } from '../format/table.ts';

/** One row of the drawdown table. */
export interface DrawdownRow {
  readonly peak: string;
  readonly trough: string;
  readonly recovery: string | null;
  readonly depth: number;
  readonly peakToTroughPeriods: number;
  readonly durationPeriods: number;
  readonly recovered: boolean;
}

/** Parses `--drawdowns N` (integer ≥ 1). */
export function drawdownsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw invalidInput('--drawdowns', value, 'must be an integer ≥ 1');
  return n;
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

/** The drawdown table as text. */
export function renderDrawdowns(rows: readonly DrawdownRow[]): string {
  return renderTable(rows, [
    { title: 'Depth', value: (r) => `${(r.depth * 100).toFixed(2)}%`, align: 'right' },
    { title: 'Peak', value: (r) => r.peak },
    { title: 'Trough', value: (r) => r.trough },
    { title: 'Recovery', value: (r) => r.recovery ?? 'not recovered' },
    { title: 'To trough', value: (r) => String(r.peakToTroughPeriods), align: 'right' },
    { title: 'Length', value: (r) => String(r.durationPeriods), align: 'right' },
  ]);
}

/** `ballast analyze --drawdowns N`: the flag and the table of the deepest drawdowns. */

import type { DrawdownRow } from '../../app/analyze.ts';
import { renderTable, type Column } from '../format/table.ts';
import { integerFlag } from './analytics-flags.ts';

/** Parses `--drawdowns N` (integer ≥ 1). */
export function drawdownsOption(value: string | undefined): number | undefined {
  return integerFlag('--drawdowns', value, 1);
}

const columns: Column<DrawdownRow>[] = [
  { title: 'Depth', value: (r) => `${(r.depth * 100).toFixed(2)}%`, align: 'right' },
  { title: 'Peak', value: (r) => r.peak },
  { title: 'Trough', value: (r) => r.trough },
  { title: 'Recovery', value: (r) => r.recovery ?? 'not recovered' },
  { title: 'To trough', value: (r) => String(r.peakToTroughPeriods), align: 'right' },
  { title: 'Length', value: (r) => String(r.durationPeriods), align: 'right' },
];

/** The drawdown table as text. */
export function renderDrawdowns(rows: readonly DrawdownRow[]): string {
  return renderTable(rows, columns);
}

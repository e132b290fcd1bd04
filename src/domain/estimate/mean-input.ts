/**
 * Input checks shared by the expected-return estimators. A return panel is an
 * {@link AlignedTable} (one column per asset over common dates, see `series/align-common`) of
 * simple per-period returns; nothing is filled, so every value must be finite.
 */

import { BallastError, invalidInput } from '../errors.ts';
import type { AlignedTable } from '../series/align-common.ts';

/** Throws `INVALID_INPUT` unless `periodsPerYear` is a finite number > 0 (252, 52, 12, 4, 1). */
export function assertPeriodsPerYear(periodsPerYear: number): void {
  if (!Number.isFinite(periodsPerYear) || periodsPerYear <= 0) {
    throw invalidInput('periodsPerYear', periodsPerYear, 'must be a finite number above 0');
  }
}

/** What a panel must satisfy beyond shape and finiteness. */
export interface PanelRequirements {
  /** Fewest observations (dates) the estimator needs; fewer throws `INSUFFICIENT_DATA`. */
  readonly minObservations: number;
  /** Estimator name used in messages. */
  readonly estimator: string;
}

/**
 * Validates a return panel: at least one asset, one column per id, each column as long as
 * `dates`, finite simple returns above −1, and at least `minObservations` dates.
 */
export function assertReturnPanel(table: AlignedTable, requirements: PanelRequirements): void {
  if (table.ids.length === 0) throw invalidInput('returns.ids', [], 'at least one asset needed');
  if (table.columns.length !== table.ids.length) {
    throw invalidInput(
      'returns.columns',
      table.columns.length,
      `expected one column per asset (${table.ids.length})`,
    );
  }
  if (table.dates.length < requirements.minObservations) {
    throw new BallastError(
      'INSUFFICIENT_DATA',
      `${requirements.estimator} needs at least ${requirements.minObservations} observations, got ${table.dates.length}`,
      { observations: table.dates.length, required: requirements.minObservations },
    );
  }
  table.columns.forEach((column, k) => {
    const id = table.ids[k] ?? String(k);
    if (column.length !== table.dates.length) {
      throw invalidInput(`returns.${id}`, column.length, `expected ${table.dates.length} values`);
    }
    for (let t = 0; t < column.length; t++) {
      const value = column[t]!;
      // Finite and above −1 (NaN fails both comparisons).
      if (!(value > -1 && value < Infinity)) {
        throw invalidInput(
          `returns.${id}[${t}]`,
          value,
          `a simple return must be finite and above −1 (on ${table.dates[t] ?? '?'})`,
        );
      }
    }
  });
}

/** Mean of a column (caller guarantees length ≥ 1). */
export function columnMean(column: Float64Array): number {
  let sum = 0;
  for (let t = 0; t < column.length; t++) sum += column[t]!;
  return sum / column.length;
}

/** Sample variance (n − 1 denominator) of a column (caller guarantees length ≥ 2). */
export function columnVariance(column: Float64Array): number {
  const mean = columnMean(column);
  let sum = 0;
  for (const value of column) sum += (value - mean) ** 2;
  return sum / (column.length - 1);
}

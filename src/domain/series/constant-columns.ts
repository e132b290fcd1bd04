/**
 * Columns of a return panel with zero variance: every value the same (all zero, or a constant
 * return). A constant return has no risk, so an optimiser given it as a risky asset puts
 * everything in it and reports a meaningless Sharpe ratio (a mean divided by a rounding error);
 * callers refuse such columns unless they are declared the risk-free asset
 * (docs/conventions.md, "Optimisation").
 */

import type { AlignedTable } from './align-common.ts';

/**
 * The ids of the columns of `table` whose values are all equal (exact comparison, so a column
 * that varies only in its last digit is not constant), in column order. A column with fewer
 * than two values is not reported (one observation says nothing about variance).
 *
 * @example
 * ```ts
 * constantColumns({ ids: ['A', 'Z'], dates: ['2024-01-31', '2024-02-29'],
 *   columns: [Float64Array.of(0.01, 0.02), Float64Array.of(0, 0)] }); // ['Z']
 * ```
 */
export function constantColumns(table: AlignedTable): string[] {
  const out: string[] = [];
  table.columns.forEach((column, j) => {
    if (column.length < 2) return;
    const first = column[0]!;
    for (let t = 1; t < column.length; t++) if (column[t] !== first) return;
    out.push(table.ids[j]!);
  });
  return out;
}

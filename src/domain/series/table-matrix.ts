/** An aligned table as the T × n return matrix estimators take (rows = dates, columns = ids). */

import { matrix, type Matrix } from '../../core/linalg/matrix.ts';
import type { AlignedTable } from './align-common.ts';

/** A T × n row-major matrix from an aligned table: entry (t, j) is column j on date t. */
export function tableMatrix(table: AlignedTable): Matrix {
  const t = table.dates.length;
  const n = table.ids.length;
  const m = matrix(t, n);
  table.columns.forEach((column, j) => {
    for (let i = 0; i < t; i++) m.data[i * n + j] = column[i]!;
  });
  return m;
}

/** Builders for {@link SparseConstraints} (CSR rows with two-sided bounds). */

import type { SparseConstraints } from './types.ts';

/** One constraint row lower ≤ Σ_k values[k]·x[indices[k]] ≤ upper (±Infinity for a free side). */
export interface SparseRow {
  readonly indices: ArrayLike<number>;
  readonly values: ArrayLike<number>;
  readonly lower: number;
  readonly upper: number;
}

/**
 * CSR constraints from sparse rows, in order. Duplicate column indices within a row are summed;
 * exact zero coefficients are dropped. Throws RangeError if a row's indices and values differ
 * in length.
 */
export function sparseConstraints(rows: readonly SparseRow[]): SparseConstraints {
  const rowStarts = new Int32Array(rows.length + 1);
  const columns: number[] = [];
  const values: number[] = [];
  rows.forEach((row, i) => {
    if (row.indices.length !== row.values.length) {
      throw new RangeError(`sparseConstraints: row ${i} has mismatched indices and values`);
    }
    const merged = new Map<number, number>();
    for (let k = 0; k < row.indices.length; k++) {
      const j = row.indices[k]!;
      merged.set(j, (merged.get(j) ?? 0) + row.values[k]!);
    }
    for (const [j, v] of [...merged].sort((a, b) => a[0] - b[0])) {
      if (v === 0) continue;
      columns.push(j);
      values.push(v);
    }
    rowStarts[i + 1] = columns.length;
  });
  return {
    rows: rows.length,
    rowStarts,
    columns: Int32Array.from(columns),
    values: Float64Array.from(values),
    lower: Float64Array.from(rows, (r) => r.lower),
    upper: Float64Array.from(rows, (r) => r.upper),
  };
}

/** CSR constraints from dense rows (`lower[i] ≤ rows[i]·x ≤ upper[i]`). */
export function denseConstraints(spec: {
  readonly rows: readonly (readonly number[])[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}): SparseConstraints {
  return sparseConstraints(
    spec.rows.map((row, i) => ({
      indices: row.map((_, j) => j),
      values: row,
      lower: spec.lower[i] ?? -Infinity,
      upper: spec.upper[i] ?? Infinity,
    })),
  );
}

/** Activity A·x of every row (length `rows`). */
export function rowActivities(a: SparseConstraints, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    for (let k = a.rowStarts[i]!; k < a.rowStarts[i + 1]!; k++)
      s += a.values[k]! * x[a.columns[k]!]!;
    out[i] = s;
  }
  return out;
}

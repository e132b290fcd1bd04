/**
 * Translation of a {@link SolverProblem} into the structured `ModelData` HiGHS takes through
 * `createModel` (typed arrays, no LP text: the text API is ~4× slower).
 *
 * HiGHS minimises `offset + cᵀx + ½ xᵀQx` with Q given as a symmetric matrix in compressed
 * sparse columns; with `format: 'triangular'` only the lower triangle (row i ≥ column j) is
 * passed and the entries are those of Q itself (not halved). Reference: highs-js `types.d.ts`
 * (`HessianInput`), HiGHS documentation "Solving QP".
 */

import type { HessianInput, ModelData } from 'highs';
import type { Matrix } from '../linalg/matrix.ts';
import type { SolverProblem, SparseConstraints } from './types.ts';

/**
 * Lower triangle of a dense symmetric k × k matrix as HiGHS's triangular CSC Hessian of
 * dimension n ≥ k (columns k…n−1 empty). Exact zeros are skipped. Since the matrix is
 * symmetric, column j's lower part (rows i ≥ j) is read from the contiguous row j.
 */
export function triangularHessian(h: Matrix, n: number): HessianInput {
  const k = h.rows;
  if (h.cols !== k || k > n) {
    throw new RangeError(`triangularHessian: ${h.rows}×${h.cols} Hessian for ${n} variables`);
  }
  const d = h.data;
  let nnz = 0;
  for (let j = 0; j < k; j++) {
    for (let i = j; i < k; i++) if (d[j * k + i] !== 0) nnz++;
  }
  const starts = new Int32Array(n + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let p = 0;
  for (let j = 0; j < k; j++) {
    starts[j] = p;
    const row = j * k;
    for (let i = j; i < k; i++) {
      const v = d[row + i]!;
      if (v !== 0) {
        indices[p] = i;
        values[p] = v;
        p++;
      }
    }
  }
  for (let j = k; j <= n; j++) starts[j] = p;
  return { format: 'triangular', dimension: n, starts, indices, values };
}

/** An empty constraint block (0 rows) for problems with only variable bounds. */
export function noConstraints(): SparseConstraints {
  return {
    rows: 0,
    rowStarts: new Int32Array(1),
    columns: new Int32Array(0),
    values: new Float64Array(0),
    lower: new Float64Array(0),
    upper: new Float64Array(0),
  };
}

/** Throws RangeError naming the first inconsistent array of `problem`. */
export function checkProblemShape(problem: SolverProblem): void {
  const { n } = problem;
  const fail = (what: string): never => {
    throw new RangeError(`SolverProblem: ${what}`);
  };
  if (!Number.isInteger(n) || n < 0) fail(`n = ${n}`);
  if (problem.linear.length !== n) fail(`linear has ${problem.linear.length} entries, n = ${n}`);
  if (problem.lower.length !== n || problem.upper.length !== n) fail('bounds length ≠ n');
  if (problem.integer !== undefined && problem.integer.length !== n) fail('integer length ≠ n');
  const c = problem.constraints;
  if (c !== undefined) {
    if (c.rowStarts.length !== c.rows + 1) fail('rowStarts length ≠ rows + 1');
    if (c.lower.length !== c.rows || c.upper.length !== c.rows) fail('row bounds length ≠ rows');
    const nnz = c.rowStarts[c.rows] ?? 0;
    if (c.columns.length !== nnz || c.values.length !== nnz) fail('columns/values ≠ nnz');
    for (let k = 0; k < nnz; k++) {
      const col = c.columns[k]!;
      if (col < 0 || col >= n) fail(`column index ${col} out of range`);
    }
  }
}

/** First non-finite coefficient of `problem` (bounds may be ±Infinity, never NaN), or undefined. */
export function firstNonFinite(problem: SolverProblem): string | undefined {
  const finite = (a: ArrayLike<number>): boolean => {
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return false;
    return true;
  };
  const noNaN = (a: ArrayLike<number>): boolean => {
    for (let i = 0; i < a.length; i++) if (Number.isNaN(a[i]!)) return false;
    return true;
  };
  if (!finite(problem.linear)) return 'linear';
  if (problem.hessian !== undefined && !finite(problem.hessian.data)) return 'hessian';
  if (!noNaN(problem.lower) || !noNaN(problem.upper)) return 'bounds';
  const c = problem.constraints;
  if (c !== undefined && !finite(c.values)) return 'constraints.values';
  if (c !== undefined && (!noNaN(c.lower) || !noNaN(c.upper))) return 'constraints bounds';
  return undefined;
}

/** Structured HiGHS model data of `problem` (CSR rows passed through; Hessian lower-triangular). */
export function toModelData(problem: SolverProblem): ModelData {
  const c = problem.constraints ?? noConstraints();
  const base: ModelData = {
    numCols: problem.n,
    numRows: c.rows,
    colCost: problem.linear,
    colLower: problem.lower,
    colUpper: problem.upper,
    rowLower: c.lower,
    rowUpper: c.upper,
    matrix: {
      format: 'csr',
      numRows: c.rows,
      numCols: problem.n,
      starts: c.rowStarts,
      indices: c.columns,
      values: c.values,
    },
  };
  const withHessian =
    problem.hessian === undefined
      ? base
      : { ...base, hessian: triangularHessian(problem.hessian, problem.n) };
  if (problem.integer === undefined || !problem.integer.some(Boolean)) return withHessian;
  return { ...withHessian, integrality: Int32Array.from(problem.integer, (b) => (b ? 1 : 0)) };
}

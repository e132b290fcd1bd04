/**
 * The dense matrix operations Black-Litterman needs beyond `core/linalg` (products and
 * transposes come from there), over the core row-major {@link Matrix}. Linear solves go through
 * ml-matrix (LU with partial pivoting, falling back
 * to the SVD pseudo-inverse — the minimum-norm least-squares solution, as numpy's `lstsq` in
 * PyPortfolioOpt — when the system is singular). Inputs are never mutated.
 */

import { mlMatrix } from '../../core/linalg/ml-matrix.ts';
import { matrix, type Matrix } from '../../core/linalg/matrix.ts';

/** c · A + B elementwise (same shapes), e.g. the A = PτΣPᵀ + Ω of Black-Litterman. */
export function addScaled(a: Matrix, scale: number, b: Matrix): Matrix {
  return matrix(
    a.rows,
    a.cols,
    a.data.map((value, index) => scale * value + b.data[index]!),
  );
}

/** (A + Aᵀ)/2: removes rounding asymmetry of a matrix that is symmetric in exact arithmetic. */
export function symmetrise(a: Matrix): Matrix {
  const out = matrix(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      out.data[i * a.cols + j] = (a.data[i * a.cols + j]! + a.data[j * a.cols + i]!) / 2;
    }
  }
  return out;
}

/** A solution of A X = B and how it was found. */
export interface SolveResult {
  readonly solution: Matrix;
  /** `lu` for a nonsingular A; `pseudoInverse` when A was singular. */
  readonly method: 'lu' | 'pseudoInverse';
}

/** Solves A X = B for square A (LU; SVD pseudo-inverse when LU finds A singular). */
export function solveSquare(a: Matrix, b: Matrix): SolveResult {
  if (a.rows !== a.cols || b.rows !== a.rows) {
    throw new RangeError(`solveSquare: ${a.rows}×${a.cols} \\ ${b.rows}×${b.cols}`);
  }
  const { LuDecomposition, Matrix: MlMatrix, pseudoInverse } = mlMatrix();
  const left = MlMatrix.from1DArray(a.rows, a.cols, Array.from(a.data));
  const right = MlMatrix.from1DArray(b.rows, b.cols, Array.from(b.data));
  const lu = new LuDecomposition(left);
  if (!lu.isSingular()) {
    const x = lu.solve(right).to1DArray();
    if (x.every(Number.isFinite)) return { solution: matrix(b.rows, b.cols, x), method: 'lu' };
  }
  const x = pseudoInverse(left).mmul(right).to1DArray();
  return { solution: matrix(b.rows, b.cols, x), method: 'pseudoInverse' };
}

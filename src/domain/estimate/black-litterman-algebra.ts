/**
 * The few dense matrix operations Black-Litterman needs, over the core row-major
 * {@link Matrix}. Linear solves go through ml-matrix (LU with partial pivoting, falling back
 * to the SVD pseudo-inverse — the minimum-norm least-squares solution, as numpy's `lstsq` in
 * PyPortfolioOpt — when the system is singular). Inputs are never mutated.
 */

import { LuDecomposition, Matrix as MlMatrix, pseudoInverse } from 'ml-matrix';
import { matrix, type Matrix } from '../../core/linalg/matrix';

/** A · B for conforming shapes (A: m×k, B: k×n). */
export function multiply(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows)
    throw new RangeError(`multiply: ${a.rows}×${a.cols} · ${b.rows}×${b.cols}`);
  const out = matrix(a.rows, b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let p = 0; p < a.cols; p++) {
      const aip = a.data[i * a.cols + p]!;
      if (aip === 0) continue;
      for (let j = 0; j < b.cols; j++) out.data[i * b.cols + j]! += aip * b.data[p * b.cols + j]!;
    }
  }
  return out;
}

/** Aᵀ. */
export function transpose(a: Matrix): Matrix {
  const out = matrix(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j]!;
  }
  return out;
}

/** A · x for a vector x of length A.cols. */
export function multiplyVector(a: Matrix, x: ArrayLike<number>): Float64Array {
  if (x.length !== a.cols) throw new RangeError(`multiplyVector: ${a.cols} ≠ ${x.length}`);
  const out = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    let sum = 0;
    for (let j = 0; j < a.cols; j++) sum += a.data[i * a.cols + j]! * x[j]!;
    out[i] = sum;
  }
  return out;
}

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

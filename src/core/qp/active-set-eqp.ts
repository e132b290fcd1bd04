/**
 * The equality-constrained subproblem of a primal active-set QP iteration, solved by the
 * range-space (Schur complement) method on the Cholesky factor of the free block.
 *
 * With free variables F (H_FF = L·Lᵀ), fixed variables B at their bounds and working rows W
 * (A_W x = b_W): minimise ½x_FᵀH_FF x_F + gᵀx_F, g = c_F + H_FB x_B, s.t. A_WF x_F = β,
 * β = b_W − A_WB x_B. KKT: H_FF x_F + g = A_WFᵀλ. With Z = L⁻¹A_WFᵀ and u = L⁻¹g:
 * (ZᵀZ) λ = β + Zᵀu and x_F = L⁻ᵀ(Zλ − u).
 *
 * Reference: Nocedal & Wright, "Numerical Optimization" (2nd ed.), §16.2 (Schur-complement
 * method) and §16.5 (active-set methods for convex QP).
 */

import type { GrowingCholesky } from './growing-cholesky.ts';

/** The data of a dense QP the active-set kernel works on (rows dense: m is small). */
export interface DenseQpData {
  readonly n: number;
  /** Row-major n × n symmetric Hessian. */
  readonly h: Float64Array;
  readonly c: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly m: number;
  /** Row-major m × n constraint matrix. */
  readonly a: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
}

/** The working set: free variables (in factor order) and working rows with the bound they hold. */
export interface WorkingSet {
  readonly free: number[];
  /** Working row indices. */
  readonly rows: number[];
  /** Right-hand side each working row holds (its lower or upper bound). */
  readonly rowTargets: number[];
}

/** Solution of the subproblem: x_F in factor order and row multipliers λ (working-row order). */
export interface EqpSolution {
  readonly xFree: Float64Array;
  readonly lambda: Float64Array;
}

/** Cholesky of a small dense SPD matrix in place (row-major); false if not positive definite. */
function smallCholesky(s: Float64Array, m: number): boolean {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let v = s[i * m + j]!;
      for (let k = 0; k < j; k++) v -= s[i * m + k]! * s[j * m + k]!;
      if (i === j) {
        if (!(v > 1e-14 * Math.abs(s[i * m + i]!)) || !(v > 0)) return false;
        s[i * m + i] = Math.sqrt(v);
      } else s[i * m + j] = v / s[j * m + j]!;
    }
  }
  return true;
}

/**
 * Solves the subproblem for working set `ws` with `factor` = chol(H_FF) in `ws.free` order and
 * the current `x` (fixed entries at their bounds). Returns undefined when the working rows are
 * linearly dependent on the free variables (ZᵀZ singular).
 */
export function solveEqp(
  qp: DenseQpData,
  ctx: { readonly ws: WorkingSet; readonly factor: GrowingCholesky; readonly x: Float64Array },
): EqpSolution | undefined {
  const { ws, factor, x } = ctx;
  const { n, h, a } = qp;
  const k = ws.free.length;
  const mw = ws.rows.length;
  const isFree = new Uint8Array(n);
  for (const j of ws.free) isFree[j] = 1;
  const fixedNonzero: number[] = [];
  for (let j = 0; j < n; j++) if (isFree[j] === 0 && x[j] !== 0) fixedNonzero.push(j);

  const u = new Float64Array(k);
  for (let p = 0; p < k; p++) {
    const j = ws.free[p]!;
    let v = qp.c[j]!;
    const row = j * n;
    for (const b of fixedNonzero) v += h[row + b]! * x[b]!;
    u[p] = v;
  }
  factor.solveLower(u);

  const z: Float64Array[] = [];
  const beta = new Float64Array(mw);
  for (let r = 0; r < mw; r++) {
    const i = ws.rows[r]!;
    const zi = new Float64Array(k);
    for (let p = 0; p < k; p++) zi[p] = a[i * n + ws.free[p]!]!;
    let b = ws.rowTargets[r]!;
    for (const j of fixedNonzero) b -= a[i * n + j]! * x[j]!;
    beta[r] = b;
    factor.solveLower(zi);
    z.push(zi);
  }
  const lambda = new Float64Array(mw);
  if (mw > 0) {
    const s = new Float64Array(mw * mw);
    for (let r = 0; r < mw; r++) {
      const zr = z[r]!;
      let rhs = beta[r]!;
      for (let p = 0; p < k; p++) rhs += zr[p]! * u[p]!;
      lambda[r] = rhs;
      for (let q = 0; q <= r; q++) {
        const zq = z[q]!;
        let v = 0;
        for (let p = 0; p < k; p++) v += zr[p]! * zq[p]!;
        s[r * mw + q] = v;
        s[q * mw + r] = v;
      }
    }
    if (!smallCholesky(s, mw)) return undefined;
    for (let i = 0; i < mw; i++) {
      let v = lambda[i]!;
      for (let j = 0; j < i; j++) v -= s[i * mw + j]! * lambda[j]!;
      lambda[i] = v / s[i * mw + i]!;
    }
    for (let i = mw - 1; i >= 0; i--) {
      let v = lambda[i]!;
      for (let j = i + 1; j < mw; j++) v -= s[j * mw + i]! * lambda[j]!;
      lambda[i] = v / s[i * mw + i]!;
    }
  }
  const xFree = new Float64Array(k);
  for (let p = 0; p < k; p++) {
    let v = -u[p]!;
    for (let r = 0; r < mw; r++) v += z[r]![p]! * lambda[r]!;
    xFree[p] = v;
  }
  factor.solveUpper(xFree);
  return { xFree, lambda };
}

/**
 * Gradient Hx + c at `x`, using only the non-zero entries of x: O(n · nnz(x)). H is symmetric,
 * so Hx = Σ_j x_j·H_j,: runs over contiguous rows of the row-major H.
 */
export function gradient(qp: DenseQpData, x: Float64Array): Float64Array {
  const { n, h } = qp;
  const g = Float64Array.from(qp.c);
  for (let j = 0; j < n; j++) {
    const xj = x[j]!;
    if (xj === 0) continue;
    const row = j * n;
    for (let i = 0; i < n; i++) g[i] = g[i]! + h[row + i]! * xj;
  }
  return g;
}

/**
 * The reduced KKT system of a QP on a guessed active set, in symmetric form
 *
 *   K₀ = [H_FF  A_RFᵀ]   z = [x_F]   rhs = [−c_F − H_FB x_B]
 *        [A_RF    0  ]       [ μ ]         [ b_R − A_RB x_B ]   (μ = −y, y the row duals),
 *
 * and its solution by a regularised factorisation K_δ = K₀ + diag(δI, −δI) (quasi-definite,
 * never singular) with iterative refinement on K₀ started from the current point, so a
 * singular K₀ (dependent active rows, zero-curvature variables no active row pins) still gives
 * the consistent solution nearest the start. Reference: Stellato et al., "OSQP", Math. Prog.
 * Comp. 12 (2020), §5.2 (solution polishing with iterative refinement).
 */

import type { SolverProblem } from '../solvers/types.ts';
import { luFactor, luSolve } from './dense-lu.ts';

/** A dense KKT system K₀·z = rhs (row-major, size × size). */
export interface KktSystem {
  readonly size: number;
  readonly k0: Float64Array;
  readonly rhs: Float64Array;
  /** Number of primal unknowns (the first entries of z). */
  readonly primal: number;
}

/** Assembles K₀ and rhs for free variables `free`, fixed values `fixed` and active rows. */
export function kktSystem(
  problem: SolverProblem,
  spec: {
    readonly free: readonly number[];
    readonly freeIndex: Int32Array;
    readonly fixed: Float64Array;
    readonly active: readonly { readonly row: number; readonly target: number }[];
  },
): KktSystem {
  const { free, freeIndex, fixed, active } = spec;
  const h = problem.hessian;
  const k = h?.rows ?? 0;
  const c = problem.constraints;
  const nf = free.length;
  const size = nf + active.length;
  const k0 = new Float64Array(size * size);
  const rhs = new Float64Array(size);
  free.forEach((j, p) => {
    rhs[p] = -problem.linear[j]!;
    if (j >= k) return;
    for (let i = 0; i < k; i++) {
      const hij = h!.data[j * k + i]!;
      if (freeIndex[i]! >= 0) k0[p * size + freeIndex[i]!] = hij;
      else rhs[p] = rhs[p] - hij * fixed[i]!;
    }
  });
  active.forEach(({ row, target }, r) => {
    const q = nf + r;
    rhs[q] = target;
    for (let p = c!.rowStarts[row]!; p < c!.rowStarts[row + 1]!; p++) {
      const j = c!.columns[p]!;
      const v = c!.values[p]!;
      const fj = freeIndex[j]!;
      if (fj >= 0) {
        k0[q * size + fj] = k0[q * size + fj]! + v;
        k0[fj * size + q] = k0[fj * size + q]! + v;
      } else rhs[q] = rhs[q] - v * fixed[j]!;
    }
  });
  return { size, k0, rhs, primal: nf };
}

function residual(s: KktSystem, z: Float64Array): Float64Array {
  const { size, k0 } = s;
  const r = Float64Array.from(s.rhs);
  for (let i = 0; i < size; i++) {
    let v = 0;
    for (let j = 0; j < size; j++) v += k0[i * size + j]! * z[j]!;
    r[i] = r[i]! - v;
  }
  return r;
}

const maxAbs = (a: Float64Array): number => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

/**
 * z with K₀z = rhs by regularised iterative refinement from `start` (see the module comment);
 * undefined when the refinement does not reach a residual ≤ 1e-13 relative (an inconsistent
 * system: the active-set guess is wrong).
 */
export function refineSolve(
  s: KktSystem,
  start: Float64Array,
  maxSteps = 40,
): Float64Array | undefined {
  const { size, k0, primal } = s;
  const scale = Math.max(maxAbs(k0), 1e-300);
  const delta = 1e-9 * scale;
  const kd = Float64Array.from(k0);
  for (let i = 0; i < size; i++)
    kd[i * size + i] = kd[i * size + i]! + (i < primal ? delta : -delta);
  const f = luFactor(kd, size);
  if (f === undefined) return undefined;
  const z = Float64Array.from(start);
  for (let step = 0; step < maxSteps; step++) {
    const r = residual(s, z);
    const tol = 1e-15 * (maxAbs(s.rhs) + scale * maxAbs(z)) + 1e-300;
    if (maxAbs(r) <= tol) return z;
    const dz = luSolve(f, r);
    for (let i = 0; i < size; i++) z[i] = z[i]! + dz[i]!;
  }
  const r = residual(s, z);
  return maxAbs(r) <= 1e-13 * (maxAbs(s.rhs) + scale * maxAbs(z)) + 1e-300 ? z : undefined;
}

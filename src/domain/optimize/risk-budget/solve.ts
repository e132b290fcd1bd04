/**
 * Risk budgeting (long-only): weights whose risk contributions are prescribed fractions
 * b_i > 0 (Σb = 1) of portfolio volatility, RC_i/σ_p = w_i(Σw)_i/(wᵀΣw) = b_i.
 *
 * Convex formulation (Spinu 2013, "An algorithm for computing risk parity weights", SSRN
 * 2297383; Roncalli 2013, "Introduction to Risk Parity and Budgeting", §2.2): the unique
 * minimiser y⋆ > 0 of
 *
 *   F(y) = ½ yᵀΣy − Σ_i b_i ln y_i
 *
 * satisfies y_i(Σy)_i = b_i, so w = y⋆/Σ_j y⋆_j is the risk-budgeting portfolio (unique for Σ
 * positive definite). The problem is solved in correlation units (z = D·y with D = diag(σ),
 * so z_i(Cz)_i = b_i and the iteration is scale-free) by
 *
 * - `newton` (default): Newton's method on F with the step damped by 1/(1+λ) while the
 *   Newton decrement λ = √(gᵀH⁻¹g) exceeds 1/4 (Spinu's self-concordant damping), then full
 *   steps, always keeping z > 0; H = C + diag(b/z²) is factored by Cholesky. O(n³) per
 *   iteration, quadratic convergence (typically < 10 iterations).
 * - `ccd`: cyclical coordinate descent (Griveau-Billion, Richard & Roncalli 2013, "A fast
 *   algorithm for computing high-dimensional risk parity portfolios", arXiv 1311.4057): each
 *   coordinate solves its scalar first-order condition exactly,
 *   z_i = (−c_i + √(c_i² + 4b_i))/2 with c_i = Σ_{j≠i} C_ij z_j. O(n²) per sweep, linear rate.
 *
 * Both stop when the residual max_i |RC_i/σ_p − b_i| (measured on Σ and the final w) is at or
 * below the tolerance.
 */

import { cholesky } from '../../../core/linalg/cholesky.ts';
import { choleskySolve } from '../../../core/linalg/cholesky-solve.ts';
import type { Matrix } from '../../../core/linalg/matrix.ts';
import { BallastError, invalidInput } from '../../errors.ts';
import type { RiskBudgetMethod } from '../objectives.ts';

/** Iteration used by {@link solveRiskBudget}. */
export type { RiskBudgetMethod } from '../objectives.ts';

/** Options of {@link solveRiskBudget}. */
export interface RiskBudgetOptions {
  /** Default `newton`. */
  readonly method?: RiskBudgetMethod;
  /** Target max |RC_i/σ_p − b_i|; default 1e-12. */
  readonly tolerance?: number;
  /** Newton iterations (default 100) or coordinate-descent sweeps (default 100 000). */
  readonly maxIterations?: number;
}

/** Convergence report of a risk-budgeting solve. */
export interface RiskBudgetReport {
  readonly method: RiskBudgetMethod;
  /** Newton iterations or full coordinate sweeps performed. */
  readonly iterations: number;
  /** max_i |RC_i/σ_p − b_i| at the returned weights. */
  readonly residual: number;
  /** Whether `residual ≤ tolerance`. */
  readonly converged: boolean;
}

/** Weights (long-only, Σw = 1, all > 0) and the convergence report. */
export interface RiskBudgetSolution {
  readonly weights: Float64Array;
  readonly report: RiskBudgetReport;
}

/**
 * Risk contributions as fractions of the portfolio variance, RC_i/σ_p = w_i(Σw)_i/(wᵀΣw)
 * (they sum to 1; multiply by σ_p = √(wᵀΣw) for contributions in volatility units, which sum
 * to σ_p — docs/conventions.md "Risk contributions"). All zeros when wᵀΣw = 0.
 */
export function riskContributionFractions(cov: Matrix, weights: ArrayLike<number>): Float64Array {
  const n = cov.rows;
  const out = new Float64Array(n);
  let variance = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += cov.data[i * n + j]! * weights[j]!;
    out[i] = weights[i]! * s;
    variance += out[i]!;
  }
  if (variance > 0) for (let i = 0; i < n; i++) out[i] = out[i]! / variance;
  else out.fill(0);
  return out;
}

function validate(cov: Matrix, budgets: ArrayLike<number>): Float64Array {
  const n = cov.rows;
  if (cov.cols !== n || n === 0)
    throw invalidInput('covariance', [cov.rows, cov.cols], 'must be square and non-empty');
  if (budgets.length !== n)
    throw invalidInput('budgets', budgets.length, `needs one budget per asset (${n})`);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const b = budgets[i]!;
    if (!(b > 0) || !Number.isFinite(b))
      throw invalidInput(`budgets[${i}]`, b, 'must be a finite number > 0');
    sum += b;
  }
  if (Math.abs(sum - 1) > 1e-9) throw invalidInput('budgets', sum, 'must sum to 1');
  const stdev = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = cov.data[i * n + i]!;
    if (!(v > 0) || !Number.isFinite(v))
      throw invalidInput(
        `covariance[${i}][${i}]`,
        v,
        'risk budgeting needs a positive finite variance for every asset',
      );
    stdev[i] = Math.sqrt(v);
  }
  return stdev;
}

function correlationOf(cov: Matrix, stdev: Float64Array): Float64Array {
  const n = cov.rows;
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) c[i * n + j] = cov.data[i * n + j]! / (stdev[i]! * stdev[j]!);
    c[i * n + i] = 1;
  }
  return c;
}

function residualOf(cov: Matrix, weights: Float64Array, budgets: ArrayLike<number>): number {
  const rc = riskContributionFractions(cov, weights);
  let worst = 0;
  for (let i = 0; i < rc.length; i++) worst = Math.max(worst, Math.abs(rc[i]! - budgets[i]!));
  return worst;
}

interface Kernel {
  readonly c: Float64Array;
  readonly b: ArrayLike<number>;
  readonly n: number;
}

/** Start z₀ = b/√(bᵀCb): the budget-scaled inverse-volatility point with z₀ᵀCz₀ = Σb = 1. */
function start({ c, b, n }: Kernel): Float64Array {
  let q = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) q += b[i]! * c[i * n + j]! * b[j]!;
  const scale = 1 / Math.sqrt(q);
  return Float64Array.from({ length: n }, (_, i) => b[i]! * scale);
}

function newtonStep(k: Kernel, z: Float64Array): { z: Float64Array; decrement: number } {
  const { c, b, n } = k;
  const g = new Float64Array(n);
  const h = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += c[i * n + j]! * z[j]!;
    g[i] = s - b[i]! / z[i]!;
    h.set(c.subarray(i * n, (i + 1) * n), i * n);
    h[i * n + i] = h[i * n + i]! + b[i]! / (z[i]! * z[i]!);
  }
  const factor = cholesky({ rows: n, cols: n, data: h });
  if (!factor.ok) {
    throw new BallastError(
      'SOLVER_FAILED',
      'risk budgeting: Newton system is not positive definite (covariance not PSD?)',
      { pivot: factor.pivot },
    );
  }
  const step = choleskySolve(factor.lower, g);
  let lambda2 = 0;
  for (let i = 0; i < n; i++) lambda2 += g[i]! * step[i]!;
  const decrement = Math.sqrt(Math.max(lambda2, 0));
  let t = decrement > 0.25 ? 1 / (1 + decrement) : 1;
  // Keep z > 0: never move more than 99 % of the way to the boundary.
  for (let i = 0; i < n; i++) if (step[i]! > 0) t = Math.min(t, (0.99 * z[i]!) / step[i]!);
  return { z: Float64Array.from(z, (zi, i) => zi - t * step[i]!), decrement };
}

function ccdSweep({ c, b, n }: Kernel, z: Float64Array, cz: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const zi = z[i]!;
    const ci = cz[i]! - zi; // C_ii = 1 in correlation units
    const next = (-ci + Math.sqrt(ci * ci + 4 * b[i]!)) / 2;
    const delta = next - zi;
    if (delta === 0) continue;
    z[i] = next;
    for (let j = 0; j < n; j++) cz[j] = cz[j]! + delta * c[j * n + i]!;
  }
}

function toWeights(z: Float64Array, stdev: Float64Array): Float64Array {
  const y = Float64Array.from(z, (zi, i) => zi / stdev[i]!);
  let sum = 0;
  for (const v of y) sum += v;
  return y.map((v) => v / sum);
}

/**
 * Long-only risk-budgeting weights for the n × n covariance `cov` (positive definite; any
 * per-period or annual scale) and budgets `budgets` (length n, each > 0, Σ = 1 within 1e-9).
 * Throws `INVALID_INPUT` for a bad shape, budget or non-positive variance and
 * `SOLVER_FAILED` if the Newton system is not positive definite. Non-convergence within
 * `maxIterations` is reported (`report.converged = false`), not thrown: the caller decides.
 */
export function solveRiskBudget(
  cov: Matrix,
  budgets: ArrayLike<number>,
  options: RiskBudgetOptions = {},
): RiskBudgetSolution {
  const stdev = validate(cov, budgets);
  const method = options.method ?? 'newton';
  const tolerance = options.tolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? (method === 'newton' ? 100 : 100_000);
  const kernel: Kernel = { c: correlationOf(cov, stdev), b: budgets, n: cov.rows };
  let z = start(kernel);
  let weights = toWeights(z, stdev);
  let residual = residualOf(cov, weights, budgets);
  let iterations = 0;
  const cz = new Float64Array(kernel.n);
  if (method === 'ccd') {
    for (let i = 0; i < kernel.n; i++) {
      let s = 0;
      for (let j = 0; j < kernel.n; j++) s += kernel.c[i * kernel.n + j]! * z[j]!;
      cz[i] = s;
    }
  }
  while (residual > tolerance && iterations < maxIterations) {
    if (method === 'newton') {
      const next = newtonStep(kernel, z);
      z = next.z;
      if (next.decrement === 0) break;
    } else {
      ccdSweep(kernel, z, cz);
    }
    iterations++;
    weights = toWeights(z, stdev);
    residual = residualOf(cov, weights, budgets);
  }
  return { weights, report: { method, iterations, residual, converged: residual <= tolerance } };
}

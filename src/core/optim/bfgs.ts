/**
 * BFGS quasi-Newton minimisation (Nocedal & Wright 2006, Algorithm 6.1) with central-difference
 * gradients ({@link numericGradient}), a backtracking Armijo line search (c₁ = 1e-4, halving)
 * and the initial inverse-Hessian scaling H₀ = (sᵀy / yᵀy)·I after the first step (eq. 6.20).
 * Updates that would break positive definiteness (sᵀy ≤ 1e-12·‖s‖‖y‖) are skipped.
 *
 * Converged when ‖∇f‖∞ ≤ gradientTolerance·max(1, |f|). When no step along −H∇f decreases f,
 * H is reset to the identity once; a second failure stops with `lineSearchFailed` (the usual
 * sign that the gradient is below the finite-difference noise).
 */

import { numericGradient, type StepOptions } from './finite-differences.ts';
import type { MinimizeResult, Objective } from './types.ts';

/** Options of {@link bfgs}; all optional. */
export interface BfgsOptions {
  /** Maximum quasi-Newton steps (default 200). */
  readonly maxIterations?: number;
  /** Relative gradient tolerance (default 1e-7). */
  readonly gradientTolerance?: number;
  /** Finite-difference step rule for the gradient. */
  readonly gradientSteps?: StepOptions;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function normInf(a: Float64Array): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}

function identityData(n: number, scale = 1): Float64Array {
  const h = new Float64Array(n * n);
  for (let i = 0; i < n; i++) h[i * n + i] = scale;
  return h;
}

/** Minimises `f` from `x0` by BFGS with numeric gradients; see the module note. */
export function bfgs(
  f: Objective,
  x0: ArrayLike<number>,
  options: BfgsOptions = {},
): MinimizeResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 200;
  const gTol = options.gradientTolerance ?? 1e-7;
  let evaluations = 0;
  const evaluate: Objective = (x) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const gradient = (x: Float64Array): Float64Array =>
    numericGradient(evaluate, x, options.gradientSteps ?? {});
  let x: Float64Array = Float64Array.from(x0);
  let fx = evaluate(x);
  const result = (reason: MinimizeResult['reason'], iterations: number): MinimizeResult => ({
    ok: reason === 'converged',
    x,
    f: fx,
    iterations,
    evaluations,
    reason,
  });
  if (fx === Infinity) return result('nonFiniteStart', 0);
  let g = gradient(x);
  let h = identityData(n);
  let fresh = true;
  for (let it = 0; it < maxIterations; it++) {
    if (normInf(g) <= gTol * Math.max(1, Math.abs(fx))) return result('converged', it);
    const p = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) p[i]! -= h[i * n + j]! * g[j]!;
    const step = armijo({ evaluate, x, fx, p, slope: dot(g, p) });
    if (step === undefined) {
      if (fresh) return result('lineSearchFailed', it);
      h = identityData(n);
      fresh = true;
      continue;
    }
    const s = step.x.map((v, i) => v - x[i]!);
    const gNew = gradient(step.x);
    const y = gNew.map((v, i) => v - g[i]!);
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (fresh) h = identityData(n, sy / dot(y, y));
      h = bfgsUpdate(h, s, y);
      fresh = false;
    }
    x = step.x;
    fx = step.f;
    g = gNew;
  }
  return result(
    normInf(g) <= gTol * Math.max(1, Math.abs(fx)) ? 'converged' : 'maxIterations',
    maxIterations,
  );
}

interface LineSearch {
  evaluate: Objective;
  x: Float64Array;
  fx: number;
  p: Float64Array;
  slope: number;
}

/** Backtracking: the first t ∈ {1, ½, ¼, …} with f(x + tp) ≤ f(x) + 1e-4·t·∇fᵀp. */
function armijo(ls: LineSearch): { x: Float64Array; f: number } | undefined {
  if (!(ls.slope < 0)) return undefined;
  for (let t = 1, k = 0; k < 50; k++, t /= 2) {
    const x = ls.x.map((v, i) => v + t * ls.p[i]!);
    const fx = ls.evaluate(x);
    if (fx <= ls.fx + 1e-4 * t * ls.slope) return { x, f: fx };
  }
  return undefined;
}

/** H⁺ = (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ with ρ = 1/(yᵀs) (Nocedal & Wright eq. 6.17). */
function bfgsUpdate(h: Float64Array, s: Float64Array, y: Float64Array): Float64Array {
  const n = s.length;
  const rho = 1 / dot(s, y);
  const hy = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) hy[i]! += h[i * n + j]! * y[j]!;
  const yhy = dot(y, hy);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      out[i * n + j] =
        h[i * n + j]! -
        rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) +
        (rho * rho * yhy + rho) * s[i]! * s[j]!;
    }
  }
  return out;
}

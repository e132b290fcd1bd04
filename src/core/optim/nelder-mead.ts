/**
 * Nelder–Mead downhill simplex (Nelder & Mead 1965) with the standard coefficients
 * (reflection 1, expansion 2, contraction ½, shrink ½) and the ordering / tie rules of
 * Lagarias et al. (1998), "Convergence properties of the Nelder–Mead simplex method in low
 * dimensions", SIAM J. Optim. 9(1). Derivative-free and unconstrained: constrain a problem by
 * reparameterising it (e.g. x = eᶻ for x > 0, a logistic map for an interval).
 *
 * Stops (`converged`) when both the spread of values f_max − f_min ≤ fTolerance·(|f_min| + 1e-300)
 * and the simplex diameter max_i ‖x_i − x_best‖∞ ≤ xTolerance; then restarts `restarts` times
 * from the best vertex with a fresh simplex (guards against collapsed simplices) and accepts
 * when a restart does not improve f beyond the tolerance.
 */

import type { MinimizeResult, Objective } from './types.ts';

/** Options of {@link nelderMead}; all optional. */
export interface NelderMeadOptions {
  /** Maximum simplex iterations over all restarts (default 400·n). */
  readonly maxIterations?: number;
  /** Edge of the initial simplex per coordinate (default 0.1·max(|x₀ᵢ|, 1)). */
  readonly initialStep?: number | readonly number[];
  /** Relative tolerance on the spread of simplex values (default 1e-12). */
  readonly fTolerance?: number;
  /** Absolute tolerance on the simplex diameter, max-norm (default 1e-8). */
  readonly xTolerance?: number;
  /** Fresh-simplex restarts from the converged point (default 1). */
  readonly restarts?: number;
}

interface Vertex {
  x: Float64Array;
  f: number;
}

/** Minimises `f` from `x0` by Nelder–Mead; see the module note for the stopping rule. */
export function nelderMead(
  f: Objective,
  x0: ArrayLike<number>,
  options: NelderMeadOptions = {},
): MinimizeResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 400 * Math.max(n, 1);
  const fTol = options.fTolerance ?? 1e-12;
  const xTol = options.xTolerance ?? 1e-8;
  let evaluations = 0;
  const evaluate = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const start = Float64Array.from(x0);
  const f0 = evaluate(start);
  if (f0 === Infinity) {
    return { ok: false, x: start, f: f0, iterations: 0, evaluations, reason: 'nonFiniteStart' };
  }
  let best: Vertex = { x: start, f: f0 };
  let iterations = 0;
  for (let round = 0; round <= (options.restarts ?? 1); round++) {
    const simplex = initialSimplex(best, options.initialStep, evaluate);
    const run = iterate(simplex, {
      evaluate,
      maxIterations: maxIterations - iterations,
      fTol,
      xTol,
    });
    iterations += run.iterations;
    const top = simplex[0]!;
    const improved = best.f - top.f > fTol * (Math.abs(top.f) + 1e-300);
    best = top.f <= best.f ? top : best;
    if (!run.converged) {
      return { ok: false, x: best.x, f: best.f, iterations, evaluations, reason: 'maxIterations' };
    }
    if (round > 0 && !improved) break;
  }
  return { ok: true, x: best.x, f: best.f, iterations, evaluations, reason: 'converged' };
}

function initialSimplex(
  best: Vertex,
  step: number | readonly number[] | undefined,
  evaluate: (x: Float64Array) => number,
): Vertex[] {
  const n = best.x.length;
  const simplex: Vertex[] = [{ x: Float64Array.from(best.x), f: best.f }];
  for (let i = 0; i < n; i++) {
    const x = Float64Array.from(best.x);
    const xi = x[i]!;
    const h = typeof step === 'number' ? step : (step?.[i] ?? 0.1 * Math.max(Math.abs(xi), 1));
    x[i] = xi + h;
    simplex.push({ x, f: evaluate(x) });
  }
  return simplex;
}

interface IterateContext {
  evaluate: (x: Float64Array) => number;
  maxIterations: number;
  fTol: number;
  xTol: number;
}

/** Runs simplex steps in place; `simplex[0]` is the best vertex on return. */
function iterate(
  simplex: Vertex[],
  ctx: IterateContext,
): { converged: boolean; iterations: number } {
  const n = simplex.length - 1;
  const point = (base: Float64Array, dir: Float64Array, t: number): Float64Array => {
    const out = new Float64Array(n);
    for (let j = 0; j < n; j++) out[j] = base[j]! + t * (dir[j]! - base[j]!);
    return out;
  };
  for (let it = 0; ; it++) {
    simplex.sort((a, b) => a.f - b.f);
    if (hasConverged(simplex, ctx)) return { converged: true, iterations: it };
    if (it >= ctx.maxIterations) return { converged: false, iterations: it };
    const worst = simplex[n]!;
    const centroid = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]!.x[j]! / n;
    const xr = point(centroid, worst.x, -1);
    const fr = ctx.evaluate(xr);
    const fBest = simplex[0]!.f;
    const fSecondWorst = simplex[n - 1]!.f;
    if (fr < fBest) {
      const xe = point(centroid, worst.x, -2);
      const fe = ctx.evaluate(xe);
      simplex[n] = fe < fr ? { x: xe, f: fe } : { x: xr, f: fr };
    } else if (fr < fSecondWorst) {
      simplex[n] = { x: xr, f: fr };
    } else {
      const outside = fr < worst.f;
      const xc = point(centroid, worst.x, outside ? -0.5 : 0.5);
      const fc = ctx.evaluate(xc);
      if (outside ? fc <= fr : fc < worst.f) simplex[n] = { x: xc, f: fc };
      else shrink(simplex, ctx.evaluate);
    }
  }
}

function shrink(simplex: Vertex[], evaluate: (x: Float64Array) => number): void {
  const best = simplex[0]!.x;
  for (let i = 1; i < simplex.length; i++) {
    const x = simplex[i]!.x.map((v, j) => best[j]! + 0.5 * (v - best[j]!));
    simplex[i] = { x, f: evaluate(x) };
  }
}

function hasConverged(simplex: readonly Vertex[], ctx: IterateContext): boolean {
  const best = simplex[0]!;
  const worst = simplex[simplex.length - 1]!;
  if (!(worst.f - best.f <= ctx.fTol * (Math.abs(best.f) + 1e-300))) return false;
  let diameter = 0;
  for (let i = 1; i < simplex.length; i++) {
    const x = simplex[i]!.x;
    for (let j = 0; j < x.length; j++) diameter = Math.max(diameter, Math.abs(x[j]! - best.x[j]!));
  }
  return diameter <= ctx.xTol;
}

/**
 * Efficient risk: maximise the expected return rᵀz subject to √(wᵀΣw) ≤ σ* and the portfolio
 * constraints. HiGHS has no quadratic constraints, so the problem is solved on the parametric
 * frontier instead: for λ ≥ 0 the utility problem min ½wᵀΣw − λ·rᵀz has solution x(λ) whose
 * volatility grows with λ, and the efficient-risk portfolio is x(λ*) with vol(x(λ*)) = σ*
 * (KKT: λ = 1/(2ν), ν the multiplier of the variance constraint).
 *
 * 1. λ = 0 (minimum variance): vol > σ* ⇒ INFEASIBLE.
 * 2. λ doubles from a scale-aware start until vol ≥ σ* (if it never does, the cap does not bind
 *    and the max-return end of the frontier is returned).
 * 3. Bisection on λ until both ends of the bracket share an active set; x(λ) is affine in λ
 *    there, so x* = x_lo + θ(x_hi − x_lo) with θ from the quadratic vol²(θ) = σ*² is exact.
 *    (It is a convex combination of two feasible points, hence feasible.)
 *
 * Reference: Best, "Portfolio Optimization" (2010), ch. 7 (parametric QP / critical line).
 */

import { near } from '../../../core/qp/kkt-polish.ts';
import { rowActivities } from '../../../core/solvers/sparse-constraints.ts';
import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import { BallastError, invalidInput } from '../../errors.ts';
import { returnCoefficients, type PortfolioModel } from '../model/portfolio-model.ts';
import type { LinearModel } from '../../../core/solvers/model-builder.ts';
import type { ObjectiveSolution, ObjectiveSpec } from './solve.ts';
import { solveModel, type SolvedModel } from '../model/solve-model.ts';

interface Point {
  readonly lambda: number;
  readonly solved: SolvedModel;
  readonly vol: number;
}

function variance(cov: Float64Array, w: ArrayLike<number>, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) {
    if (w[i] === 0) continue;
    let s = 0;
    for (let j = 0; j < n; j++) s += cov[i * n + j]! * w[j]!;
    v += w[i]! * s;
  }
  return v;
}

/**
 * Variables at a bound and rows at a side, as a string (equal strings = same active set): the
 * test of the parametric searches (efficient risk, tracking-error limit) that two solutions lie
 * on one linear piece of the solution path.
 */
export function activeSetSignature(model: LinearModel, x: Float64Array): string {
  const parts: string[] = [];
  for (let j = 0; j < model.variableCount; j++) {
    if (x[j] === model.lower[j]) parts.push(`l${j}`);
    else if (x[j] === model.upper[j]) parts.push(`u${j}`);
  }
  rowActivities(model.constraints, x).forEach((v, i) => {
    const lo = model.constraints.lower[i]!;
    const hi = model.constraints.upper[i]!;
    if (near(v, lo, 1e-10)) parts.push(`L${i}`);
    if (near(v, hi, 1e-10)) parts.push(`U${i}`);
  });
  return parts.join(',');
}

/** θ ∈ [0, 1] with vol²(x_lo + θ(x_hi − x_lo)) = target² (vol² is quadratic in θ). */
function interpolate(
  lo: Point,
  hi: Point,
  spec: { cov: Float64Array; n: number; target: number },
): Float64Array {
  const { cov, n, target } = spec;
  const a = lo.solved.x;
  const d = Float64Array.from(hi.solved.x, (v, j) => v - a[j]!);
  const qa = variance(cov, d, n);
  let qb = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += cov[i * n + j]! * d[j]!;
    qb += 2 * a[i]! * s;
  }
  const qc = lo.vol * lo.vol - target * target;
  const disc = Math.max(0, qb * qb - 4 * qa * qc);
  let theta = qa > 0 ? (-qb + Math.sqrt(disc)) / (2 * qa) : qb !== 0 ? -qc / qb : 1;
  if (!Number.isFinite(theta)) theta = 1;
  theta = Math.min(1, Math.max(0, theta));
  return Float64Array.from(a, (v, j) => v + theta * d[j]!);
}

/** Solves `efficientRisk` (see the module comment). */
export function solveEfficientRisk(
  highs: HighsRuntime,
  spec: ObjectiveSpec & { readonly portfolio: PortfolioModel },
): ObjectiveSolution {
  const { inputs, objective, portfolio } = spec;
  if (objective.kind !== 'efficientRisk')
    throw new RangeError('solveEfficientRisk: wrong objective');
  const target = objective.targetVolatilityAnnual;
  if (!(target > 0) || !Number.isFinite(target)) {
    throw invalidInput(
      'objective.targetVolatilityAnnual',
      target,
      'must be a positive annual volatility',
    );
  }
  const model = portfolio.builder.build();
  const n = inputs.assets.length;
  const cov = inputs.covarianceAnnual.data;
  const r = returnCoefficients(portfolio, {
    mu: inputs.expectedReturnsAnnual,
    variableCount: model.variableCount,
  });
  let solves = 0;
  let iterations = 0;
  let solveMs = 0;
  const at = (lambda: number): Point => {
    const solved = solveModel(highs, {
      model,
      hessian: inputs.covarianceAnnual,
      linear: r.map((v) => -lambda * v),
      label: 'efficientRisk',
      ...(spec.method === undefined ? {} : { method: spec.method }),
    });
    solves++;
    iterations += solved.report.iterations;
    solveMs += solved.report.solveMs;
    return { lambda, solved, vol: Math.sqrt(Math.max(0, variance(cov, solved.x, n))) };
  };
  const finish = (x: Float64Array, last: Point): ObjectiveSolution => ({
    x,
    report: { ...last.solved.report, iterations, solveMs },
    portfolio,
    solves,
  });
  let lo = at(0);
  if (lo.vol > target * (1 + 1e-12)) {
    throw new BallastError(
      'INFEASIBLE',
      `efficientRisk: target volatility ${target} is below the minimum-variance volatility ${lo.vol}`,
      { targetVolatilityAnnual: target, minimumVolatilityAnnual: lo.vol },
    );
  }
  const rScale = Math.max(...Array.from(r, Math.abs), 1e-300);
  let hi = at(Math.max(lo.vol * lo.vol, 1e-12) / rScale);
  while (hi.vol < target) {
    if (hi.lambda > 1e12) return finish(hi.solved.x, hi);
    lo = hi;
    hi = at(hi.lambda * 4);
  }
  for (let k = 0; k < 200; k++) {
    const same = activeSetSignature(model, lo.solved.x) === activeSetSignature(model, hi.solved.x);
    if (same || hi.lambda - lo.lambda <= 1e-15 * hi.lambda) break;
    const mid = at(0.5 * (lo.lambda + hi.lambda));
    if (mid.vol <= target) lo = mid;
    else hi = mid;
  }
  return finish(interpolate(lo, hi, { cov, n, target }), hi);
}

/**
 * Tracking-error limit TE(w) = √((w − b)ᵀΣ(w − b)) ≤ τ for the objectives whose Hessian is a
 * multiple of Σ: f(w) = (γ/2)wᵀΣw + cᵀz (z = all model variables) with
 *
 * | objective          | γ   | c                  |
 * |--------------------|-----|--------------------|
 * | minVariance        | 1   | 0                  |
 * | efficientReturn    | 1   | 0 (+ target row)   |
 * | utility            | γ   | −r                 |
 * | maxReturn          | 0   | −r                 |
 * | minTrackingError   | 1   | −Σb′ (its own b′)  |
 *
 * HiGHS has no quadratic constraints, so the limit is met through its Lagrangian (exact for a
 * convex f by the KKT conditions): min f + (λ/2)(w − b)ᵀΣ(w − b), λ ≥ 0 the multiplier, λ = 0
 * when the limit is slack. Divided by γ + λ and with s = 1/(γ + λ) ∈ [0, 1/γ] this is
 *
 *   min ½wᵀΣw + (s(c + γΣb) − Σb)ᵀz,
 *
 * a QP whose linear term is affine in s: on any interval of s where the active set does not
 * change, the solution x(s) is affine in s and TE² quadratic. So: (1) solve the problem without
 * the limit — done if TE ≤ τ; (2) s = 0 is the minimum-tracking-error portfolio — INFEASIBLE if
 * its TE > τ; (3) bisect s until both ends of the bracket share an active set, then solve the
 * quadratic TE²(θ) = τ² on the segment between them: exact (to rounding) and feasible (a convex
 * combination of two feasible points), with TE = τ. Same scheme as `efficient-risk.ts`.
 *
 * Other objectives (ratios, efficientRisk, the scenario measures) are INVALID_INPUT
 * (`capabilities.ts`).
 * Reference: Roll, "A mean/variance analysis of tracking error", J. Portf. Mgmt 18 (1992);
 * Best, "Portfolio Optimization" (2010), ch. 7 (parametric QP).
 */

import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import { BallastError, invalidInput } from '../../errors.ts';
import { objectivesAccepting } from '../capabilities.ts';
import {
  addTargetReturnRow,
  buildPortfolioModel,
  returnCoefficients,
  type PortfolioModel,
} from '../model/portfolio-model.ts';
import type { ObjectiveSolution, ObjectiveSpec } from './solve.ts';
import { activeSetSignature } from './efficient-risk.ts';
import type { TrackingErrorLimit } from '../constraints.ts';
import { solveModel, type SolvedModel } from '../model/solve-model.ts';

interface Point {
  readonly s: number;
  readonly solved: SolvedModel;
  readonly te: number;
}

/** Σv on the leading n entries of a vector (length n). */
function sigmaTimes(cov: Float64Array, v: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += cov[i * n + j]! * v[j]!;
    out[i] = s;
  }
  return out;
}

/** uᵀΣv over the leading n entries (`Σ` as `cov.data`, n × n). */
function quad(cov: Float64Array, u: ArrayLike<number>, v: ArrayLike<number>): number {
  const n = Math.round(Math.sqrt(cov.length));
  const sv = sigmaTimes(cov, v, n);
  let q = 0;
  for (let i = 0; i < n; i++) q += u[i]! * sv[i]!;
  return q;
}

/** Validated limit: b of length n, finite; τ finite ≥ 0. */
export function checkTrackingErrorLimit(limit: TrackingErrorLimit, n: number): void {
  const b = limit.benchmarkWeights;
  if (b.length !== n || !b.every(Number.isFinite)) {
    throw invalidInput(
      'constraints.trackingError.benchmarkWeights',
      b.length,
      `needs ${n} finite weights`,
    );
  }
  if (!(limit.maxAnnual >= 0) || !Number.isFinite(limit.maxAnnual)) {
    throw invalidInput(
      'constraints.trackingError.maxAnnual',
      limit.maxAnnual,
      'must be a finite number ≥ 0',
    );
  }
}

/** γ and c of the module table (c over all `nv` model variables). */
function objectiveTerms(
  spec: ObjectiveSpec,
  pm: PortfolioModel,
  nv: number,
): { gamma: number; c: Float64Array } {
  const { objective, inputs } = spec;
  const n = inputs.assets.length;
  const minusR = (): Float64Array =>
    returnCoefficients(pm, { mu: inputs.expectedReturnsAnnual, variableCount: nv }).map((v) => -v);
  switch (objective.kind) {
    case 'minVariance':
    case 'efficientReturn':
      return { gamma: 1, c: new Float64Array(nv) };
    case 'utility': {
      const gamma = objective.riskAversion;
      if (!(gamma > 0) || !Number.isFinite(gamma))
        throw invalidInput('objective.riskAversion', gamma, 'must be > 0');
      return { gamma, c: minusR() };
    }
    case 'maxReturn':
      return { gamma: 0, c: minusR() };
    case 'minTrackingError': {
      const b = objective.benchmarkWeights;
      if (b.length !== n || !b.every(Number.isFinite)) {
        throw invalidInput('objective.benchmarkWeights', b.length, `needs ${n} finite weights`);
      }
      const c = new Float64Array(nv);
      c.set(sigmaTimes(inputs.covarianceAnnual.data, b, n).map((v) => -v));
      return { gamma: 1, c };
    }
    default:
      throw invalidInput(
        'constraints.trackingError',
        objective.kind,
        `a tracking-error limit is supported with ${objectivesAccepting('trackingError').join(', ')} only`,
      );
  }
}

/** Options of {@link solveTrackingErrorLimited} beyond the objective spec. */
export interface TrackingErrorSolveSpec extends ObjectiveSpec {
  /** Fixed-cost trade decisions (see `model/fixed-cost-rows.ts`). */
  readonly tradePattern?: readonly boolean[];
}

/**
 * Solves `spec.objective` under `spec.constraints` including `trackingError` (module comment).
 * Throws INVALID_INPUT (unsupported objective, bad limit), INFEASIBLE (the limit is below the
 * smallest tracking error the other constraints allow, or they admit nothing), UNBOUNDED or
 * SOLVER_FAILED.
 */
export function solveTrackingErrorLimited(
  highs: HighsRuntime,
  spec: TrackingErrorSolveSpec,
): ObjectiveSolution {
  const { inputs, objective } = spec;
  const limit = spec.constraints?.trackingError;
  if (limit === undefined) throw new RangeError('solveTrackingErrorLimited: no trackingError');
  const n = inputs.assets.length;
  checkTrackingErrorLimit(limit, n);
  const pm = buildPortfolioModel({
    assets: inputs.assets,
    riskFreeRateAnnual: inputs.riskFreeRateAnnual,
    ...(spec.constraints === undefined ? {} : { constraints: spec.constraints }),
    support: { trackingError: true },
    ...(spec.tradePattern === undefined ? {} : { tradePattern: spec.tradePattern }),
  });
  if (objective.kind === 'efficientReturn') {
    const target = objective.targetReturnAnnual;
    addTargetReturnRow(pm, { mu: inputs.expectedReturnsAnnual, targetReturnAnnual: target });
  }
  const model = pm.builder.build();
  const nv = model.variableCount;
  const { gamma, c } = objectiveTerms(spec, pm, nv);
  const cov = inputs.covarianceAnnual.data;
  const b = limit.benchmarkWeights;
  const sb = sigmaTimes(cov, b, n);
  const tau = limit.maxAnnual;
  const label = `${objective.kind} with trackingError ≤ ${tau}`;
  const method = spec.method === undefined ? {} : { method: spec.method };
  let solves = 0;
  let iterations = 0;
  let solveMs = 0;
  const te = (x: ArrayLike<number>): number => {
    const d = Float64Array.from({ length: n }, (_, i) => x[i]! - b[i]!);
    return Math.sqrt(Math.max(0, quad(cov, d, d)));
  };
  const record = (solved: SolvedModel, s: number): Point => {
    solves++;
    iterations += solved.report.iterations;
    solveMs += solved.report.solveMs;
    return { s, solved, te: te(solved.x) };
  };
  // Every parametric step has the same constraints: start the kernel from the last solution.
  let previous: Float64Array | undefined;
  const at = (s: number): Point => {
    const linear = c.map((v) => s * v);
    for (let j = 0; j < n; j++) linear[j] = s * (c[j]! + gamma * sb[j]!) - sb[j]!;
    const solved = solveModel(highs, {
      model,
      hessian: inputs.covarianceAnnual,
      linear,
      label,
      ...method,
      ...(previous === undefined ? {} : { start: previous }),
    });
    previous = solved.x;
    return record(solved, s);
  };
  const finish = (x: Float64Array, last: Point, note: string): ObjectiveSolution => ({
    x,
    report: {
      ...last.solved.report,
      iterations,
      solveMs,
      message: `${last.solved.report.message}; tracking error: ${note}`,
    },
    portfolio: pm,
    solves,
  });
  const unconstrained =
    gamma > 0
      ? at(1 / gamma)
      : record(solveModel(highs, { model, linear: c, label, ...method }), Infinity);
  if (unconstrained.te <= tau) return finish(unconstrained.solved.x, unconstrained, 'limit slack');
  let lo = at(0);
  if (lo.te > tau) {
    if (lo.te <= tau + 1e-10) return finish(lo.solved.x, lo, 'minimum tracking error');
    throw new BallastError(
      'INFEASIBLE',
      `${label}: the other constraints force a tracking error of at least ${lo.te}`,
      { maxAnnual: tau, minimumTrackingErrorAnnual: lo.te },
    );
  }
  let hi = unconstrained;
  if (gamma === 0) {
    const cScale = Math.max(...Array.from(c, Math.abs), 1e-300);
    hi = at(Math.max(lo.te * lo.te, 1e-12) / cScale);
    while (hi.te <= tau) {
      if (hi.s > 1e12) return finish(hi.solved.x, hi, 'limit slack on the LP optimal face');
      lo = hi;
      hi = at(hi.s * 4);
    }
  }
  for (let k = 0; k < 200; k++) {
    const same = activeSetSignature(model, lo.solved.x) === activeSetSignature(model, hi.solved.x);
    if (same || hi.s - lo.s <= 1e-15 * hi.s) break;
    const mid = at(0.5 * (lo.s + hi.s));
    if (mid.te <= tau) lo = mid;
    else hi = mid;
  }
  // TE²(θ) = ‖a − b + θd‖²_Σ = qa θ² + qb θ + qc + τ² on x = a + θd, a = x_lo, d = x_hi − x_lo.
  const a = lo.solved.x;
  const d = Float64Array.from(hi.solved.x, (v, j) => v - a[j]!);
  const ab = Float64Array.from({ length: n }, (_, i) => a[i]! - b[i]!);
  const qa = quad(cov, d, d);
  const qb = 2 * quad(cov, ab, d);
  const qc = lo.te * lo.te - tau * tau;
  const disc = Math.max(0, qb * qb - 4 * qa * qc);
  // Stable root of qa θ² + qb θ + qc = 0 with qc ≤ 0 (the non-negative one).
  let theta = qb >= 0 ? (2 * -qc) / (qb + Math.sqrt(disc)) : (-qb + Math.sqrt(disc)) / (2 * qa);
  if (!Number.isFinite(theta)) theta = 0;
  theta = Math.min(1, Math.max(0, theta));
  const x = Float64Array.from(a, (v, j) => v + theta * d[j]!);
  return finish(x, hi, `limit binding (λ > 0, ${solves} parametric solves)`);
}

/**
 * GARCH(1,1) by Gaussian quasi-maximum likelihood (Bollerslev 1986; docs/conventions.md "Estimation").
 *
 * Model: e_t = r_t − μ (μ = 0 by default, or the sample mean), σ²_{t+1} = ω + α e_t² + β σ²_t.
 * Initialisation: σ²_1 = the sample variance (n − 1, demeaned) of the fitting window — the
 * presample value Bollerslev (1986) suggests; it matches the EWMA seed convention.
 *
 * Estimation: the returns are scaled to unit sample variance (y = e/s), which makes ω of order
 * 1 − α − β and the problem well conditioned; ω = ω̃·s² and ℓ(r) = ℓ(y) − n·ln s convert back.
 * The constraint ω > 0, α, β ≥ 0, α + β < 1 is built into the parameterisation
 * ω̃ = e^{z₀}, α + β = p_max·logistic(z₁), α/(α + β) = logistic(z₂) with p_max = 1 − 1e-6, so
 * every trial point is admissible; IGARCH-like data drive α + β towards p_max from inside and
 * the fit reports the persistence with a warning. The mean negative log-likelihood is minimised
 * by Nelder–Mead from the best of a small grid of starts, then polished by BFGS.
 *
 * Failure is explicit: too few observations or a constant series → `INSUFFICIENT_DATA`; no
 * convergence → `SOLVER_FAILED` (unless `onNonConvergence: 'return'`, which returns the best
 * point with `converged: false` and a warning). With μ estimated, ℓ is conditional on μ̂.
 */

import { bfgs } from '../../core/optim/bfgs.ts';
import { nelderMead } from '../../core/optim/nelder-mead.ts';
import type { MinimizeResult } from '../../core/optim/types.ts';
import { BallastError, invalidInput } from '../errors.ts';
import { warning, type Warning } from '../warnings.ts';
import { assertFiniteReturns, sampleVariance } from './ewma-variance.ts';
import {
  garchLogLikelihood,
  garchVariancePath,
  type GarchData,
  type GarchParameters,
} from './garch-likelihood.ts';
import { garchStandardErrors, type GarchStandardErrors } from './garch-standard-errors.ts';

/** Options of {@link fitGarch}; all optional. */
export interface GarchFitOptions {
  /** Conditional mean: 'zero' (default, as EWMA) or the 'sample' mean of the window. */
  readonly mean?: 'zero' | 'sample';
  /** Fewest returns accepted (default 250, about one year of daily data; at least 10). */
  readonly minObservations?: number;
  /** Iteration budget: Nelder–Mead gets all of it, the BFGS polish at most 100 (default 3000). */
  readonly maxIterations?: number;
  /**
   * Persistence α + β above which the near-unit warning is always attached (default 0.998); it
   * is also attached when 1 − (α + β) < 2·SE(α + β), i.e. a unit root is not rejected.
   */
  readonly nearUnitPersistence?: number;
  /** 'throw' (default) raises SOLVER_FAILED on non-convergence; 'return' reports it. */
  readonly onNonConvergence?: 'throw' | 'return';
}

/** A fitted GARCH(1,1). Variances are per period of the input returns (decimal²). */
export interface GarchFit extends GarchParameters {
  /** α + β (< 1). */
  readonly persistence: number;
  /** V_L = ω/(1 − α − β), per period. */
  readonly longRunVariance: number;
  /** Hessian-based standard error of α + β; null when unavailable. */
  readonly persistenceStandardError: number | null;
  /** Periods for a variance shock to halve: ln ½ / ln(α + β). */
  readonly halfLifePeriods: number;
  /** Gaussian log-likelihood ℓ at the estimate, in the returns' units. */
  readonly logLikelihood: number;
  /** From the inverse numeric Hessian; null when it is not positive definite. */
  readonly standardErrors: GarchStandardErrors | null;
  /** Bollerslev–Wooldridge sandwich errors (robust to non-normal innovations); null likewise. */
  readonly robustStandardErrors: GarchStandardErrors | null;
  readonly iterations: number;
  readonly converged: boolean;
  /** σ²_{n+1}: one-step-ahead variance after the last return. */
  readonly nextVariance: number;
  /** σ²_1 used to start the recursion (the window's sample variance). */
  readonly initialVariance: number;
  /** μ subtracted from the returns (0 for the zero-mean model). */
  readonly mean: number;
  readonly observations: number;
  /**
   * `GARCH_NOT_CONVERGED` (only with `onNonConvergence: 'return'`), `GARCH_NEAR_UNIT_PERSISTENCE`,
   * `GARCH_STANDARD_ERRORS_UNAVAILABLE`.
   */
  readonly warnings: readonly Warning[];
}

const P_MAX = 1 - 1e-6;
const logistic = (z: number): number => 1 / (1 + Math.exp(-z));
const logit = (u: number): number => Math.log(u / (1 - u));

function fromZ(z: Float64Array): GarchParameters {
  const p = P_MAX * logistic(z[1]!);
  const share = logistic(z[2]!);
  return { omega: Math.exp(z[0]!), alpha: p * share, beta: p * (1 - share) };
}

function toZ(persistence: number, share: number): Float64Array {
  return Float64Array.from([Math.log(1 - persistence), logit(persistence / P_MAX), logit(share)]);
}

function prepare(
  returns: ArrayLike<number>,
  options: GarchFitOptions,
): { data: GarchData; mu: number; s2: number } {
  assertFiniteReturns('returns', returns);
  const minObservations = options.minObservations ?? 250;
  if (!Number.isInteger(minObservations) || minObservations < 10) {
    throw invalidInput('minObservations', minObservations, 'must be an integer ≥ 10');
  }
  const n = returns.length;
  if (n < minObservations) {
    throw new BallastError(
      'INSUFFICIENT_DATA',
      `GARCH(1,1) needs at least ${minObservations} returns, got ${n}`,
      { observations: n, required: minObservations },
    );
  }
  const s2 = sampleVariance(returns);
  let [lo, hi] = [Infinity, -Infinity];
  for (let t = 0; t < n; t++) [lo, hi] = [Math.min(lo, returns[t]!), Math.max(hi, returns[t]!)];
  if (!(s2 > 0) || hi - lo <= 1e-14 * Math.max(Math.abs(lo), Math.abs(hi))) {
    throw new BallastError(
      'INSUFFICIENT_DATA',
      'GARCH(1,1) cannot be fitted to a constant return series (sample variance 0)',
      { observations: n },
    );
  }
  let mu = 0;
  if (options.mean === 'sample') {
    for (let t = 0; t < n; t++) mu += returns[t]! / n;
  }
  const s = Math.sqrt(s2);
  const residuals = Float64Array.from({ length: n }, (_, t) => (returns[t]! - mu) / s);
  return { data: { residuals, initialVariance: 1 }, mu, s2 };
}

function minimise(
  data: GarchData,
  maxIterations: number,
): { best: MinimizeResult; converged: boolean; iterations: number } {
  const n = data.residuals.length;
  const objective = (z: Float64Array): number => -garchLogLikelihood(data, fromZ(z)) / n;
  let start = toZ(0.95, 0.1);
  let fStart = objective(start);
  for (const p of [0.8, 0.9, 0.97, 0.995]) {
    for (const share of [0.05, 0.1, 0.2]) {
      const z = toZ(p, share);
      const f = objective(z);
      if (f < fStart) [start, fStart] = [z, f];
    }
  }
  const nm = nelderMead(objective, start, { maxIterations, initialStep: 0.5, xTolerance: 1e-7 });
  const polish = bfgs(objective, nm.x, { maxIterations: Math.min(100, maxIterations) });
  const best = polish.f <= nm.f ? polish : nm;
  return { best, converged: nm.ok || polish.ok, iterations: nm.iterations + polish.iterations };
}

/**
 * Fits a GARCH(1,1) to per-period returns (see the module note). Throws `INVALID_INPUT` for a
 * non-finite return, `INSUFFICIENT_DATA` for too few or constant returns and `SOLVER_FAILED`
 * when the optimiser does not converge.
 */
export function fitGarch(returns: ArrayLike<number>, options: GarchFitOptions = {}): GarchFit {
  const { data, mu, s2 } = prepare(returns, options);
  const n = data.residuals.length;
  const run = minimise(data, options.maxIterations ?? 3000);
  const warnings: Warning[] = [];
  if (!run.converged) {
    const message = `GARCH(1,1) quasi-MLE did not converge after ${run.iterations} iterations (${run.best.reason}); the likelihood may be flat or unbounded (e.g. many zero returns)`;
    if (options.onNonConvergence !== 'return') {
      throw new BallastError('SOLVER_FAILED', message, {
        reason: run.best.reason,
        iterations: run.iterations,
        observations: n,
      });
    }
    warnings.push(
      warning('GARCH_NOT_CONVERGED', message, {
        reason: run.best.reason,
        iterations: run.iterations,
      }),
    );
  }
  const scaled = fromZ(run.best.x);
  const params = { omega: scaled.omega * s2, alpha: scaled.alpha, beta: scaled.beta };
  const persistence = params.alpha + params.beta;
  const inference = garchStandardErrors(data, scaled);
  const seP = inference.persistenceStandardError;
  if (
    persistence > (options.nearUnitPersistence ?? 0.998) ||
    (seP !== null && 1 - persistence < 2 * seP)
  ) {
    warnings.push(
      warning(
        'GARCH_NEAR_UNIT_PERSISTENCE',
        `persistence α + β = ${persistence.toPrecision(6)} is near 1 (IGARCH-like${seP === null ? '' : `, SE ${seP.toPrecision(2)}`}): the long-run variance is poorly determined and forecasts revert very slowly`,
        { persistence, persistenceStandardError: seP },
      ),
    );
  }
  const scaleSe = (se: GarchStandardErrors | null): GarchStandardErrors | null =>
    se === null ? null : { ...se, omega: se.omega * s2 };
  const path = garchVariancePath(data, scaled);
  return {
    ...params,
    persistence,
    longRunVariance: params.omega / (1 - persistence),
    persistenceStandardError: seP,
    halfLifePeriods: Math.log(0.5) / Math.log(persistence),
    logLikelihood: -run.best.f * n - 0.5 * n * Math.log(s2),
    standardErrors: scaleSe(inference.standardErrors),
    robustStandardErrors: scaleSe(inference.robustStandardErrors),
    iterations: run.iterations,
    converged: run.converged,
    nextVariance: path[n]! * s2,
    initialVariance: s2,
    mean: mu,
    observations: n,
    warnings: [...warnings, ...inference.warnings],
  };
}

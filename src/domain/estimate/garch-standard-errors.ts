/**
 * Asymptotic standard errors of GARCH(1,1) quasi-MLE estimates from numeric derivatives at
 * the optimum θ̂ = (ω, α, β):
 *
 * - Hessian (information-matrix) errors: Cov(θ̂) = A⁻¹, A = −∇²ℓ(θ̂) (central differences,
 *   `core/optim` numericHessian) — valid when the innovations are Gaussian.
 * - Robust (sandwich) errors, Bollerslev & Wooldridge (1992), Econometric Reviews 11(2):
 *   Cov(θ̂) = A⁻¹ B A⁻¹, B = Σ_t s_t s_tᵀ with s_t = ∇ℓ_t(θ̂) the per-observation scores —
 *   valid under non-Gaussian (fat-tailed) innovations.
 *
 * When A is not positive definite (an optimum on the boundary α = 0 or α + β = 1, or a flat
 * likelihood) the errors are reported as null with a warning, never as NaN.
 */

import { matrix, type Matrix } from '../../core/linalg/matrix.ts';
import { warning, type Warning } from '../warnings.ts';
import { numericHessian, numericJacobian } from '../../core/optim/finite-differences.ts';
import { invertPositiveDefinite } from '../../core/optim/invert-hessian.ts';
import {
  garchLogLikelihood,
  garchLogLikelihoodTerms,
  type GarchData,
  type GarchParameters,
} from './garch-likelihood.ts';

/** Standard errors of ω (returns' units²), α and β. */
export interface GarchStandardErrors {
  readonly omega: number;
  readonly alpha: number;
  readonly beta: number;
}

/** Hessian-based and robust standard errors, each null when A is not invertible. */
export interface GarchInference {
  readonly standardErrors: GarchStandardErrors | null;
  /** Hessian-based SE of α + β: √(Var α + Var β + 2 Cov(α, β)). */
  readonly persistenceStandardError: number | null;
  readonly robustStandardErrors: GarchStandardErrors | null;
  /** `GARCH_STANDARD_ERRORS_UNAVAILABLE` when the Hessian is not positive definite. */
  readonly warnings: readonly Warning[];
}

const toParams = (x: Float64Array): GarchParameters => ({
  omega: x[0]!,
  alpha: x[1]!,
  beta: x[2]!,
});

function diagonalRoots(cov: Matrix): GarchStandardErrors | null {
  const d = [0, 1, 2].map((i) => cov.data[i * 3 + i]!);
  if (!d.every((v) => v >= 0 && Number.isFinite(v))) return null;
  const [omega = NaN, alpha = NaN, beta = NaN] = d.map(Math.sqrt);
  return { omega, alpha, beta };
}

function sandwich(inverse: Matrix, scores: Matrix): Matrix {
  const p = 3;
  const b = matrix(p, p);
  for (let t = 0; t < scores.rows; t++) {
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) {
        b.data[i * p + j]! += scores.data[t * p + i]! * scores.data[t * p + j]!;
      }
    }
  }
  const out = matrix(p, p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < p; k++)
        for (let l = 0; l < p; l++)
          s += inverse.data[i * p + k]! * b.data[k * p + l]! * inverse.data[l * p + j]!;
      out.data[i * p + j] = s;
    }
  return out;
}

/** Standard errors of `params` (the optimum of ℓ on `data`); see the module note. */
export function garchStandardErrors(data: GarchData, params: GarchParameters): GarchInference {
  const theta = Float64Array.from([params.omega, params.alpha, params.beta]);
  const negLogLik = (x: Float64Array): number => -garchLogLikelihood(data, toParams(x));
  const hessian = numericHessian(negLogLik, theta, { relativeStep: 1e-4, absoluteStep: 1e-7 });
  const inverted = invertPositiveDefinite(hessian);
  if (!inverted.ok) {
    return {
      standardErrors: null,
      persistenceStandardError: null,
      robustStandardErrors: null,
      warnings: [
        warning(
          'GARCH_STANDARD_ERRORS_UNAVAILABLE',
          'standard errors unavailable: the numeric Hessian of the log-likelihood is not positive definite (optimum on a boundary or flat likelihood)',
        ),
      ],
    };
  }
  const scores = numericJacobian((x) => garchLogLikelihoodTerms(data, toParams(x)), theta, {
    relativeStep: 1e-5,
    absoluteStep: 1e-8,
  });
  const c = inverted.inverse.data;
  const persistenceVariance = c[4]! + c[8]! + 2 * c[5]!;
  return {
    standardErrors: diagonalRoots(inverted.inverse),
    persistenceStandardError: persistenceVariance >= 0 ? Math.sqrt(persistenceVariance) : null,
    robustStandardErrors: diagonalRoots(sandwich(inverted.inverse, scores)),
    warnings: [],
  };
}

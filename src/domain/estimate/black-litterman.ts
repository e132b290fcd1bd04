/**
 * Black-Litterman posterior (He & Litterman 1999, "The intuition behind Black-Litterman model
 * portfolios"; Idzorek 2005, "A step-by-step guide to the Black-Litterman model"), computed as
 * PyPortfolioOpt's `BlackLittermanModel.bl_returns` / `bl_cov` (v1.5). With prior Π (n, annual),
 * covariance Σ (n×n, annual), views P (k×n), Q (k), uncertainty Ω (k×k) and scalar τ:
 *
 *   μ_BL = [(τΣ)⁻¹ + PᵀΩ⁻¹P]⁻¹ [(τΣ)⁻¹Π + PᵀΩ⁻¹Q]
 *        = Π + τΣPᵀ (PτΣPᵀ + Ω)⁻¹ (Q − PΠ)            (the form evaluated: no Σ⁻¹, Ω may be 0)
 *   M    = [(τΣ)⁻¹ + PᵀΩ⁻¹P]⁻¹ = τΣ − τΣPᵀ (PτΣPᵀ + Ω)⁻¹ PτΣ
 *   Σ_BL = Σ + M                                       (symmetrised)
 *
 * For one absolute view on asset i with variance ω the update is, for every asset j,
 *   μ_j' = Π_j + τΣ_ji / (τσ_i² + ω) · (Q − Π_i).
 *
 * Views whose Ω diagonal is +∞ (Idzorek confidence 0) are dropped (the exact limit). With no
 * remaining view μ_BL = Π exactly and Σ_BL = (1 + τ)Σ (the prior's own uncertainty τΣ is still
 * added, as in He-Litterman). When PτΣPᵀ + Ω is singular (e.g. duplicate views held with
 * certainty) the minimum-norm least-squares solution is used and a warning is returned.
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import { matrix } from '../../core/linalg/matrix.ts';
import { invalidInput } from '../errors.ts';
import { warning, type Warning } from '../warnings.ts';
import { matmul, matvec } from '../../core/linalg/multiply.ts';
import { transpose } from '../../core/linalg/transpose.ts';
import { addScaled, solveSquare, symmetrise } from './black-litterman-algebra.ts';
import {
  assertGivenOmega,
  buildViewMatrices,
  heLittermanOmega,
  idzorekOmega,
  type BlackLittermanView,
  type OmegaSpec,
  type ViewMatrices,
} from './black-litterman-views.ts';
import { assertAssetIds, assertCovariance } from './distribution-validate.ts';

/** Default τ (PyPortfolioOpt, He-Litterman use 0.05 / 0.025; PyPortfolioOpt's default is 0.05). */
export const DEFAULT_TAU = 0.05;

/** The prior, its covariance and the views. */
export interface BlackLittermanInput {
  /** Asset ids in the order of Π and Σ. */
  readonly assets: readonly string[];
  /** Prior expected returns Π (annual decimals), e.g. {@link impliedEquilibriumReturns}. */
  readonly priorAnnual: Float64Array;
  /** Σ (annual), n×n symmetric. */
  readonly covarianceAnnual: Matrix;
  /** Views as descriptions or as P, Q. An empty list is allowed (posterior = prior). */
  readonly views: readonly BlackLittermanView[] | ViewMatrices;
}

/** Options of {@link blackLitterman}. */
export interface BlackLittermanOptions {
  /** τ > 0, the scale of the prior's uncertainty. Default {@link DEFAULT_TAU}. */
  readonly tau?: number;
  /** How Ω is formed. Default `{ method: 'heLitterman' }`. */
  readonly omega?: OmegaSpec;
}

/** The posterior and what it was computed from. */
export interface BlackLittermanResult {
  /** μ_BL (annual decimals), asset order. */
  readonly muAnnual: Float64Array;
  /** Σ + M (annual), symmetric. */
  readonly covarianceAnnual: Matrix;
  /** The views used, P (k×n) and Q. */
  readonly views: ViewMatrices;
  /** Ω used (k×k); +∞ on the diagonal of an ignored (zero-confidence) view. */
  readonly omega: Matrix;
  readonly tau: number;
  /** `BLACK_LITTERMAN_SINGULAR_VIEWS` when PτΣPᵀ + Ω is singular. */
  readonly warnings: readonly Warning[];
}

function omegaFor(
  views: ViewMatrices,
  spec: OmegaSpec,
  context: { cov: Matrix; tau: number },
): Matrix {
  switch (spec.method) {
    case 'heLitterman':
      return heLittermanOmega(views.P, context.cov, context.tau);
    case 'idzorek':
      return idzorekOmega({ ...views, confidences: spec.confidences }, context.cov, context.tau);
    case 'given':
      return assertGivenOmega(spec.omega, views.P.rows);
  }
}

/** Sub-matrix of rows/cols `keep` (both when `square`). */
function pick(m: Matrix, keep: readonly number[], square: boolean): Matrix {
  const cols = square ? keep : Array.from({ length: m.cols }, (_, j) => j);
  const out = matrix(keep.length, cols.length);
  keep.forEach((i, r) =>
    cols.forEach((j, c) => (out.data[r * cols.length + c] = m.data[i * m.cols + j]!)),
  );
  return out;
}

/** Black-Litterman posterior returns and covariance; see the module comment. */
export function blackLitterman(
  input: BlackLittermanInput,
  options: BlackLittermanOptions = {},
): BlackLittermanResult {
  assertAssetIds(input.assets);
  const n = input.assets.length;
  const cov = input.covarianceAnnual;
  assertCovariance(cov, n);
  if (input.priorAnnual.length !== n || !input.priorAnnual.every(Number.isFinite)) {
    throw invalidInput('priorAnnual', Array.from(input.priorAnnual), `must be ${n} finite values`);
  }
  const tau = options.tau ?? DEFAULT_TAU;
  if (!Number.isFinite(tau) || tau <= 0) throw invalidInput('tau', tau, 'must be finite and > 0');
  const views = 'P' in input.views ? input.views : buildViewMatrices(input.assets, input.views);
  if (views.P.cols !== n || views.Q.length !== views.P.rows || !views.Q.every(Number.isFinite)) {
    throw invalidInput(
      'views',
      `P ${views.P.rows}×${views.P.cols}, Q ${views.Q.length}`,
      `P must be k×${n} and Q finite of length k`,
    );
  }
  const omega = omegaFor(views, options.omega ?? { method: 'heLitterman' }, { cov, tau });
  const active = Array.from({ length: views.P.rows }, (_, k) => k).filter((k) =>
    Number.isFinite(omega.data[k * views.P.rows + k]),
  );
  const warnings: Warning[] = [];
  const tauSigma = matrix(
    n,
    n,
    cov.data.map((value) => tau * value),
  );
  if (active.length === 0) {
    return {
      muAnnual: Float64Array.from(input.priorAnnual),
      covarianceAnnual: symmetrise(addScaled(cov, 1, tauSigma)),
      views,
      omega,
      tau,
      warnings,
    };
  }
  const P = pick(views.P, active, false);
  const tauSigmaPt = matmul(tauSigma, transpose(P));
  const system = addScaled(matmul(P, tauSigmaPt), 1, pick(omega, active, true));
  const priorOnViews = matvec(P, input.priorAnnual);
  const gap = matrix(
    active.length,
    1,
    active.map((k, r) => views.Q[k]! - priorOnViews[r]!),
  );
  const shift = solveSquare(system, gap);
  const correction = solveSquare(system, transpose(tauSigmaPt));
  if (shift.method !== 'lu' || correction.method !== 'lu') {
    warnings.push(
      warning(
        'BLACK_LITTERMAN_SINGULAR_VIEWS',
        'PτΣPᵀ + Ω is singular (conflicting or duplicate certain views); least-squares solution used',
        { views: active.length },
      ),
    );
  }
  const step = matvec(tauSigmaPt, shift.solution.data);
  const muAnnual = input.priorAnnual.map((prior, i) => prior + step[i]!);
  const m = addScaled(matmul(tauSigmaPt, correction.solution), -1, tauSigma);
  return {
    muAnnual,
    covarianceAnnual: symmetrise(addScaled(cov, 1, m)),
    views,
    omega,
    tau,
    warnings,
  };
}

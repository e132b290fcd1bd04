/**
 * Black-Litterman views and their uncertainty Ω (He & Litterman 1999; Idzorek 2005), as in
 * PyPortfolioOpt's `BlackLittermanModel` (v1.5). A view k is a portfolio p_k (row k of the
 * k×n picking matrix P) and an annual expected return Q_k for it:
 *
 * - absolute "asset A returns q": p = e_A, Q = q;
 * - relative "assets L outperform assets S by s": +1/|L| on each of L, −1/|S| on each of S
 *   (equal weights in each leg, He-Litterman), Q = s;
 * - portfolio: any explicit weights by asset, Q = its expected return.
 *
 * Ω (k×k, annual variance units) is one of:
 * - `heLitterman` (default): Ω = diag(τ P Σ Pᵀ) — each view as uncertain as the prior on it;
 * - `idzorek`: per-view confidence c_k ∈ [0, 1] → ω_k = τ · (1 − c_k)/c_k · p_k Σ p_kᵀ, the
 *   closed form of Idzorek's method (J. Walters 2014, "The Black-Litterman model in detail";
 *   PyPortfolioOpt `idzorek_method`). c = 1 gives ω = 0 (the view holds exactly); c = 0 gives
 *   ω = +∞ (the view is ignored — PyPortfolioOpt uses 1e6 instead of the limit);
 * - `given`: a user k×k symmetric Ω with a non-negative diagonal.
 */

import { matrix, type Matrix } from '../../core/linalg/matrix.ts';
import { invalidInput } from '../errors.ts';
import { matmul } from '../../core/linalg/multiply.ts';
import { transpose } from '../../core/linalg/transpose.ts';

/** One investor view (returns are annual decimals). */
export type BlackLittermanView =
  | { readonly kind: 'absolute'; readonly asset: string; readonly returnAnnual: number }
  | {
      readonly kind: 'relative';
      readonly outperform: readonly string[];
      readonly underperform: readonly string[];
      readonly spreadAnnual: number;
    }
  | {
      readonly kind: 'portfolio';
      readonly weights: Readonly<Record<string, number>>;
      readonly returnAnnual: number;
    };

/** Views in matrix form: P is k×n (assets in order), Q has length k (annual decimals). */
export interface ViewMatrices {
  readonly P: Matrix;
  readonly Q: Float64Array;
}

/** How Ω is formed; see the module comment. */
export type OmegaSpec =
  | { readonly method: 'heLitterman' }
  | { readonly method: 'idzorek'; readonly confidences: readonly number[] }
  | { readonly method: 'given'; readonly omega: Matrix };

function assetIndex(assets: readonly string[], asset: string, field: string): number {
  const index = assets.indexOf(asset);
  if (index < 0) throw invalidInput(field, asset, `not one of the assets (${assets.join(', ')})`);
  return index;
}

function spreadLeg(
  assets: readonly string[],
  leg: { readonly ids: readonly string[]; readonly sign: number; readonly field: string },
  row: Float64Array,
): void {
  if (leg.ids.length === 0) throw invalidInput(leg.field, [], 'needs at least one asset');
  for (const id of leg.ids) row[assetIndex(assets, id, leg.field)]! += leg.sign / leg.ids.length;
}

function viewRow(assets: readonly string[], view: BlackLittermanView, k: number): Float64Array {
  const row = new Float64Array(assets.length);
  if (view.kind === 'absolute') {
    row[assetIndex(assets, view.asset, `views[${k}].asset`)] = 1;
  } else if (view.kind === 'relative') {
    spreadLeg(assets, { ids: view.outperform, sign: 1, field: `views[${k}].outperform` }, row);
    spreadLeg(assets, { ids: view.underperform, sign: -1, field: `views[${k}].underperform` }, row);
  } else {
    for (const [asset, weight] of Object.entries(view.weights)) {
      if (!Number.isFinite(weight))
        throw invalidInput(`views[${k}].weights.${asset}`, weight, 'not finite');
      row[assetIndex(assets, asset, `views[${k}].weights`)] = weight;
    }
  }
  if (row.every((value) => value === 0))
    throw invalidInput(`views[${k}]`, view, 'the view portfolio is zero');
  return row;
}

/** P and Q from view descriptions, rows in the order of `views`. */
export function buildViewMatrices(
  assets: readonly string[],
  views: readonly BlackLittermanView[],
): ViewMatrices {
  const P = matrix(views.length, assets.length);
  const Q = new Float64Array(views.length);
  views.forEach((view, k) => {
    const q = view.kind === 'relative' ? view.spreadAnnual : view.returnAnnual;
    if (!Number.isFinite(q)) throw invalidInput(`views[${k}]`, q, 'the view return must be finite');
    P.data.set(viewRow(assets, view, k), k * assets.length);
    Q[k] = q;
  });
  return { P, Q };
}

/** Prior variance of each view portfolio, diag(P Σ Pᵀ) (annual). */
export function viewPriorVariances(P: Matrix, covarianceAnnual: Matrix): Float64Array {
  const full = matmul(matmul(P, covarianceAnnual), transpose(P));
  return Float64Array.from({ length: P.rows }, (_, k) => full.data[k * P.rows + k]!);
}

/** He-Litterman Ω = diag(τ P Σ Pᵀ). */
export function heLittermanOmega(P: Matrix, covarianceAnnual: Matrix, tau: number): Matrix {
  return diagonal(viewPriorVariances(P, covarianceAnnual).map((v) => tau * v));
}

/** Idzorek Ω: ω_k = τ (1 − c_k)/c_k p_k Σ p_kᵀ; +∞ for c_k = 0. Throws unless c_k ∈ [0, 1]. */
export function idzorekOmega(
  views: ViewMatrices & { readonly confidences: readonly number[] },
  covarianceAnnual: Matrix,
  tau: number,
): Matrix {
  if (views.confidences.length !== views.P.rows) {
    throw invalidInput(
      'confidences',
      views.confidences.length,
      `expected one per view (${views.P.rows})`,
    );
  }
  const variances = viewPriorVariances(views.P, covarianceAnnual);
  return diagonal(
    variances.map((variance, k) => {
      const c = views.confidences[k]!;
      if (!(c >= 0 && c <= 1)) throw invalidInput(`confidences[${k}]`, c, 'must be in [0, 1]');
      return c === 0 ? Number.POSITIVE_INFINITY : (tau * (1 - c) * variance) / c;
    }),
  );
}

/** Checks a user Ω: k×k, symmetric, finite, diagonal ≥ 0. Returns it unchanged. */
export function assertGivenOmega(omega: Matrix, views: number): Matrix {
  if (omega.rows !== views || omega.cols !== views) {
    throw invalidInput('omega', `${omega.rows}×${omega.cols}`, `must be ${views}×${views}`);
  }
  for (let i = 0; i < views; i++) {
    if (!(omega.data[i * views + i]! >= 0))
      throw invalidInput(`omega[${i}][${i}]`, omega.data[i * views + i], 'must be ≥ 0');
    for (let j = 0; j < views; j++) {
      const value = omega.data[i * views + j]!;
      if (!Number.isFinite(value) || value !== omega.data[j * views + i]) {
        throw invalidInput(`omega[${i}][${j}]`, value, 'must be finite and symmetric');
      }
    }
  }
  return omega;
}

function diagonal(values: Float64Array): Matrix {
  const out = matrix(values.length, values.length);
  values.forEach((value, k) => (out.data[k * values.length + k] = value));
  return out;
}

/**
 * Factor-model covariance from given factor returns (Connor & Korajczyk 2010, "Factor models
 * of asset returns", Encyclopedia of Quantitative Finance; Grinold & Kahn, "Active Portfolio
 * Management", ch. 3). Each asset is regressed by OLS with an intercept on the k factors,
 * r_ti = a_i + Σ_f β_fi·F_tf + ε_ti, and
 *
 *   Σ = Bᵀ·Σ_F·B + diag(σ²_ε),   B = (F̃ᵀF̃)⁻¹·F̃ᵀ·R̃  (k × n, tildes = centred),
 *   Σ_F = F̃ᵀF̃/(T − 1),   σ²_ε,i = Σ_t ε_ti²/(T − 1).
 *
 * The divisor T − 1 for the residual variance (rather than the unbiased T − k − 1) makes the
 * diagonal reproduce each asset's sample variance exactly (OLS residuals are orthogonal to
 * the factors), so only the cross-asset structure is modelled. Requires T ≥ k + 2.
 */

import { cholesky } from '../../core/linalg/cholesky.ts';
import { choleskySolve } from '../../core/linalg/cholesky-solve.ts';
import { crossProduct } from '../../core/linalg/cross-product.ts';
import type { Matrix } from '../../core/linalg/matrix.ts';
import { matmul } from '../../core/linalg/multiply.ts';
import { transpose } from '../../core/linalg/transpose.ts';
import { centerColumns } from '../../core/stats/center-columns.ts';
import { invalidInput } from '../errors.ts';
import { assertReturnsMatrix, type CovarianceEstimate } from './covariance-input.ts';

/** Options of {@link factorModelCovariance}. */
export interface FactorCovarianceOptions {
  /** T × k factor returns, row t aligned with row t of the asset returns. */
  readonly factorReturns: Matrix;
}

/** A factor-model covariance with its loadings and residual variances. */
export interface FactorCovarianceEstimate extends CovarianceEstimate {
  /** OLS loadings B, k × n (row f = factor f, column i = asset i). */
  readonly betas: Matrix;
  /** Idiosyncratic variance σ²_ε per asset (per period, divisor T − 1). */
  readonly residualVariance: Float64Array;
}

/**
 * Factor-model covariance per period. Throws `INVALID_INPUT` when the factor matrix has no
 * column, a different number of rows, a non-finite value, or collinear (or constant) factors,
 * and `INSUFFICIENT_DATA` when T < k + 2.
 */
export function factorModelCovariance(
  returns: Matrix,
  options: FactorCovarianceOptions,
): FactorCovarianceEstimate {
  const factors = options.factorReturns;
  const k = factors.cols;
  assertReturnsMatrix(returns, { estimator: 'factor-model covariance', minObservations: k + 2 });
  if (factors.rows !== returns.rows) {
    throw invalidInput(
      'factorReturns',
      `${factors.rows} rows`,
      `expected ${returns.rows} (one per period)`,
    );
  }
  assertReturnsMatrix(factors, { estimator: 'factor-model covariance', minObservations: k + 2 });
  const { rows: t, cols: n } = returns;
  const f = centerColumns(factors);
  const r = centerColumns(returns);
  const gram = crossProduct(f);
  const factored = cholesky(gram);
  const dependent = factored.ok ? nearlyDependentFactor(gram, factored.lower) : factored.pivot;
  if (!factored.ok || dependent >= 0) {
    throw invalidInput('factorReturns', `factor ${dependent}`, 'factors are collinear or constant');
  }
  const fr = matmul(transpose(f), r);
  const betas = new Float64Array(k * n);
  const rhs = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < k; p++) rhs[p] = fr.data[p * n + i]!;
    const b = choleskySolve(factored.lower, rhs);
    for (let p = 0; p < k; p++) betas[p * n + i] = b[p]!;
  }
  const residualVariance = residualVariances(r, f, { rows: k, cols: n, data: betas });
  const cov = systematic(gram, { rows: k, cols: n, data: betas }, t - 1);
  for (let i = 0; i < n; i++) cov.data[i * n + i] = cov.data[i * n + i]! + residualVariance[i]!;
  return {
    covariance: cov,
    betas: { rows: k, cols: n, data: betas },
    residualVariance,
    warnings: [],
  };
}

/**
 * The first factor f whose L_ff²/G_ff = 1 − R² (of factor f on the factors before it) is
 * below 1e-10, i.e. a factor that is a linear combination of the others up to rounding; −1
 * when there is none.
 */
function nearlyDependentFactor(gram: Matrix, lower: Matrix): number {
  const k = gram.rows;
  for (let f = 0; f < k; f++) {
    const l = lower.data[f * k + f]!;
    if (l * l < 1e-10 * gram.data[f * k + f]!) return f;
  }
  return -1;
}

/** Σ_t ε_ti²/(T − 1) with ε = R̃ − F̃·B. */
function residualVariances(r: Matrix, f: Matrix, betas: Matrix): Float64Array {
  const { rows: t, cols: n } = r;
  const out = new Float64Array(n);
  const fitted = matmul(f, betas);
  for (let row = 0; row < t; row++) {
    for (let i = 0; i < n; i++) {
      const e = r.data[row * n + i]! - fitted.data[row * n + i]!;
      out[i] = out[i]! + e * e;
    }
  }
  return out.map((v) => v / (t - 1));
}

/** Bᵀ·(G/d)·B, exactly symmetric. */
function systematic(gram: Matrix, betas: Matrix, divisor: number): Matrix {
  const { rows: k, cols: n } = betas;
  const gb = matmul(gram, betas);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += betas.data[p * n + i]! * gb.data[p * n + j]!;
      out[i * n + j] = s / divisor;
      out[j * n + i] = s / divisor;
    }
  }
  return { rows: n, cols: n, data: out };
}

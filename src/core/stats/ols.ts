/**
 * Ordinary least squares with an intercept, y = b₀ + X·b + u, solved through the Cholesky
 * factor of the EQUILIBRATED Gram matrix G = D^(−½)·ZᵀZ·D^(−½) (Z = [1 | X], D = diag(ZᵀZ)),
 * with a conditioning check on G by its eigenvalues (Golub & Van Loan, "Matrix Computations"
 * 4th ed., §5.3 normal equations and §2.6.3 equilibration). Standard errors are classical
 * (σ̂² = RSS/(n − p)) or Newey-West HAC with Bartlett weights 1 − j/(L + 1) and no small-sample
 * correction (statsmodels `OLS.fit(cov_type="HAC", cov_kwds={"maxlags": L})`).
 */

import { cholesky } from '../linalg/cholesky.ts';
import { choleskySolve } from '../linalg/cholesky-solve.ts';
import { crossProduct } from '../linalg/cross-product.ts';
import { matrix, type Matrix } from '../linalg/matrix.ts';
import { symmetricEigen } from '../linalg/symmetric-eigen.ts';

/** Options of {@link olsWithIntercept}. */
export interface OlsOptions {
  /** Newey-West lags L (integer ≥ 0); omitted → classical standard errors. */
  readonly hacLags?: number;
  /** Largest accepted condition number λmax/λmin of the equilibrated Gram matrix (1e10). */
  readonly maxCondition?: number;
}

/** A fitted regression; index 0 of every coefficient vector is the intercept. */
export interface OlsFit {
  /** n observations and p = 1 + number of regressors. */
  readonly observations: number;
  readonly parameters: number;
  readonly coefficients: Float64Array;
  readonly standardErrors: Float64Array;
  /** coefficient / standard error (NaN when the standard error is 0 and the estimate 0). */
  readonly tStats: Float64Array;
  /** Covariance of the coefficients (p × p), classical or HAC. */
  readonly covariance: Matrix;
  readonly residuals: Float64Array;
  /** Residual sum of squares Σu². */
  readonly rss: number;
  /** Centered total sum of squares Σ(y − ȳ)². */
  readonly tss: number;
  /** 1 − RSS/TSS (NaN when y is constant). */
  readonly rSquared: number;
  /** 1 − (1 − R²)(n − 1)/(n − p). */
  readonly adjRSquared: number;
  /** σ̂² = RSS/(n − p) (statsmodels `mse_resid`); NaN when n = p. */
  readonly residualVariance: number;
  /** ((TSS − RSS)/(p − 1)) / σ̂² (statsmodels `fvalue`); NaN without regressors. */
  readonly fStatistic: number;
  /** Condition number of the equilibrated Gram matrix. */
  readonly condition: number;
}

/** Why no fit: fewer observations than parameters, or (near-)collinear design columns. */
export type OlsFailure =
  | { readonly reason: 'too-few-observations'; readonly observations: number }
  | {
      readonly reason: 'collinear';
      /** Design columns (0 = intercept, j + 1 = regressor j) in the near-null direction. */
      readonly columns: readonly number[];
      readonly condition: number;
    };

/** Outcome of {@link olsWithIntercept}: a fit, or a failure as data (never thrown). */
export type OlsResult =
  { readonly ok: true; readonly fit: OlsFit } | ({ readonly ok: false } & OlsFailure);

/** [1 | X] as an n × p matrix. */
function design(x: Matrix): Matrix {
  const n = x.rows;
  const p = x.cols + 1;
  const z = matrix(n, p);
  for (let t = 0; t < n; t++) {
    z.data[t * p] = 1;
    z.data.set(x.data.subarray(t * x.cols, (t + 1) * x.cols), t * p + 1);
  }
  return z;
}

/** Columns with a weight ≥ 0.1 in the eigenvector of the smallest eigenvalue. */
function nullDirection(vectors: Matrix): number[] {
  const p = vectors.rows;
  const columns: number[] = [];
  for (let i = 0; i < p; i++) if (Math.abs(vectors.data[i * p]!) >= 0.1) columns.push(i);
  return columns;
}

/** Inverse of ZᵀZ (p × p) and the scale vector, or a collinearity failure. */
function gramInverse(
  gram: Matrix,
  maxCondition: number,
): { ok: true; inverse: Matrix; condition: number } | ({ ok: false } & OlsFailure) {
  const p = gram.rows;
  const scale = Float64Array.from({ length: p }, (_, i) => gram.data[i * p + i]!);
  const zero = [...scale.keys()].filter((i) => !(scale[i]! > 0));
  if (zero.length > 0)
    return { ok: false, reason: 'collinear', columns: zero, condition: Infinity };
  const s = scale.map((v) => 1 / Math.sqrt(v));
  const g = matrix(p, p, gram.data);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) g.data[i * p + j]! *= s[i]! * s[j]!;
  const eig = symmetricEigen(g);
  const lo = eig.values[0]!;
  const condition = lo > 0 ? eig.values[p - 1]! / lo : Infinity;
  const factor = cholesky(g);
  if (!(condition <= maxCondition) || !factor.ok) {
    return { ok: false, reason: 'collinear', columns: nullDirection(eig.vectors), condition };
  }
  const inverse = matrix(p, p);
  for (let j = 0; j < p; j++) {
    const col = choleskySolve(
      factor.lower,
      Float64Array.from({ length: p }, (_, i) => +(i === j)),
    );
    for (let i = 0; i < p; i++) inverse.data[i * p + j] = s[i]! * col[i]! * s[j]!;
  }
  return { ok: true, inverse, condition };
}

/** Bartlett-weighted Newey-West "meat" Σ_t u_t²z_tz_tᵀ + Σ_j w_j Σ_t u_t u_{t−j}(z_t z_{t−j}ᵀ + ·ᵀ). */
function hacMeat(z: Matrix, u: Float64Array, lags: number): Matrix {
  const { rows: n, cols: p } = z;
  const meat = matrix(p, p);
  for (let lag = 0; lag <= Math.min(lags, n - 1); lag++) {
    const w = 1 - lag / (lags + 1);
    for (let t = lag; t < n; t++) {
      const uu = w * u[t]! * u[t - lag]!;
      for (let i = 0; i < p; i++) {
        const a = z.data[t * p + i]! * uu;
        const b = z.data[(t - lag) * p + i]! * uu;
        for (let j = 0; j < p; j++) {
          const add = a * z.data[(t - lag) * p + j]! + (lag > 0 ? b * z.data[t * p + j]! : 0);
          meat.data[i * p + j] = meat.data[i * p + j]! + add;
        }
      }
    }
  }
  return meat;
}

/** A·B·A for p × p matrices (the sandwich with a symmetric bread A). */
function sandwich(bread: Matrix, meat: Matrix): Matrix {
  const p = bread.rows;
  const tmp = matrix(p, p);
  const out = matrix(p, p);
  for (let i = 0; i < p; i++)
    for (let k = 0; k < p; k++)
      for (let j = 0; j < p; j++)
        tmp.data[i * p + j]! += bread.data[i * p + k]! * meat.data[k * p + j]!;
  for (let i = 0; i < p; i++)
    for (let k = 0; k < p; k++)
      for (let j = 0; j < p; j++)
        out.data[i * p + j]! += tmp.data[i * p + k]! * bread.data[k * p + j]!;
  return out;
}

/**
 * OLS of y (length n) on an intercept and the columns of X (n × m): p = m + 1 coefficients
 * β = (ZᵀZ)⁻¹Zᵀy. Classical covariance σ̂²(ZᵀZ)⁻¹, or Newey-West (ZᵀZ)⁻¹·S·(ZᵀZ)⁻¹ when
 * `hacLags` is given. Fails as data when n < p or the equilibrated Gram matrix has a condition
 * number above `maxCondition` (default 1e10, i.e. cond([1 | X]·D^(−½)) > 1e5) or is not
 * positive definite; the failure names the design columns of the near-null direction.
 * Throws RangeError on mismatched shapes. O(n·p² + p³).
 */
export function olsWithIntercept(
  x: Matrix,
  y: ArrayLike<number>,
  options: OlsOptions = {},
): OlsResult {
  const n = x.rows;
  if (y.length !== n) throw new RangeError(`olsWithIntercept: ${n} rows but ${y.length} values`);
  const p = x.cols + 1;
  if (n < p) return { ok: false, reason: 'too-few-observations', observations: n };
  const z = design(x);
  const inv = gramInverse(crossProduct(z), options.maxCondition ?? 1e10);
  if (!inv.ok) return inv;
  const zty = new Float64Array(p);
  for (let t = 0; t < n; t++) for (let i = 0; i < p; i++) zty[i]! += z.data[t * p + i]! * y[t]!;
  const beta = new Float64Array(p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) beta[i]! += inv.inverse.data[i * p + j]! * zty[j]!;
  const residuals = new Float64Array(n);
  let yMean = 0;
  for (let t = 0; t < n; t++) yMean += y[t]! / n;
  let rss = 0;
  let tss = 0;
  for (let t = 0; t < n; t++) {
    let fitted = 0;
    for (let i = 0; i < p; i++) fitted += z.data[t * p + i]! * beta[i]!;
    residuals[t] = y[t]! - fitted;
    rss += residuals[t]! ** 2;
    tss += (y[t]! - yMean) ** 2;
  }
  const dof = n - p;
  const residualVariance = dof > 0 ? rss / dof : NaN;
  const covariance =
    options.hacLags === undefined
      ? matrix(
          p,
          p,
          inv.inverse.data.map((v) => v * residualVariance),
        )
      : sandwich(inv.inverse, hacMeat(z, residuals, options.hacLags));
  const standardErrors = Float64Array.from({ length: p }, (_, i) =>
    Math.sqrt(covariance.data[i * p + i]!),
  );
  const rSquared = 1 - rss / tss;
  return {
    ok: true,
    fit: {
      observations: n,
      parameters: p,
      coefficients: beta,
      standardErrors,
      tStats: beta.map((b, i) => b / standardErrors[i]!),
      covariance,
      residuals,
      rss,
      tss,
      rSquared,
      adjRSquared: 1 - ((1 - rSquared) * (n - 1)) / dof,
      residualVariance,
      fStatistic: p > 1 ? (tss - rss) / (p - 1) / residualVariance : NaN,
      condition: inv.condition,
    },
  };
}

/**
 * GARCH(1,1) variance recursion and Gaussian (quasi-)log-likelihood (Bollerslev 1986,
 * "Generalized autoregressive conditional heteroskedasticity", J. Econometrics 31):
 *
 *   σ²_1 = σ²_init,  σ²_{t+1} = ω + α·e_t² + β·σ²_t,
 *   ℓ = −½ Σ_{t=1..n} [ln 2π + ln σ²_t + e_t²/σ²_t],
 *
 * with e_t the (de-meaned or raw) returns. The contributions are defined for any (ω, α, β)
 * that keep every σ²_t > 0 and finite — the constraint ω > 0, α, β ≥ 0, α+β < 1 is the
 * caller's business (the fit reparameterises; finite-difference Hessians step just outside).
 */

/** GARCH(1,1) coefficients: σ²_{t+1} = ω + α e_t² + β σ²_t (ω in the returns' units²). */
export interface GarchParameters {
  readonly omega: number;
  readonly alpha: number;
  readonly beta: number;
}

/** Residual series and the presample variance the recursion starts from. */
export interface GarchData {
  /** e_1 … e_n. */
  readonly residuals: Float64Array;
  /** σ²_1 (the fit uses the sample variance of the window). */
  readonly initialVariance: number;
}

const LN_2PI = Math.log(2 * Math.PI);

/** σ²_1 … σ²_{n+1} (length n + 1); the last entry is the one-step-ahead forecast. */
export function garchVariancePath(data: GarchData, params: GarchParameters): Float64Array {
  const e = data.residuals;
  const out = new Float64Array(e.length + 1);
  let v = data.initialVariance;
  for (let t = 0; t < e.length; t++) {
    out[t] = v;
    v = params.omega + params.alpha * e[t]! ** 2 + params.beta * v;
  }
  out[e.length] = v;
  return out;
}

/**
 * Per-observation log-likelihood contributions ℓ_t = −½[ln 2π + ln σ²_t + e_t²/σ²_t]
 * (length n). A non-positive or non-finite σ²_t gives −∞ for that and later terms.
 */
export function garchLogLikelihoodTerms(data: GarchData, params: GarchParameters): Float64Array {
  const e = data.residuals;
  const out = new Float64Array(e.length);
  let v = data.initialVariance;
  for (let t = 0; t < e.length; t++) {
    if (!(v > 0) || !Number.isFinite(v)) {
      out.fill(-Infinity, t);
      return out;
    }
    const e2 = e[t]! ** 2;
    out[t] = -0.5 * (LN_2PI + Math.log(v) + e2 / v);
    v = params.omega + params.alpha * e2 + params.beta * v;
  }
  return out;
}

/** Total Gaussian log-likelihood ℓ = Σ ℓ_t (−∞ when some σ²_t ≤ 0). */
export function garchLogLikelihood(data: GarchData, params: GarchParameters): number {
  const e = data.residuals;
  let v = data.initialVariance;
  let total = 0;
  for (let t = 0; t < e.length; t++) {
    if (!(v > 0) || !Number.isFinite(v)) return -Infinity;
    const e2 = e[t]! ** 2;
    total += Math.log(v) + e2 / v;
    v = params.omega + params.alpha * e2 + params.beta * v;
  }
  return -0.5 * (e.length * LN_2PI + total);
}

/**
 * Ex-ante risk decomposition of a portfolio w under a covariance Σ (n × n; the units of Σ —
 * per period or annualised — carry through to σ_p). Works the same for positions (weights,
 * asset covariance) and economic exposures (x = Eᵀw, exposure covariance).
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import { matvec } from '../../core/linalg/multiply.ts';
import { symmetricEigen } from '../../core/linalg/symmetric-eigen.ts';
import { invalidInput } from '../errors.ts';

/** The decomposition; risk shares may be negative for hedging positions. */
export interface RiskDecomposition {
  /** σ_p = √(wᵀΣw). */
  readonly volatility: number;
  /** Marginal contributions ∂σ_p/∂w_i = (Σw)_i/σ_p. */
  readonly marginal: Float64Array;
  /** Component contributions RC_i = w_i(Σw)_i/σ_p; Σ_i RC_i = σ_p (Euler). */
  readonly component: Float64Array;
  /** RC_i/σ_p, summing to 1. */
  readonly share: Float64Array;
  /** Diversification ratio Σ_i |w_i|σ_i / σ_p (Choueifaty & Coignard 2008). */
  readonly diversificationRatio: number;
  /** Meucci (2009) effective number of bets on principal components: exp(−Σ p_k ln p_k). */
  readonly effectiveBetsMeucci: number;
  /** Inverse Herfindahl of the risk shares, 1/Σ_i share_i². */
  readonly effectiveBetsRiskShares: number;
}

/**
 * Decomposes σ_p of `weights` under `covariance`. Throws `INVALID_INPUT` on a shape mismatch
 * or zero portfolio variance.
 */
export function decomposeRisk(weights: ArrayLike<number>, covariance: Matrix): RiskDecomposition {
  const n = weights.length;
  if (covariance.rows !== n || covariance.cols !== n)
    throw invalidInput('covariance', `${covariance.rows}×${covariance.cols}`, `must be ${n}×${n}`);
  const sigmaW = matvec(covariance, weights);
  let variance = 0;
  for (let i = 0; i < n; i++) variance += weights[i]! * sigmaW[i]!;
  if (!(variance > 0))
    throw invalidInput('weights', variance, 'portfolio variance must be positive');
  const volatility = Math.sqrt(variance);
  const marginal = sigmaW.map((v) => v / volatility);
  const component = marginal.map((m, i) => weights[i]! * m);
  const share = component.map((c) => c / volatility);
  let weightedVol = 0;
  for (let i = 0; i < n; i++)
    weightedVol += Math.abs(weights[i]!) * Math.sqrt(covariance.data[i * n + i]!);
  let herfindahl = 0;
  for (const s of share) herfindahl += s * s;
  return {
    volatility,
    marginal,
    component,
    share,
    diversificationRatio: weightedVol / volatility,
    effectiveBetsMeucci: effectiveBetsMeucci(weights, covariance),
    effectiveBetsRiskShares: 1 / herfindahl,
  };
}

/**
 * Meucci (2009, "Managing diversification", Risk 22(5)) effective number of bets with the
 * principal-component factors: Σ = EΛEᵀ, factor exposures ŵ = Eᵀw, variance shares
 * p_k = λ_k ŵ_k² / wᵀΣw, ENB = exp(−Σ_k p_k ln p_k) (terms with p_k = 0 omitted), 1 … n.
 */
export function effectiveBetsMeucci(weights: ArrayLike<number>, covariance: Matrix): number {
  const n = weights.length;
  const { values, vectors } = symmetricEigen(covariance);
  const contributions = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    let exposure = 0;
    for (let i = 0; i < n; i++) exposure += vectors.data[i * n + k]! * weights[i]!;
    contributions[k] = Math.max(0, values[k]!) * exposure * exposure;
    total += contributions[k]!;
  }
  let entropy = 0;
  for (const c of contributions) {
    const p = c / total;
    if (p > 0) entropy -= p * Math.log(p);
  }
  return Math.exp(entropy);
}

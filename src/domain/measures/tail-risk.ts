/**
 * Tail risk of a loss sample of equally likely scenarios or periods, shared by the analytics
 * (`analytics/value-at-risk.ts`: historical, Rockafellar-Uryasev) and the optimiser (the
 * min-CVaR LP of `optimize/scenario/cvar.ts` is checked against its own weights with it,
 * without trusting the solver's objective):
 *
 * - losses L_t = −r_tᵀw per scenario (per period, positive = loss);
 * - CVaR_α (Rockafellar & Uryasev 2000, "Optimization of conditional value-at-risk",
 *   J. Risk 2(3); Acerbi & Tasche 2002 for the fractional tail):
 *     CVaR_α = min_ζ ζ + (1/((1−α)T)) Σ_t max(L_t − ζ, 0)
 *            = (L_(1) + … + L_(⌊k⌋) + (k − ⌊k⌋)·L_(⌊k⌋+1)) / k,   k = (1 − α)T,
 *   with L_(1) ≥ L_(2) ≥ … the losses sorted from the worst: the mean of the worst k
 *   scenarios, counting the boundary scenario fractionally. This is the min-CVaR LP objective
 *   and equals `cvar_rockafellar_uryasev` of the peer references (fPortfolio `cvarRisk`); it
 *   differs from the historical tail mean of docs/conventions.md's risk measures, mean of L ≥ VaR.
 * - VaR_α = L_(⌊k⌋+1) when k is fractional, else L_(k) (the ζ the LP picks: a lower
 *   α-quantile of the losses).
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import { invalidInput } from '../errors.ts';

/** Checks 0 < α < 1 and returns it. Throws `INVALID_INPUT` naming `field`. */
export function checkConfidence(confidence: number, field = 'confidence'): number {
  if (!(confidence > 0 && confidence < 1))
    throw invalidInput(field, confidence, 'must be in (0, 1)');
  return confidence;
}

/** Portfolio return per scenario, R·w (length T) for the T × n `scenarios`. */
export function portfolioReturns(scenarios: Matrix, weights: ArrayLike<number>): Float64Array {
  const { rows, cols, data } = scenarios;
  const out = new Float64Array(rows);
  for (let t = 0; t < rows; t++) {
    let s = 0;
    for (let j = 0; j < cols; j++) s += data[t * cols + j]! * weights[j]!;
    out[t] = s;
  }
  return out;
}

/** Tail statistics of a loss sample. */
export interface TailRisk {
  /** VaR_α: the lower α-quantile of the losses (the LP's optimal ζ). */
  readonly valueAtRisk: number;
  /** CVaR_α in the fractional convention above. */
  readonly conditionalValueAtRisk: number;
}

/**
 * VaR_α and CVaR_α of `losses` (positive = loss, equally likely scenarios). Throws
 * `INVALID_INPUT` for an empty sample, α outside (0, 1) or a non-finite loss.
 */
export function tailRisk(losses: ArrayLike<number>, confidence: number): TailRisk {
  checkConfidence(confidence);
  const t = losses.length;
  if (t === 0) throw invalidInput('losses', t, 'needs at least one scenario');
  const sorted = Float64Array.from(losses).sort().reverse();
  for (const v of sorted)
    if (!Number.isFinite(v)) throw invalidInput('losses', v, 'must be finite');
  const k = (1 - confidence) * t;
  const whole = Math.floor(k);
  let sum = 0;
  for (let i = 0; i < whole; i++) sum += sorted[i]!;
  const fraction = k - whole;
  const boundary = sorted[Math.min(whole, t - 1)]!;
  sum += fraction * boundary;
  return {
    valueAtRisk: fraction > 0 || whole === 0 ? boundary : sorted[whole - 1]!,
    conditionalValueAtRisk: sum / k,
  };
}

/** CVaR_α (per period, positive = loss) of the portfolio `weights` over the T × n `scenarios`. */
export function scenarioCvar(
  scenarios: Matrix,
  weights: ArrayLike<number>,
  confidence: number,
): TailRisk {
  return tailRisk(
    portfolioReturns(scenarios, weights).map((r) => -r),
    confidence,
  );
}

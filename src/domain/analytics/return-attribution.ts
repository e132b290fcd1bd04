/**
 * Return attribution by position: per-period contributions c_{i,t} = w_{i,t−1}·r_{i,t} (the
 * weight at the START of period t times the position's return in t), which sum to the
 * portfolio return R_t = Σ_i c_{i,t}, and their multi-period linking with Carino's log
 * smoothing (Carino 1999, "Combining attribution effects over time", J. Performance
 * Measurement 3(4)) so the linked contributions add up to the compounded total Π(1 + R_t) − 1.
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import { invalidInput } from '../errors.ts';

/** Start-of-period weights and period returns, both T × n (rows = periods, oldest first). */
export interface AttributionInput {
  readonly weights: Matrix;
  readonly returns: Matrix;
}

/** Per-period contributions and the portfolio return they add up to. */
export interface PeriodAttribution {
  /** T × n: c_{i,t} = w_{i,t−1} r_{i,t}. */
  readonly contributions: Matrix;
  /** R_t = Σ_i c_{i,t} (length T). */
  readonly portfolioReturns: Float64Array;
}

/** Contributions per position and period. Throws `INVALID_INPUT` on mismatched shapes. */
export function periodContributions(input: AttributionInput): PeriodAttribution {
  const { weights, returns } = input;
  if (weights.rows !== returns.rows || weights.cols !== returns.cols)
    throw invalidInput(
      'weights',
      `${weights.rows}×${weights.cols}`,
      `must be ${returns.rows}×${returns.cols}`,
    );
  const { rows, cols } = returns;
  const data = new Float64Array(rows * cols);
  const total = new Float64Array(rows);
  for (let t = 0; t < rows; t++) {
    let s = 0;
    for (let i = 0; i < cols; i++) {
      const c = weights.data[t * cols + i]! * returns.data[t * cols + i]!;
      data[t * cols + i] = c;
      s += c;
    }
    total[t] = s;
  }
  return { contributions: { rows, cols, data }, portfolioReturns: total };
}

/**
 * Weights drifting with returns from `initial` (no rebalancing): w_{i,t} = w_{i,t−1}(1 + r_{i,t})
 * / (1 + R_t). Row t holds the START-of-period weights of period t (row 0 = `initial`).
 */
export function driftingWeights(initial: ArrayLike<number>, returns: Matrix): Matrix {
  const { rows, cols } = returns;
  const data = new Float64Array(rows * cols);
  const w = Float64Array.from(initial);
  for (let t = 0; t < rows; t++) {
    data.set(w, t * cols);
    let growth = 0;
    for (let i = 0; i < cols; i++) {
      w[i] = w[i]! * (1 + returns.data[t * cols + i]!);
      growth += w[i]!;
    }
    for (let i = 0; i < cols; i++) w[i] = w[i]! / growth;
  }
  return { rows, cols, data };
}

/** log(1 + x)/x, continuous at x = 0 (value 1). */
function carinoFactor(x: number): number {
  return Math.abs(x) < 1e-15 ? 1 : Math.log1p(x) / x;
}

/** Linked contributions over the whole horizon. */
export interface LinkedAttribution {
  /** Σ_t (k_t/K)·c_{i,t} per position; Σ_i equals `totalReturn`. */
  readonly linked: Float64Array;
  /** Π(1 + R_t) − 1. */
  readonly totalReturn: number;
  /** Carino per-period factors k_t = ln(1 + R_t)/R_t. */
  readonly periodFactors: Float64Array;
  /** K = ln(1 + R)/R. */
  readonly totalFactor: number;
}

/**
 * Carino linking: C_i = Σ_t (k_t / K) c_{i,t}, k_t = ln(1 + R_t)/R_t, K = ln(1 + R)/R (both 1
 * at a zero return). Σ_i C_i = Σ_t ln(1 + R_t)/K = R exactly in exact arithmetic. Throws
 * `INVALID_INPUT` when a period loses everything (R_t ≤ −1: the logarithm is undefined).
 */
export function linkCarino(attribution: PeriodAttribution): LinkedAttribution {
  const { contributions, portfolioReturns } = attribution;
  const { rows, cols } = contributions;
  let growth = 1;
  for (const r of portfolioReturns) {
    if (!(r > -1)) throw invalidInput('portfolioReturns', r, 'Carino linking needs every R_t > −1');
    growth *= 1 + r;
  }
  const totalReturn = growth - 1;
  const totalFactor = carinoFactor(totalReturn);
  const periodFactors = portfolioReturns.map(carinoFactor);
  const linked = new Float64Array(cols);
  for (let t = 0; t < rows; t++) {
    const scale = periodFactors[t]! / totalFactor;
    for (let i = 0; i < cols; i++)
      linked[i] = linked[i]! + scale * contributions.data[t * cols + i]!;
  }
  return { linked, totalReturn, periodFactors, totalFactor };
}

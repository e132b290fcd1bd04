/**
 * Two-state Gaussian Markov-switching model of a return series (Hamilton 1989):
 *
 *   y_t | s_t = j ~ N(μ_j, σ_j²),  P(s_t = j | s_{t−1} = i) = p_ij,  P(s_1 = j) = π_j.
 *
 * - **Hamilton filter**: ξ_{t|t−1} = Pᵀ ξ_{t−1|t−1} (ξ_{1|0} = π);
 *   ξ_{t|t} = ξ_{t|t−1} ∘ η_t / (1ᵀ(ξ_{t|t−1} ∘ η_t)) with η_t(j) = φ(y_t; μ_j, σ_j);
 *   log-likelihood Σ_t ln(1ᵀ(ξ_{t|t−1} ∘ η_t)) (densities handled in log space).
 * - **Kim smoother** (Kim 1994): ξ_{T|T} as filtered, then backwards
 *   ξ_{t|T}(i) = ξ_{t|t}(i) Σ_j p_ij ξ_{t+1|T}(j) / ξ_{t+1|t}(j).
 * - **EM (Baum–Welch)** fit: E-step = filter + smoother and the smoothed joint
 *   P(s_t = i, s_{t+1} = j | Y) = ξ_{t|t}(i) p_ij ξ_{t+1|T}(j) / ξ_{t+1|t}(j); M-step:
 *   μ_j = Σ ξ_{t|T}(j) y_t / Σ ξ_{t|T}(j), σ_j² = Σ ξ_{t|T}(j)(y_t − μ_j)² / Σ ξ_{t|T}(j),
 *   p_ij = Σ_{t<T} joint_t(i, j) / Σ_{t<T} ξ_{t|T}(i), π = ξ_{1|T}. Each step does not decrease
 *   the likelihood; iterate until the gain is below `tolerance` × (1 + |ln L|).
 *   Start: μ_0 = μ_1 = sample mean, σ_0 = ½ s, σ_1 = 2 s (s = sample sd), p_ii = 0.9, π = ½.
 *   Variances are floored at 1e-6 × the sample variance (a state collapsing onto one point
 *   would make the likelihood unbounded).
 * - States are labelled after fitting: state 0 = **calm** (lower σ), state 1 = **stressed**.
 *   Expected duration of state j = 1 / (1 − p_jj) periods.
 */

import { BallastError } from '../errors.ts';

/** A pair of per-state values: index 0 = calm, 1 = stressed (after fitting). */
export type Pair = readonly [number, number];

/** Parameters of the two-state model. */
export interface MarkovSwitchingParams {
  readonly means: Pair;
  /** Standard deviations per state (per period). */
  readonly vols: Pair;
  /** transition[i][j] = P(s_t = j | s_{t−1} = i); rows sum to 1. */
  readonly transition: readonly [Pair, Pair];
  /** P(s_1 = j) before the first observation. */
  readonly initial: Pair;
}

/** Output of {@link hamiltonFilter}. */
export interface FilterResult {
  /** ξ_{t|t−1} per t. */
  readonly predicted: readonly Pair[];
  /** ξ_{t|t} per t. */
  readonly filtered: readonly Pair[];
  readonly logLikelihood: number;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

function logDensity(y: number, mean: number, vol: number): number {
  const z = (y - mean) / vol;
  return -LOG_SQRT_2PI - Math.log(vol) - 0.5 * z * z;
}

/** Runs the Hamilton filter on `y` (formulas in the file header). */
export function hamiltonFilter(y: ArrayLike<number>, params: MarkovSwitchingParams): FilterResult {
  const predicted: Pair[] = [];
  const filtered: Pair[] = [];
  let logLikelihood = 0;
  let prior: Pair = params.initial;
  const p = params.transition;
  for (let t = 0; t < y.length; t++) {
    if (t > 0) {
      const f = filtered[t - 1]!;
      prior = [f[0] * p[0][0] + f[1] * p[1][0], f[0] * p[0][1] + f[1] * p[1][1]];
    }
    const l0 = logDensity(y[t]!, params.means[0], params.vols[0]);
    const l1 = logDensity(y[t]!, params.means[1], params.vols[1]);
    const m = Math.max(l0, l1);
    const a = prior[0] * Math.exp(l0 - m);
    const b = prior[1] * Math.exp(l1 - m);
    logLikelihood += m + Math.log(a + b);
    predicted.push(prior);
    filtered.push([a / (a + b), b / (a + b)]);
  }
  return { predicted, filtered, logLikelihood };
}

/** Kim smoother: ξ_{t|T} for every t from a filter run with the same parameters. */
export function kimSmoother(filter: FilterResult, params: MarkovSwitchingParams): Pair[] {
  const n = filter.filtered.length;
  const smoothed: Pair[] = new Array<Pair>(n);
  if (n === 0) return smoothed;
  smoothed[n - 1] = filter.filtered[n - 1]!;
  const p = params.transition;
  for (let t = n - 2; t >= 0; t--) {
    const next = smoothed[t + 1]!;
    const pred = filter.predicted[t + 1]!;
    const ratio: Pair = [pred[0] > 0 ? next[0] / pred[0] : 0, pred[1] > 0 ? next[1] / pred[1] : 0];
    const f = filter.filtered[t]!;
    const s0 = f[0] * (p[0][0] * ratio[0] + p[0][1] * ratio[1]);
    const s1 = f[1] * (p[1][0] * ratio[0] + p[1][1] * ratio[1]);
    smoothed[t] = [s0 / (s0 + s1), s1 / (s0 + s1)];
  }
  return smoothed;
}

/** Fitted model: parameters, probabilities and fit diagnostics. */
export interface MarkovSwitchingFit {
  readonly params: MarkovSwitchingParams;
  readonly filtered: readonly Pair[];
  readonly smoothed: readonly Pair[];
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** 1 / (1 − p_jj), periods. */
  readonly expectedDurations: Pair;
  /** Long-run share of each state: π_1 = (1 − p_00) / (2 − p_00 − p_11). */
  readonly ergodic: Pair;
}

function mStep(
  y: ArrayLike<number>,
  e: { filter: FilterResult; smoothed: readonly Pair[]; params: MarkovSwitchingParams },
  floor: number,
): MarkovSwitchingParams {
  const n = y.length;
  const w: [number, number] = [0, 0];
  const sum: [number, number] = [0, 0];
  for (let t = 0; t < n; t++)
    for (const j of [0, 1] as const) {
      w[j] += e.smoothed[t]![j];
      sum[j] += e.smoothed[t]![j] * y[t]!;
    }
  const means: Pair = [w[0] > 0 ? sum[0] / w[0] : 0, w[1] > 0 ? sum[1] / w[1] : 0];
  const ss: [number, number] = [0, 0];
  for (let t = 0; t < n; t++)
    for (const j of [0, 1] as const) ss[j] += e.smoothed[t]![j] * (y[t]! - means[j]) ** 2;
  const vols: Pair = [
    Math.sqrt(Math.max(w[0] > 0 ? ss[0] / w[0] : floor, floor)),
    Math.sqrt(Math.max(w[1] > 0 ? ss[1] / w[1] : floor, floor)),
  ];
  const joint = [
    [0, 0],
    [0, 0],
  ];
  const p = e.params.transition;
  for (let t = 0; t < n - 1; t++) {
    const f = e.filter.filtered[t]!;
    const pred = e.filter.predicted[t + 1]!;
    const next = e.smoothed[t + 1]!;
    for (const i of [0, 1] as const)
      for (const j of [0, 1] as const)
        if (pred[j] > 0) joint[i]![j]! += (f[i] * p[i][j] * next[j]) / pred[j];
  }
  const row = (i: 0 | 1): Pair => {
    const total = joint[i]![0]! + joint[i]![1]!;
    return total > 0 ? [joint[i]![0]! / total, joint[i]![1]! / total] : p[i];
  };
  return { means, vols, transition: [row(0), row(1)], initial: e.smoothed[0]! };
}

function swapStates(p: MarkovSwitchingParams): MarkovSwitchingParams {
  const t = p.transition;
  return {
    means: [p.means[1], p.means[0]],
    vols: [p.vols[1], p.vols[0]],
    transition: [
      [t[1][1], t[1][0]],
      [t[0][1], t[0][0]],
    ],
    initial: [p.initial[1], p.initial[0]],
  };
}

/**
 * Fits the model to `y` by EM (header). Needs at least 20 observations (INSUFFICIENT_DATA)
 * with a positive sample variance (INVALID_INPUT). `converged: false` when `maxIterations`
 * (default 1000) ran out before the gain fell below `tolerance` (default 1e-10).
 */
export function fitMarkovSwitching(
  y: ArrayLike<number>,
  options: { maxIterations?: number; tolerance?: number } = {},
): MarkovSwitchingFit {
  const n = y.length;
  if (n < 20)
    throw new BallastError('INSUFFICIENT_DATA', `Markov switching needs ≥ 20 returns (got ${n})`, {
      count: n,
    });
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t]! / n;
  let variance = 0;
  for (let t = 0; t < n; t++) variance += (y[t]! - mean) ** 2 / (n - 1);
  const constant = Array.prototype.every.call(y, (v: number) => v === y[0]);
  if (constant || !(variance > 0) || !Number.isFinite(variance))
    throw new BallastError(
      'INVALID_INPUT',
      'returns: zero or non-finite variance, no regimes to find',
      { variance },
    );
  const sd = Math.sqrt(variance);
  let params: MarkovSwitchingParams = {
    means: [mean, mean],
    vols: [0.5 * sd, 2 * sd],
    transition: [
      [0.9, 0.1],
      [0.1, 0.9],
    ],
    initial: [0.5, 0.5],
  };
  const maxIterations = options.maxIterations ?? 1000;
  const tolerance = options.tolerance ?? 1e-10;
  let filter = hamiltonFilter(y, params);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    const smoothed = kimSmoother(filter, params);
    params = mStep(y, { filter, smoothed, params }, 1e-6 * variance);
    const next = hamiltonFilter(y, params);
    iterations += 1;
    const gain = next.logLikelihood - filter.logLikelihood;
    filter = next;
    if (Math.abs(gain) < tolerance * (1 + Math.abs(next.logLikelihood))) {
      converged = true;
      break;
    }
  }
  if (params.vols[0] > params.vols[1]) {
    params = swapStates(params);
    filter = hamiltonFilter(y, params);
  }
  const p00 = params.transition[0][0];
  const p11 = params.transition[1][1];
  const stay = 2 - p00 - p11;
  return {
    params,
    filtered: filter.filtered,
    smoothed: kimSmoother(filter, params),
    logLikelihood: filter.logLikelihood,
    iterations,
    converged,
    expectedDurations: [1 / (1 - p00), 1 / (1 - p11)],
    ergodic: stay > 0 ? [(1 - p11) / stay, (1 - p00) / stay] : [0.5, 0.5],
  };
}

/**
 * The value a rebalance trades to, net of its own costs (docs/backtest.md, "Rebalancing"):
 *
 *   V′ = V − k · Σᵢ |wᵢ · V′ − hᵢ|
 *
 * with V the value before trading (cash included), wᵢ the targets, hᵢ the money held in asset
 * i and k the cost per unit traded. Written as a root of
 *
 *   g(x) = x + k · Σᵢ |wᵢ x − hᵢ| − V,
 *
 * g is convex and piecewise linear (kinks at x = hᵢ / wᵢ) with slopes in
 * [1 − k Σ|wᵢ|, 1 + k Σ|wᵢ|]. When k Σ|wᵢ| < 1 every slope is positive, so g is strictly
 * increasing and the root is unique; g(V) = k Σ|wᵢ V − hᵢ| ≥ 0 puts it at or below V.
 *
 * Solved exactly by Newton's method from x₀ = V with the LEFT slope of each piece: the left
 * slope is a subgradient, so the tangent stays below the convex g on x ≤ xₙ, its zero xₙ₊₁
 * satisfies g(xₙ₊₁) ≥ 0, i.e. xₙ₊₁ ≥ x*; the iterates decrease monotonically to the root and
 * each step either lands on it (the root's piece is linear) or passes at least one kink. So it
 * ends after at most n + 1 steps, exact up to rounding. (The plain fixed-point iteration
 * x ← V − k Σ|wᵢ x − hᵢ| converges too — a contraction with factor k Σ|wᵢ| — but only
 * geometrically.)
 */

import { invalidInput } from '../errors.ts';

/** Inputs of {@link netRebalanceValue}. */
export interface NetValueProblem {
  /** Value before the rebalance, cash included (> 0). */
  readonly value: number;
  /** Target weights wᵢ. */
  readonly targets: ArrayLike<number>;
  /** Money held in each asset before trading, hᵢ = qᵢ pᵢ. */
  readonly holdings: ArrayLike<number>;
  /** Cost per unit of traded value k ≥ 0 (10 bps = 0.001). */
  readonly costRate: number;
}

/** k Σ|wᵢ|: below 1 the net value exists and is unique (module comment). */
export function costLoad(targets: ArrayLike<number>, costRate: number): number {
  let s = 0;
  for (let i = 0; i < targets.length; i++) s += Math.abs(targets[i]!);
  return costRate * s;
}

/**
 * The unique V′ with V′ = V − k Σ|wᵢ V′ − hᵢ| (module comment). V′ = V when k = 0. It is
 * positive exactly when V > k Σ|hᵢ| (the cost of selling everything); the caller checks that.
 *
 * @throws BallastError INVALID_INPUT (`costBps`) when k Σ|wᵢ| ≥ 1: costs so high that no
 *   value trades to the targets.
 * @example
 * // V = 100, all cash, target 1.0 in one asset, 1 % cost: V′ = 100 − 0.01 V′ → 99.00990099…
 * netRebalanceValue({ value: 100, targets: [1], holdings: [0], costRate: 0.01 });
 */
export function netRebalanceValue(problem: NetValueProblem): number {
  const { value: v, targets: w, holdings: h, costRate: k } = problem;
  if (k === 0) return v;
  if (!(costLoad(w, k) < 1))
    throw invalidInput(
      'costBps',
      k * 10_000,
      `costs times the gross target weight (${costLoad(w, k)}) must stay below 1`,
    );
  let x = v;
  for (let step = 0; step <= w.length + 1; step++) {
    let g = x - v;
    let slope = 1;
    for (let i = 0; i < w.length; i++) {
      const wi = w[i]!;
      const d = wi * x - h[i]!;
      g += k * Math.abs(d);
      slope += k * (d > 0 ? wi : d < 0 ? -wi : -Math.abs(wi));
    }
    if (g <= 0) return x;
    const next = x - g / slope;
    if (!(next < x)) return x;
    x = next;
  }
  return x;
}

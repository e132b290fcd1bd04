/**
 * Fixed per-trade costs as linear rows with binary trade indicators z_i (one per asset with a
 * fixed cost F_i > 0), against current weights w0 and weight bounds l ≤ w ≤ u:
 *
 *   w_i − M⁺_i z_i ≤ w0_i   (row `fixedCost:up:i`),    M⁺_i = max(u_i − w0_i, 0)
 *   w_i + M⁻_i z_i ≥ w0_i   (row `fixedCost:down:i`),  M⁻_i = max(w0_i − l_i, 0)
 *   z_i ∈ {0, 1}, annual return coefficient −F_i (charged once, like proportional costs)
 *
 * so z_i = 0 holds w_i at w0_i and z_i = 1 frees it within its bounds (big-M from the bounds:
 * the tightest valid M). Standard formulation, e.g. Mansini, Ogryczak & Speranza, "Linear and
 * Mixed Integer Programming for Portfolio Optimization" (2015), §4.2 (fixed transaction costs).
 *
 * With a trade pattern (one boolean per asset) the z_i are fixed instead — 1 (trade allowed,
 * cost paid) or 0 (weight held at w0_i through its bounds) — and the model is continuous: the
 * subproblem solved per pattern by the QP search and by the MILP's final LP re-solve.
 */

import { invalidInput } from '../../errors.ts';
import type { ModelBuilder } from '../../../core/solvers/model-builder.ts';
import type { TurnoverConstraint } from '../constraints.ts';

/** One fixed-cost trade indicator: the asset (weight variable) and its binary variable. */
export interface FixedCostTrade {
  readonly asset: number;
  readonly binary: number;
  readonly current: number;
  readonly cost: number;
}

/** Per-asset fixed costs F (all 0 when none); INVALID_INPUT unless finite and ≥ 0. */
export function fixedCosts(turnover: TurnoverConstraint | undefined, n: number): Float64Array {
  const f = turnover?.fixedCost;
  if (f === undefined) return new Float64Array(n);
  const values = typeof f === 'number' ? new Array<number>(n).fill(f) : f;
  if (values.length !== n || !values.every((v) => Number.isFinite(v) && v >= 0)) {
    throw invalidInput('constraints.turnover.fixedCost', f, `needs ${n} finite values ≥ 0`);
  }
  return Float64Array.from(values);
}

/** True when some asset has a positive fixed cost. */
export function hasFixedCosts(turnover: TurnoverConstraint | undefined): boolean {
  const f = turnover?.fixedCost;
  if (f === undefined) return false;
  return typeof f === 'number' ? f > 0 : f.some((v) => v > 0);
}

/**
 * Adds the rows and variables of the module comment for every asset with F_i > 0 and returns
 * the indicators. `pattern[i]` (when given) fixes z_i: true = 1, false = 0 with w_i fixed at
 * w0_i. Throws INVALID_INPUT for an infinite weight bound on such an asset (no big-M).
 */
export function addFixedCosts(
  builder: ModelBuilder,
  spec: {
    readonly turnover: TurnoverConstraint;
    readonly lower: Float64Array;
    readonly upper: Float64Array;
    readonly aux: Map<number, number>;
    readonly pattern?: readonly boolean[];
  },
): FixedCostTrade[] {
  const n = spec.lower.length;
  const costs = fixedCosts(spec.turnover, n);
  const w0 = spec.turnover.currentWeights;
  if (spec.pattern !== undefined && spec.pattern.length !== n) {
    throw invalidInput('tradePattern', spec.pattern.length, `needs ${n} values`);
  }
  const trades: FixedCostTrade[] = [];
  for (let i = 0; i < n; i++) {
    const cost = costs[i]!;
    if (cost === 0) continue;
    const l = spec.lower[i]!;
    const u = spec.upper[i]!;
    if (!Number.isFinite(l) || !Number.isFinite(u)) {
      throw invalidInput(
        `turnover.fixedCost[${i}]`,
        [l, u],
        'fixed costs need finite weight bounds (big-M)',
      );
    }
    const fixed = spec.pattern?.[i];
    const z = builder.addVariables({
      names: [`fixedTrade:${i}`],
      lower: fixed === true ? 1 : 0,
      upper: fixed === false ? 0 : 1,
      integer: fixed === undefined,
    });
    const current = w0[i]!;
    if (fixed === false) builder.tightenBounds(i, { lower: current, upper: current });
    builder.addRow({
      name: `fixedCost:up:${i}`,
      indices: [i, z],
      values: [1, -Math.max(u - current, 0)],
      lower: -Infinity,
      upper: current,
    });
    builder.addRow({
      name: `fixedCost:down:${i}`,
      indices: [i, z],
      values: [1, Math.max(current - l, 0)],
      lower: current,
      upper: Infinity,
    });
    spec.aux.set(z, -cost);
    trades.push({ asset: i, binary: z, current, cost });
  }
  return trades;
}

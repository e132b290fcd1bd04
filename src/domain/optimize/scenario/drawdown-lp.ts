/**
 * The drawdown linear programs (Chekhlov, Uryasev & Zabarankin 2005, "Drawdown measure in
 * portfolio optimization", Int. J. Theor. Appl. Finance 8(1), §4; Riskfolio-Lib `CDaR`/`MDD`)
 * on cumulative uncompounded portfolio returns c_t(w) = Σ_{s≤t} r_sᵀw (c_0 = 0):
 *
 *   u_t ≥ u_{t−1}, u_0 = 0, u_t ≥ 0          running peak (the optimum makes u_t = max_{s≤t} c_s ∨ 0)
 *   d_t = u_t − c_t(w) ≥ 0                     drawdown (d_t ≥ 0 ⇔ u_t ≥ c_t)
 *   CDaR_α = min_ζ ζ + 1/((1−α)T) Σ z_t,  z_t ≥ d_t − ζ, z_t ≥ 0
 *   MaxDD  = max_t d_t ≤ ν
 *
 * Variables after the portfolio model: u (T), d (T), ζ, z (T), ν. One dense row per period
 * (the definition of d_t), the rest has two or three entries a row. The drawdowns of a fixed
 * portfolio (to check a solution) are `uncompoundedDrawdowns` of `measures/drawdown.ts`.
 */

import { CsrBuilder, extend } from '../../../core/solvers/csr-builder.ts';
import { pushScenarioReturn } from './scenario-lp.ts';
import type { SparseConstraints } from '../../../core/solvers/types.ts';
import type { Matrix } from '../../../core/linalg/matrix.ts';

/** Column indices of the drawdown block (first index of each T-long group). */
export interface DrawdownLayout {
  readonly peak: number;
  readonly drawdown: number;
  readonly zeta: number;
  readonly tail: number;
  readonly maxDrawdown: number;
  /** Total number of variables (model + block). */
  readonly variableCount: number;
}

/** The rows and bounds of the drawdown block appended to a model with `base` variables. */
export interface DrawdownBlock {
  readonly layout: DrawdownLayout;
  readonly rows: SparseConstraints;
  /** Bounds of the appended variables (length variableCount − base). */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/** Options of {@link drawdownBlock}. */
export interface DrawdownBlockSpec {
  readonly scenarios: Matrix;
  /** Variables of the portfolio model (weights first). */
  readonly base: number;
  /** Per-period return of cash variables (index → return). */
  readonly cash: ReadonlyMap<number, number>;
  /** α of the CDaR tail (weights 1/((1−α)T) of the `cdar` row). */
  readonly confidence: number;
  /** Upper limit on the CDaR row (omit: free). */
  readonly maxCdar?: number;
}

/**
 * Drawdown variables and rows: d_t − u_t + C_tᵀw = 0 (C_t = Σ_{s≤t} r_s, cash accrues t·ρ),
 * u_t − u_{t−1} ≥ 0, z_t − d_t + ζ ≥ 0, ν − d_t ≥ 0, and the CDaR row
 * ζ + Σz/((1−α)T) − … ≤ `maxCdar` (last row; free when no limit). Bounds: u, d, z ≥ 0; ζ, ν free.
 */
export function drawdownBlock(spec: DrawdownBlockSpec): DrawdownBlock {
  const { scenarios, base, cash } = spec;
  const t = scenarios.rows;
  const n = scenarios.cols;
  const layout: DrawdownLayout = {
    peak: base,
    drawdown: base + t,
    zeta: base + 2 * t,
    tail: base + 2 * t + 1,
    maxDrawdown: base + 3 * t + 1,
    variableCount: base + 3 * t + 2,
  };
  const block = new CsrBuilder(t * (n + cash.size + 10));
  const cumulative = new Float64Array(n);
  const cumulativeCash = new Map([...cash.keys()].map((j) => [j, 0]));
  for (let s = 0; s < t; s++) {
    for (let j = 0; j < n; j++) cumulative[j] = cumulative[j]! + scenarios.data[s * n + j]!;
    for (const [j, rho] of cash) cumulativeCash.set(j, cumulativeCash.get(j)! + rho);
    pushScenarioReturn(block, {
      scenarios: { rows: 1, cols: n, data: cumulative },
      t: 0,
      cash: cumulativeCash,
    });
    block.push(layout.drawdown + s, 1);
    block.push(layout.peak + s, -1);
    block.endRow(0, 0);
  }
  for (let s = 1; s < t; s++) {
    block.push(layout.peak + s, 1);
    block.push(layout.peak + s - 1, -1);
    block.endRow(0, Infinity);
  }
  for (let s = 0; s < t; s++) {
    block.push(layout.tail + s, 1);
    block.push(layout.drawdown + s, -1);
    block.push(layout.zeta, 1);
    block.endRow(0, Infinity);
    block.push(layout.maxDrawdown, 1);
    block.push(layout.drawdown + s, -1);
    block.endRow(0, Infinity);
  }
  block.push(layout.zeta, 1);
  const w = 1 / ((1 - spec.confidence) * t);
  for (let s = 0; s < t; s++) block.push(layout.tail + s, w);
  block.endRow(-Infinity, spec.maxCdar ?? Infinity);
  const extra = layout.variableCount - base;
  const lower = new Float64Array(extra);
  lower[2 * t] = -Infinity;
  lower[extra - 1] = -Infinity;
  return { layout, rows: block.build(), lower, upper: new Float64Array(extra).fill(Infinity) };
}

/** `base` bounds followed by the block's (helper for assembling the problem). */
export function withBlockBounds(
  base: { lower: Float64Array; upper: Float64Array },
  block: DrawdownBlock,
): { lower: Float64Array; upper: Float64Array } {
  return { lower: extend(base.lower, block.lower), upper: extend(base.upper, block.upper) };
}

/**
 * The portfolio constraint builder: turns {@link PortfolioConstraints} into a linear model over
 * the asset weights w (variables 0…n−1) plus auxiliary variables, ready for any objective.
 *
 * Layout and formulations (all exact linear reformulations, no approximation):
 * - weights w_i with bounds l_i ≤ w_i ≤ u_i (default 0…1, −1…1 for long-short);
 * - budget: Σw = 1, or a cash line Σw + c⁺ − c⁻ = 1 with c⁺, c⁻ ≥ 0 (c⁻ ≤ maxBorrow,
 *   c⁺ ≤ maxCash) returning rf·c⁺ − (rf + spread)·c⁻;
 * - gross Σ|w| ≤ G: t_i ≥ ±w_i for assets that may go short (|w_i| = w_i otherwise);
 *   net: netMin ≤ Σw ≤ netMax;
 * - groups: min ≤ Σ coef_a·w_a ≤ max;
 * - exposures x = Eᵀw: per-exposure and per-category limits as rows; gross economic leverage
 *   Σ_k |x_k| ≤ G with s_k ≥ ±x_k unless the sign of x_k is fixed by the weight bounds;
 * - turnover: d_i ≥ ±(w_i − w0_i), Σd ≤ T, costs −κ_i·d_i in the return vector;
 * - fixed costs: binaries z_i with big-M rows, −F_i·z_i in the return vector
 *   (`fixed-cost-rows.ts`); integer variables only for callers that solve a MILP.
 * The tracking-error limit is quadratic and never part of this linear model: callers that
 * handle it (`mean-variance/tracking-error-limit.ts`) say so, any other caller gets
 * INVALID_INPUT (which objectives accept which constraint: `capabilities.ts`).
 * Constraint names (rows) are stable and appear in `check.ts`'s report.
 */

import { invalidInput } from '../../errors.ts';
import { addAbsoluteSumCap } from './abs-sum.ts';
import { addFixedCosts, hasFixedCosts, type FixedCostTrade } from './fixed-cost-rows.ts';
import { ModelBuilder } from '../../../core/solvers/model-builder.ts';
import { addExposureRows, addGroupRows, addTurnover } from './rows.ts';
import type { PortfolioConstraints } from '../constraints.ts';

/** A portfolio model under construction; objectives add their terms and solve it. */
export interface PortfolioModel {
  readonly builder: ModelBuilder;
  readonly assets: readonly string[];
  /** Resolved per-asset bounds. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Cash line variables (lend = c⁺, borrow = c⁻) when the budget is a cash line. */
  readonly cash?: { readonly lend: number; readonly borrow: number };
  /** Annual return coefficient of auxiliary variables (cash, costs), by variable index. */
  readonly auxiliaryReturns: ReadonlyMap<number, number>;
  /** Index of the budget row. */
  readonly budgetRow: number;
  /** The constraints the model was built from (for checking). */
  readonly constraints: PortfolioConstraints;
  /** Fixed-cost trade indicators (empty without fixed costs). */
  readonly fixedCostTrades: readonly FixedCostTrade[];
}

/** What the caller of {@link buildPortfolioModel} handles beyond the linear model. */
export interface ModelSupport {
  /** The caller enforces `constraints.trackingError` itself. */
  readonly trackingError?: boolean;
  /** The caller solves integer variables (MILP) — needed for fixed costs without a pattern. */
  readonly integers?: boolean;
}

function perAsset(
  value: number | readonly number[] | undefined,
  spec: { readonly n: number; readonly fallback: number; readonly field: string },
): Float64Array {
  if (value === undefined) return new Float64Array(spec.n).fill(spec.fallback);
  if (typeof value === 'number') return new Float64Array(spec.n).fill(value);
  if (value.length !== spec.n) throw invalidInput(spec.field, value, `needs ${spec.n} values`);
  return Float64Array.from(value);
}

/** Resolved per-asset weight bounds (defaults: long-only 0…1, long-short −1…1). */
export function weightBounds(
  n: number,
  constraints: PortfolioConstraints,
): { lower: Float64Array; upper: Float64Array } {
  const shortable = constraints.longShort !== undefined;
  return {
    lower: perAsset(constraints.minWeight, {
      n,
      fallback: shortable ? -1 : 0,
      field: 'constraints.minWeight',
    }),
    upper: perAsset(constraints.maxWeight, { n, fallback: 1, field: 'constraints.maxWeight' }),
  };
}

const range = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i);

function addBudget(
  model: { builder: ModelBuilder; n: number; aux: Map<number, number> },
  spec: { constraints: PortfolioConstraints; riskFreeRateAnnual: number },
): { budgetRow: number; cash?: { lend: number; borrow: number } } {
  const { builder, n, aux } = model;
  const budget = spec.constraints.budget ?? { kind: 'fullyInvested' };
  const ones = new Float64Array(n).fill(1);
  if (budget.kind === 'fullyInvested') {
    const row = { name: 'budget', indices: range(n), values: ones, lower: 1, upper: 1 };
    return { budgetRow: builder.addRow(row) };
  }
  const lend = builder.addVariables({ names: ['cash'], upper: budget.maxCash ?? Infinity });
  const borrow = builder.addVariables({
    names: ['borrowing'],
    upper: budget.maxBorrow ?? Infinity,
  });
  aux.set(lend, spec.riskFreeRateAnnual);
  aux.set(borrow, -(spec.riskFreeRateAnnual + budget.borrowSpreadAnnual));
  const budgetRow = builder.addRow({
    name: 'budget',
    indices: [...range(n), lend, borrow],
    values: [...ones, 1, -1],
    lower: 1,
    upper: 1,
  });
  return { budgetRow, cash: { lend, borrow } };
}

/** Unit vector forms e_i for the gross Σ|w_i| cap. */
function unitForms(n: number): Float64Array[] {
  return range(n).map((i) => {
    const f = new Float64Array(n);
    f[i] = 1;
    return f;
  });
}

function addLongShort(
  pm: { builder: ModelBuilder; lower: Float64Array; upper: Float64Array },
  c: PortfolioConstraints,
): void {
  const ls = c.longShort;
  if (ls === undefined) return;
  const n = pm.lower.length;
  if (ls.grossMax !== undefined) {
    addAbsoluteSumCap(pm.builder, {
      name: 'gross',
      forms: unitForms(n),
      lower: pm.lower,
      upper: pm.upper,
      cap: ls.grossMax,
    });
  }
  if (ls.netMin !== undefined || ls.netMax !== undefined) {
    pm.builder.addRow({
      name: 'net',
      indices: range(n),
      values: new Float64Array(n).fill(1),
      lower: ls.netMin ?? -Infinity,
      upper: ls.netMax ?? Infinity,
    });
  }
}

/**
 * Builds the linear model of `constraints` over `assets` (weights at variables 0…n−1).
 * Throws INVALID_INPUT (BallastError) for malformed specs: wrong lengths, unknown asset or
 * exposure names, non-finite numbers, and for a tracking-error limit or fixed costs the caller
 * does not handle (`support`; fixed costs with a `tradePattern` need no integers).
 * Infeasibility is left to the solver.
 */
export function buildPortfolioModel(spec: {
  readonly assets: readonly string[];
  readonly constraints?: PortfolioConstraints;
  readonly riskFreeRateAnnual: number;
  readonly support?: ModelSupport;
  /** Fixed-cost trade decisions (one per asset): see `fixed-cost-rows.ts`. */
  readonly tradePattern?: readonly boolean[];
}): PortfolioModel {
  const constraints = spec.constraints ?? {};
  const n = spec.assets.length;
  if (constraints.trackingError !== undefined && spec.support?.trackingError !== true) {
    throw invalidInput(
      'constraints.trackingError',
      constraints.trackingError.maxAnnual,
      'a tracking-error limit needs the mean-variance tracking-error path (see capabilities.ts)',
    );
  }
  const fixed = hasFixedCosts(constraints.turnover);
  if (fixed && spec.tradePattern === undefined && spec.support?.integers !== true) {
    throw invalidInput(
      'constraints.turnover.fixedCost',
      constraints.turnover?.fixedCost,
      'fixed trade costs need a MILP or a trade pattern (see capabilities.ts)',
    );
  }
  const { lower, upper } = weightBounds(n, constraints);
  const builder = new ModelBuilder();
  builder.addVariables({ names: spec.assets, lower, upper });
  const aux = new Map<number, number>();
  const { budgetRow, cash } = addBudget(
    { builder, n, aux },
    { constraints, riskFreeRateAnnual: spec.riskFreeRateAnnual },
  );
  addLongShort({ builder, lower, upper }, constraints);
  addGroupRows(builder, { assets: spec.assets, groups: constraints.groups ?? [] });
  if (constraints.exposures !== undefined) {
    addExposureRows(builder, { exposures: constraints.exposures, lower, upper });
  }
  if (constraints.turnover !== undefined)
    addTurnover(builder, { turnover: constraints.turnover, n, aux });
  const fixedCostTrades =
    fixed && constraints.turnover !== undefined
      ? addFixedCosts(builder, {
          turnover: constraints.turnover,
          lower,
          upper,
          aux,
          ...(spec.tradePattern === undefined ? {} : { pattern: spec.tradePattern }),
        })
      : [];
  return {
    builder,
    assets: spec.assets,
    lower,
    upper,
    ...(cash === undefined ? {} : { cash }),
    auxiliaryReturns: aux,
    budgetRow,
    constraints,
    fixedCostTrades,
  };
}

/** The annual return coefficient of every variable: μ on weights, auxiliary returns elsewhere. */
export function returnCoefficients(
  model: PortfolioModel,
  spec: { readonly mu: Float64Array; readonly variableCount: number },
): Float64Array {
  const r = new Float64Array(spec.variableCount);
  r.set(spec.mu);
  for (const [j, v] of model.auxiliaryReturns) r[j] = v;
  return r;
}

/** Adds the row rᵀz ≥ target (`targetReturn`) to the portfolio model. */
export function addTargetReturnRow(
  pm: PortfolioModel,
  spec: { readonly mu: Float64Array; readonly targetReturnAnnual: number },
): void {
  const r = returnCoefficients(pm, { mu: spec.mu, variableCount: pm.builder.variableCount });
  const indices = [...r.keys()].filter((j) => r[j] !== 0);
  pm.builder.addRow({
    name: 'targetReturn',
    indices,
    values: indices.map((j) => r[j]!),
    lower: spec.targetReturnAnnual,
    upper: Infinity,
  });
}

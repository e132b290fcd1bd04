/**
 * The stage-2 QP as a {@link SolverProblem}. With shifted exposure rows E' and target t' (see
 * `setup.ts`), the tracking variance is
 *   (E'ᵀw − t')ᵀ Σ (E'ᵀw − t') = ½ wᵀ H w + cᵀw + t'ᵀΣt',  H = 2·E'ΣE'ᵀ,  c = −2·E'Σt'.
 * Variables: positions w (first, the only ones in H), then auxiliaries: t ≥ |w| for positions
 * that may be short (notional cap, holding costs), d_f ≥ |W_f − W⁰_f| (transaction costs),
 * b_a ≥ 0 borrowing per account. Rows: account budgets Σ_f w_fa − b_a ≤ v_a, total borrowing,
 * notional cap, fund-total bounds when a fund sits in several accounts. Costs are linear terms
 * in return units added to the variance (PyPortfolioOpt's `transaction_cost` convention).
 */

import { matrix } from '../../../core/linalg/matrix.ts';
import type { SolverProblem } from '../../../core/solvers/types.ts';
import { invalidInput } from '../../errors.ts';
import { ModelBuilder, type LinearModel } from '../../../core/solvers/model-builder.ts';
import { trackingQuadratic } from './quadratic.ts';
import type { MappingSetup } from './setup.ts';
import type { FundBounds, FundMappingOptions } from './types.ts';

/** Bounds that replace a position's own (the minimum-position heuristic's decisions). */
export type PositionOverrides = ReadonlyMap<
  number,
  { readonly lower: number; readonly upper: number }
>;

/** The built problem: objective = ½xᵀHx + cᵀx + `constant`. */
export interface MappingModel {
  readonly problem: SolverProblem;
  readonly model: LinearModel;
  readonly constant: number;
}

/** A per-fund rate from a number (all funds) or a table (missing = 0); must be finite ≥ 0. */
export function rateFor(
  spec: number | Readonly<Record<string, number>> | undefined,
  fund: string,
  field: string,
): number {
  const rate = typeof spec === 'number' ? spec : (spec?.[fund] ?? 0);
  if (!Number.isFinite(rate) || rate < 0)
    throw invalidInput(field, rate, 'must be a finite rate ≥ 0');
  return rate;
}

/** Fund-total bounds from the options (defaults [0, +∞)); lower ≤ upper, else INVALID_INPUT. */
export function fundBounds(options: FundMappingOptions, fund: string): Required<FundBounds> {
  const b = Object.entries(options.bounds ?? {}).find(
    ([f]) => f.trim().toUpperCase() === fund,
  )?.[1];
  const lower = b?.lower ?? 0;
  const upper = b?.upper ?? Infinity;
  if (Number.isNaN(lower) || Number.isNaN(upper) || lower > upper) {
    throw invalidInput(`bounds.${fund}`, { lower, upper }, 'needs lower ≤ upper');
  }
  return { lower, upper };
}

/** The builder and the linear objective being assembled (one entry per variable). */
interface Assembly {
  readonly builder: ModelBuilder;
  readonly linear: number[];
  readonly setup: MappingSetup;
  readonly options: FundMappingOptions;
}

function addVariable(asm: Assembly, name: string, spec: { cost: number; upper?: number }): number {
  const index = asm.builder.addVariables({
    names: [name],
    ...(spec.upper === undefined ? {} : { upper: spec.upper }),
  });
  asm.linear.push(spec.cost);
  return index;
}

function addRow(
  asm: Assembly,
  name: string,
  terms: { indices: number[]; values: number[]; lower: number; upper: number },
): void {
  asm.builder.addRow({ name, ...terms });
}

/** Position variables with their bounds; returns the bounds used. */
function addPositions(
  asm: Assembly,
  overrides: PositionOverrides,
): { lower: number; upper: number }[] {
  const { positions } = asm.setup;
  const bounds = positions.map((p) => {
    const o = overrides.get(p.index);
    if (o) return o;
    const fb = fundBounds(asm.options, p.fund);
    const alone = positions.filter((q) => q.fund === p.fund).length === 1;
    // A fund held in several accounts gets its bounds as a row on the total (addFundRows).
    return alone ? fb : { lower: Math.min(0, fb.lower), upper: Math.max(0, fb.upper) };
  });
  asm.builder.addVariables({
    names: positions.map((p) => `w:${p.fund}@${p.account}`),
    lower: bounds.map((b) => b.lower),
    upper: bounds.map((b) => b.upper),
  });
  return bounds;
}

/** |w_p| as a variable index: w itself when it cannot be negative, else t ≥ ±w. Adds holding costs. */
function addAbsoluteValues(asm: Assembly, bounds: readonly { lower: number }[]): number[] {
  const costs = asm.options.costs ?? {};
  const needed = asm.options.notionalCap !== undefined || costs.holdingAnnual !== undefined;
  return asm.setup.positions.map((p) => {
    const name = `${p.fund}@${p.account}`;
    let index = p.index;
    if (needed && bounds[p.index]!.lower < 0) {
      index = addVariable(asm, `abs:${name}`, { cost: 0 });
      addRow(asm, `abs+:${name}`, {
        indices: [index, p.index],
        values: [1, -1],
        lower: 0,
        upper: Infinity,
      });
      addRow(asm, `abs-:${name}`, {
        indices: [index, p.index],
        values: [1, 1],
        lower: 0,
        upper: Infinity,
      });
    }
    asm.linear[index]! += rateFor(costs.holdingAnnual, p.fund, `costs.holdingAnnual.${p.fund}`);
    return index;
  });
}

/** Turnover d_f ≥ |W_f − W⁰_f| with its cost, and fund-total bounds over several accounts. */
function addFundRows(asm: Assembly): void {
  const costs = asm.options.costs ?? {};
  for (const fund of asm.setup.funds) {
    const mine = asm.setup.positions.filter((p) => p.fund === fund).map((p) => p.index);
    const rate = rateFor(costs.transaction, fund, `costs.transaction.${fund}`);
    const current = costs.currentWeights?.[fund] ?? 0;
    if (rate > 0 && mine.length > 0) {
      const d = addVariable(asm, `turnover:${fund}`, { cost: rate });
      const indices = [d, ...mine];
      addRow(asm, `turnover+:${fund}`, {
        indices,
        values: [1, ...mine.map(() => -1)],
        lower: -current,
        upper: Infinity,
      });
      addRow(asm, `turnover-:${fund}`, {
        indices,
        values: [1, ...mine.map(() => 1)],
        lower: current,
        upper: Infinity,
      });
    }
    const fb = fundBounds(asm.options, fund);
    if (mine.length > 1 && (fb.lower > -Infinity || fb.upper < Infinity)) {
      addRow(asm, `fund:${fund}`, { indices: mine, values: mine.map(() => 1), ...fb });
    }
  }
}

/** Account budgets Σ_f w_fa − b_a ≤ v_a with borrowing b_a (cost, total cap) where allowed. */
function addBudgets(asm: Assembly): void {
  const borrowing = asm.options.borrowing;
  if (
    borrowing !== undefined &&
    (!Number.isFinite(borrowing.maxFraction) || borrowing.maxFraction < 0)
  ) {
    throw invalidInput(
      'borrowing.maxFraction',
      borrowing.maxFraction,
      'must be a finite decimal ≥ 0',
    );
  }
  const cost = rateFor(borrowing?.costAnnual, '', 'borrowing.costAnnual');
  const borrowVars: number[] = [];
  for (const account of asm.setup.accounts) {
    const indices = asm.setup.positions.filter((p) => p.account === account.id).map((p) => p.index);
    const values = indices.map(() => 1);
    if (borrowing !== undefined && account.canBorrow !== false) {
      const b = addVariable(asm, `borrow:${account.id}`, { cost, upper: borrowing.maxFraction });
      borrowVars.push(b);
      indices.push(b);
      values.push(-1);
    }
    addRow(asm, `budget:${account.id}`, {
      indices,
      values,
      lower: -Infinity,
      upper: account.valueFraction,
    });
  }
  if (borrowing !== undefined && borrowVars.length > 1) {
    addRow(asm, 'borrowing', {
      indices: borrowVars,
      values: borrowVars.map(() => 1),
      lower: -Infinity,
      upper: borrowing.maxFraction,
    });
  }
}

/**
 * Builds the QP of a mapping (see the module comment). `overrides` replace position bounds.
 * Throws INVALID_INPUT for negative caps or rates.
 */
export function buildMappingModel(
  setup: MappingSetup,
  options: FundMappingOptions,
  overrides: PositionOverrides = new Map(),
): MappingModel {
  const { h, c, constant } = trackingQuadratic(setup);
  const asm: Assembly = { builder: new ModelBuilder(), linear: Array.from(c), setup, options };
  const bounds = addPositions(asm, overrides);
  const absolute = addAbsoluteValues(asm, bounds);
  addFundRows(asm);
  addBudgets(asm);
  const cap = options.notionalCap;
  if (cap !== undefined) {
    if (!(cap >= 0)) throw invalidInput('notionalCap', cap, 'must be ≥ 0');
    addRow(asm, 'notional', {
      indices: absolute,
      values: absolute.map(() => 1),
      lower: -Infinity,
      upper: cap,
    });
  }
  const model = asm.builder.build();
  const p = setup.positions.length;
  const problem: SolverProblem = {
    n: model.variableCount,
    hessian: matrix(p, p, h),
    linear: Float64Array.from(asm.linear),
    constraints: model.constraints,
    lower: model.lower,
    upper: model.upper,
  };
  return { problem, model, constant };
}

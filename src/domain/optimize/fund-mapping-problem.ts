/**
 * The stage-2 QP as a {@link SolverProblem}. With shifted exposure rows E' and target t' (see
 * `fund-mapping-setup.ts`), the tracking variance is
 *   (E'ᵀw − t')ᵀ Σ (E'ᵀw − t') = ½ wᵀ H w + cᵀw + t'ᵀΣt',  H = 2·E'ΣE'ᵀ,  c = −2·E'Σt'.
 * Variables: positions w (first, the only ones in H), then auxiliaries: t ≥ |w| for positions
 * that may be short (notional cap, holding costs), d_f ≥ |W_f − W⁰_f| (transaction costs),
 * b_a ≥ 0 borrowing per account. Rows: account budgets Σ_f w_fa − b_a ≤ v_a, total borrowing,
 * notional cap, fund-total bounds when a fund sits in several accounts. Costs are linear terms
 * in return units added to the variance (PyPortfolioOpt's `transaction_cost` convention).
 */

import { matrix } from '../../core/linalg/matrix';
import type { SolverProblem } from '../../core/solvers/types';
import { invalidInput } from '../errors';
import { ModelBuilder, type LinearModel } from './constraints-model';
import type { MappingSetup } from './fund-mapping-setup';
import type { FundBounds, FundMappingOptions } from './fund-mapping-types';

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

/** E' rows (cash-shifted) by fund, and t'. */
export function shiftedRows(setup: MappingSetup): {
  rows: Map<string, Float64Array>;
  target: Float64Array;
} {
  const shift = (v: Float64Array): Float64Array => {
    const out = Float64Array.from(v);
    if (setup.cashIndex >= 0) out[setup.cashIndex]! -= 1;
    return out;
  };
  const rows = new Map([...setup.exposureRows].map(([f, r]) => [f, shift(r)]));
  return { rows, target: shift(setup.target) };
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

function quadratic(setup: MappingSetup): Pick<MappingModel, 'constant'> & {
  h: Float64Array;
  c: Float64Array;
} {
  const k = setup.ids.length;
  const cov = setup.covariance;
  const { rows, target } = shiftedRows(setup);
  const times = (v: Float64Array): Float64Array => {
    const out = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += v[j]! * cov[j * k + i]!;
      out[i] = s;
    }
    return out;
  };
  const dot = (a: Float64Array, b: Float64Array): number => a.reduce((s, x, i) => s + x * b[i]!, 0);
  const m = new Map([...rows].map(([f, r]) => [f, times(r)]));
  const p = setup.positions.length;
  const h = new Float64Array(p * p);
  const c = new Float64Array(p);
  for (const a of setup.positions) {
    const ma = m.get(a.fund)!;
    c[a.index] = -2 * dot(ma, target);
    for (const b of setup.positions) h[a.index * p + b.index] = 2 * dot(ma, rows.get(b.fund)!);
  }
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < i; j++) {
      const avg = (h[i * p + j]! + h[j * p + i]!) / 2; // exact symmetry for the solver
      h[i * p + j] = avg;
      h[j * p + i] = avg;
    }
  }
  return { h, c, constant: dot(times(target), target) };
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
  const { positions, accounts } = setup;
  const { h, c, constant } = quadratic(setup);
  const builder = new ModelBuilder();
  const accountsOfFund = (f: string): number => positions.filter((p) => p.fund === f).length;
  const bounds = positions.map((p) => {
    const o = overrides.get(p.index);
    if (o) return o;
    const fb = fundBounds(options, p.fund);
    return accountsOfFund(p.fund) === 1
      ? fb
      : { lower: Math.min(0, fb.lower), upper: Math.max(0, fb.upper) };
  });
  builder.addVariables({
    names: positions.map((p) => `w:${p.fund}@${p.account}`),
    lower: bounds.map((b) => b.lower),
    upper: bounds.map((b) => b.upper),
  });
  const linear: number[] = Array.from(c);
  const costs = options.costs ?? {};
  const needsAbs = options.notionalCap !== undefined || costs.holdingAnnual !== undefined;
  // |w_p| as a linear expression: w itself when w ≥ 0, else an auxiliary t ≥ ±w.
  const absTerm = positions.map((p) => {
    if (!needsAbs || bounds[p.index]!.lower >= 0) return { index: p.index, sign: 1 };
    const t = builder.addVariables({ names: [`abs:${p.fund}@${p.account}`] });
    linear.push(0);
    builder.addRow({
      name: `abs+:${p.fund}@${p.account}`,
      indices: [t, p.index],
      values: [1, -1],
      lower: 0,
      upper: Infinity,
    });
    builder.addRow({
      name: `abs-:${p.fund}@${p.account}`,
      indices: [t, p.index],
      values: [1, 1],
      lower: 0,
      upper: Infinity,
    });
    return { index: t, sign: 1 };
  });
  for (const p of positions) {
    linear[absTerm[p.index]!.index]! += rateFor(
      costs.holdingAnnual,
      p.fund,
      `costs.holdingAnnual.${p.fund}`,
    );
  }
  for (const fund of setup.funds) {
    const rate = rateFor(costs.transaction, fund, `costs.transaction.${fund}`);
    const mine = positions.filter((p) => p.fund === fund).map((p) => p.index);
    const current = costs.currentWeights?.[fund] ?? 0;
    if (rate > 0 && mine.length > 0) {
      const d = builder.addVariables({ names: [`turnover:${fund}`] });
      linear.push(rate);
      const ones = mine.map(() => 1);
      builder.addRow({
        name: `turnover+:${fund}`,
        indices: [d, ...mine],
        values: [1, ...ones.map((x) => -x)],
        lower: -current,
        upper: Infinity,
      });
      builder.addRow({
        name: `turnover-:${fund}`,
        indices: [d, ...mine],
        values: [1, ...ones],
        lower: current,
        upper: Infinity,
      });
    }
    const fb = fundBounds(options, fund);
    if (mine.length > 1 && (fb.lower > -Infinity || fb.upper < Infinity)) {
      builder.addRow({
        name: `fund:${fund}`,
        indices: mine,
        values: mine.map(() => 1),
        lower: fb.lower,
        upper: fb.upper,
      });
    }
  }
  const borrowing = options.borrowing;
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
  const borrowCost = rateFor(borrowing?.costAnnual, '', 'borrowing.costAnnual');
  const borrowVars: number[] = [];
  for (const account of accounts) {
    const mine = positions.filter((p) => p.account === account.id).map((p) => p.index);
    const canBorrow = borrowing !== undefined && account.canBorrow !== false;
    const b = canBorrow
      ? builder.addVariables({ names: [`borrow:${account.id}`], upper: borrowing.maxFraction })
      : -1;
    if (b >= 0) {
      linear.push(borrowCost);
      borrowVars.push(b);
    }
    builder.addRow({
      name: `budget:${account.id}`,
      indices: b >= 0 ? [...mine, b] : mine,
      values: b >= 0 ? [...mine.map(() => 1), -1] : mine.map(() => 1),
      lower: -Infinity,
      upper: account.valueFraction,
    });
  }
  if (borrowVars.length > 1) {
    builder.addRow({
      name: 'borrowing',
      indices: borrowVars,
      values: borrowVars.map(() => 1),
      lower: -Infinity,
      upper: borrowing!.maxFraction,
    });
  }
  if (options.notionalCap !== undefined) {
    if (!(options.notionalCap >= 0))
      throw invalidInput('notionalCap', options.notionalCap, 'must be ≥ 0');
    builder.addRow({
      name: 'notional',
      indices: absTerm.map((a) => a.index),
      values: absTerm.map(() => 1),
      lower: -Infinity,
      upper: options.notionalCap,
    });
  }
  const model = builder.build();
  const problem: SolverProblem = {
    n: model.variableCount,
    hessian: matrix(positions.length, positions.length, h),
    linear: Float64Array.from(linear),
    constraints: model.constraints,
    lower: model.lower,
    upper: model.upper,
  };
  return { problem, model, constant };
}

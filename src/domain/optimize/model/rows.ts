/**
 * Rows of the portfolio model beyond bounds and budget: groups, economic exposures (limits,
 * categories, gross leverage cap) and turnover with proportional costs. See `portfolio-model.ts`
 * for the layout and formulations.
 */

import { invalidInput } from '../../errors.ts';
import type { ModelBuilder } from '../../../core/solvers/model-builder.ts';
import { addAbsoluteSumCap } from './abs-sum.ts';
import type { ExposureConstraints, GroupConstraint, TurnoverConstraint } from '../constraints.ts';

/** Adds one row per group: min ≤ Σ coef_a·w_a ≤ max (named `group:NAME`). */
export function addGroupRows(
  builder: ModelBuilder,
  spec: { readonly assets: readonly string[]; readonly groups: readonly GroupConstraint[] },
): void {
  const index = new Map(spec.assets.map((a, i) => [a, i]));
  for (const group of spec.groups) {
    const indices: number[] = [];
    const values: number[] = [];
    for (const [asset, coef] of Object.entries(group.coefficients)) {
      const i = index.get(asset);
      if (i === undefined)
        throw invalidInput(`constraints.groups.${group.name}`, asset, 'unknown asset');
      if (!Number.isFinite(coef))
        throw invalidInput(`constraints.groups.${group.name}.${asset}`, coef, 'not finite');
      indices.push(i);
      values.push(coef);
    }
    builder.addRow({
      name: `group:${group.name}`,
      indices,
      values,
      lower: group.min ?? -Infinity,
      upper: group.max ?? Infinity,
    });
  }
}

/** Column k of the n × K loadings E: the exposure-k form Σ_i E_ik·w_i. */
export function exposureForm(exposures: ExposureConstraints, k: number): Float64Array {
  const { rows: n, cols: kk, data } = exposures.loadings;
  return Float64Array.from({ length: n }, (_, i) => data[i * kk + k]!);
}

function formRow(
  builder: ModelBuilder,
  spec: {
    readonly name: string;
    readonly form: Float64Array;
    readonly min?: number;
    readonly max?: number;
  },
): void {
  const indices: number[] = [];
  const values: number[] = [];
  spec.form.forEach((v, i) => {
    if (v !== 0) {
      indices.push(i);
      values.push(v);
    }
  });
  builder.addRow({
    name: spec.name,
    indices,
    values,
    lower: spec.min ?? -Infinity,
    upper: spec.max ?? Infinity,
  });
}

/**
 * Exposure rows on x = Eᵀw: `exposure:NAME` limits, `category:NAME` limits on the sum of the
 * category's exposures, and `grossExposure` Σ|x_k| ≤ grossMax.
 */
export function addExposureRows(
  builder: ModelBuilder,
  spec: {
    readonly exposures: ExposureConstraints;
    readonly lower: Float64Array;
    readonly upper: Float64Array;
  },
): void {
  const e = spec.exposures;
  const n = spec.lower.length;
  if (e.loadings.rows !== n || e.loadings.cols !== e.names.length) {
    throw invalidInput(
      'constraints.exposures.loadings',
      [e.loadings.rows, e.loadings.cols],
      `must be ${n} × ${e.names.length}`,
    );
  }
  if (!e.loadings.data.every(Number.isFinite))
    throw invalidInput('constraints.exposures.loadings', 'NaN', 'not finite');
  const index = new Map(e.names.map((name, k) => [name, k]));
  const forms = e.names.map((_, k) => exposureForm(e, k));
  for (const [name, limits] of Object.entries(e.limits ?? {})) {
    const k = index.get(name);
    if (k === undefined)
      throw invalidInput('constraints.exposures.limits', name, 'unknown exposure');
    formRow(builder, { name: `exposure:${name}`, form: forms[k]!, ...limits });
  }
  for (const category of e.categories ?? []) {
    const form = new Float64Array(n);
    for (const name of category.exposures) {
      const k = index.get(name);
      if (k === undefined)
        throw invalidInput(
          `constraints.exposures.categories.${category.name}`,
          name,
          'unknown exposure',
        );
      forms[k]!.forEach((v, i) => (form[i] = form[i]! + v));
    }
    formRow(builder, {
      name: `category:${category.name}`,
      form,
      ...(category.min === undefined ? {} : { min: category.min }),
      ...(category.max === undefined ? {} : { max: category.max }),
    });
  }
  if (e.grossMax !== undefined) {
    addAbsoluteSumCap(builder, {
      name: 'grossExposure',
      forms,
      lower: spec.lower,
      upper: spec.upper,
      cap: e.grossMax,
    });
  }
}

/**
 * Turnover variables d_i ≥ |w_i − w0_i| (rows `turnover:pos:i`, `turnover:neg:i`), the cap
 * Σd ≤ maxTurnover (row `turnover`) and cost coefficients −κ_i on d_i in `aux`.
 */
export function addTurnover(
  builder: ModelBuilder,
  spec: {
    readonly turnover: TurnoverConstraint;
    readonly n: number;
    readonly aux: Map<number, number>;
  },
): void {
  const { turnover, n } = spec;
  const w0 = turnover.currentWeights;
  if (w0.length !== n || !w0.every(Number.isFinite)) {
    throw invalidInput(
      'constraints.turnover.currentWeights',
      w0.length,
      `needs ${n} finite values`,
    );
  }
  const rate = turnover.costRate ?? 0;
  const rates = typeof rate === 'number' ? new Array<number>(n).fill(rate) : rate;
  if (rates.length !== n || !rates.every((v) => Number.isFinite(v) && v >= 0)) {
    throw invalidInput('constraints.turnover.costRate', rate, `needs ${n} finite values ≥ 0`);
  }
  const first = builder.addVariables({ names: Array.from({ length: n }, (_, i) => `trade:${i}`) });
  for (let i = 0; i < n; i++) {
    const d = first + i;
    builder.addRow({
      name: `turnover:pos:${i}`,
      indices: [d, i],
      values: [1, -1],
      lower: -w0[i]!,
      upper: Infinity,
    });
    builder.addRow({
      name: `turnover:neg:${i}`,
      indices: [d, i],
      values: [1, 1],
      lower: w0[i]!,
      upper: Infinity,
    });
    if (rates[i]! > 0) spec.aux.set(d, -rates[i]!);
  }
  if (turnover.maxTurnover !== undefined) {
    builder.addRow({
      name: 'turnover',
      indices: Array.from({ length: n }, (_, i) => first + i),
      values: new Float64Array(n).fill(1),
      lower: -Infinity,
      upper: turnover.maxTurnover,
    });
  }
}

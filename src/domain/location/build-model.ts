/**
 * The asset-location program (docs/asset-location.md, "The program"). Variables, in units of
 * the household's statement total N (so every variable lies in [0, 1]):
 *
 *   x_p  ≥ 0   dollars / N of candidate position p = (account a, fund f)
 *   u_k, v_k ≥ 0   shortfall and excess of exposure k (bounded by `deviationCap`)
 *   y_p ∈ {0, 1}   only with a minimum position m: the position is open
 *
 * Rows:
 *
 *   budget a      Σ_{p ∈ a} x_p = B_a / N                          (no cash moves between accounts)
 *   exposure k    Σ_p w_a(p) e_{f(p),k} x_p + u_k − v_k = x*_k T / N
 *   deviation     Σ_k (u_k + v_k) ≤ cap                             (only for a finite positive cap)
 *   open p        x_p − (m / N) y_p ≥ 0,   x_p − (B_a / N) y_p ≤ 0  (MILP only)
 *
 * with w_a the basis weight of the account (1, or 1 − t_w for traditional on the after-tax
 * basis) and T the basis total. Objectives (minimised by the solver): `value` is
 * −Σ_p c_p x_p with c_p the after-tax value per dollar at H (tax-model.ts); `deviation` is
 * Σ_k (u_k + v_k).
 */

import { ModelBuilder, type LinearModel } from '../../core/solvers/model-builder.ts';
import type { PreparedLocation } from './prepare.ts';

/** How the exposure deviations are bounded: 0 (exact targets), a positive cap, or free. */
export interface LocationModelSpec {
  readonly deviationCap: number;
  readonly objective: 'value' | 'deviation';
}

/** A built program and where its variables are. */
export interface LocationModel {
  readonly model: LinearModel;
  /** Objective to minimise, one coefficient per variable. */
  readonly linear: Float64Array;
  /** Variable index of the first shortfall u_0 (then the excesses v at +K). */
  readonly firstDeviation: number;
  /** Variable index of the first binary, when a minimum position is asked. */
  readonly firstBinary?: number;
}

function addDeviationRows(
  b: ModelBuilder,
  prep: PreparedLocation,
  spec: LocationModelSpec,
): number {
  const ids = prep.exposureIds;
  const K = ids.length;
  const cap = spec.deviationCap;
  const first = b.addVariables({
    names: [...ids.map((k) => `short:${k}`), ...ids.map((k) => `excess:${k}`)],
    upper: cap === 0 ? 0 : Infinity,
  });
  const N = prep.householdDollars;
  ids.forEach((k, r) => {
    const indices: number[] = [];
    const values: number[] = [];
    prep.positions.forEach((p, j) => {
      const e = p.exposures[k] ?? 0;
      if (e !== 0) {
        indices.push(j);
        values.push(prep.basisWeights[p.account]! * e);
      }
    });
    indices.push(first + r, first + K + r);
    values.push(1, -1);
    const target = ((prep.problem.targetWeights[k] ?? 0) * prep.householdBasisDollars) / N;
    b.addRow({ name: `exposure:${k}`, indices, values, lower: target, upper: target });
  });
  if (cap > 0 && Number.isFinite(cap)) {
    const indices = Array.from({ length: 2 * K }, (_, i) => first + i);
    b.addRow({
      name: 'deviation',
      indices,
      values: indices.map(() => 1),
      lower: -Infinity,
      upper: cap,
    });
  }
  return first;
}

function addBinaries(b: ModelBuilder, prep: PreparedLocation, minDollars: number): number {
  const N = prep.householdDollars;
  const first = b.addVariables({
    names: prep.positions.map((p) => `open:${prep.problem.accounts[p.account]!.name}:${p.fund}`),
    upper: 1,
    integer: true,
  });
  prep.positions.forEach((p, j) => {
    const cap = prep.problem.accounts[p.account]!.balance / N;
    b.addRow({
      name: `min:${j}`,
      indices: [j, first + j],
      values: [1, -minDollars / N],
      lower: 0,
      upper: Infinity,
    });
    b.addRow({
      name: `open:${j}`,
      indices: [j, first + j],
      values: [1, -cap],
      lower: -Infinity,
      upper: 0,
    });
  });
  return first;
}

/** Builds the program of the module comment. */
export function buildLocationModel(prep: PreparedLocation, spec: LocationModelSpec): LocationModel {
  const b = new ModelBuilder();
  const N = prep.householdDollars;
  const { accounts } = prep.problem;
  b.addVariables({ names: prep.positions.map((p) => `${accounts[p.account]!.name}:${p.fund}`) });
  accounts.forEach((a, i) => {
    const indices = prep.positions.flatMap((p, j) => (p.account === i ? [j] : []));
    b.addRow({
      name: `budget:${a.name}`,
      indices,
      values: indices.map(() => 1),
      lower: a.balance / N,
      upper: a.balance / N,
    });
  });
  const firstDeviation = addDeviationRows(b, prep, spec);
  const min = prep.problem.minPositionDollars ?? 0;
  const firstBinary = min > 0 ? addBinaries(b, prep, min) : undefined;
  const model = b.build();
  const linear = new Float64Array(model.variableCount);
  const K = prep.exposureIds.length;
  if (spec.objective === 'value') prep.positions.forEach((p, j) => (linear[j] = -p.valuePerDollar));
  else for (let i = 0; i < 2 * K; i++) linear[firstDeviation + i] = 1;
  return { model, linear, firstDeviation, ...(firstBinary === undefined ? {} : { firstBinary }) };
}

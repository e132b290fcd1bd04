/**
 * Homogenisation of a linear model for the Charnes-Cooper transformation of a ratio objective
 * (max nᵀx / √(xᵀHx) over {x : lo ≤ Ax ≤ hi, l ≤ x ≤ u}): with y = κ·x, κ > 0, every bound b
 * becomes b·κ, so the feasible set turns into the cone {(y, κ) : loκ ≤ Ay ≤ hiκ, lκ ≤ y ≤ uκ}.
 * Zero and infinite bounds stay simple bounds; a finite non-zero variable bound becomes a row.
 *
 * Reference: Charnes & Cooper, "Programming with linear fractional functionals", Naval Res.
 * Logist. Q. 9 (1962); Cornuejols & Tütüncü, "Optimization Methods in Finance" (2007), §8.2.
 */

import type { LinearModel, ModelRow } from './model-builder.ts';
import { ModelBuilder } from './model-builder.ts';

/** Options of {@link homogenize}. */
export interface HomogenizeOptions {
  /**
   * Variables whose finite upper bound need not become a row because other constraints imply
   * it (e.g. y_i ≤ u_i·κ with u_i ≥ 1 under Σy = κ, y ≥ 0). Default none.
   */
  readonly redundantUpper?: (variable: number) => boolean;
}

/** The homogenised model, still open for rows (e.g. the normalisation); κ is its last variable. */
export interface HomogenizedModel {
  readonly builder: ModelBuilder;
  readonly kappa: number;
}

/** Homogenises `model` (see the module comment); row names gain `:upper` / `:lower` suffixes. */
export function homogenize(model: LinearModel, options: HomogenizeOptions = {}): HomogenizedModel {
  const b = new ModelBuilder();
  const nv = model.variableCount;
  const lower = Float64Array.from(model.lower, (l) => (l >= 0 ? 0 : -Infinity));
  const upper = Float64Array.from(model.upper, (u) => (u <= 0 ? 0 : Infinity));
  b.addVariables({ names: model.variableNames, lower, upper });
  const kappa = b.addVariables({ names: ['kappa'] });
  const scaled = (row: ModelRow, bound: number): { indices: number[]; values: number[] } => ({
    indices: [...Array.from(row.indices), kappa],
    values: [...Array.from(row.values), -bound],
  });
  for (const row of model.rows) {
    if (row.lower === row.upper) {
      b.addRow({ name: row.name, ...scaled(row, row.lower), lower: 0, upper: 0 });
      continue;
    }
    if (Number.isFinite(row.upper)) {
      b.addRow({
        name: `${row.name}:upper`,
        ...scaled(row, row.upper),
        lower: -Infinity,
        upper: 0,
      });
    }
    if (Number.isFinite(row.lower)) {
      b.addRow({ name: `${row.name}:lower`, ...scaled(row, row.lower), lower: 0, upper: Infinity });
    }
  }
  for (let j = 0; j < nv; j++) {
    const l = model.lower[j]!;
    const u = model.upper[j]!;
    const name = model.variableNames[j] ?? `x${j}`;
    const bound = (side: 'min' | 'max', v: number): void => {
      const row = { name: `bound:${name}:${side}`, indices: [j, kappa], values: [1, -v] };
      b.addRow(
        side === 'max'
          ? { ...row, lower: -Infinity, upper: 0 }
          : { ...row, lower: 0, upper: Infinity },
      );
    };
    if (l === u) {
      b.addRow({
        name: `bound:${name}:fixed`,
        indices: [j, kappa],
        values: [1, -l],
        lower: 0,
        upper: 0,
      });
      continue;
    }
    if (Number.isFinite(l) && l !== 0) bound('min', l);
    if (Number.isFinite(u) && u !== 0 && options.redundantUpper?.(j) !== true) bound('max', u);
  }
  return { builder: b, kappa };
}

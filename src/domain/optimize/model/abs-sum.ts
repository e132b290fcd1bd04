/**
 * Σ_k |f_k(w)| ≤ cap for linear forms f_k of the weights, as linear rows: a form whose sign the
 * weight bounds fix enters the sum as ±f_k; any other through an auxiliary s_k ≥ ±f_k
 * (rows `NAME:pos:k`, `NAME:neg:k`). Exact: at any feasible point Σ|f_k| ≤ Σ s_k ≤ cap.
 */

import type { ModelBuilder } from '../../../core/solvers/model-builder.ts';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/**
 * Adds Σ_k |Σ_i coef_ki·w_i| ≤ cap for linear forms k (rows of `forms`, each length n): a form
 * whose sign the weight bounds fix enters as ±form, otherwise through s_k ≥ ±form.
 */
export function addAbsoluteSumCap(
  builder: ModelBuilder,
  spec: {
    readonly name: string;
    readonly forms: readonly Float64Array[];
    readonly lower: Float64Array;
    readonly upper: Float64Array;
    readonly cap: number;
  },
): void {
  const n = spec.lower.length;
  const total = new Map<number, number>();
  const add = (j: number, v: number): void => {
    total.set(j, (total.get(j) ?? 0) + v);
  };
  spec.forms.forEach((form, k) => {
    let canBeNegative = false;
    let canBePositive = false;
    for (let i = 0; i < n; i++) {
      const e = form[i]!;
      if (e === 0) continue;
      if (e * spec.upper[i]! > 0 || e * spec.lower[i]! > 0) canBePositive = true;
      if (e * spec.upper[i]! < 0 || e * spec.lower[i]! < 0) canBeNegative = true;
    }
    if (!canBeNegative || !canBePositive) {
      const sign = canBeNegative ? -1 : 1;
      for (let i = 0; i < n; i++) if (form[i] !== 0) add(i, sign * form[i]!);
      return;
    }
    const s = builder.addVariables({ names: [`${spec.name}:abs:${k}`] });
    const idx = [...range(n).filter((i) => form[i] !== 0), s];
    const coef = idx.slice(0, -1).map((i) => form[i]!);
    builder.addRow({
      name: `${spec.name}:pos:${k}`,
      indices: idx,
      values: [...coef.map((v) => -v), 1],
      lower: 0,
      upper: Infinity,
    });
    builder.addRow({
      name: `${spec.name}:neg:${k}`,
      indices: idx,
      values: [...coef, 1],
      lower: 0,
      upper: Infinity,
    });
    add(s, 1);
  });
  const indices = [...total.keys()];
  builder.addRow({
    name: spec.name,
    indices,
    values: indices.map((j) => total.get(j)!),
    lower: -Infinity,
    upper: spec.cap,
  });
}

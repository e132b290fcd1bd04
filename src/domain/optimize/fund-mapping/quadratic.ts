/**
 * The quadratic part of the stage-2 objective. With the cash convention of
 * `setup.ts` (E' = E − 1·u_cᵀ, t' = x* − u_c):
 *   (E'ᵀw − t')ᵀ Σ (E'ᵀw − t') = ½ wᵀHw + cᵀw + t'ᵀΣt',  H = 2·E'ΣE'ᵀ,  c = −2·E'Σt'.
 */

import type { MappingSetup } from './setup.ts';

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

/**
 * H = 2·E'ΣE'ᵀ (row-major P × P over positions, exactly symmetric), c = −2·E'Σt' and the
 * constant t'ᵀΣt', so that the tracking variance is ½wᵀHw + cᵀw + constant.
 */
export function trackingQuadratic(setup: MappingSetup): {
  constant: number;
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

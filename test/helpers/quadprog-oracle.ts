import quadprog from 'quadprog';
import type { Matrix } from '../../src/core/linalg/matrix.ts';

/**
 * Long-only, fully invested minimum variance min ½wᵀΣw s.t. Σw = 1, 0 ≤ w ≤ upper, solved by the
 * `quadprog` npm package (Goldfarb-Idnani dual active set, exact to rounding) — the oracle of
 * tests and benchmarks. `linear` (optional) adds cᵀw to the objective.
 */
export function quadprogMinVariance(spec: {
  readonly cov: Matrix;
  readonly upper?: number;
  readonly linear?: ArrayLike<number>;
}): { weights: Float64Array; iterations: number } {
  const n = spec.cov.rows;
  const withUpper = spec.upper !== undefined && spec.upper < 1;
  const q = 1 + n + (withUpper ? n : 0);
  const dmat: number[][] = [[]];
  const amat: number[][] = [[]];
  const dvec: number[] = [0];
  const bvec: number[] = [0, 1];
  for (let i = 1; i <= n; i++) {
    const row: number[] = [0];
    for (let j = 1; j <= n; j++) row.push(spec.cov.data[(i - 1) * n + (j - 1)]!);
    dmat.push(row);
    dvec.push(-(spec.linear?.[i - 1] ?? 0));
    const a: number[] = new Array<number>(q + 1).fill(0);
    a[1] = 1;
    a[1 + i] = 1;
    if (withUpper) a[1 + n + i] = -1;
    amat.push(a);
  }
  for (let i = 1; i <= n; i++) bvec.push(0);
  if (withUpper) for (let i = 1; i <= n; i++) bvec.push(-(spec.upper ?? 1));
  const r = quadprog.solveQP(dmat, dvec, amat, bvec, 1);
  if (r.message) throw new Error(`quadprog: ${r.message}`);
  return { weights: Float64Array.from(r.solution.slice(1)), iterations: r.iterations[1] ?? 0 };
}

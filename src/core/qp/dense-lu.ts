/**
 * Dense LU factorisation with partial pivoting, P·A = L·U (Golub & Van Loan, "Matrix
 * Computations" (4th ed.), Algorithm 3.4.1), for the small indefinite KKT systems of the
 * polish step (no Cholesky there).
 */

/** An LU factorisation of an n × n matrix: unit-lower L and U packed row-major, row order `perm`. */
export interface LuFactors {
  readonly n: number;
  readonly lu: Float64Array;
  readonly perm: Int32Array;
}

/**
 * Factorises the row-major n × n `a` (copied). Returns undefined when a pivot is below
 * `relativePivot` × the largest |entry| (numerically singular).
 */
export function luFactor(a: Float64Array, n: number, relativePivot = 1e-14): LuFactors | undefined {
  if (a.length !== n * n) throw new RangeError(`luFactor: ${a.length} entries for n = ${n}`);
  const lu = Float64Array.from(a);
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  let scale = 0;
  for (let k = 0; k < lu.length; k++) scale = Math.max(scale, Math.abs(lu[k]!));
  const tiny = relativePivot * scale;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]!);
      if (v > best) [best, p] = [v, i];
    }
    if (!(best > tiny)) return undefined;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]!;
        lu[k * n + j] = lu[p * n + j]!;
        lu[p * n + j] = t;
      }
      const t = perm[k]!;
      perm[k] = perm[p]!;
      perm[p] = t;
    }
    const pivot = lu[k * n + k]!;
    const rk = k * n;
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const f = lu[ri + k]! / pivot;
      lu[ri + k] = f;
      if (f === 0) continue;
      for (let j = k + 1; j < n; j++) lu[ri + j] = lu[ri + j]! - f * lu[rk + j]!;
    }
  }
  return { n, lu, perm };
}

/** x with A·x = b from the factors of A. */
export function luSolve(f: LuFactors, b: Float64Array): Float64Array {
  const { n, lu, perm } = f;
  const x = Float64Array.from(perm, (p) => b[p]!);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    let v = x[i]!;
    for (let j = 0; j < i; j++) v -= lu[ri + j]! * x[j]!;
    x[i] = v;
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    let v = x[i]!;
    for (let j = i + 1; j < n; j++) v -= lu[ri + j]! * x[j]!;
    x[i] = v / lu[ri + i]!;
  }
  return x;
}

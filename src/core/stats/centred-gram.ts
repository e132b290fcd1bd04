/**
 * Centred cross-products of a panel held in pieces: for each block of rows, its count T, its
 * column means x̄ and its centred Gram matrix G = Σ_t (x_t − x̄)(x_t − x̄)ᵀ; two blocks combine
 * exactly (T. F. Chan, G. H. Golub, R. J. LeVeque, "Updating formulae and a pairwise algorithm
 * for computing sample variances", 1979):
 *
 *   T = T_a + T_b,  δ = x̄_b − x̄_a,  x̄ = x̄_a + δ·T_b/T,  G = G_a + G_b + (T_a·T_b/T)·δδᵀ.
 *
 * Each block is centred about its own means (two-pass), and the correction term is small
 * (δ is a difference of means), so the result agrees with centring the whole panel at once to
 * rounding. The sample covariance is then G/(T − ddof). Lets threads that each read part of a
 * file produce their part of the covariance.
 */

import { gramOfColumns, mirrorUpper } from '../linalg/cross-product.ts';

/** The centred second moments of a block of rows of an n-column panel. */
export interface CentredGram {
  /** Rows (observations) in the block. */
  readonly count: number;
  /** Column means x̄ of the block (length n). */
  readonly means: Float64Array;
  /** n × n row-major Σ_t (x_t − x̄)(x_t − x̄)ᵀ, exactly symmetric. */
  readonly gram: Float64Array;
}

/**
 * The {@link CentredGram} of rows `[0, count)` of `columns` (column j = `columns[j]`, each at
 * least `count` long). `count` = 0 gives zero means and a zero matrix.
 */
export function centredGram(columns: readonly Float64Array[], count: number): CentredGram {
  const n = columns.length;
  const means = new Float64Array(n);
  const centred = new Float64Array(n * count);
  columns.forEach((column, j) => {
    let sum = 0;
    for (let r = 0; r < count; r++) sum += column[r]!;
    const mean = count === 0 ? 0 : sum / count;
    means[j] = mean;
    const o = j * count;
    for (let r = 0; r < count; r++) centred[o + r] = column[r]! - mean;
  });
  return { count, means, gram: gramOfColumns(centred, centred, { n, t: count }).data };
}

/** The {@link CentredGram} of two blocks of rows of the same columns taken together. */
export function mergeCentredGrams(a: CentredGram, b: CentredGram): CentredGram {
  const n = a.means.length;
  if (b.means.length !== n)
    throw new RangeError(`mergeCentredGrams: ${n} columns and ${b.means.length} columns`);
  if (b.count === 0) return a;
  if (a.count === 0) return b;
  const count = a.count + b.count;
  const delta = Float64Array.from(b.means, (m, j) => m - a.means[j]!);
  const means = Float64Array.from(a.means, (m, j) => m + (delta[j]! * b.count) / count);
  const weight = (a.count * b.count) / count;
  const gram = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const wi = weight * delta[i]!;
    const o = i * n;
    for (let j = i; j < n; j++) gram[o + j] = a.gram[o + j]! + b.gram[o + j]! + wi * delta[j]!;
  }
  mirrorUpper(gram, n);
  return { count, means, gram };
}

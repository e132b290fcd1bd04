/**
 * Asset clustering for the hierarchical allocators (HRP, HERC): the correlation distance
 *
 *   d_ij = √((1 − ρ_ij)/2) ∈ [0, 1]
 *
 * (López de Prado 2016, "Building diversified portfolios that outperform out of sample",
 * J. Portfolio Management 42(4), §3; PyPortfolioOpt `HRPOpt`, skfolio `PearsonDistance`)
 * computed from the covariance, then agglomerative clustering of the distance matrix itself
 * (as PyPortfolioOpt and skfolio do; López de Prado's paper additionally takes the Euclidean
 * distance between columns of d, which Ballast does not).
 */

import { linkage, type Dendrogram, type LinkageMethod } from '../../../core/cluster/linkage.ts';
import { covarianceToCorrelation } from '../../../core/linalg/correlation.ts';
import type { Matrix } from '../../../core/linalg/matrix.ts';
import { invalidInput } from '../../errors.ts';

/** An asset dendrogram and the distance matrix it was built from. */
export interface AssetClustering {
  readonly tree: Dendrogram;
  /** n × n correlation distances √((1 − ρ)/2), exactly symmetric, zero diagonal. */
  readonly distances: Matrix;
  readonly method: LinkageMethod;
}

/**
 * Correlation distance matrix √((1 − ρ_ij)/2) of the n × n covariance `cov` (ρ clipped to
 * [−1, 1] against rounding). Throws `INVALID_INPUT` for a non-square matrix or a variance that
 * is not positive and finite (the distance of a zero-variance asset is undefined).
 */
export function correlationDistance(cov: Matrix): Matrix {
  const n = cov.rows;
  if (cov.cols !== n || n === 0)
    throw invalidInput('covariance', [cov.rows, cov.cols], 'must be square and non-empty');
  for (let i = 0; i < n; i++) {
    const v = cov.data[i * n + i]!;
    if (!(v > 0) || !Number.isFinite(v))
      throw invalidInput(
        `covariance[${i}][${i}]`,
        v,
        'hierarchical allocation needs a positive finite variance for every asset',
      );
  }
  for (const v of cov.data)
    if (!Number.isFinite(v)) throw invalidInput('covariance', v, 'must be finite');
  const { correlation } = covarianceToCorrelation(cov);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const rho = Math.min(1, Math.max(-1, correlation.data[i * n + j]!));
      const d = Math.sqrt((1 - rho) / 2);
      out[i * n + j] = d;
      out[j * n + i] = d;
    }
  }
  return { rows: n, cols: n, data: out };
}

/** Correlation distances of `cov` clustered with `method` (default `single`, as PyPortfolioOpt). */
export function clusterAssets(cov: Matrix, method: LinkageMethod = 'single'): AssetClustering {
  const distances = correlationDistance(cov);
  return { tree: linkage(distances, method), distances, method };
}

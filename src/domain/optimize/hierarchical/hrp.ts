/**
 * Hierarchical Risk Parity (López de Prado 2016, "Building diversified portfolios that
 * outperform out of sample", J. Portfolio Management 42(4); as PyPortfolioOpt 1.5 `HRPOpt`
 * and skfolio `HierarchicalRiskParity` with the variance risk measure):
 *
 * 1. tree: correlation distance √((1 − ρ)/2), linkage `single` by default ({@link clusterAssets});
 * 2. quasi-diagonalisation: assets in the dendrogram's leaf order (left child first);
 * 3. recursive bisection: split every ordered list into halves L = first ⌊m/2⌋, R = rest;
 *    with V(C) = w̃ᵀΣ_C w̃ the variance of the inverse-variance portfolio of cluster C
 *    (w̃_i ∝ 1/Σ_ii), give L the factor α = 1 − V(L)/(V(L) + V(R)) and R the factor 1 − α.
 *
 * The weights are positive and sum to 1 by construction (products of factors in (0, 1)).
 * Optional per-asset bounds are enforced inside the bisection, as skfolio does, by clamping
 * each split factor to what the bounds of the two halves allow (no renormalisation after the
 * fact); bounds the allocation cannot meet raise `INFEASIBLE`.
 */

import { leafOrder } from '../../../core/cluster/dendrogram.ts';
import type { LinkageMethod } from '../../../core/cluster/linkage.ts';
import type { Matrix } from '../../../core/linalg/matrix.ts';
import { BallastError, invalidInput } from '../../errors.ts';
import { weightBounds } from '../model/portfolio-model.ts';
import type { HierarchicalObjective } from '../objectives.ts';
import type { OptimizationProblem } from '../problem.ts';
import type { FamilySolution } from '../result-build.ts';
import { clusterAssets, type AssetClustering } from './linkage.ts';

/** Options of {@link hierarchicalRiskParity}. */
export interface HrpOptions {
  /** Linkage of the asset tree; default `single` (PyPortfolioOpt's default). */
  readonly linkage?: LinkageMethod;
  /** Per-asset lower bounds (default 0); Σ lower ≤ 1. */
  readonly minWeights?: ArrayLike<number>;
  /** Per-asset upper bounds (default 1); Σ upper ≥ 1. */
  readonly maxWeights?: ArrayLike<number>;
}

/** HRP weights (asset order of the covariance) with the clustering that produced them. */
export interface HrpSolution {
  readonly weights: Float64Array;
  /** Quasi-diagonal order of the asset indices. */
  readonly order: readonly number[];
  readonly clustering: AssetClustering;
  /** Number of split factors changed to honour the bounds. */
  readonly clampedSplits: number;
}

/**
 * Variance w̃ᵀΣ_C w̃ of the inverse-variance portfolio w̃_i = (1/Σ_ii)/Σ_{j∈C}(1/Σ_jj) of the
 * assets `cluster` (PyPortfolioOpt `_get_cluster_var`).
 */
export function inverseVarianceClusterVariance(cov: Matrix, cluster: readonly number[]): number {
  const n = cov.rows;
  let norm = 0;
  for (const i of cluster) norm += 1 / cov.data[i * n + i]!;
  let variance = 0;
  for (const i of cluster) {
    const wi = 1 / cov.data[i * n + i]! / norm;
    for (const j of cluster)
      variance += wi * cov.data[i * n + j]! * (1 / cov.data[j * n + j]! / norm);
  }
  return variance;
}

function bounds(n: number, options: HrpOptions): { lo: Float64Array; hi: Float64Array } {
  const read = (name: string, given: ArrayLike<number> | undefined, fill: number): Float64Array => {
    if (given === undefined) return new Float64Array(n).fill(fill);
    if (given.length !== n)
      throw invalidInput(name, given.length, `needs one value per asset (${n})`);
    return Float64Array.from(given);
  };
  const lo = read('minWeights', options.minWeights, 0);
  const hi = read('maxWeights', options.maxWeights, 1);
  let sumLo = 0;
  let sumHi = 0;
  for (let i = 0; i < n; i++) {
    if (!(lo[i]! >= 0 && lo[i]! <= hi[i]!))
      throw invalidInput(
        `minWeights[${i}]`,
        lo[i],
        `HRP is long-only: need 0 ≤ min ≤ max (${hi[i]})`,
      );
    sumLo += lo[i]!;
    sumHi += hi[i]!;
  }
  if (sumLo > 1 + 1e-12 || sumHi < 1 - 1e-12) {
    throw new BallastError(
      'INFEASIBLE',
      `HRP: weight bounds admit no fully invested portfolio (Σmin = ${sumLo}, Σmax = ${sumHi})`,
      { sumMin: sumLo, sumMax: sumHi },
    );
  }
  return { lo, hi };
}

/**
 * HRP weights for the n × n covariance `cov` (positive variances; any scale). Throws
 * `INVALID_INPUT` for bad shapes, variances or bounds and `INFEASIBLE` when Σmin > 1 or
 * Σmax < 1. Cost O(n²) beyond the linkage.
 */
export function hierarchicalRiskParity(cov: Matrix, options: HrpOptions = {}): HrpSolution {
  const n = cov.rows;
  const clustering = clusterAssets(cov, options.linkage ?? 'single');
  const { lo, hi } = bounds(n, options);
  const order = leafOrder(clustering.tree);
  const weights = new Float64Array(n).fill(1);
  const sumOf = (a: Float64Array, items: readonly number[]): number =>
    items.reduce((s, i) => s + a[i]!, 0);
  let clampedSplits = 0;
  let items: number[][] = [order];
  while (items.length > 0) {
    const next: number[][] = [];
    for (const cluster of items) {
      if (cluster.length < 2) continue;
      const half = Math.floor(cluster.length / 2);
      const left = cluster.slice(0, half);
      const right = cluster.slice(half);
      const vl = inverseVarianceClusterVariance(cov, left);
      const vr = inverseVarianceClusterVariance(cov, right);
      let alpha = 1 - vl / (vl + vr);
      // The parent's total weight is weights[cluster[0]] (all its members still share it).
      const total = weights[cluster[0]!]!;
      const alphaLo = Math.max(sumOf(lo, left) / total, 1 - sumOf(hi, right) / total);
      const alphaHi = Math.min(sumOf(hi, left) / total, 1 - sumOf(lo, right) / total);
      if (alpha < alphaLo || alpha > alphaHi) {
        alpha = Math.min(alphaHi, Math.max(alphaLo, alpha));
        clampedSplits++;
      }
      for (const i of left) weights[i] = weights[i]! * alpha;
      for (const i of right) weights[i] = weights[i]! * (1 - alpha);
      next.push(left, right);
    }
    items = next;
  }
  return { weights, order, clustering, clampedSplits };
}

/** An HRP problem. */
export type HrpProblem = OptimizationProblem<Extract<HierarchicalObjective, { kind: 'hrp' }>>;

/**
 * HRP on the annual covariance of the inputs as a family solution (`objectiveValue` = annual
 * volatility). Weight bounds are enforced by the split clamping (the only constraints HRP
 * accepts, `capabilities.ts`).
 */
export function solveHrpProblem(problem: HrpProblem): FamilySolution {
  const { inputs, objective } = problem;
  const start = performance.now();
  const { lower, upper } = weightBounds(inputs.assets.length, problem.constraints ?? {});
  const solved = hierarchicalRiskParity(inputs.covarianceAnnual, {
    minWeights: lower,
    maxWeights: upper,
    ...(objective.linkage === undefined ? {} : { linkage: objective.linkage }),
  });
  const solveMs = performance.now() - start;
  return {
    weights: solved.weights,
    cash: 0,
    diagnostics: {
      solver: `hrp-${solved.clustering.method}`,
      iterations: 0,
      solveMs,
      solves: 1,
      message: `quasi-diagonal order ${solved.order.map((i) => inputs.assets[i]).join(' ')}; ${solved.clampedSplits} splits clamped to bounds`,
    },
    objectiveValue: (m) => m.volatilityAnnual,
  };
}

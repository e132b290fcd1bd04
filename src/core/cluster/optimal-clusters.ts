/**
 * Number of clusters by the two-order difference of the gap statistic (Yue, Wang & Wei 2009,
 * "Application of two-order difference to gap statistic", Trans. Tianjin Univ. 14; the rule
 * skfolio 0.x `compute_optimal_n_clusters` and Riskfolio-Lib `two_diff_gap_stat` apply to
 * hierarchical trees):
 *
 *   W_k = Σ_{clusters C of the k-cut} mean_{u<v ∈ C} d(u, v)   (singletons contribute 0)
 *   k* = argmax_{k ∈ 1…K−2} (W_{k+2} + W_k − 2 W_{k+1}) + 1,   K = min(n, max(8, round(√n)))
 *
 * i.e. the middle k of the three cuts with the largest second difference of the
 * within-cluster dispersion. First maximum wins on ties. For n < 3 there is no second
 * difference and k* = n.
 */

import type { Matrix } from '../linalg/matrix.ts';
import { clusterLabels, cutTree } from './dendrogram.ts';
import type { Dendrogram } from './linkage.ts';

/** W_k: sum over the clusters of the k-cut of their mean pairwise distance. */
export function withinClusterDispersion(tree: Dendrogram, distances: Matrix, k: number): number {
  const n = tree.leaves;
  const labels = clusterLabels(tree, cutTree(tree, k));
  const sums = new Float64Array(k);
  const pairs = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const c = labels[i]!;
      if (c !== labels[j]) continue;
      sums[c] = sums[c]! + distances.data[i * n + j]!;
      pairs[c] = pairs[c]! + 1;
    }
  }
  let total = 0;
  for (let c = 0; c < k; c++) if (pairs[c]! > 0) total += sums[c]! / pairs[c]!;
  return total;
}

/** k* of the two-order difference gap rule for `tree` built on `distances` (n × n). */
export function optimalClusterCount(tree: Dendrogram, distances: Matrix): number {
  const n = tree.leaves;
  if (n < 3) return n;
  const maxClusters = Math.min(n, Math.max(8, Math.round(Math.sqrt(n))));
  const w = Array.from({ length: maxClusters }, (_, i) =>
    withinClusterDispersion(tree, distances, i + 1),
  );
  let best = 0;
  let bestGap = -Infinity;
  for (let j = 0; j + 2 < maxClusters; j++) {
    const gap = w[j + 2]! + w[j]! - 2 * w[j + 1]!;
    if (gap > bestGap) {
      bestGap = gap;
      best = j;
    }
  }
  return best + 2;
}

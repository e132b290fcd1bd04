/**
 * Reading a {@link Dendrogram}: leaf order, the leaves under a cluster, and a cut into k
 * clusters. Cluster ids follow SciPy: leaves 0…n−1, merge m creates cluster n + m.
 */

import type { Dendrogram } from './linkage.ts';

/** Children of a merged cluster id (`undefined` for a leaf). */
export function childrenOf(
  tree: Dendrogram,
  cluster: number,
): readonly [number, number] | undefined {
  const merge = tree.merges[cluster - tree.leaves];
  return merge === undefined ? undefined : [merge.left, merge.right];
}

/** Id of the root cluster (the last merge, or leaf 0 when there is a single item). */
export function rootOf(tree: Dendrogram): number {
  return tree.leaves + tree.merges.length - 1;
}

/**
 * Leaves under `cluster` in left-to-right order, the left child (smaller id) first: the
 * pre-order of SciPy's `to_tree(Z).pre_order()`, i.e. López de Prado's quasi-diagonal order
 * when called on the root. Iterative (no recursion depth limit).
 */
export function leavesUnder(tree: Dendrogram, cluster: number): number[] {
  const out: number[] = [];
  const stack = [cluster];
  while (stack.length > 0) {
    const c = stack.pop()!;
    const kids = childrenOf(tree, c);
    if (kids === undefined) out.push(c);
    else stack.push(kids[1], kids[0]);
  }
  return out;
}

/** Quasi-diagonal order of all leaves (López de Prado 2016, "quasi-diagonalisation"). */
export function leafOrder(tree: Dendrogram): number[] {
  return tree.leaves === 0 ? [] : leavesUnder(tree, rootOf(tree));
}

/**
 * The k clusters left after undoing the last k − 1 merges (SciPy's `cut_tree(Z, k)`, so
 * exactly k clusters even when merge distances tie), as cluster ids ordered by their first
 * leaf in {@link leafOrder}. Throws RangeError unless 1 ≤ k ≤ n.
 */
export function cutTree(tree: Dendrogram, k: number): number[] {
  const n = tree.leaves;
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new RangeError(`cutTree: k = ${k} for ${n} leaves`);
  const kept = n - k; // merges performed
  const clusters: number[] = [];
  const stack = [rootOf(tree)];
  while (stack.length > 0) {
    const c = stack.pop()!;
    // Walking down only through undone merges, the first node made by a kept merge (or a
    // leaf) is a cluster of the cut.
    if (c < n + kept) clusters.push(c);
    else {
      const kids = childrenOf(tree, c);
      if (kids !== undefined) stack.push(kids[1], kids[0]);
    }
  }
  return clusters;
}

/** Cluster label (0…k−1, in the order of {@link cutTree}) of every leaf. */
export function clusterLabels(tree: Dendrogram, clusters: readonly number[]): Int32Array {
  const labels = new Int32Array(tree.leaves).fill(-1);
  clusters.forEach((c, label) => {
    for (const leaf of leavesUnder(tree, c)) labels[leaf] = label;
  });
  return labels;
}

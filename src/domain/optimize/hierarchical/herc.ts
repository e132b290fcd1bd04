/**
 * Hierarchical Equal Risk Contribution (Raffinot 2018, "The hierarchical equal risk
 * contribution portfolio", SSRN 3237540; as skfolio `HierarchicalEqualRiskContribution`
 * with the variance risk measure):
 *
 * 1. tree: correlation distance √((1 − ρ)/2) and a linkage ({@link clusterAssets}; default
 *    `ward`, skfolio's default — Raffinot also uses Ward);
 * 2. k clusters: given, or the two-order difference gap rule ({@link optimalClusterCount});
 *    the k-cut undoes the last k − 1 merges;
 * 3. within each cluster C, inverse-variance weights w̃_i ∝ 1/Σ_ii and the cluster risk
 *    V(C) = w̃ᵀΣ_C w̃;
 * 4. across clusters, top-down along the dendrogram: at every node above the cut, with
 *    R_L, R_R the sums of V(C) over the clusters under its left and right child, the left
 *    clusters' weights are multiplied by α = 1 − R_L/(R_L + R_R) and the right ones by 1 − α;
 * 5. w_i = (cluster weight) · w̃_i.
 *
 * Long-only, positive, Σw = 1 by construction. Weight bounds are verified, not imposed (skfolio
 * projects onto bounds with a separate QP afterwards; Ballast does not post-process weights).
 */

import { childrenOf, cutTree, leavesUnder, rootOf } from '../../../core/cluster/dendrogram.ts';
import type { LinkageMethod } from '../../../core/cluster/linkage.ts';
import { optimalClusterCount } from '../../../core/cluster/optimal-clusters.ts';
import type { Matrix } from '../../../core/linalg/matrix.ts';
import { invalidInput } from '../../errors.ts';
import type { HierarchicalObjective } from '../objectives.ts';
import type { OptimizationProblem } from '../problem.ts';
import type { FamilySolution } from '../result-build.ts';
import { inverseVarianceClusterVariance } from './hrp.ts';
import { clusterAssets, type AssetClustering } from './linkage.ts';

/** Options of {@link hierarchicalEqualRiskContribution}. */
export interface HercOptions {
  /** Linkage of the asset tree; default `ward`. */
  readonly linkage?: LinkageMethod;
  /** Number of clusters 1 ≤ k ≤ n; default: the two-order difference gap rule. */
  readonly clusters?: number;
}

/** HERC weights (asset order of the covariance) and the clusters used. */
export interface HercSolution {
  readonly weights: Float64Array;
  /** Asset indices of each cluster, in dendrogram order. */
  readonly clusters: readonly (readonly number[])[];
  /** Whether the cluster count came from the gap rule (`gap`) or the caller (`given`). */
  readonly clusterCountSource: 'gap' | 'given';
  readonly clustering: AssetClustering;
}

/**
 * HERC weights for the n × n covariance `cov` (positive variances). Throws `INVALID_INPUT` for
 * a bad shape, variance or cluster count.
 */
export function hierarchicalEqualRiskContribution(
  cov: Matrix,
  options: HercOptions = {},
): HercSolution {
  const n = cov.rows;
  const clustering = clusterAssets(cov, options.linkage ?? 'ward');
  const { tree } = clustering;
  const k = options.clusters ?? optimalClusterCount(tree, clustering.distances);
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw invalidInput('objective.clusters', k, `must be an integer in 1…${n}`);
  const cut = cutTree(tree, k);
  const clusterOfNode = new Map(cut.map((node, c) => [node, c]));
  const members = cut.map((node) => leavesUnder(tree, node));
  const risk = members.map((m) => inverseVarianceClusterVariance(cov, m));
  const clusterWeight = new Float64Array(k).fill(1);
  const clustersUnder = (node: number): number[] => {
    const out: number[] = [];
    const stack = [node];
    while (stack.length > 0) {
      const c = stack.pop()!;
      const label = clusterOfNode.get(c);
      if (label !== undefined) out.push(label);
      else {
        const kids = childrenOf(tree, c);
        if (kids !== undefined) stack.push(kids[1], kids[0]);
      }
    }
    return out;
  };
  const stack = n === 0 ? [] : [rootOf(tree)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (clusterOfNode.has(node)) continue;
    const [left, right] = childrenOf(tree, node)!;
    const l = clustersUnder(left);
    const r = clustersUnder(right);
    const rl = l.reduce((s, c) => s + risk[c]!, 0);
    const rr = r.reduce((s, c) => s + risk[c]!, 0);
    const alpha = 1 - rl / (rl + rr);
    for (const c of l) clusterWeight[c] = clusterWeight[c]! * alpha;
    for (const c of r) clusterWeight[c] = clusterWeight[c]! * (1 - alpha);
    stack.push(right, left);
  }
  const weights = new Float64Array(n);
  members.forEach((m, c) => {
    let norm = 0;
    for (const i of m) norm += 1 / cov.data[i * n + i]!;
    for (const i of m) weights[i] = (1 / cov.data[i * n + i]! / norm) * clusterWeight[c]!;
  });
  return {
    weights,
    clusters: members,
    clusterCountSource: options.clusters === undefined ? 'gap' : 'given',
    clustering,
  };
}

/** A HERC problem. */
export type HercProblem = OptimizationProblem<Extract<HierarchicalObjective, { kind: 'herc' }>>;

/**
 * HERC on the annual covariance of the inputs as a family solution (`objectiveValue` = annual
 * volatility). Weight bounds are verified, not imposed: a broken bound is INFEASIBLE.
 */
export function solveHercProblem(problem: HercProblem): FamilySolution {
  const { inputs, objective } = problem;
  const start = performance.now();
  const solved = hierarchicalEqualRiskContribution(inputs.covarianceAnnual, {
    ...(objective.linkage === undefined ? {} : { linkage: objective.linkage }),
    ...(objective.clusters === undefined ? {} : { clusters: objective.clusters }),
  });
  const solveMs = performance.now() - start;
  return {
    weights: solved.weights,
    cash: 0,
    diagnostics: {
      solver: `herc-${solved.clustering.method}`,
      iterations: 0,
      solveMs,
      solves: 1,
      message: `${solved.clusters.length} clusters (${solved.clusterCountSource}): ${solved.clusters.map((c) => c.map((i) => inputs.assets[i]).join(' ')).join(' | ')}`,
    },
    objectiveValue: (m) => m.volatilityAnnual,
    violation: {
      code: 'INFEASIBLE',
      hint: 'its weights are determined by the clustering and cannot be bounded',
    },
  };
}

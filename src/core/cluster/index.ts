/** Hierarchical clustering: linkage (single/complete/average/ward), dendrogram reading, cluster count. */
export { linkage, type Dendrogram, type LinkageMethod, type Merge } from './linkage.ts';
export {
  childrenOf,
  clusterLabels,
  cutTree,
  leafOrder,
  leavesUnder,
  rootOf,
} from './dendrogram.ts';
export { optimalClusterCount, withinClusterDispersion } from './optimal-clusters.ts';

/**
 * Agglomerative hierarchical clustering of n items from a symmetric distance matrix, with the
 * Lance-Williams updates for `single`, `complete`, `average` (UPGMA) and `ward` linkage
 * (Müllner 2011, "Modern hierarchical, agglomerative clustering algorithms", arXiv 1109.2378,
 * Table 1; the same merge distances as SciPy's `scipy.cluster.hierarchy.linkage`):
 *
 *   single    d(k, i∪j) = min(d_ki, d_kj)
 *   complete  d(k, i∪j) = max(d_ki, d_kj)
 *   average   d(k, i∪j) = (|i| d_ki + |j| d_kj)/(|i| + |j|)
 *   ward      d(k, i∪j) = √(((|i|+|k|) d_ki² + (|j|+|k|) d_kj² − |k| d_ij²)/(|i|+|j|+|k|))
 *
 * Output in SciPy's convention: leaves are clusters 0…n−1, merge m creates cluster n + m,
 * each merge lists the smaller cluster id first. Ties are broken deterministically: among
 * pairs at the smallest distance, the pair with the smallest lower id, then the smallest
 * higher id, merges first (SciPy's choice on ties depends on its algorithm; only tied
 * distances can make the trees differ).
 *
 * All four linkages are reducible, so a nearest-neighbour list kept per cluster only needs a
 * full rescan for rows whose neighbour was just merged: about O(n²) time, O(n²) memory.
 */

import type { Matrix } from '../linalg/matrix.ts';

/** Linkage criterion of {@link linkage}. */
export type LinkageMethod = 'single' | 'complete' | 'average' | 'ward';

/** One merge of the dendrogram: clusters `left` < `right` join at `distance`. */
export interface Merge {
  readonly left: number;
  readonly right: number;
  readonly distance: number;
  /** Number of leaves in the new cluster. */
  readonly size: number;
}

/** A dendrogram over `leaves` items: n − 1 merges in order (SciPy's linkage matrix rows). */
export interface Dendrogram {
  readonly leaves: number;
  readonly merges: readonly Merge[];
}

function lanceWilliams(
  method: LinkageMethod,
  sizes: { i: number; j: number; k: number },
  d: { ki: number; kj: number; ij: number },
): number {
  switch (method) {
    case 'single':
      return Math.min(d.ki, d.kj);
    case 'complete':
      return Math.max(d.ki, d.kj);
    case 'average':
      return (sizes.i * d.ki + sizes.j * d.kj) / (sizes.i + sizes.j);
    case 'ward': {
      const t = sizes.i + sizes.j + sizes.k;
      const s =
        (sizes.i + sizes.k) * d.ki * d.ki +
        (sizes.j + sizes.k) * d.kj * d.kj -
        sizes.k * d.ij * d.ij;
      return Math.sqrt(Math.max(s, 0) / t);
    }
  }
}

class State {
  readonly n: number;
  readonly d: Float64Array;
  readonly active: Uint8Array;
  readonly id: Int32Array;
  readonly size: Float64Array;
  readonly nn: Int32Array;
  readonly nnDist: Float64Array;

  constructor(distances: Matrix) {
    const n = distances.rows;
    this.n = n;
    this.d = Float64Array.from(distances.data);
    this.active = new Uint8Array(n).fill(1);
    this.id = Int32Array.from({ length: n }, (_, i) => i);
    this.size = new Float64Array(n).fill(1);
    this.nn = new Int32Array(n).fill(-1);
    this.nnDist = new Float64Array(n).fill(Infinity);
    for (let i = 0; i < n; i++) this.rescan(i);
  }

  /** Nearest active neighbour of slot i (ties: smallest cluster id). */
  rescan(i: number): void {
    const { n, d, active, id } = this;
    let best = -1;
    let bestDist = Infinity;
    for (let k = 0; k < n; k++) {
      if (k === i || active[k] === 0) continue;
      const v = d[i * n + k]!;
      if (v < bestDist || (v === bestDist && best >= 0 && id[k]! < id[best]!) || best < 0) {
        best = k;
        bestDist = v;
      }
    }
    this.nn[i] = best;
    this.nnDist[i] = bestDist;
  }

  /** Slot pair to merge next: smallest (distance, lower id, higher id). */
  closestPair(): [number, number] {
    let bi = -1;
    let key: [number, number, number] = [Infinity, Infinity, Infinity];
    for (let i = 0; i < this.n; i++) {
      const j = this.nn[i]!;
      if (this.active[i] === 0 || j < 0) continue;
      const lo = Math.min(this.id[i]!, this.id[j]!);
      const hi = Math.max(this.id[i]!, this.id[j]!);
      const dist = this.nnDist[i]!;
      if (
        bi < 0 ||
        dist < key[0] ||
        (dist === key[0] && (lo < key[1] || (lo === key[1] && hi < key[2])))
      ) {
        bi = i;
        key = [dist, lo, hi];
      }
    }
    return [bi, this.nn[bi]!];
  }
}

function checkDistances(distances: Matrix): void {
  const n = distances.rows;
  if (distances.cols !== n)
    throw new RangeError(`linkage: distance matrix is ${n}×${distances.cols}`);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = distances.data[i * n + j]!;
      if (!(v >= 0) || !Number.isFinite(v))
        throw new RangeError(`linkage: distance (${i}, ${j}) = ${v} is not a finite number ≥ 0`);
      if (v !== distances.data[j * n + i])
        throw new RangeError(`linkage: distance matrix is not symmetric at (${i}, ${j})`);
    }
  }
}

/**
 * Hierarchical clustering of the n × n symmetric, non-negative `distances` (diagonal ignored).
 * Throws RangeError for a non-square, asymmetric, negative or non-finite input. n = 0 or 1
 * gives no merges.
 */
export function linkage(distances: Matrix, method: LinkageMethod): Dendrogram {
  checkDistances(distances);
  const s = new State(distances);
  const { n, d } = s;
  const merges: Merge[] = [];
  for (let m = 0; m < n - 1; m++) {
    const [a, b] = s.closestPair();
    const dab = d[a * n + b]!;
    const [sa, sb] = [s.size[a]!, s.size[b]!];
    merges.push({
      left: Math.min(s.id[a]!, s.id[b]!),
      right: Math.max(s.id[a]!, s.id[b]!),
      distance: dab,
      size: sa + sb,
    });
    // The merged cluster lives in slot a; slot b is retired.
    s.active[b] = 0;
    for (let k = 0; k < n; k++) {
      if (s.active[k] === 0 || k === a) continue;
      const v = lanceWilliams(
        method,
        { i: sa, j: sb, k: s.size[k]! },
        { ki: d[k * n + a]!, kj: d[k * n + b]!, ij: dab },
      );
      d[k * n + a] = v;
      d[a * n + k] = v;
    }
    s.size[a] = sa + sb;
    s.id[a] = n + m;
    for (let k = 0; k < n; k++) {
      if (s.active[k] === 0 || k === a) continue;
      const nk = s.nn[k]!;
      if (nk === a || nk === b) s.rescan(k);
      else if (d[k * n + a]! < s.nnDist[k]!) {
        s.nn[k] = a;
        s.nnDist[k] = d[k * n + a]!;
      }
    }
    s.rescan(a);
  }
  return { leaves: n, merges };
}

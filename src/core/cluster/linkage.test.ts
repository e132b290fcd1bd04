import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../linalg/matrix.ts';
import { clusterLabels, cutTree, leafOrder, leavesUnder } from './dendrogram.ts';
import { linkage, type LinkageMethod } from './linkage.ts';
import { optimalClusterCount, withinClusterDispersion } from './optimal-clusters.ts';

/** Merge distances: SciPy repeats our Lance-Williams arithmetic, up to operation order. */
const DISTANCE_TOLERANCE = 1e-12;

/** Six points in the plane; Euclidean distances (all distinct). */
const POINTS = [
  [0, 0],
  [1, 0.2],
  [5, 5],
  [5.5, 4.1],
  [9, 0.5],
  [2.2, 7.3],
] as const;

function euclidean(points: readonly (readonly number[])[]): Matrix {
  const n = points.length;
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const dx = points[i]![0]! - points[j]![0]!;
      const dy = points[i]![1]! - points[j]![1]!;
      data[i * n + j] = Math.sqrt(dx * dx + dy * dy);
    }
  }
  return { rows: n, cols: n, data };
}

/**
 * scipy 1.17.1 `scipy.cluster.hierarchy.linkage(pdist(POINTS), method)` rows
 * [left, right, distance, size] and `to_tree(Z).pre_order()`.
 */
const SCIPY: Record<
  LinkageMethod,
  { merges: [number, number, number, number][]; order: number[] }
> = {
  single: {
    merges: [
      [0, 1, 1.019803902718557, 2],
      [2, 3, 1.0295630140987002, 2],
      [5, 7, 3.6235341863986874, 3],
      [4, 8, 5.020956084253276, 4],
      [6, 9, 5.954829972383762, 6],
    ],
    order: [0, 1, 4, 5, 2, 3],
  },
  complete: {
    merges: [
      [0, 1, 1.019803902718557, 2],
      [2, 3, 1.0295630140987002, 2],
      [5, 7, 4.596737973824482, 3],
      [6, 8, 7.624303246854758, 5],
      [4, 9, 9.616652224137045, 6],
    ],
    order: [4, 0, 1, 5, 2, 3],
  },
  average: {
    merges: [
      [0, 1, 1.019803902718557, 2],
      [2, 3, 1.0295630140987002, 2],
      [5, 7, 4.110136080111585, 3],
      [6, 8, 6.826520722874032, 5],
      [4, 9, 7.5355813620593235, 6],
    ],
    order: [4, 0, 1, 5, 2, 3],
  },
  ward: {
    merges: [
      [0, 1, 1.019803902718557, 2],
      [2, 3, 1.0295630140987002, 2],
      [5, 7, 4.742010825237187, 3],
      [4, 8, 8.431093246627825, 4],
      [6, 9, 10.490789611209761, 6],
    ],
    order: [0, 1, 4, 5, 2, 3],
  },
};

describe('linkage', () => {
  for (const method of ['single', 'complete', 'average', 'ward'] as const) {
    it(`reproduces SciPy's ${method} linkage and leaf order`, () => {
      const tree = linkage(euclidean(POINTS), method);
      const expected = SCIPY[method];
      expect(tree.merges.map((m) => [m.left, m.right, m.size])).toEqual(
        expected.merges.map(([l, r, , s]) => [l, r, s]),
      );
      tree.merges.forEach((m, k) => {
        const d = expected.merges[k]![2];
        expect(Math.abs(m.distance - d)).toBeLessThanOrEqual(DISTANCE_TOLERANCE * d);
      });
      expect(leafOrder(tree)).toEqual(expected.order);
    });
  }

  it('breaks ties by the smallest lower id, then the smallest higher id', () => {
    // Four points on a unit square: every side is 1, every diagonal √2.
    const s = Math.SQRT2;
    const square = {
      rows: 4,
      cols: 4,
      data: Float64Array.from([0, 1, s, 1, 1, 0, 1, s, s, 1, 0, 1, 1, s, 1, 0]),
    };
    const tree = linkage(square, 'single');
    // After {0, 1} → 4, the pairs (2, 3), (2, 4) and (3, 4) all sit at 1: (2, 3) goes first.
    expect(tree.merges.map((m) => [m.left, m.right])).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    expect(linkage(square, 'single')).toEqual(tree);
  });

  it('handles one and two items', () => {
    expect(linkage({ rows: 1, cols: 1, data: Float64Array.of(0) }, 'ward').merges).toEqual([]);
    const two = linkage({ rows: 2, cols: 2, data: Float64Array.of(0, 3, 3, 0) }, 'average');
    expect(two.merges).toEqual([{ left: 0, right: 1, distance: 3, size: 2 }]);
    expect(leafOrder(two)).toEqual([0, 1]);
  });

  it('rejects asymmetric, negative or non-finite distances', () => {
    const bad = (data: number[]): Matrix => ({ rows: 2, cols: 2, data: Float64Array.from(data) });
    expect(() => linkage(bad([0, 1, 2, 0]), 'single')).toThrow(RangeError);
    expect(() => linkage(bad([0, -1, -1, 0]), 'single')).toThrow(RangeError);
    expect(() => linkage(bad([0, Number.NaN, Number.NaN, 0]), 'single')).toThrow(RangeError);
    expect(() => linkage({ rows: 2, cols: 3, data: new Float64Array(6) }, 'single')).toThrow(
      RangeError,
    );
  });

  it('produces n − 1 monotone merges whose leaf order is a permutation (random points)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -10, max: 10, noNaN: true }),
            fc.double({ min: -10, max: 10, noNaN: true }),
          ),
          { minLength: 1, maxLength: 25 },
        ),
        fc.constantFrom<LinkageMethod>('single', 'complete', 'average', 'ward'),
        (points, method) => {
          const tree = linkage(euclidean(points), method);
          expect(tree.merges).toHaveLength(points.length - 1);
          for (let k = 1; k < tree.merges.length; k++) {
            expect(tree.merges[k]!.distance).toBeGreaterThanOrEqual(
              tree.merges[k - 1]!.distance * (1 - 1e-12),
            );
          }
          expect([...leafOrder(tree)].sort((a, b) => a - b)).toEqual(points.map((_, i) => i));
        },
      ),
    );
  });
});

describe('dendrogram cuts', () => {
  const tree = linkage(euclidean(POINTS), 'ward');

  it('cuts into exactly k clusters that partition the leaves', () => {
    for (let k = 1; k <= 6; k++) {
      const clusters = cutTree(tree, k);
      expect(clusters).toHaveLength(k);
      const labels = clusterLabels(tree, clusters);
      expect([...labels].every((l) => l >= 0 && l < k)).toBe(true);
    }
    expect(cutTree(tree, 3).map((c) => leavesUnder(tree, c))).toEqual([[0, 1], [4], [5, 2, 3]]);
    expect(() => cutTree(tree, 0)).toThrow(RangeError);
    expect(() => cutTree(tree, 7)).toThrow(RangeError);
  });

  it('measures dispersion as the sum of mean within-cluster distances', () => {
    const d = euclidean(POINTS);
    // k = 5: only {0, 1} has a pair (the first merge), so W = d(0, 1).
    expect(withinClusterDispersion(tree, d, 5)).toBeCloseTo(1.019803902718557, 14);
    expect(withinClusterDispersion(tree, d, 6)).toBe(0);
  });

  it('picks the cluster count by the two-order difference of the dispersion', () => {
    const d = euclidean(POINTS);
    const w = [1, 2, 3, 4, 5, 6].map((k) => withinClusterDispersion(tree, d, k));
    const gaps = [0, 1, 2, 3].map((j) => w[j + 2]! + w[j]! - 2 * w[j + 1]!);
    const best = gaps.indexOf(Math.max(...gaps));
    expect(optimalClusterCount(tree, d)).toBe(best + 2);
    expect(
      optimalClusterCount(
        linkage(
          euclidean([
            [0, 0],
            [1, 1],
          ]),
          'single',
        ),
        euclidean([
          [0, 0],
          [1, 1],
        ]),
      ),
    ).toBe(2);
  });
});

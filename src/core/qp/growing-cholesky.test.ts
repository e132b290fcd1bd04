import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GrowingCholesky } from './growing-cholesky.ts';

/** A random SPD matrix A = BᵀB + I (n × n, row-major) from a seed. */
function spd(n: number, seed: number): Float64Array {
  let s = seed;
  const u = (): number => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647 - 0.5;
  };
  const b = Float64Array.from({ length: n * n }, u);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let v = i === j ? 1 : 0;
      for (let k = 0; k < n; k++) v += b[k * n + i]! * b[k * n + j]!;
      a[i * n + j] = v;
    }
  }
  return a;
}

function reconstruct(f: GrowingCholesky): number[][] {
  const k = f.size;
  return Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      let v = 0;
      for (let p = 0; p <= Math.min(i, j); p++)
        v += f.data[i * f.stride + p]! * f.data[j * f.stride + p]!;
      return v;
    }),
  );
}

describe('GrowingCholesky', () => {
  it('loads a smaller factor over a grown one, leaving zeros outside it', () => {
    const a = spd(5, 7);
    const f = new GrowingCholesky(6);
    for (let k = 0; k < 5; k++)
      expect(f.append(a.subarray(k * 5, k * 5 + k), a[k * 5 + k]!)).toBe(true);
    f.remove(1);
    // L of [[4, 2], [2, 5]] by hand: l11 = 2, l21 = 1, l22 = 2.
    f.load(Float64Array.of(2, 0, 1, 2), 2);
    expect(f.size).toBe(2);
    expect(reconstruct(f)).toEqual([
      [4, 2],
      [2, 5],
    ]);
    const outside = [...f.data].filter((v, i) => v !== 0 && !(i === 0 || i === 6 || i === 7));
    expect(outside).toEqual([]);
  });

  it('reproduces the principal submatrix of the kept indices after appends and removals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (n, seed, removals) => {
          const a = spd(n, seed);
          const f = new GrowingCholesky(n);
          const kept: number[] = [];
          for (let j = 0; j < n; j++) {
            expect(
              f.append(
                Float64Array.from(kept, (i) => a[i * n + j]!),
                a[j * n + j]!,
              ),
            ).toBe(true);
            kept.push(j);
          }
          for (const r of removals) {
            if (kept.length <= 1) break;
            const q = r % kept.length;
            f.remove(q);
            kept.splice(q, 1);
          }
          const got = reconstruct(f);
          kept.forEach((i, p) =>
            kept.forEach((j, q) => expect(got[p]![q]!).toBeCloseTo(a[i * n + j]!, 10)),
          );
        },
      ),
    );
  });

  it('refuses to append a column that makes the block singular', () => {
    const f = new GrowingCholesky(2);
    expect(f.append(new Float64Array(0), 4)).toBe(true);
    // [[4, 2], [2, 1]] is singular: pivot 1 − 2²/4 = 0.
    expect(f.append(Float64Array.from([2]), 1)).toBe(false);
    expect(f.size).toBe(1);
  });

  it('solves L·y = b and Lᵀ·x = y in place', () => {
    const f = new GrowingCholesky(2);
    f.append(new Float64Array(0), 4); // L = [[2, 0], [1, √2]] for A = [[4, 2], [2, 3]]
    f.append(Float64Array.from([2]), 3);
    const b = Float64Array.from([2, 5]);
    f.solveLower(b);
    f.solveUpper(b);
    // A·x = (2, 5): x = A⁻¹(2, 5) = (1/8)·[[3, −2], [−2, 4]]·(2, 5) = (−0.5, 2).
    expect(b[0]).toBeCloseTo(-0.5, 14);
    expect(b[1]).toBeCloseTo(2, 14);
  });
});

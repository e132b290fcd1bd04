import { describe, expect, it } from 'vitest';
import { fromRows } from './matrix.ts';
import { solveLower, solveLowerTransposed, solveUpper } from './triangular-solve.ts';

// Tolerance: solutions of small integer systems to 1e-14 (hand arithmetic in comments).

describe('triangular solves', () => {
  const l = fromRows([
    [2, 0, 0],
    [6, 1, 0],
    [-8, 5, 3],
  ]);

  it('forward-substitutes a lower-triangular system', () => {
    // 2x0 = 2 → 1; 6 + x1 = 7 → 1; −8 + 5 + 3x2 = 0 → 1.
    expect(Array.from(solveLower(l, Float64Array.of(2, 7, 0)))).toEqual([1, 1, 1]);
  });

  it('back-substitutes an upper-triangular system', () => {
    const u = fromRows([
      [2, 6, -8],
      [0, 1, 5],
      [0, 0, 3],
    ]);
    // 3x2 = 3 → 1; x1 + 5 = 6 → 1; 2x0 + 6 − 8 = 0 → 1.
    expect(Array.from(solveUpper(u, Float64Array.of(0, 6, 3)))).toEqual([1, 1, 1]);
  });

  it('solves Lᵀ·x = b without forming the transpose', () => {
    // Lᵀ = [[2,6,−8],[0,1,5],[0,0,3]], the same system as above.
    expect(Array.from(solveLowerTransposed(l, Float64Array.of(0, 6, 3)))).toEqual([1, 1, 1]);
  });

  it('rejects mismatched shapes', () => {
    expect(() => solveLower(l, Float64Array.of(1, 2))).toThrow(RangeError);
    expect(() => solveUpper(fromRows([[1, 2]]), Float64Array.of(1))).toThrow(RangeError);
  });
});

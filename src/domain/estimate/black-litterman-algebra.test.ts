import { describe, expect, it } from 'vitest';
import { fromRows, toRows } from '../../core/linalg/matrix.ts';
import { addScaled, solveSquare, symmetrise } from './black-litterman-algebra.ts';

// Tolerances: exact for small integers; solves to 1e-14.
describe('Black-Litterman dense algebra', () => {
  const a = fromRows([
    [1, 2, 0],
    [0, 1, 3],
  ]);

  it('adds scaled matrices and symmetrises', () => {
    // −1·A + A = 0; (B + Bᵀ)/2 = [[1, 3], [3, 1]].
    expect(Array.from(addScaled(a, -1, a).data)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(
      toRows(
        symmetrise(
          fromRows([
            [1, 2],
            [4, 1],
          ]),
        ),
      ),
    ).toEqual([
      [1, 3],
      [3, 1],
    ]);
  });

  it('refuses non-conforming shapes', () => {
    expect(() => solveSquare(a, a)).toThrow(RangeError);
  });

  it('solves by LU and falls back to the pseudo-inverse on a singular system', () => {
    // [[2, 0], [0, 4]] x = (1, 1) → x = (.5, .25).
    const lu = solveSquare(
      fromRows([
        [2, 0],
        [0, 4],
      ]),
      fromRows([[1], [1]]),
    );
    expect(lu.method).toBe('lu');
    expect(Array.from(lu.solution.data)).toEqual([0.5, 0.25]);
    // [[1, 1], [1, 1]] x = (2, 2): minimum-norm solution (1, 1).
    const singular = solveSquare(
      fromRows([
        [1, 1],
        [1, 1],
      ]),
      fromRows([[2], [2]]),
    );
    expect(singular.method).toBe('pseudoInverse');
    singular.solution.data.forEach((x) => expect(x).toBeCloseTo(1, 14));
  });
});

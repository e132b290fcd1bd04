import { describe, expect, it } from 'vitest';
import { luFactor, luSolve } from './dense-lu.ts';

describe('luFactor / luSolve', () => {
  it('solves an indefinite system that needs pivoting', () => {
    // [[0, 1], [1, 0]]·x = (3, 4) → x = (4, 3): the zero (0,0) pivot forces a row swap.
    const f = luFactor(Float64Array.from([0, 1, 1, 0]), 2);
    expect(f).toBeDefined();
    expect(Array.from(luSolve(f!, Float64Array.from([3, 4])))).toEqual([4, 3]);
  });

  it('solves a 3 × 3 system checked by substitution', () => {
    const a = [2, 1, -1, -3, -1, 2, -2, 1, 2];
    const x = luSolve(luFactor(Float64Array.from(a), 3)!, Float64Array.from([8, -11, -3]));
    // Classic example: x = (2, 3, −1).
    [2, 3, -1].forEach((v, i) => expect(x[i]).toBeCloseTo(v, 13));
  });

  it('reports a singular matrix', () => {
    expect(luFactor(Float64Array.from([1, 2, 2, 4]), 2)).toBeUndefined();
  });

  it('rejects a wrong shape', () => {
    expect(() => luFactor(new Float64Array(3), 2)).toThrow(RangeError);
  });
});

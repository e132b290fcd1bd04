import { describe, expect, it } from 'vitest';
import { at, fromRows, identity, matrix, toRows } from './matrix.ts';

describe('matrix', () => {
  it('builds zero, copied and nested-row matrices and reads elements', () => {
    expect(Array.from(matrix(2, 2).data)).toEqual([0, 0, 0, 0]);
    const source = [1, 2, 3, 4, 5, 6];
    const m = matrix(2, 3, source);
    source[0] = 99;
    expect(at(m, 0, 0)).toBe(1);
    expect(at(m, 1, 2)).toBe(6);
    expect(toRows(fromRows(toRows(m)))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(toRows(identity(2))).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('rejects bad shapes and ragged rows', () => {
    expect(() => matrix(-1, 2)).toThrow(RangeError);
    expect(() => matrix(2, 2, [1, 2, 3])).toThrow(RangeError);
    expect(() => fromRows([[1, 2], [3]])).toThrow(/row 1/);
  });
});

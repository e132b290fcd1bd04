import { describe, expect, it } from 'vitest';
import { fromRows, toRows } from '../linalg/matrix.ts';
import { invertPositiveDefinite } from './invert-hessian.ts';

describe('inverse of a positive-definite matrix', () => {
  it('inverts [[4, 2, 0], [2, 5, 1], [0, 1, 3]] (A·A⁻¹ = I)', () => {
    const a = fromRows([
      [4, 2, 0],
      [2, 5, 1],
      [0, 1, 3],
    ]);
    const r = invertPositiveDefinite(a);
    if (!r.ok) throw new Error('expected ok');
    // Hand: det = 4(15 − 1) − 2(6 − 0) = 44; A⁻¹ = adj(A)/44 with adj row 0 = (14, −6, 2).
    expect(toRows(r.inverse)[0]?.map((v) => v * 44)).toEqual([
      expect.closeTo(14, 12),
      expect.closeTo(-6, 12),
      expect.closeTo(2, 12),
    ]);
    const rows = toRows(a);
    const inv = toRows(r.inverse);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        const s = [0, 1, 2].reduce((acc, k) => acc + (rows[i]?.[k] ?? 0) * (inv[k]?.[j] ?? 0), 0);
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
      }
  });

  it('reports the failing pivot of an indefinite matrix', () => {
    const r = invertPositiveDefinite(
      fromRows([
        [1, 2],
        [2, 1],
      ]),
    );
    expect(r).toEqual({ ok: false, reason: 'notPositiveDefinite', pivot: 1 });
  });

  it('rejects a non-square matrix', () => {
    expect(invertPositiveDefinite(fromRows([[1, 2]]))).toMatchObject({
      ok: false,
      reason: 'notSquare',
    });
  });
});

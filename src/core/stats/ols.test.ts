import { describe, expect, it } from 'vitest';
import { fromRows, matrix } from '../linalg/matrix.ts';
import { olsWithIntercept } from './ols.ts';

describe('olsWithIntercept', () => {
  it('y = 2 − x₁ + 3x₂ exactly (hand case): coefficients, R² = 1, F infinite-or-huge', () => {
    const x = fromRows([
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
    const y = [2, 1, 5, 4, 3];
    const r = olsWithIntercept(x, y);
    if (!r.ok) throw new Error('expected a fit');
    expect(Array.from(r.fit.coefficients)).toEqual([2, -1, 3].map((v) => expect.closeTo(v, 12)));
    expect(r.fit.rSquared).toBeCloseTo(1, 12);
    expect(r.fit.parameters).toBe(3);
  });

  it('HAC with 0 lags is White HC0: Σ(z_t u_t)² / (Σ z_t²)² for the slope of a centred regressor', () => {
    // x = (−1, 0, 1), y = (0, 2, 1): β = Σxy/Σx² = 1/2, α = ȳ = 1, u = (−0.5, 1, −0.5).
    // x is centred, so the slope's HC0 variance is Σx²u²/(Σx²)² = (0.25 + 0.25)/4 = 0.125,
    // and the intercept's is Σu²/n² = 1.5/9.
    const r = olsWithIntercept(matrix(3, 1, [-1, 0, 1]), [0, 2, 1], { hacLags: 0 });
    if (!r.ok) throw new Error('expected a fit');
    expect(r.fit.standardErrors[1]).toBeCloseTo(Math.sqrt(0.125), 14);
    expect(r.fit.standardErrors[0]).toBeCloseTo(Math.sqrt(1.5 / 9), 14);
  });

  it('failures as data: too few rows, a zero column, collinear columns', () => {
    expect(olsWithIntercept(matrix(2, 2, [1, 2, 3, 4]), [1, 2])).toEqual({
      ok: false,
      reason: 'too-few-observations',
      observations: 2,
    });
    const zero = olsWithIntercept(matrix(4, 2, [1, 0, 2, 0, 3, 0, 5, 0]), [1, 2, 3, 4]);
    expect(zero).toMatchObject({ ok: false, reason: 'collinear', columns: [2] });
    const dup = olsWithIntercept(matrix(4, 2, [1, 2, 2, 4, 3, 6, 5, 10]), [1, 2, 3, 4]);
    expect(dup).toMatchObject({ ok: false, reason: 'collinear', columns: [1, 2] });
    expect(() => olsWithIntercept(matrix(2, 1, [1, 2]), [1])).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { expectMatrixClose, seededReturns } from '../../../test/helpers/matrices.ts';
import { fromRows, toRows } from '../../core/linalg/matrix.ts';
import { covariance } from '../../core/stats/covariance.ts';
import { ewmaCovariance } from './ewma-covariance.ts';
import { ewmaVariance } from './ewma-variance.ts';

// Tolerances: hand arithmetic to 1e-18 absolute (values ~1e-4); the closed form against the
// literal recursion to 1e-13 relative (both are exact up to rounding).

describe('ewmaCovariance', () => {
  it('follows the RiskMetrics recursion on a three-point example computed by hand', () => {
    // λ = 0.5, minPeriods = 2. Seed: sample covariance of r0 = (0.01, 0.02), r1 = (0.03, 0):
    //   means (0.02, 0.01), deviations ±(−0.01, 0.01) → Σ = [[2, −2], [−2, 2]]e-4.
    // r2 = (0.02, −0.02): r2·r2ᵀ = [[4, −4], [−4, 4]]e-4
    //   → Σ = 0.5·[[2, −2], [−2, 2]]e-4 + 0.5·[[4, −4], [−4, 4]]e-4 = [[3, −3], [−3, 3]]e-4.
    // r3 = (−0.04, 0.02): r3·r3ᵀ = [[16, −8], [−8, 4]]e-4
    //   → Σ = 0.5·[[3, −3], [−3, 3]]e-4 + 0.5·[[16, −8], [−8, 4]]e-4 = [[9.5, −5.5], [−5.5, 3.5]]e-4.
    // r4 = (0, 0.04): r4·r4ᵀ = [[0, 0], [0, 16]]e-4
    //   → Σ = [[4.75, −2.75], [−2.75, 1.75 + 8]]e-4 = [[4.75, −2.75], [−2.75, 9.75]]e-4.
    const returns = fromRows([
      [0.01, 0.02],
      [0.03, 0.0],
      [0.02, -0.02],
      [-0.04, 0.02],
      [0.0, 0.04],
    ]);
    const result = ewmaCovariance(returns, { lambda: 0.5, minPeriods: 2 });
    expectMatrixClose(
      result.covariance,
      [
        [4.75e-4, -2.75e-4],
        [-2.75e-4, 9.75e-4],
      ],
      1e-18,
    );
    expect(result.warnings).toEqual([]);
    expect(result.shrinkage).toBeUndefined();
  });

  it('equals the literal recursion and, on the diagonal, ewmaVariance', () => {
    const returns = seededReturns({ t: 300, n: 5, seed: 42, factor: 0.4 });
    const lambda = 0.94;
    const minPeriods = 20;
    const n = returns.cols;
    const sigma = covariance({
      rows: minPeriods,
      cols: n,
      data: returns.data.slice(0, minPeriods * n),
    }).data;
    for (let t = minPeriods; t < returns.rows; t++) {
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const r = returns.data;
          sigma[i * n + j] =
            lambda * sigma[i * n + j]! + (1 - lambda) * r[t * n + i]! * r[t * n + j]!;
        }
      }
    }
    const { covariance: cov } = ewmaCovariance(returns, { lambda, minPeriods });
    const scale = Math.max(...sigma.map(Math.abs));
    expectMatrixClose(cov, toRows({ rows: n, cols: n, data: sigma }), 1e-13 * scale);
    for (let i = 0; i < n; i++) {
      const column = Float64Array.from(
        { length: returns.rows },
        (_, t) => returns.data[t * n + i]!,
      );
      const v = ewmaVariance(column, { lambda, minPeriods }).nextVariance;
      expect(Math.abs(cov.data[i * n + i]! - v)).toBeLessThanOrEqual(1e-13 * v);
    }
  });

  it('uses the seed alone when there are exactly minPeriods returns', () => {
    const returns = fromRows([
      [0.01, 0.02],
      [0.03, 0.0],
    ]);
    expect(toRows(ewmaCovariance(returns, { lambda: 0.9, minPeriods: 2 }).covariance)).toEqual(
      toRows(covariance(returns)),
    );
  });

  it('warns when there are fewer periods than assets', () => {
    const returns = seededReturns({ t: 4, n: 6, seed: 7 });
    expect(ewmaCovariance(returns, { lambda: 0.9, minPeriods: 2 }).warnings[0]?.message).toMatch(
      /singular/,
    );
  });

  it('rejects a bad λ, minPeriods or too few returns', () => {
    const returns = seededReturns({ t: 5, n: 2, seed: 3 });
    expect(() => ewmaCovariance(returns, { lambda: 1, minPeriods: 2 })).toThrow(/lambda/);
    expect(() => ewmaCovariance(returns, { lambda: 0.9, minPeriods: 1 })).toThrow(/minPeriods/);
    expect(() => ewmaCovariance(returns, { lambda: 0.9, minPeriods: 6 })).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_DATA' }),
    );
  });
});

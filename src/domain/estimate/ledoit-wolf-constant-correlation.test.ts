import { describe, expect, it } from 'vitest';
import { expectMatrixClose } from '../../../test/helpers/matrices.ts';
import { fromRows, toRows } from '../../core/linalg/matrix.ts';
import {
  constantCorrelationTarget,
  ledoitWolfConstantCorrelation,
} from './ledoit-wolf-constant-correlation.ts';

// Tolerance: hand arithmetic on decimals to 1e-17 absolute (entries ≤ 0.09).

describe('constant-correlation target', () => {
  it('keeps the sample variances on the diagonal (docs/conventions.md example)', () => {
    // σ = (0.1, 0.2), ρ = 0.5: S = [[0.01, 0.01], [0.01, 0.04]]; r̄ = 0.5, so the target is
    // S itself and its diagonal stays (0.01, 0.04).
    const { target, meanCorrelation } = constantCorrelationTarget(
      fromRows([
        [0.01, 0.01],
        [0.01, 0.04],
      ]),
    );
    expect(meanCorrelation).toBeCloseTo(0.5, 15);
    expectMatrixClose(
      target,
      [
        [0.01, 0.01],
        [0.01, 0.04],
      ],
      1e-17,
    );
  });

  it('averages only the off-diagonal correlations', () => {
    // σ = (0.1, 0.2, 0.3), ρ12 = 0.2, ρ13 = 0.4, ρ23 = 0.6 → r̄ = 0.4 (averaging the unit
    // diagonal in would give (3 + 2·1.2)/9 = 0.6). Off-diagonal targets 0.4·σi·σj:
    // 0.008, 0.012, 0.024.
    const s = fromRows([
      [0.01, 0.2 * 0.02, 0.4 * 0.03],
      [0.2 * 0.02, 0.04, 0.6 * 0.06],
      [0.4 * 0.03, 0.6 * 0.06, 0.09],
    ]);
    const { target, meanCorrelation } = constantCorrelationTarget(s);
    expect(meanCorrelation).toBeCloseTo(0.4, 15);
    expectMatrixClose(
      target,
      [
        [0.01, 0.008, 0.012],
        [0.008, 0.04, 0.024],
        [0.012, 0.024, 0.09],
      ],
      1e-17,
    );
  });
});

describe('ledoitWolfConstantCorrelation', () => {
  it('returns the variance of a single asset with no shrinkage', () => {
    // x = (0.01, 0.03): centred ±0.01, variance with divisor T = 1e-4.
    const result = ledoitWolfConstantCorrelation(fromRows([[0.01], [0.03]]));
    expect(result.shrinkage).toBe(0);
    expect(result.covariance.data[0]).toBeCloseTo(1e-4, 18);
  });

  it('does not shrink two assets, whose sample already equals the target', () => {
    const result = ledoitWolfConstantCorrelation(
      fromRows([
        [0.01, 0.02],
        [0.03, -0.01],
        [-0.02, 0.0],
      ]),
    );
    expect(result.shrinkage).toBe(0);
  });

  it('reports a zero-variance asset and treats its correlations as 0', () => {
    const result = ledoitWolfConstantCorrelation(
      fromRows([
        [0.01, 0.02, 0.005],
        [0.03, -0.01, 0.005],
        [-0.02, 0.0, 0.005],
        [0.0, 0.01, 0.005],
      ]),
    );
    expect(result.warnings[0]?.message).toMatch(/1 asset\(s\) with zero variance/);
    const rows = toRows(result.covariance);
    expect(rows[2]).toEqual([0, 0, 0]);
    expect(result.covariance.data.every(Number.isFinite)).toBe(true);
  });
});

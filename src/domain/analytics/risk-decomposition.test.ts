import { describe, expect, it } from 'vitest';
import { fromRows } from '../../core/linalg/matrix.ts';
import { readPeerMoments } from '../../../test/helpers/peer-panels.ts';
import { decomposeRisk, effectiveBetsMeucci } from './risk-decomposition.ts';

describe('decomposeRisk', () => {
  it('splits σ_p into component contributions that sum to it (lpp2005rec covariance)', () => {
    const moments = readPeerMoments('lpp2005rec_assets6');
    const cov = fromRows(moments.cov);
    const w = [0.3, 0.1, 0.1, 0.3, 0.1, 0.1];
    const d = decomposeRisk(w, cov);
    const sum = d.component.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - d.volatility) / d.volatility).toBeLessThanOrEqual(1e-12);
    expect(d.share.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(d.diversificationRatio).toBeGreaterThan(1);
    expect(d.effectiveBetsMeucci).toBeGreaterThanOrEqual(1);
    expect(d.effectiveBetsMeucci).toBeLessThanOrEqual(6);
  });

  it('gives the hand values for two uncorrelated assets', () => {
    // Σ = diag(0.04, 0.01), w = (0.5, 0.5): σ_p² = 0.25·0.04 + 0.25·0.01 = 0.0125.
    const d = decomposeRisk(
      [0.5, 0.5],
      fromRows([
        [0.04, 0],
        [0, 0.01],
      ]),
    );
    expect(d.volatility).toBeCloseTo(Math.sqrt(0.0125), 15);
    expect(d.component[0]! / d.volatility).toBeCloseTo(0.8, 14); // 0.01/0.0125
    expect(d.diversificationRatio).toBeCloseTo((0.5 * 0.2 + 0.5 * 0.1) / Math.sqrt(0.0125), 14);
    expect(d.effectiveBetsRiskShares).toBeCloseTo(1 / (0.64 + 0.04), 12);
    // Principal components are the assets themselves: p = (0.8, 0.2).
    expect(d.effectiveBetsMeucci).toBeCloseTo(
      Math.exp(-(0.8 * Math.log(0.8) + 0.2 * Math.log(0.2))),
      12,
    );
  });

  it('counts n bets for equal-risk uncorrelated assets and rejects zero variance', () => {
    expect(
      effectiveBetsMeucci(
        [0.5, 0.5],
        fromRows([
          [0.01, 0],
          [0, 0.01],
        ]),
      ),
    ).toBeCloseTo(2, 12);
    expect(() =>
      decomposeRisk(
        [0, 0],
        fromRows([
          [1, 0],
          [0, 1],
        ]),
      ),
    ).toThrow(/variance/);
    expect(() =>
      decomposeRisk(
        [1],
        fromRows([
          [1, 0],
          [0, 1],
        ]),
      ),
    ).toThrow(/covariance/);
  });
});

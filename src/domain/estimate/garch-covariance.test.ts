import { describe, expect, it } from 'vitest';
import { covarianceToCorrelation } from '../../core/linalg/correlation.ts';
import { matrix } from '../../core/linalg/matrix.ts';
import { covariance } from '../../core/stats/covariance.ts';
import { garchCovariance } from './garch-covariance.ts';
import { horizonVariance } from './horizon.ts';
import { simulateGarch } from './garch-simulate.ts';

describe('garchCovariance', () => {
  it('combines each asset’s GARCH horizon variance with the sample correlation (D·C·D)', () => {
    const a = simulateGarch({
      omega: 2e-6,
      alpha: 0.08,
      beta: 0.9,
      observations: 1500,
      seed: 7,
    }).returns;
    const b = simulateGarch({
      omega: 4e-6,
      alpha: 0.05,
      beta: 0.9,
      observations: 1500,
      seed: 11,
    }).returns;
    const x = matrix(1500, 2);
    for (let i = 0; i < 1500; i++) {
      x.data[2 * i] = a[i]!;
      x.data[2 * i + 1] = 0.5 * a[i]! + b[i]!;
    }
    const est = garchCovariance(x, { horizon: 21 });
    const [fa, fb] = est.fits;
    // Independent recomputation: σ_i² = (Σ_k σ²_{t+k}) / 21 from each fit, ρ from the sample.
    const va =
      horizonVariance(
        {
          kind: 'garch',
          omega: fa!.omega,
          alpha: fa!.alpha,
          beta: fa!.beta,
          nextVariance: fa!.nextVariance,
        },
        21,
      ) / 21;
    const vb =
      horizonVariance(
        {
          kind: 'garch',
          omega: fb!.omega,
          alpha: fb!.alpha,
          beta: fb!.beta,
          nextVariance: fb!.nextVariance,
        },
        21,
      ) / 21;
    const rho = covarianceToCorrelation(covariance(x)).correlation.data[1]!;
    expect(est.covariance.data[0]).toBeCloseTo(va, 15);
    expect(est.covariance.data[3]).toBeCloseTo(vb, 15);
    expect(est.covariance.data[1]).toBeCloseTo(rho * Math.sqrt(va * vb), 15);
    expect(est.covariance.data[1]).toBe(est.covariance.data[2]);
  });
});

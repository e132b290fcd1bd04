import { describe, expect, it } from 'vitest';
import { matrix, type Matrix } from '../../../core/linalg/matrix.ts';
import { createRng } from '../../../core/random/xoshiro128.ts';
import { standardNormals } from '../../../core/random/normal.ts';
import { BallastError } from '../../errors.ts';
import { evaluateCovarianceForecasts, type CovarianceForecaster } from './covariance-evaluation.ts';

// Σ = LLᵀ with L = [[1, 0, 0], [0.5, 1, 0], [0.3, -0.2, 0.8]]·1 % (daily-like scale).
const L = [
  [0.01, 0, 0],
  [0.005, 0.01, 0],
  [0.003, -0.002, 0.008],
];
const n = 3;
const sigma = matrix(n, n);
for (let i = 0; i < n; i++)
  for (let j = 0; j < n; j++)
    sigma.data[i * n + j] = [0, 1, 2].reduce((s, k) => s + (L[i]?.[k] ?? 0) * (L[j]?.[k] ?? 0), 0);

function simulate(rows: number, seed: number): Matrix {
  const z = standardNormals(createRng(seed), rows * n);
  const out = matrix(rows, n);
  for (let t = 0; t < rows; t++)
    for (let i = 0; i < n; i++)
      out.data[t * n + i] = [0, 1, 2].reduce(
        (s, k) => s + (L[i]?.[k] ?? 0) * (z[t * n + k] ?? 0),
        0,
      );
  return out;
}

const scaled = (c: number, id: string): CovarianceForecaster => ({
  id,
  label: id,
  forecast: () => ({ rows: n, cols: n, data: sigma.data.map((v) => c * v) }),
});

const sampleCovariance: CovarianceForecaster = {
  id: 'sample',
  label: 'Sample covariance',
  forecast: (w) => {
    const means = [0, 1, 2].map((i) => {
      let s = 0;
      for (let t = 0; t < w.rows; t++) s += w.data[t * n + i] ?? 0;
      return s / w.rows;
    });
    const out = matrix(n, n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let t = 0; t < w.rows; t++)
          s +=
            ((w.data[t * n + i] ?? 0) - (means[i] ?? 0)) *
            ((w.data[t * n + j] ?? 0) - (means[j] ?? 0));
        out.data[i * n + j] = s / (w.rows - 1);
      }
    return out;
  },
};

const returns = simulate(3000, 31);

describe('covariance forecasts scored on portfolio variance', () => {
  it.each([1, 5, 21])(
    'the true Σ beats Σ/2 on QLIKE over equal-weight and random portfolios (h = %i)',
    (horizon) => {
      const result = evaluateCovarianceForecasts(returns, {
        forecasters: [sampleCovariance, scaled(1, 'true'), scaled(0.5, 'half')],
        walkForward: { horizon, step: 5, window: { kind: 'rolling', length: 250 } },
      });
      const [sample, truth, half] = result.models;
      expect(truth?.meanQlike).toBeLessThan((half?.meanQlike ?? 0) - 0.1);
      expect(sample?.meanQlike).toBeLessThan(half?.meanQlike ?? 0);
      expect(result.selection.chosenId).not.toBe('half');
      expect(result.portfolios).toHaveLength(21);
      // Every portfolio, the equal-weight one (index 0) included, prefers the truth.
      result.portfolios.forEach((_, p) =>
        expect(result.portfolioQlike[1]?.[p]).toBeLessThan(result.portfolioQlike[2]?.[p] ?? 0),
      );
    },
  );

  it('scores h·wᵀΣw against Σ (wᵀr_t)² on given portfolios', () => {
    const r = matrix(4, 2, [0.01, 0.02, -0.01, 0.03, 0.02, -0.02, 0.0, 0.01]);
    const identity: CovarianceForecaster = {
      id: 'id',
      label: 'I·1e-4',
      forecast: () => matrix(2, 2, [1e-4, 0, 0, 1e-4]),
    };
    const result = evaluateCovarianceForecasts(r, {
      forecasters: [identity],
      portfolios: [[1, 0]],
      walkForward: { horizon: 2, step: 1, window: { kind: 'rolling', length: 2 } },
    });
    // Origin 2: realised 0.02² + 0² = 4e-4; forecast 2·1e-4 → ratio 2 → QLIKE 1 − ln 2.
    expect(result.origins).toEqual([2]);
    expect(result.models[0]?.meanQlike).toBeCloseTo(1 - Math.LN2, 14);
    expect(result.models[0]?.meanMse).toBeCloseTo((4e-4 - 2e-4) ** 2, 20);
  });

  it('records a wrong-shaped or failing forecast as a failure of that model', () => {
    const wrong: CovarianceForecaster = {
      id: 'wrong',
      label: 'wrong',
      forecast: () => matrix(2, 2),
    };
    const failing: CovarianceForecaster = {
      id: 'failing',
      label: 'failing',
      forecast: () => {
        throw new BallastError('SOLVER_FAILED', 'not PSD');
      },
    };
    const result = evaluateCovarianceForecasts(returns, {
      forecasters: [sampleCovariance, wrong, failing],
      walkForward: { horizon: 1, step: 500, window: { kind: 'rolling', length: 250 } },
      portfolios: [[1 / 3, 1 / 3, 1 / 3]],
      baselineId: 'sample',
      holdOutFraction: 0.5,
    });
    expect(result.models.map((m) => m.eligible)).toEqual([true, false, false]);
    expect(result.failures.find((f) => f.modelId === 'wrong')?.message).toMatch(
      /2×2 covariance, expected 3×3/,
    );
    expect(Number.isNaN(result.portfolioQlike[2]?.[0])).toBe(true);
  });

  it('skips origins with zero realised variance and rejects bad inputs', () => {
    const r = matrix(6, 1, [0.01, -0.01, 0, 0, 0.02, 0.01]);
    const one: CovarianceForecaster = { id: 'c', label: 'c', forecast: () => matrix(1, 1, [1e-4]) };
    const design = { horizon: 2, step: 1, window: { kind: 'rolling', length: 2 } } as const;
    const result = evaluateCovarianceForecasts(r, { forecasters: [one], walkForward: design });
    expect(result.skippedOrigins).toBe(1);
    expect(result.origins).toEqual([3, 4]);
    expect(() =>
      evaluateCovarianceForecasts(r, {
        forecasters: [one],
        walkForward: design,
        portfolios: [[0.5, 0.5]],
      }),
    ).toThrow(/portfolios\[0\]/);
    const bad = matrix(6, 1, [0.01, NaN, 0, 0, 0.02, 0.01]);
    expect(() =>
      evaluateCovarianceForecasts(bad, { forecasters: [one], walkForward: design }),
    ).toThrow(/returns\[1\]\[0\]/);
  });
});

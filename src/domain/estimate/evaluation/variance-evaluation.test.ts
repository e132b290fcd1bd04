import { describe, expect, it } from 'vitest';
import { createRng } from '../../../core/random/xoshiro128.ts';
import { standardNormals } from '../../../core/random/normal.ts';
import { simulateGarch } from '../garch-simulate.ts';
import { defaultVarianceForecasters } from './forecasters.ts';
import { evaluateVarianceForecasts, varianceEvaluationRows } from './variance-evaluation.ts';

describe('per-asset variance evaluation (ballast estimate evaluate)', () => {
  // CLUSTERED: strong volatility clustering; FLAT: i.i.d. normal with σ = 1 %.
  const clustered = simulateGarch({
    omega: 5e-6,
    alpha: 0.12,
    beta: 0.85,
    observations: 1500,
    seed: 12,
  }).returns;
  const flat = standardNormals(createRng(13), 1500).map((z) => 0.01 * z);
  const report = evaluateVarianceForecasts(
    { ids: ['CLUSTERED', 'FLAT'], columns: [clustered, flat] },
    {
      walkForward: { horizon: 5, step: 25, window: { kind: 'rolling', length: 500 } },
      forecasters: defaultVarianceForecasters({ lambdas: [0.94, 0.99] }),
    },
  );

  it('chooses a conditional model over the sample variance when volatility clusters', () => {
    const a = report.assets[0];
    expect(a?.asset).toBe('CLUSTERED');
    expect(a?.selection.chosenId).not.toBe('sample');
    expect(a?.selection.qlikeImprovement).toBeGreaterThan(0.1);
    expect(a?.selection.holdOut?.qlikeImprovement).toBeGreaterThan(0);
  });

  it('prints one row per asset and model with the chosen one marked', () => {
    const rows = varianceEvaluationRows(report);
    expect(rows).toHaveLength(2 * 4);
    expect(rows.map((r) => r.modelId).slice(0, 4)).toEqual([
      'sample',
      'ewma-0.94',
      'ewma-0.99',
      'garch',
    ]);
    expect(rows.filter((r) => r.chosen)).toHaveLength(2);
    const baseline = rows.find((r) => r.asset === 'FLAT' && r.modelId === 'sample');
    expect(baseline?.relativeQlike).toBe(1);
    expect(baseline?.origins).toBe(report.assets[1]?.evaluation.origins.length);
    expect(report.horizon).toBe(5);
    expect(report.warnings).toEqual([]);
  });

  it('uses the default candidates and prefixes warnings with the asset', () => {
    const short = evaluateVarianceForecasts(
      { ids: ['X'], columns: [flat.subarray(0, 200)] },
      {
        walkForward: { horizon: 1, step: 50, window: { kind: 'rolling', length: 100 } },
        holdOutFraction: 0.5,
      },
    );
    expect(short.assets[0]?.evaluation.models.map((m) => m.id)).toEqual([
      'sample',
      'ewma-0.94',
      'ewma-0.97',
      'ewma-0.99',
      'garch',
    ]);
    expect(short.warnings[0]?.message).toMatch(/^X: GARCH\(1,1\) failed/);
    expect(short.warnings[0]).toMatchObject({
      code: 'FORECAST_MODEL_FAILED',
      details: { asset: 'X', model: 'garch' },
    });
  });
});

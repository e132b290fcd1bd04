import { describe, expect, it } from 'vitest';
import { createRng } from '../../../core/random/xoshiro128.ts';
import { standardNormals } from '../../../core/random/normal.ts';
import { sampleVarianceForecaster, type VarianceForecaster } from './forecasters.ts';
import { tabulate, type OriginOutcome } from './score.ts';
import { selectModel } from './select.ts';
import { walkForwardVariance } from './univariate.ts';

const ok = (qlike: number, mse = qlike): OriginOutcome => ({ ok: true, qlike, mse });

describe('model selection by mean QLIKE', () => {
  it('never picks a forecaster just because it makes estimated risk small', () => {
    const returns = standardNormals(createRng(8), 3000).map((z) => 0.01 * z);
    const small: VarianceForecaster = {
      ...sampleVarianceForecaster(),
      id: 'small',
      label: 'Sample × 0.3',
      forecast: (w, h) => 0.3 * sampleVarianceForecaster().forecast(w, h),
    };
    const table = walkForwardVariance(returns, {
      forecasters: [sampleVarianceForecaster(), small],
      walkForward: { horizon: 5, step: 5, window: { kind: 'rolling', length: 250 } },
    });
    const selection = selectModel(table, { baselineId: 'sample' });
    expect(selection.chosenId).toBe('sample');
    expect(selection.qlikeImprovement).toBe(0);
    expect(selection.holdOut?.chosenId).toBe('sample');
  });

  it('reports the improvement 1 − L̄/L̄_baseline and an honest hold-out check', () => {
    // Model b is better early, a later: chosen on all origins = a (mean 0.25 vs 0.3),
    // hold-out chooses b on origins 0–1 and scores it on 2–3.
    const table = tabulate({
      horizon: 1,
      models: [
        { id: 'base', label: 'Base' },
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
      origins: [10, 11, 12, 13],
      outcomes: [
        [ok(0.5), ok(0.5), ok(0.5), ok(0.5)],
        [ok(0.4), ok(0.4), ok(0.1), ok(0.1)],
        [ok(0.1), ok(0.1), ok(0.5), ok(0.5)],
      ],
      skippedOrigins: 0,
    });
    const s = selectModel(table, { baselineId: 'base' });
    expect(s).toMatchObject({ chosenId: 'a', chosenLabel: 'A', baselineId: 'base' });
    expect(s.meanQlike).toBeCloseTo(0.25, 15);
    expect(s.qlikeImprovement).toBeCloseTo(0.5, 15);
    expect(s.mseImprovement).toBeCloseTo(0.5, 15);
    expect(s.holdOut).toEqual({
      chosenId: 'b',
      origins: 2,
      meanQlike: 0.5,
      baselineMeanQlike: 0.5,
      qlikeImprovement: 0,
    });
  });

  it('skips the hold-out check with too few origins and rejects a bad baseline or fraction', () => {
    const table = tabulate({
      horizon: 1,
      models: [{ id: 'base', label: 'Base' }],
      origins: [1, 2, 3],
      outcomes: [[ok(0.1), ok(0.2), ok(0.3)]],
      skippedOrigins: 0,
    });
    expect(selectModel(table, { baselineId: 'base' }).holdOut).toBeNull();
    expect(() => selectModel(table, { baselineId: 'nope' })).toThrow(/baselineId/);
    expect(() => selectModel(table, { baselineId: 'base', holdOutFraction: 1 })).toThrow(
      /holdOutFraction/,
    );
  });

  it('never selects a model that failed somewhere, even with a lower mean', () => {
    const failure = { modelId: 'f', origin: 2, code: 'SOLVER_FAILED', message: 'x' };
    const table = tabulate({
      horizon: 1,
      models: [
        { id: 'base', label: 'Base' },
        { id: 'f', label: 'Fails' },
      ],
      origins: [1, 2],
      outcomes: [
        [ok(0.3), ok(0.3)],
        [ok(0.01), { ok: false, failure }],
      ],
      skippedOrigins: 0,
    });
    expect(table.models[1]).toMatchObject({
      eligible: false,
      count: 1,
      failures: 1,
      meanQlike: 0.01,
    });
    expect(selectModel(table, { baselineId: 'base' }).chosenId).toBe('base');
  });
});

import { describe, expect, it } from 'vitest';
import { centredGram } from '../../core/stats/centred-gram.ts';
import { estimateCovariance, estimateSampleCovarianceOfGram } from './estimate-covariance.ts';
import { sampleCovarianceOfGram } from './sample-covariance.ts';

// x = (1, 2, 3, 6), y = (2, 0, 4, 2): Σ dx² = 14, Σ dy² = 8, Σ dx·dy = 2 (hand arithmetic),
// so the sample covariance is [[14, 2], [2, 8]] / 3, or / 4 with ddof 0.
const x = Float64Array.of(1, 2, 3, 6);
const y = Float64Array.of(2, 0, 4, 2);
const parts = { count: 4, means: Float64Array.of(3, 2), gram: Float64Array.of(14, 2, 2, 8) };

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return (e as { code?: unknown }).code;
  }
  return undefined;
}

describe('sample covariance from centred cross-products', () => {
  it('divides by T − ddof', () => {
    expect(Array.from(sampleCovarianceOfGram(parts).covariance.data)).toEqual([
      14 / 3,
      2 / 3,
      2 / 3,
      8 / 3,
    ]);
    expect(Array.from(sampleCovarianceOfGram(parts, { ddof: 0 }).covariance.data)).toEqual([
      14 / 4,
      2 / 4,
      2 / 4,
      8 / 4,
    ]);
    expect(sampleCovarianceOfGram(parts).warnings).toEqual([]);
  });

  it('is the estimate of the returns themselves', () => {
    const rows = { rows: 4, cols: 2, data: Float64Array.of(1, 2, 2, 0, 3, 4, 6, 2) };
    const direct = estimateCovariance(rows, { method: 'sample' });
    const viaGram = estimateSampleCovarianceOfGram(centredGram([x, y], 4), { method: 'sample' });
    expect(viaGram).toEqual(direct);
  });

  it('warns and checks the matrix when there are no more observations than assets', () => {
    // Two observations of two assets: (0, 0) and (1, 1) → one direction, rank 1.
    const few = centredGram([Float64Array.of(0, 1), Float64Array.of(0, 1)], 2);
    const viaGram = estimateSampleCovarianceOfGram(few, { method: 'sample' });
    const direct = estimateCovariance(
      { rows: 2, cols: 2, data: Float64Array.of(0, 0, 1, 1) },
      { method: 'sample' },
    );
    expect(viaGram).toEqual(direct);
    expect(viaGram.warnings.map((w) => w.code)).toContain('COVARIANCE_RANK_DEFICIENT');
  });

  it('refuses what the estimator refuses', () => {
    const one = { count: 1, means: Float64Array.of(0.1), gram: Float64Array.of(0) };
    expect(codeOf(() => sampleCovarianceOfGram(one))).toBe('INSUFFICIENT_DATA');
    const none = { count: 4, means: new Float64Array(0), gram: new Float64Array(0) };
    expect(codeOf(() => sampleCovarianceOfGram(none))).toBe('INVALID_INPUT');
    const nan = { count: 4, means: Float64Array.of(NaN), gram: Float64Array.of(0) };
    expect(codeOf(() => sampleCovarianceOfGram(nan))).toBe('INVALID_INPUT');
  });
});

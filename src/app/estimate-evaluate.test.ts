import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { estimateEvaluate } from './estimate-evaluate.ts';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});

/** 30 month-end returns r_t = 0.01·sin(t + 1) + 0.002·(t mod 3). */
const r = Array.from({ length: 30 }, (_, t) => 0.01 * Math.sin(t + 1) + 0.002 * (t % 3));
const monthEnds = Array.from({ length: 30 }, (_, t) => {
  const d = new Date(Date.UTC(2020, t + 1, 0));
  return d.toISOString().slice(0, 10);
});
const text = ['date,x', ...monthEnds.map((d, t) => `${d},${r[t]}`)].join('\n');

/** Sample variance with divisor n − 1, written out. */
function variance(xs: readonly number[]): number {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
}
const qlike = (realised: number, forecast: number) =>
  realised / forecast - Math.log(realised / forecast) - 1;

describe('estimateEvaluate use case', () => {
  it('scores the sample-variance forecast by QLIKE at each origin, as computed by hand', async () => {
    const deps = testDeps();
    opened.push(deps);
    const doc = await estimateEvaluate(
      { panel: { kind: 'file', file: { text } }, horizon: 1, minObservations: 28 },
      deps,
    );
    // origins 28 and 29 (train on r_0..r_{o−1}, forecast r_o): forecast 1·s², realised r_o²
    const expected =
      (qlike(r[28]! ** 2, variance(r.slice(0, 28))) +
        qlike(r[29]! ** 2, variance(r.slice(0, 29)))) /
      2;
    const sample = doc.variance.rows.find((row) => row.modelId === 'sample')!;
    expect(sample.meanQlike).toBeCloseTo(expected, 12);
    expect(sample.origins).toBe(2);
    expect(sample.relativeQlike).toBe(1);
    // monthly data: EWMA grid λ ∈ {0.8, 0.9, 0.95}; GARCH needs 250 returns, fails everywhere
    expect(doc.variance.rows.map((row) => row.modelId)).toEqual([
      'sample',
      'ewma-0.8',
      'ewma-0.9',
      'ewma-0.95',
      'garch',
    ]);
    const garch = doc.warnings.find((w) => w.details.model === 'garch');
    expect(garch).toMatchObject({
      code: 'FORECAST_MODEL_FAILED',
      details: { asset: 'X', failures: 2, origins: 2 },
    });
    expect(doc.covariance.rows.filter((row) => row.chosen)).toHaveLength(1);
    // progress: 2 origins × (1 asset + the covariance run)
    expect(deps.progress.tasks).toHaveLength(1);
    expect(deps.progress.tasks[0]).toMatchObject({ total: 4, done: true });
    expect(deps.progress.tasks[0]!.ticks).toEqual([1, 1, 1, 1]);
  });

  it('names a horizon that is not a whole number of periods', async () => {
    const deps = testDeps();
    opened.push(deps);
    await expect(
      estimateEvaluate({ panel: { kind: 'file', file: { text } }, horizon: 2.5 }, deps),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'horizon' } });
  });
});

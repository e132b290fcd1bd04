import { afterAll, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { frontier, runFrontier } from './frontier.ts';

/**
 * Two uncorrelated assets (T = 4 annual periods, orthogonal ±1 patterns): A mean 0.10 with
 * variance 4·0.2²/3, B mean 0.08 with variance 4·0.1²/3 — Σ ∝ diag(0.04, 0.01).
 */
const AB = [
  'date,A,B',
  '2020-12-31,0.3,0.18',
  '2021-12-31,-0.1,0.18',
  '2022-12-31,0.3,-0.02',
  '2023-12-31,-0.1,-0.02',
].join('\n');

const deps = testDeps();
afterAll(() => deps.close());

const input = (points: number) => ({
  moments: {
    kind: 'estimate' as const,
    panel: { kind: 'file' as const, file: { text: AB, name: 'ab.csv' } },
    spec: { periodsPerYear: 1 },
  },
  points,
});

describe('frontier use case', () => {
  it('three points by hand: min variance (0.2, 0.8), the mid target 0.092 (0.6, 0.4), all A', async () => {
    const doc = await frontier(input(3), deps);
    // min variance w ∝ 1/σ² = (25, 100)/125; its return 0.2·0.10 + 0.8·0.08 = 0.084
    expect(doc.minVariance.weights.A).toBeCloseTo(0.2, 10);
    expect(doc.points[0]!.expectedReturnAnnual).toBeCloseTo(0.084, 12);
    // the middle target (0.084 + 0.10)/2 = 0.092 binds: 0.10·w + 0.08·(1 − w) = 0.092 → w = 0.6
    expect(doc.points[1]!.weights.A).toBeCloseTo(0.6, 9);
    expect(doc.points[2]!.weights.A).toBeCloseTo(1, 9);
    // tangency (rf = 0) ∝ Σ⁻¹μ = (0.10/0.04, 0.08/0.01) = (2.5, 8)
    expect(doc.tangency!.weights.A).toBeCloseTo(2.5 / 10.5, 10);
    expect(doc.capitalAllocationLine!.slope).toBeCloseTo(doc.tangency!.sharpe, 12);
    expect(doc.warnings).toEqual([]);
  });

  it('ticks its progress once per solve and hands the chart each asset at (σ_i, μ_i)', async () => {
    const before = deps.progress.tasks.length;
    const run = await runFrontier(input(4), deps);
    const task = deps.progress.tasks.slice(before).find((t) => t.label === 'solving the frontier')!;
    // 4 points: min variance, max return, 3 targets above the minimum (the last just below the
    // maximum return), tangency = 6 runs, one tick each
    expect(task.total).toBe(6);
    expect(task.ticks).toHaveLength(6);
    expect(task.done).toBe(true);
    const a = run.chart.assets.find((p) => p.name === 'A')!;
    // σ_A = √(4·0.04/3) = 0.23094, μ_A = 0.10
    expect(a.volatilityAnnual).toBeCloseTo(Math.sqrt(0.16 / 3), 12);
    expect(a.expectedReturnAnnual).toBeCloseTo(0.1, 12);
  });
});

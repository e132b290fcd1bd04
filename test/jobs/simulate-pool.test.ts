import { describe, expect, it } from 'vitest';
import {
  buildGenerator,
  simulatePaths,
  type SimulationModel,
} from '../../src/domain/simulate/index.ts';
import { pathRanges } from '../../src/app/simulate-threads.ts';
import { simulateOnThreads } from '../../src/jobs/simulate-pool.ts';

/** Made-up monthly returns of two assets (a fixed formula, not market data). */
const columns = [
  Float64Array.from({ length: 36 }, (_, t) => 0.008 + 0.04 * Math.sin(t * 1.7)),
  Float64Array.from({ length: 36 }, (_, t) => 0.002 + 0.015 * Math.cos(t * 0.9)),
];

const model: SimulationModel = {
  generator: buildGenerator({ columns, weights: Float64Array.of(0.6, 0.4), method: 'student-t' })
    .generator,
  periodsPerYear: 12,
  years: 5,
  paths: 2300,
  initial: 1000,
  withdrawal: { amount: 5, perYear: 12, inflation: 0.02 },
  rateSchedule: { perYear: 12, inflation: 0.02 },
  seed: 3,
};

describe('the simulate threads', () => {
  it('give each range the same bytes as this thread does, in range order', async () => {
    const ranges = pathRanges(model.paths);
    expect(ranges).toEqual([
      [0, 1000],
      [1000, 2000],
      [2000, 2300],
    ]);
    const told: number[] = [];
    const result = await simulateOnThreads(model, ranges, {
      threads: 2,
      onRange: (paths) => told.push(paths),
    });
    if (!result.ok) throw new Error(result.error.message);
    // Each finished range is told once with its path count (in the order they finish).
    expect([...told].sort((a, b) => a - b)).toEqual([300, 1000, 1000]);
    result.parts.forEach((part, i) => {
      const local = simulatePaths(model, ranges[i]![0], ranges[i]![1]);
      expect(Buffer.from(part.yearValues.buffer)).toEqual(Buffer.from(local.yearValues.buffer));
      expect(Array.from(part.depletedAt)).toEqual(Array.from(local.depletedAt));
      expect(Array.from(part.maxRate)).toEqual(Array.from(local.maxRate));
    });
  }, 60_000);
});

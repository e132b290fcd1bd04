import { describe, expect, it } from 'vitest';
import {
  drawdownEpisodes,
  drawdownSeries,
  drawdownTable,
  maxDrawdown,
  ulcerIndex,
  valuesFromReturns,
} from './drawdown.ts';

// Reference case: values (100, 110, 120, 100, 90, 95, 130), days numbered from 1.
const VALUES = [100, 110, 120, 100, 90, 95, 130];

describe('maxDrawdown', () => {
  it('finds 25 % from the peak on day 3 to the trough on day 5, recovered on day 7', () => {
    const dd = maxDrawdown(VALUES)!;
    expect(dd.depth).toBeCloseTo(0.25, 15); // 1 − 90/120
    expect(dd.peakIndex + 1).toBe(3);
    expect(dd.troughIndex + 1).toBe(5);
    expect(dd.recoveryIndex! + 1).toBe(7);
    expect(dd.peakToTroughPeriods).toBe(2);
    expect(dd.durationPeriods).toBe(4);
  });

  it('counts the start value as a peak, so a first-period loss is a drawdown', () => {
    const dd = maxDrawdown(valuesFromReturns([-0.1, 0.05]))!;
    expect(dd.peakIndex).toBe(0);
    expect(dd.depth).toBeCloseTo(0.1, 15);
    expect(dd.recoveryIndex).toBeNull();
    expect(dd.durationPeriods).toBe(2);
  });

  it('is null for a series that never falls', () => {
    expect(maxDrawdown([1, 1, 2, 3])).toBeNull();
  });
});

describe('drawdown episodes and table', () => {
  const values = [100, 90, 100, 120, 60, 130, 125, 128];
  it('lists every episode in time order', () => {
    expect(
      drawdownEpisodes(values).map((e) => [e.peakIndex, e.troughIndex, e.recoveryIndex]),
    ).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [5, 6, null],
    ]);
  });

  it('ranks the top N by depth', () => {
    const table = drawdownTable(values, 2);
    expect(table.map((e) => e.peakIndex)).toEqual([3, 0]);
    expect(table[0]!.depth).toBeCloseTo(0.5, 15);
    expect(drawdownTable(values, 0)).toEqual([]);
  });

  it('gives the underwater series and the ulcer index √(Σd²/n) by hand', () => {
    const d = drawdownSeries([100, 90, 99, 110]);
    expect(Array.from(d)).toEqual([0, 1 - 0.9, 1 - 0.99, 0]);
    expect(ulcerIndex([100, 90, 99, 110])).toBeCloseTo(Math.sqrt((0.01 + 0.0001) / 3), 15);
  });
});

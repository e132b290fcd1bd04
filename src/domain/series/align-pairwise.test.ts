import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import { alignPairwise } from './align-pairwise.ts';

describe('alignPairwise', () => {
  const view = alignPairwise([
    {
      id: 'OLD',
      series: [
        { date: '2024-01-02', value: 0.01 },
        { date: '2024-01-03', value: 0.02 },
        { date: '2024-01-04', value: 0.03 },
      ],
    },
    { id: 'NEW', series: [{ date: '2024-01-04', value: 0.05 }] },
    {
      id: 'MID',
      series: [
        { date: '2024-01-03', value: -0.02 },
        { date: '2024-01-04', value: -0.03 },
      ],
    },
  ]);

  it('shows the union of dates with explicit holes', () => {
    expect(view.rows).toEqual([
      { date: '2024-01-02', values: [0.01, null, null] },
      { date: '2024-01-03', values: [0.02, null, -0.02] },
      { date: '2024-01-04', values: [0.03, 0.05, -0.03] },
    ]);
  });

  it('aligns each pair on its own shared dates', () => {
    const oldMid = view.pair(0, 2);
    expect(oldMid.dates).toEqual(['2024-01-03', '2024-01-04']);
    expect(Array.from(oldMid.first)).toEqual([0.02, 0.03]);
    expect(Array.from(oldMid.second)).toEqual([-0.02, -0.03]);
    expect(view.pair(1, 2).dates).toEqual(['2024-01-04']);
    expect(() => view.pair(0, 3)).toThrow(BallastError);
    expect(() => view.pair(-1, 0)).toThrow(BallastError);
  });
});

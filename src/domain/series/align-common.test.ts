import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import { alignCommon } from './align-common.ts';

describe('alignCommon', () => {
  it('keeps only the dates every series observes', () => {
    const table = alignCommon([
      {
        id: 'SPY',
        series: [
          { date: '2024-01-02', value: 0.01 },
          { date: '2024-01-03', value: 0.02 },
          { date: '2024-01-04', value: 0.03 },
        ],
      },
      {
        id: 'TLT',
        series: [
          { date: '2024-01-03', value: -0.01 },
          { date: '2024-01-04', value: -0.02 },
          { date: '2024-01-05', value: -0.03 },
        ],
      },
    ]);
    expect(table.ids).toEqual(['SPY', 'TLT']);
    expect(table.dates).toEqual(['2024-01-03', '2024-01-04']);
    expect(Array.from(table.columns[0] ?? [])).toEqual([0.02, 0.03]);
    expect(Array.from(table.columns[1] ?? [])).toEqual([-0.01, -0.02]);
  });

  it('says which ranges fail to overlap', () => {
    let caught: unknown;
    try {
      alignCommon([
        { id: 'A', series: [{ date: '2024-01-02', value: 0 }] },
        { id: 'B', series: [] },
      ]);
    } catch (error) {
      caught = error;
    }
    expect((caught as BallastError).code).toBe('INSUFFICIENT_DATA');
    expect((caught as BallastError).message).toContain('A 2024-01-02..2024-01-02');
    expect(() => alignCommon([])).toThrow(BallastError);
    expect(() =>
      alignCommon([
        { id: 'A', series: [] },
        { id: 'A', series: [] },
      ]),
    ).toThrow(/unique/);
  });
});

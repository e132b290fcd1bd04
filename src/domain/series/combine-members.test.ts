import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import { combineMembers } from './combine-members.ts';

describe('combineMembers', () => {
  // A starts 2 Jan; B starts 4 Jan and misses 8 Jan.
  const a = [
    { date: '2024-01-02', value: 0.01 },
    { date: '2024-01-03', value: 0.02 },
    { date: '2024-01-04', value: 0.01 },
    { date: '2024-01-05', value: -0.01 },
    { date: '2024-01-08', value: 0.005 },
  ];
  const b = [
    { date: '2024-01-04', value: 0.03 },
    { date: '2024-01-05', value: 0.01 },
  ];

  it('builds a composite whose members start at different dates, renormalising weights', () => {
    const points = combineMembers([
      { id: 'A', weight: 0.6, returns: a },
      { id: 'B', weight: 0.4, returns: b },
    ]);
    // 2–3 Jan: only A → weight 0.6 / 0.6 = 1: 0.01, 0.02.
    // 4 Jan: (0.6 × 0.01 + 0.4 × 0.03) / 1.0 = 0.018.
    // 5 Jan: (0.6 × −0.01 + 0.4 × 0.01) / 1.0 = −0.002.
    // 8 Jan: B missing → A alone, 0.005 (B is not zero-filled).
    expect(points.map((p) => [p.date, p.contributors])).toEqual([
      ['2024-01-02', ['A']],
      ['2024-01-03', ['A']],
      ['2024-01-04', ['A', 'B']],
      ['2024-01-05', ['A', 'B']],
      ['2024-01-08', ['A']],
    ]);
    const values = points.map((p) => p.value);
    expect(values[0]).toBeCloseTo(0.01, 15);
    expect(values[1]).toBeCloseTo(0.02, 15);
    expect(values[2]).toBeCloseTo(0.018, 15);
    expect(values[3]).toBeCloseTo(-0.002, 15);
    expect(values[4]).toBeCloseTo(0.005, 15);
  });

  it("keeps only dates with every member under policy 'all'", () => {
    const points = combineMembers(
      [
        { id: 'A', weight: 1, returns: a },
        { id: 'B', weight: 1, returns: b },
      ],
      { policy: 'all' },
    );
    // Equal weights: 4 Jan (0.01 + 0.03)/2 = 0.02; 5 Jan (−0.01 + 0.01)/2 = 0.
    expect(points.map((p) => p.date)).toEqual(['2024-01-04', '2024-01-05']);
    expect(points[0]?.value).toBeCloseTo(0.02, 15);
  });

  it('rejects bad members and reports when nothing is left', () => {
    expect(() => combineMembers([])).toThrow(BallastError);
    expect(() =>
      combineMembers([
        { id: 'A', weight: 1, returns: a },
        { id: 'A', weight: 1, returns: b },
      ]),
    ).toThrow(BallastError);
    expect(() => combineMembers([{ id: 'A', weight: 0, returns: a }])).toThrow(BallastError);
    let caught: unknown;
    try {
      combineMembers([{ id: 'A', weight: 1, returns: [] }]);
    } catch (error) {
      caught = error;
    }
    expect((caught as BallastError).code).toBe('INSUFFICIENT_DATA');
    expect(() =>
      combineMembers(
        [
          { id: 'A', weight: 1, returns: a.slice(0, 1) },
          { id: 'B', weight: 1, returns: b },
        ],
        { policy: 'all' },
      ),
    ).toThrow(/every member/);
  });
});

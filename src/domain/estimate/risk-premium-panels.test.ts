import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import { riskPremiumPanels } from './risk-premium-panels.ts';

// Tolerances: per-period returns to 1e-15 (one division each).
const TOL = 15;

const series = (pairs: readonly (readonly [string, number])[]) =>
  pairs.map(([date, value]) => ({ date, value }));

const input = {
  returns: [
    {
      id: 'EQ',
      series: series([
        ['2024-01-31', 0.03],
        ['2024-02-29', -0.02],
        ['2024-03-28', 0.01],
      ]),
    },
    {
      id: 'BOND',
      series: series([
        ['2024-01-31', 0.005],
        ['2024-02-29', 0.01],
        ['2024-03-28', 0.002],
      ]),
    },
  ],
  riskFree: series([
    ['2024-01-31', 0.004],
    ['2024-02-29', 0.004],
    ['2024-03-28', 0.0041],
  ]),
  inflation: series([
    ['2024-01-31', 0.003],
    ['2024-02-29', 0.002],
    ['2024-03-28', 0.001],
  ]),
};

describe('risk-premium view panels', () => {
  it('gives total, geometric excess and real returns on the same ids and dates', () => {
    const panels = riskPremiumPanels(input);
    expect(panels.excessMethod).toBe('geometric');
    for (const p of [panels.total, panels.excess, panels.real]) {
      expect(p.ids).toEqual(['EQ', 'BOND']);
      expect(p.dates).toEqual(['2024-01-31', '2024-02-29', '2024-03-28']);
    }
    // EQ January: excess 1.03/1.004 − 1 = 0.0258964143…; real 1.03/1.003 − 1 = 0.0269192422….
    expect(panels.excess.columns[0]![0]).toBeCloseTo(1.03 / 1.004 - 1, TOL);
    expect(panels.real.columns[0]![0]).toBeCloseTo(1.03 / 1.003 - 1, TOL);
    expect(panels.real.columns[1]![2]).toBeCloseTo(1.002 / 1.001 - 1, TOL);
    expect(Array.from(panels.riskFree)).toEqual([0.004, 0.004, 0.0041]);
    expect(Array.from(panels.inflation)).toEqual([0.003, 0.002, 0.001]);
    expect(panels.warnings).toEqual([]);
  });

  it('uses the arithmetic excess r − r_f when asked', () => {
    const panels = riskPremiumPanels(input, { excessMethod: 'arithmetic' });
    expect(panels.excess.columns[0]![1]).toBeCloseTo(-0.024, TOL); // −0.02 − 0.004
    expect(panels.excessMethod).toBe('arithmetic');
  });

  it('drops dates lacking cash or inflation and says how many', () => {
    const panels = riskPremiumPanels({ ...input, riskFree: input.riskFree.slice(1) });
    expect(panels.total.dates).toEqual(['2024-02-29', '2024-03-28']);
    expect(panels.total.columns[0]!.length).toBe(2);
    expect(panels.warnings[0]?.message).toMatch(/1 of 3 common asset dates dropped/);
    expect(panels.warnings[0]?.details).toEqual({ dropped: 1, dates: 3 });
  });

  it('fails with INSUFFICIENT_DATA when no date has everything', () => {
    let caught: unknown;
    try {
      riskPremiumPanels({ ...input, inflation: series([['2023-12-29', 0.002]]) });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BallastError);
    expect((caught as BallastError).code).toBe('INSUFFICIENT_DATA');
  });
});

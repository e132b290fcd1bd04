import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS, checkWindow, monthsOf, windowShocks } from './historical.ts';

describe('checkWindow', () => {
  it('accepts FROM before TO', () => {
    const w = { from: '2020-02-19', to: '2020-03-23' };
    expect(checkWindow(w)).toBe(w);
  });
  it.each([
    [{ from: '2020-02-30', to: '2020-03-01' }, /^window\.from:/],
    [{ from: '2020-03-01', to: '2020-13-01' }, /^window\.to:/],
    [{ from: '2020-03-01', to: '2020-02-01' }, /^window\.to: must be after window\.from/],
  ])('names the field of a bad window %j', (window, message) => {
    expect(() => checkWindow(window)).toThrow(message);
  });
});

describe('monthsOf (outward month-end snapping)', () => {
  it('maps the built-in windows to whole months', () => {
    const byName = Object.fromEntries(BUILT_IN_SCENARIOS.map((s) => [s.name, monthsOf(s)]));
    expect(byName['covid-2020']).toEqual(['2020-02', '2020-03']);
    // 2021-12-31 is a month end: December is not in (from, to]
    expect(byName['rates-2022']).toEqual([
      '2022-01',
      '2022-02',
      '2022-03',
      '2022-04',
      '2022-05',
      '2022-06',
      '2022-07',
      '2022-08',
      '2022-09',
      '2022-10',
    ]);
    // October 2007 … March 2009 = 3 + 12 + 3 = 18 months
    expect(byName['gfc-2008']).toHaveLength(18);
  });
});

describe('windowShocks', () => {
  const monthly = new Map([
    [
      'a',
      [
        { date: '2020-01-31', value: 0.5 },
        { date: '2020-02-29', value: -0.1 },
        { date: '2020-03-31', value: -0.2 },
        { date: '2020-04-30', value: 0.5 },
      ],
    ],
    ['b', [{ date: '2020-03-31', value: -0.2 }]],
    [
      'c',
      [
        { date: '2020-02-10', value: 0.1 },
        { date: '2020-02-20', value: 0.1 },
      ],
    ],
  ]);

  it('compounds whole months and reports the effective window', () => {
    const w = windowShocks({
      window: { from: '2020-02-19', to: '2020-03-23' },
      frequency: 'monthly',
      ids: ['a', 'b', 'c', 'd'],
      series: monthly,
    });
    // (1 − 0.1)(1 − 0.2) − 1 = 0.72 − 1 = −0.28
    expect(w.shocks.get('a')).toBeCloseTo(-0.28, 15);
    expect(w.periods.get('a')).toBe(2);
    expect(w.effectiveFrom).toBe('2020-01-31');
    expect(w.effectiveTo).toBe('2020-03-31');
    expect(w.uncovered).toEqual([
      { exposure: 'b', reason: 'no return for 2020-02 (data 2020-03-31..2020-03-31)' },
      { exposure: 'c', reason: 'more than one return in 2020-02: not a monthly series' },
      { exposure: 'd', reason: 'no return for 2020-02 (no data)' },
    ]);
  });

  it('compounds daily returns in (from, to] and needs data on both ends', () => {
    const series = new Map([
      [
        'a',
        [
          { date: '2020-01-02', value: 0.01 },
          { date: '2020-01-03', value: 0.1 },
          { date: '2020-01-06', value: -0.5 },
          { date: '2020-01-07', value: 0.2 },
        ],
      ],
      ['late', [{ date: '2020-01-06', value: 0.1 }]],
    ]);
    const w = windowShocks({
      window: { from: '2020-01-02', to: '2020-01-06' },
      frequency: 'daily',
      ids: ['a', 'late'],
      series,
    });
    // 2020-01-02 excluded (the start level), 01-03 and 01-06 in: 1.1 × 0.5 − 1 = −0.45
    expect(w.shocks.get('a')).toBeCloseTo(-0.45, 15);
    expect(w.periods.get('a')).toBe(2);
    expect([w.effectiveFrom, w.effectiveTo]).toEqual(['2020-01-02', '2020-01-06']);
    expect(w.uncovered).toEqual([
      {
        exposure: 'late',
        reason:
          'needs data from 2020-01-02 or earlier through 2020-01-06 (data 2020-01-06..2020-01-06)',
      },
    ]);
  });
});

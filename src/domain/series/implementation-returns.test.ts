import { describe, expect, it } from 'vitest';
import { createNyseCalendar } from '../calendar/trading-calendar.ts';
import { BallastError } from '../errors.ts';
import type { ReturnSeries } from './types.ts';
import { implementationReturns, rateSeriesKey } from './implementation-returns.ts';
import { dailyReturnFromYield } from './yield-returns.ts';

const returnsBySymbol = new Map<string, ReturnSeries>([
  [
    'VTI',
    [
      { date: '2024-01-03', value: 0.01 },
      { date: '2024-01-04', value: 0.02 },
    ],
  ],
  ['ITOT', [{ date: '2024-01-04', value: 0.04 }]],
  ['SP500', [{ date: '2024-01-04', value: 0.03 }]],
]);

describe('implementationReturns', () => {
  it('averages etf_average members equally over those present', () => {
    const points = implementationReturns({
      implementation: { type: 'etf_average', tickers: ['VTI', 'ITOT', 'SCHB'] },
      returnsBySymbol,
    });
    // 3 Jan: VTI only → 0.01. 4 Jan: (0.02 + 0.04) / 2 = 0.03. SCHB has no data at all.
    expect(points.map((p) => [p.date, p.contributors])).toEqual([
      ['2024-01-03', ['VTI']],
      ['2024-01-04', ['VTI', 'ITOT']],
    ]);
    expect(points[1]?.value).toBeCloseTo(0.03, 15);
  });

  it('weights a composite and can require every component', () => {
    const implementation = {
      type: 'composite' as const,
      components: [
        { ticker: 'VTI', weight: 0.75 },
        { ticker: 'ITOT', weight: 0.25 },
      ],
    };
    const available = implementationReturns({ implementation, returnsBySymbol });
    // 4 Jan: 0.75 × 0.02 + 0.25 × 0.04 = 0.025.
    expect(available.map((p) => p.date)).toEqual(['2024-01-03', '2024-01-04']);
    expect(available[1]?.value).toBeCloseTo(0.025, 15);
    const all = implementationReturns({ implementation, returnsBySymbol, compositePolicy: 'all' });
    expect(all.map((p) => p.date)).toEqual(['2024-01-04']);
  });

  it('falls back to the alternative fund only when the primary has no data', () => {
    const alt = implementationReturns({
      implementation: { type: 'fund', ticker: 'NEW', alternative: 'VTI' },
      returnsBySymbol,
    });
    expect(alt.every((p) => p.contributors[0] === 'VTI')).toBe(true);
    const primary = implementationReturns({
      implementation: { type: 'fund', ticker: 'ITOT', alternative: 'VTI' },
      returnsBySymbol,
    });
    expect(primary.map((p) => p.contributors)).toEqual([['ITOT']]);
    expect(
      implementationReturns({ implementation: { type: 'index', index: 'SP500' }, returnsBySymbol }),
    ).toHaveLength(1);
  });

  it('turns a rate series into daily returns on the calendar', () => {
    const implementation = { type: 'rate_series' as const, source: 'FRED', series: 'DGS3MO' };
    expect(rateSeriesKey(implementation)).toBe('FRED:DGS3MO');
    const points = implementationReturns({
      implementation,
      returnsBySymbol,
      calendar: createNyseCalendar(),
      yieldsBySeries: new Map([
        [
          'FRED:DGS3MO',
          [
            { date: '2024-01-02', value: 0.05 },
            { date: '2024-01-03', value: 0.05 },
          ],
        ],
      ]),
    });
    // One session (3 Jan) accrues the 2 Jan yield: 1.05^(1/252) − 1.
    expect(points).toEqual([
      { date: '2024-01-03', value: dailyReturnFromYield(0.05), contributors: ['FRED:DGS3MO'] },
    ]);
    expect(() => implementationReturns({ implementation, returnsBySymbol })).toThrow(BallastError);
  });

  it('has nothing for notes', () => {
    expect(() =>
      implementationReturns({
        implementation: { type: 'notes', description: 'x' },
        returnsBySymbol,
      }),
    ).toThrow(BallastError);
  });
});

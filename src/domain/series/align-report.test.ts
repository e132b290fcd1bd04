import { describe, expect, it } from 'vitest';
import { alignCommonReport } from './align-report.ts';

const s = (dates: string[]) => dates.map((date, i) => ({ date, value: 0.01 * (i + 1) }));

describe('alignCommonReport', () => {
  it('reports dates inside the common window that one series lacks, not dates outside it', () => {
    // A: Jan..May; B: Feb..Jun without Apr. Common window Feb..May (4 dates in the union),
    // common dates Feb, Mar, May → Apr is dropped (B lacks it); Jan and Jun lie outside.
    const report = alignCommonReport([
      {
        id: 'A',
        series: s(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31']),
      },
      { id: 'B', series: s(['2024-02-29', '2024-03-31', '2024-05-31', '2024-06-30']) },
    ]);
    expect(report.table.dates).toEqual(['2024-02-29', '2024-03-31', '2024-05-31']);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatchObject({
      code: 'DATES_DROPPED',
      details: {
        dropped: 1,
        window: { from: '2024-02-29', to: '2024-05-31' },
        missingBySeries: { B: 1 },
        dates: ['2024-04-30'],
      },
    });
    expect(report.warnings[0]?.message).toMatch(/^1 date\(s\) inside the common window/);
  });

  it('says nothing when no date inside the window was dropped', () => {
    const report = alignCommonReport([
      { id: 'A', series: s(['2024-01-31', '2024-02-29']) },
      { id: 'B', series: s(['2024-02-29', '2024-03-31']) },
    ]);
    expect(report.table.dates).toEqual(['2024-02-29']);
    expect(report.warnings).toEqual([]);
  });
});

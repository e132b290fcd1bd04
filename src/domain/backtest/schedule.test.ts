import { describe, expect, it } from 'vitest';
import { scheduledDates, scheduledRows } from './schedule.ts';

describe('scheduledRows', () => {
  // Fri 27 Dec 2024 .. Fri 3 Jan 2025, then 31 Mar, 1 Apr, 2 Apr 2025.
  const dates = [
    '2024-12-27',
    '2024-12-30',
    '2024-12-31',
    '2025-01-02',
    '2025-01-03',
    '2025-03-31',
    '2025-04-01',
    '2025-04-02',
  ];

  it('takes the last row of each period present, never the first or the final row', () => {
    // ISO weeks: 27 Dec (week 52, first row: never), 30 Dec–3 Jan (week 1), 31 Mar–2 Apr.
    expect(scheduledDates(dates, 'weekly')).toEqual(['2025-01-03']);
    expect(scheduledDates(dates, 'monthly')).toEqual(['2024-12-31', '2025-01-03', '2025-03-31']);
    expect(scheduledDates(dates, 'quarterly')).toEqual(['2024-12-31', '2025-03-31']);
    expect(scheduledDates(dates, 'annual')).toEqual(['2024-12-31']);
    expect([...scheduledRows(dates, 'daily')]).toEqual([0, 1, 1, 1, 1, 1, 1, 0]);
  });

  it('schedules nothing on fewer than three rows', () => {
    expect([...scheduledRows(['2024-01-31', '2024-02-01'], 'monthly')]).toEqual([0, 0]);
    expect([...scheduledRows(['2024-01-31', '2024-02-01'], 'daily')]).toEqual([0, 0]);
  });
});

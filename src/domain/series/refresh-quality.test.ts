import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/iso-date.ts';
import { createNyseCalendar, createWeekdayCalendar } from '../calendar/trading-calendar.ts';
import type { PriceBar } from '../market/types.ts';
import { refreshFindings } from './refresh-quality.ts';

const bar = (date: string, close: number, split = 1): PriceBar => ({
  date,
  close,
  dividend: 0,
  split,
});

/** The first `n` trading days of a Monday–Friday calendar from 2024-01-01 (a Monday). */
function weekdays(n: number): string[] {
  const calendar = createWeekdayCalendar();
  const out: string[] = [];
  for (let day = '2024-01-01'; out.length < n; day = addDays(day, 1)) {
    if (calendar.isTradingDay(day)) out.push(day);
  }
  return out;
}

/** 21 closes from 100 alternating ×1.01 and ×0.99: 20 returns, ten +1 % and ten −1 %. */
function alternating(): number[] {
  const closes = [100];
  for (let i = 0; i < 20; i += 1) closes.push(closes[i]! * (i % 2 === 0 ? 1.01 : 0.99));
  return closes;
}

describe('refreshFindings', () => {
  const nyse = createNyseCalendar();

  it('reports NYSE gaps only after the last previously stored date', () => {
    // Context 06-03, 06-05 (06-04 missing: an old gap). New: 06-07, 06-10, 06-12
    // → 06-06 and 06-11 are missing NYSE trading days (Thursday, Tuesday).
    const bars = [
      bar('2024-06-03', 100),
      bar('2024-06-05', 101),
      bar('2024-06-07', 102),
      bar('2024-06-10', 103),
      bar('2024-06-12', 104),
    ];
    const findings = refreshFindings(bars, '2024-06-05', { calendar: nyse });
    expect(findings.map((f) => [f.code, f.date])).toEqual([
      ['GAP', '2024-06-06'],
      ['GAP', '2024-06-11'],
    ]);
  });

  it('does not call Juneteenth (an NYSE holiday) a gap', () => {
    const bars = [bar('2024-06-18', 100), bar('2024-06-20', 101)];
    expect(refreshFindings(bars, '2024-06-18', { calendar: nyse })).toEqual([]);
  });

  it('reports a run of 5 identical closes that ends on a new bar, not one inside the context', () => {
    const days = weekdays(12);
    // Bars 0–4: close 7 five times (old run, all in the context); 5: 8; 6–10: close 9 with
    // bars 6–8 in the context and 9–10 new → a run of 5 ending on a new bar; 11: 10.
    const closes = [7, 7, 7, 7, 7, 8, 9, 9, 9, 9, 9, 10];
    const bars = days.map((d, i) => bar(d, closes[i]!));
    const findings = refreshFindings(bars, days[8]!, { calendar: createWeekdayCalendar() });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'STALE_CLOSE',
      date: days[6],
      details: { close: 9, bars: 5, from: days[6], to: days[10] },
    });
  });

  it('flags a return beyond 5 σ of the trailing returns and not one within', () => {
    // Trailing: ten +0.01 and ten −0.01 → mean 0, sample σ = √(20 × 0.0001 / 19) = 0.0102598.
    // +6 % → z = 0.06 / 0.0102598 = 5.848 > 5 (flagged); +5 % → z = 4.873 (not flagged).
    const closes = alternating();
    const days = weekdays(22);
    const base = closes.map((c, i) => bar(days[i]!, c));
    const last = closes[20]!;
    const up6 = refreshFindings([...base, bar(days[21]!, last * 1.06)], days[20]!, {
      calendar: createWeekdayCalendar(),
    });
    expect(up6).toHaveLength(1);
    expect(up6[0]).toMatchObject({ code: 'JUMP', date: days[21] });
    expect(up6[0]!.details['z']).toBeCloseTo(5.848, 3);
    expect(up6[0]!.details['sd']).toBeCloseTo(0.0102598, 6);
    const up5 = refreshFindings([...base, bar(days[21]!, last * 1.05)], days[20]!, {
      calendar: createWeekdayCalendar(),
    });
    expect(up5).toEqual([]);
  });

  it('needs 20 trailing returns before judging a jump', () => {
    const days = weekdays(4);
    const bars = [bar(days[0]!, 100), bar(days[1]!, 101), bar(days[2]!, 100), bar(days[3]!, 140)];
    expect(refreshFindings(bars, days[2]!, { calendar: createWeekdayCalendar() })).toEqual([]);
  });

  it('calls a halving without a stored split split-like (not a jump), and not with the split', () => {
    const closes = alternating();
    const days = weekdays(22);
    const base = closes.map((c, i) => bar(days[i]!, c));
    const half = closes[20]! / 2;
    const missing = refreshFindings([...base, bar(days[21]!, half)], days[20]!, {
      calendar: createWeekdayCalendar(),
    });
    expect(missing.map((f) => f.code)).toEqual(['SPLIT_LIKE_JUMP']);
    expect(missing[0]!.message).toContain('2-for-1 split');
    const recorded = refreshFindings([...base, bar(days[21]!, half, 2)], days[20]!, {
      calendar: createWeekdayCalendar(),
    });
    expect(recorded).toEqual([]);
  });
});

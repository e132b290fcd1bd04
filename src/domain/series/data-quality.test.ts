import { describe, expect, it } from 'vitest';
import { createNyseCalendar } from '../calendar/trading-calendar.ts';
import type { PriceBar } from '../market/types.ts';
import { priceQualityReport, qualityScore } from './data-quality.ts';
import { totalReturns } from './total-returns.ts';

const calendar = createNyseCalendar();

function bar(date: string, close: number, extra: Partial<PriceBar> = {}): PriceBar {
  return { date, close, dividend: 0, split: 1, ...extra };
}

const kinds = (bars: PriceBar[]) =>
  priceQualityReport(bars, { calendar }).issues.map((i) => [i.date, i.kind]);

describe('priceQualityReport', () => {
  it('scores a clean series 100 with no issues', () => {
    const report = priceQualityReport(
      [bar('2024-03-27', 100), bar('2024-03-28', 101), bar('2024-04-01', 100.5)],
      {
        calendar,
      },
    );
    expect(report).toMatchObject({
      from: '2024-03-27',
      to: '2024-04-01',
      observations: 3,
      expectedTradingDays: 3,
      missingTradingDays: 0,
      issues: [],
      score: 100,
    });
  });

  it('flags a −20 % crash day as a jump and keeps it in the series', () => {
    const bars = [bar('2020-03-13', 100), bar('2020-03-16', 80), bar('2020-03-17', 84)];
    const report = priceQualityReport(bars, { calendar });
    // 80 / 100 − 1 = −20 % > 15 % threshold → one jump; nothing removed.
    expect(report.issues).toEqual([
      { date: '2020-03-16', kind: 'jump', detail: 'total return -20.00 % (close 100 → 80)' },
    ]);
    expect(report.observations).toBe(3);
    expect(totalReturns(bars, { method: 'unadjusted' })).toHaveLength(2);
    // score = 100 × 3/3 − 1 (one jump) = 99
    expect(report.score).toBe(99);
  });

  it('finds gaps against the exchange calendar and charges them through coverage', () => {
    const report = priceQualityReport(
      [bar('2024-03-25', 100), bar('2024-03-28', 100.5), bar('2024-04-01', 101)],
      {
        calendar,
      },
    );
    // Sessions 25, 26, 27, 28 Mar and 1 Apr = 5 expected; 26–27 missing (Good Friday is not a gap).
    expect(report.issues).toEqual([
      {
        date: '2024-03-26',
        kind: 'gap',
        detail: '2 trading day(s) missing: 2024-03-26..2024-03-27',
      },
    ]);
    // score = round(100 × 3/5) = 60
    expect(report.score).toBe(60);
  });

  it('reports stale prices and shorter zero-return runs separately', () => {
    const stale = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08'].map((d) =>
      bar(d, 50),
    );
    expect(kinds(stale)).toEqual([['2024-01-02', 'stale']]);
    const zeros = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'].map((d) => bar(d, 50));
    // 4 identical closes: 3 zero returns (≥ 3) but fewer than 5 bars → zero_return_run.
    expect(kinds(zeros)).toEqual([['2024-01-03', 'zero_return_run']]);
  });

  it('spots split and dividend anomalies', () => {
    expect(kinds([bar('2024-06-07', 100), bar('2024-06-10', 50.2)])).toEqual([
      ['2024-06-10', 'jump'], // 50.2/100 − 1 = −49.8 %
      ['2024-06-10', 'split_anomaly'], // ratio 0.502 ≈ 1/2 with no split recorded
    ]);
    expect(kinds([bar('2024-06-07', 100), bar('2024-06-10', 99, { split: 2 })])).toEqual([
      ['2024-06-10', 'jump'], // 99 / (100/2) − 1 = +98 %
      ['2024-06-10', 'split_anomaly'], // split recorded, close barely moved
    ]);
    expect(kinds([bar('2024-06-07', 100), bar('2024-06-10', 100, { split: 0 })])).toEqual([
      ['2024-06-10', 'split_anomaly'],
    ]);
    expect(kinds([bar('2024-06-07', 100), bar('2024-06-10', 70, { dividend: 30 })])).toEqual([
      ['2024-06-10', 'dividend_anomaly'], // 30 > 25 % × 100; total return (70 + 30)/100 − 1 = 0
    ]);
  });

  it('lists bad prices, duplicates and closed-day observations without throwing', () => {
    const report = priceQualityReport(
      [bar('2024-01-03', 10), bar('2024-01-02', -1), bar('2024-01-03', 11), bar('2024-01-06', 10)],
      { calendar },
    );
    expect(report.issues.map((i) => [i.date, i.kind])).toEqual([
      ['2024-01-02', 'non_positive_price'],
      ['2024-01-03', 'duplicate_date'],
      ['2024-01-04', 'gap'],
      ['2024-01-06', 'non_trading_day'],
    ]);
    // Coverage: sessions 2–5 Jan = 4, observed 2 and 3 → 2/4 → 50; penalties 20 + 10 + 1 = 31.
    expect(report.score).toBe(19);
    expect(priceQualityReport([], { calendar })).toMatchObject({ from: null, score: 100 });
  });

  it('never drops below 0', () => {
    const issues = Array.from({ length: 10 }, () => ({
      date: '2024-01-02',
      kind: 'non_positive_price' as const,
      detail: '',
    }));
    expect(qualityScore({ expectedTradingDays: 10, missingTradingDays: 0, issues })).toBe(0);
  });
});

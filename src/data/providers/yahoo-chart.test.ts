import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import { chartToPriceBars, exchangeDateOf, type YahooChart } from './yahoo-chart.ts';

const newYork = { exchangeTimezoneName: 'America/New_York', gmtoffset: -14400 };
const at = (iso: string): Date => new Date(iso);
const bar = (iso: string, close: number | null): YahooChart['quotes'][number] => ({
  date: at(iso),
  open: close,
  high: close,
  low: close,
  close,
  volume: 1000,
  adjclose: close,
});

describe('exchangeDateOf', () => {
  it('dates a Sydney session opening at 23:00 UTC on the next calendar day', () => {
    // 2024-06-02T23:00Z = 2024-06-03 09:00 AEST (UTC+10).
    expect(exchangeDateOf('Australia/Sydney', 36000)(at('2024-06-02T23:00:00Z'))).toBe(
      '2024-06-03',
    );
  });

  it('dates a New York session by its local day', () => {
    expect(exchangeDateOf('America/New_York', -14400)(at('2024-06-03T13:30:00Z'))).toBe(
      '2024-06-03',
    );
  });

  it('falls back to the fixed GMT offset for a zone the runtime does not know', () => {
    expect(exchangeDateOf('Not/AZone', 36000)(at('2024-06-02T23:00:00Z'))).toBe('2024-06-03');
  });
});

describe('chartToPriceBars', () => {
  const range = { from: '2024-06-03', to: '2024-06-07' };

  it('cuts the padded window to [from, to] and skips bars without a close', () => {
    const chart: YahooChart = {
      meta: newYork,
      quotes: [
        bar('2024-05-31T13:30:00Z', 10),
        bar('2024-06-03T13:30:00Z', 11),
        bar('2024-06-04T13:30:00Z', null),
        bar('2024-06-07T13:30:00Z', 12),
        bar('2024-06-10T13:30:00Z', 13),
      ],
    };
    expect(chartToPriceBars(chart, [], range).map((b) => [b.date, b.close])).toEqual([
      ['2024-06-03', 11],
      ['2024-06-07', 12],
    ]);
  });

  it('keeps the later of two bars on one exchange date (the live bar Yahoo appends)', () => {
    const chart: YahooChart = {
      meta: newYork,
      quotes: [bar('2024-06-03T13:30:00Z', 11), bar('2024-06-03T19:59:00Z', 11.5)],
    };
    expect(chartToPriceBars(chart, [], range)).toEqual([
      {
        date: '2024-06-03',
        open: 11.5,
        high: 11.5,
        low: 11.5,
        close: 11.5,
        adjClose: 11.5,
        volume: 1000,
        dividend: 0,
        split: 1,
      },
    ]);
  });

  it('puts a dividend dated on a non-trading day on the next bar, un-adjusted by later splits', () => {
    const chart: YahooChart = {
      meta: newYork,
      quotes: [bar('2024-06-03T13:30:00Z', 20), bar('2024-06-05T13:30:00Z', 21)],
      events: { dividends: [{ date: at('2024-06-04T13:30:00Z'), amount: 0.25 }] },
    };
    // A 2-for-1 split after the window: Yahoo's 0.25 was 0.50 per share as paid; close 21 was 42.
    const bars = chartToPriceBars(chart, [{ date: '2025-01-02', ratio: 2 }], range);
    expect(bars.map((b) => [b.date, b.close, b.dividend])).toEqual([
      ['2024-06-03', 40, 0],
      ['2024-06-05', 42, 0.5],
    ]);
  });

  it('reads a reverse split (1-for-10) as ratio 0.1 and scales earlier prices down', () => {
    const chart: YahooChart = {
      meta: newYork,
      quotes: [bar('2024-06-03T13:30:00Z', 50), bar('2024-06-04T13:30:00Z', 49)],
      events: { splits: [{ date: at('2024-06-04T13:30:00Z'), numerator: 1, denominator: 10 }] },
    };
    const bars = chartToPriceBars(chart, [], range);
    // Yahoo shows the pre-split 5.00 as 50 (× 10); traded close = 50 × 0.1 = 5.
    expect(bars[0]?.close).toBeCloseTo(5, 12);
    expect(bars[1]).toMatchObject({ close: 49, split: 0.1 });
  });

  it('rejects a negative price as malformed', () => {
    const chart: YahooChart = { meta: newYork, quotes: [bar('2024-06-03T13:30:00Z', -1)] };
    const fail = (): unknown => chartToPriceBars(chart, [], range);
    expect(fail).toThrow(BallastError);
    expect(fail).toThrow(/malformed/);
  });
});

import { describe, expect, it } from 'vitest';
import { createNyseCalendar } from '../calendar/trading-calendar.ts';
import { priceAge, stalePricesWarning, STALE_AFTER_TRADING_DAYS } from './price-age.ts';

const nyse = createNyseCalendar();

describe('priceAge', () => {
  it('counts a Friday close on Monday as 3 days but 1 trading day old', () => {
    expect(priceAge('2024-06-14', '2024-06-17', nyse)).toEqual({ days: 3, tradingDays: 1 });
  });

  it('skips holidays: Friday 14 June 2024 to Thursday 20 June is 3 sessions (19 June closed)', () => {
    // sessions after the 14th up to the 20th: 17, 18, (19 Juneteenth), 20
    expect(priceAge('2024-06-14', '2024-06-20', nyse)).toEqual({ days: 6, tradingDays: 3 });
  });

  it('is zero on the price date itself', () => {
    expect(priceAge('2024-06-20', '2024-06-20', nyse)).toEqual({ days: 0, tradingDays: 0 });
  });
});

describe('stalePricesWarning', () => {
  it('warns about a close 6 trading days old, not one 5 days old (as of 2024-06-20)', () => {
    expect(STALE_AFTER_TRADING_DAYS).toBe(5);
    // 2024-06-12 → 13, 14, 17, 18, 20: 5 sessions; 2024-06-11 adds the 12th: 6 sessions
    const prices = [
      { symbol: 'BND', date: '2024-06-12', age: priceAge('2024-06-12', '2024-06-20', nyse) },
      { symbol: 'VTI', date: '2024-06-11', age: priceAge('2024-06-11', '2024-06-20', nyse) },
    ];
    const w = stalePricesWarning(prices, '2024-06-20')!;
    expect(w.code).toBe('STALE_PRICE');
    expect(w.message).toBe(
      'a stored close is more than 5 trading days older than the valuation date 2024-06-20: VTI 2024-06-11 (6 trading days); refresh the store (ballast data fetch) or give a prices file',
    );
    expect(w.details['prices']).toEqual([
      { symbol: 'VTI', date: '2024-06-11', ageDays: 9, ageTradingDays: 6 },
    ]);
    expect(stalePricesWarning(prices.slice(0, 1), '2024-06-20')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { parsePricesCsv } from './prices-csv.ts';

describe('parsePricesCsv', () => {
  it('refuses one symbol at two different prices, naming both lines and prices', () => {
    const text = 'symbol,price\nVTI,250\nBND,72\nvti,260\n';
    expect(() => parsePricesCsv(text, 'p.csv')).toThrow(
      /p\.csv:4: VTI has two different prices: p\.csv:2 \(price 250\) and p\.csv:4 \(price 260\)/,
    );
  });

  it('accepts the same price twice', () => {
    const prices = parsePricesCsv('symbol,price\nVTI,250\nVTI,250\n', 'p.csv');
    expect(prices.get('VTI')?.price).toBe(250);
  });

  it('keeps the latest-dated row of a symbol quoted on several dates, whatever the row order', () => {
    const text = 'symbol,price,date\nVTI,252,2024-06-03\nVTI,250,2024-05-31\n';
    expect(parsePricesCsv(text, 'p.csv').get('VTI')).toEqual({
      price: 252,
      date: '2024-06-03',
      source: 'prices file p.csv',
    });
  });

  it('refuses two different prices for one symbol on the same date', () => {
    const text = 'symbol,price,date\nVTI,250,2024-05-31\nVTI,251,2024-05-31\n';
    expect(() => parsePricesCsv(text, 'p.csv')).toThrow(/two different prices on 2024-05-31/);
  });
});

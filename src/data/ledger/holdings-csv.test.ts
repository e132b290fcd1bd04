import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import { parseHoldingsCsv } from './holdings-csv.ts';

const HEADER = 'symbol,quantity,cost_basis,acquired,account,price,market_value';

function thrown(text: string): BallastError {
  try {
    parseHoldingsCsv(text, 'h.csv');
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('parseHoldingsCsv: one price per symbol', () => {
  it('refuses VTI at 250 in IRA and 260 in TAXABLE, naming both lines and both prices', () => {
    const e = thrown(
      [
        HEADER,
        'VTI,10,2000,2023-01-03,IRA,250,',
        'BND,5,400,2023-01-03,IRA,72,',
        'VTI,4,900,2023-06-01,TAXABLE,260,',
      ].join('\n'),
    );
    expect(e.code).toBe('INVALID_INPUT');
    // Header is line 1, so the VTI rows are lines 2 and 4.
    expect(e.message).toBe(
      'h.csv:4: VTI has two different prices: h.csv:2 (price 250) and h.csv:4 (price 260); one symbol is valued at one price in every account — correct the file or give the price in a prices file',
    );
    expect(e.details).toMatchObject({
      file: 'h.csv',
      line: 4,
      symbol: 'VTI',
      value: 260,
      conflictsWith: { line: 2, value: 250 },
    });
  });

  it('refuses a stated price against a different market value ÷ quantity', () => {
    // line 3: 2 000 / 10 = 200 per share, against 250 on line 2
    const e = thrown(
      [HEADER, 'VTI,10,2000,2023-01-03,IRA,250,', 'VTI,10,2000,2023-01-03,ROTH,,2000'].join('\n'),
    );
    expect(e.message).toContain('h.csv:2 (price 250) and h.csv:3 (market_value ÷ quantity 200)');
  });

  it('accepts the same price twice (two lots, two accounts) and values both at it', () => {
    const s = parseHoldingsCsv(
      [HEADER, 'vti,10,2000,2023-01-03,IRA,250.10,', 'VTI,4,900,2023-06-01,TAXABLE,250.1,'].join(
        '\n',
      ),
      'h.csv',
    );
    expect(s.lots.map((l) => [l.account, l.quantity])).toEqual([
      ['IRA', 10],
      ['TAXABLE', 4],
    ]);
    expect(s.prices.get('VTI')).toEqual({ price: 250.1, source: 'holdings file h.csv' });
  });

  it('accepts market values that differ from a price only by cent rounding', () => {
    // 3 shares at 33.3333…: the broker rounds the market value to 100.00; 7 shares at the same
    // price round to 233.33. 100 / 3 = 33.33333 and 233.33 / 7 = 33.332857: they differ by
    // 0.000476, within 0.005 / 3 + 0.005 / 7 = 0.00238 (half a cent spread over each quantity).
    const s = parseHoldingsCsv(
      [HEADER, 'XYZ,3,90,2023-01-03,IRA,,100.00', 'XYZ,7,210,2023-01-03,ROTH,,233.33'].join('\n'),
      'h.csv',
    );
    expect(s.prices.get('XYZ')!.price).toBeCloseTo(100 / 3, 12);
    // A cent more than rounding allows is a conflict: 233.36 / 7 = 33.337142…, 0.0038 away.
    expect(
      thrown(
        [HEADER, 'XYZ,3,90,2023-01-03,IRA,,100.00', 'XYZ,7,210,2023-01-03,ROTH,,233.36'].join('\n'),
      ).message,
    ).toMatch(/^h\.csv:3: XYZ has two different prices/);
  });

  it('lets a row without a price take the price of another row', () => {
    const s = parseHoldingsCsv(
      [HEADER, 'VTI,10,2000,2023-01-03,IRA,,', 'VTI,4,900,2023-06-01,TAXABLE,260,'].join('\n'),
      'h.csv',
    );
    expect(s.prices.get('VTI')!.price).toBe(260);
  });
});

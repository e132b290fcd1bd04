import { describe, expect, it } from 'vitest';
import type { Transaction } from '../ledger/types.ts';
import { ledgerCurrencies, rowCurrency, transactionsInBase } from './ledger-in-base.ts';

const src = (line: number) => ({ file: 'l.csv', line });
const buy = (line: number, symbol: string, price: number, currency?: string): Transaction => ({
  date: `2024-01-0${line}`,
  account: 'DEFAULT',
  feesCents: 100,
  source: src(line),
  type: 'buy',
  symbol,
  quantity: 10,
  price,
  ...(currency ? { currency } : {}),
});

describe('ledgers in several currencies', () => {
  it('takes the row’s currency, else the symbol mapping, else the base', () => {
    const context = { base: 'USD', symbolCurrencies: { SAP: 'EUR' } };
    expect(rowCurrency(buy(2, 'SAP', 50, 'GBP'), context)).toBe('GBP');
    expect(rowCurrency(buy(2, 'SAP', 50), context)).toBe('EUR');
    expect(rowCurrency(buy(2, 'SPY', 50), context)).toBe('USD');
  });

  it('finds each symbol’s currency and refuses one symbol in two currencies', () => {
    const found = ledgerCurrencies([buy(2, 'SAP', 50, 'EUR'), buy(3, 'SPY', 400)], { base: 'USD' });
    expect([...found.symbols]).toEqual([
      ['SAP', 'EUR'],
      ['SPY', 'USD'],
    ]);
    expect(found.foreign).toEqual(['EUR']);
    expect(() =>
      ledgerCurrencies([buy(2, 'SAP', 50, 'EUR'), buy(3, 'SAP', 55, 'USD')], { base: 'USD' }),
    ).toThrow(/l\.csv:3: column "currency": SAP trades in USD here but in EUR on line 2/);
    expect(() =>
      ledgerCurrencies([buy(2, 'SAP', 50, 'GBP')], {
        base: 'USD',
        symbolCurrencies: { SAP: 'EUR' },
      }),
    ).toThrow(/in EUR \(the currencies mapping\)/);
  });

  it('converts price, amount and fees at the row date’s rate, leaving base rows as they are', () => {
    const dividend: Transaction = {
      date: '2024-01-05',
      account: 'DEFAULT',
      feesCents: 0,
      source: src(5),
      type: 'dividend',
      symbol: 'SAP',
      amountCents: 1234,
      currency: 'EUR',
    };
    const usd = buy(3, 'SPY', 400);
    const rates: Record<string, number> = { '2024-01-02': 1.1, '2024-01-05': 1.2 };
    const out = transactionsInBase([buy(2, 'SAP', 50, 'EUR'), usd, dividend], {
      base: 'USD',
      rateToBase: (_c, d) => rates[d]!,
    });
    // Price €50 × 1.10 = $55 a share; fees 100 cents × 1.10 = 110 cents.
    expect(out[0]).toMatchObject({ price: 50 * 1.1, feesCents: 110 });
    expect('currency' in out[0]!).toBe(false);
    expect(out[1]).toBe(usd);
    // €12.34 × 1.20 = $14.808 → 1481 cents (half away from zero).
    expect(out[2]).toMatchObject({ amountCents: 1481 });
  });
});

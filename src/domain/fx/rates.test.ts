import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import { currencyCode, fxSeriesId, isCurrencyCode, pairName, parsePair } from './currency.ts';
import { FxRates, pairsNeeded } from './rates.ts';

const rates = new FxRates(
  new Map([
    // USD per 1 EUR
    [
      'EURUSD',
      [
        { date: '2024-01-02', value: 1.1 },
        { date: '2024-01-05', value: 1.2 },
      ],
    ],
    // JPY per 1 USD
    ['USDJPY', [{ date: '2024-01-03', value: 150 }]],
    // CHF per 1 EUR
    ['EURCHF', [{ date: '2024-01-02', value: 0.95 }]],
  ]),
);

describe('currency codes and pairs', () => {
  it('reads codes and pairs in the documented forms', () => {
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('eur')).toBe(false);
    expect(currencyCode('currency', ' eur ')).toBe('EUR');
    expect(() => currencyCode('currency', 'EURO')).toThrow(/currency: must be a three-letter/);
    expect(parsePair('pair', 'eur/usd')).toEqual({ base: 'EUR', quote: 'USD' });
    expect(parsePair('pair', 'FX:USDJPY')).toEqual({ base: 'USD', quote: 'JPY' });
    expect(fxSeriesId({ base: 'EUR', quote: 'USD' })).toBe('FX:EURUSD');
    expect(pairName({ base: 'GBP', quote: 'USD' })).toBe('GBPUSD');
    expect(() => parsePair('pair', 'EUREUR')).toThrow(/same currency twice/);
    expect(() => parsePair('pair', 'EURUS')).toThrow(/pair: must be a currency pair/);
  });
});

describe('FxRates', () => {
  it('takes the last rate on or before the date (no interpolation, no look-ahead)', () => {
    expect(rates.rate('EUR', 'USD', '2024-01-02')).toMatchObject({ rate: 1.1, date: '2024-01-02' });
    // 3 and 4 January have no fixing: the 2 January one holds until 5 January.
    expect(rates.rate('EUR', 'USD', '2024-01-04')).toMatchObject({ rate: 1.1, date: '2024-01-02' });
    expect(rates.rate('EUR', 'USD', '2024-01-05')).toMatchObject({ rate: 1.2, date: '2024-01-05' });
    expect(rates.rate('EUR', 'USD', '2030-01-01').rate).toBe(1.2);
  });

  it('is 1 for the same currency and inverts a stored pair', () => {
    expect(rates.rate('USD', 'USD', '2000-01-01')).toEqual({
      rate: 1,
      date: '2000-01-01',
      legs: [],
    });
    // EUR per 1 USD on 2 January = 1 / 1.1
    const back = rates.rate('USD', 'EUR', '2024-01-02');
    expect(back.rate).toBeCloseTo(1 / 1.1, 15);
    expect(back.legs).toEqual([{ pair: 'EURUSD', inverted: true, date: '2024-01-02', value: 1.1 }]);
  });

  it('crosses through USD: EURJPY = EURUSD × USDJPY, dated by the older leg', () => {
    // 4 January: EURUSD 1.10 (of 2 Jan) × USDJPY 150 (of 3 Jan) = 165 JPY per EUR.
    const cross = rates.rate('EUR', 'JPY', '2024-01-04');
    expect(cross.rate).toBeCloseTo(165, 12);
    expect(cross.date).toBe('2024-01-02');
    expect(cross.legs.map((l) => l.pair)).toEqual(['EURUSD', 'USDJPY']);
    // JPY → EUR is its inverse: 1/165.
    expect(rates.rate('JPY', 'EUR', '2024-01-04').rate).toBeCloseTo(1 / 165, 15);
  });

  it('crosses through EUR when USD cannot: CHFUSD = (1/EURCHF) × EURUSD', () => {
    // 2 January: 1/0.95 EUR per CHF × 1.1 USD per EUR = 1.157894736842… USD per CHF.
    expect(rates.rate('CHF', 'USD', '2024-01-02').rate).toBeCloseTo(1.1 / 0.95, 12);
    // CHF→JPY: no CHFUSD stored, no EUR→JPY leg stored (EURJPY is itself a cross): unavailable.
    expect(rates.find('CHF', 'JPY', '2024-01-04')).toBeUndefined();
  });

  it('names the pair and the date when no rate is known on or before it', () => {
    let caught: unknown;
    try {
      rates.rate('EUR', 'USD', '2023-12-29');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(BallastError);
    expect(caught).toMatchObject({
      code: 'DATA_UNAVAILABLE',
      details: { pair: 'EURUSD', date: '2023-12-29' },
    });
    expect((caught as Error).message).toMatch(/no FX rate EURUSD on or before 2023-12-29/);
    expect(() => rates.rate('GBP', 'USD', '2024-01-02')).toThrow(/GBPUSD/);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => new FxRates(new Map([['EURUSD', [{ date: '2024-01-02', value: 0 }]]]))).toThrow(
      /FX:EURUSD on 2024-01-02: a rate must be a positive number/,
    );
    expect(rates.pairs()).toEqual(['EURUSD', 'USDJPY', 'EURCHF']);
  });

  it('lists the pairs that can serve a conversion', () => {
    expect(pairsNeeded(['USD'], 'USD')).toEqual([]);
    expect(pairsNeeded(['EUR'], 'USD')).toEqual(['EURUSD', 'USDEUR']);
    expect(pairsNeeded(['JPY'], 'EUR')).toEqual([
      'EURJPY',
      'EURUSD',
      'JPYEUR',
      'JPYUSD',
      'USDEUR',
      'USDJPY',
    ]);
  });
});

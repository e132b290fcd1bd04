import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { dataImport } from './data-import.ts';
import { positions } from './positions.ts';
import { positionsInBase } from './positions-base.ts';
import { errorOf } from './test-helpers.ts';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});
function deps(): ReturnType<typeof testDeps> {
  const d = testDeps({ now: '2024-03-05T18:00:00.000Z' });
  opened.push(d);
  return d;
}
const text = (t: string, name: string) => ({ text: t, name });

// USD per 1 EUR.
const RATES = ['date,EURUSD', '2024-01-02,1.08', '2024-01-05,1.10', '2024-03-01,1.20'].join('\n');

async function withRates() {
  const d = deps();
  await dataImport({ file: text(RATES, 'rates.csv'), kind: 'fx' }, d);
  return d;
}

describe('positionsInBase: cost basis at the trade date’s rate', () => {
  it('converts each row at its own date: basis, proceeds, realised gain and cash in USD', async () => {
    const d = await withRates();
    const ledger = [
      'date,type,symbol,quantity,price,amount,currency',
      '2024-01-02,deposit,,,,1000,',
      '2024-01-02,buy,SAP,10,50,,EUR',
      '2024-03-01,sell,SAP,4,60,,eur',
    ].join('\n');
    const doc = await positionsInBase(
      { transactions: text(ledger, 'l.csv'), asOf: '2024-03-01', baseCurrency: 'USD' },
      d,
    );
    // Buy: 10 × €50 = €500 × 1.08 (2 January) = $540.00 basis.
    // Sell 4 on 1 March: 4 × €60 = €240 × 1.20 = $288.00 proceeds; FIFO basis 4/10 × 540 = $216.00;
    // realised 288 − 216 = $72.00 (price and currency gain together).
    // Left: 6 shares, basis 540 − 216 = $324.00 ($54 a share). Cash: 1000 − 540 + 288 = $748.00.
    expect(doc.positions).toMatchObject([
      { symbol: 'SAP', quantity: 6, costBasisTotal: 324, costBasisPerShare: 54 },
    ]);
    expect(doc.realizedTotal.total).toBe(72);
    expect(doc.cash).toEqual({ DEFAULT: 748 });
    expect(doc.symbolCurrencies).toEqual({ SAP: 'EUR' });
    expect(doc.rates).toEqual([
      {
        currency: 'EUR',
        date: '2024-01-02',
        rate: 1.08,
        rateDate: '2024-01-02',
        series: ['FX:EURUSD'],
      },
      {
        currency: 'EUR',
        date: '2024-03-01',
        rate: 1.2,
        rateDate: '2024-03-01',
        series: ['FX:EURUSD'],
      },
    ]);
    // No price file, nothing stored for SAP: unpriced, not valued at a made-up price.
    expect(doc.valuation.unpriced).toEqual([{ symbol: 'SAP', quantity: 6 }]);
    expect(doc.valuation.total).toBe(748);
  });

  it('a --currencies mapping makes an old file’s rows foreign; base as given (EUR)', async () => {
    const d = await withRates();
    const ledger = ['date,type,symbol,quantity,price', '2024-01-05,buy,SAP,2,100'].join('\n');
    const doc = await positionsInBase(
      {
        transactions: text(ledger, 'old.csv'),
        asOf: '2024-01-05',
        baseCurrency: 'usd',
        currencies: { sap: 'eur' },
      },
      d,
    );
    // 2 × €100 = €200 × 1.10 = $220.00.
    expect(doc.positions[0]).toMatchObject({ costBasisTotal: 220 });
    expect(doc.cash).toEqual({ DEFAULT: -220 });
  });

  it('refuses a symbol traded in two currencies, a missing rate, and EUR rows without a base view', async () => {
    const d = await withRates();
    const twice = [
      'date,type,symbol,quantity,price,currency',
      '2024-01-02,buy,SAP,1,50,EUR',
      '2024-01-03,buy,SAP,1,55,USD',
    ].join('\n');
    expect(
      await errorOf(() => positionsInBase({ transactions: text(twice, 't.csv') }, d)),
    ).toMatchObject({ code: 'INVALID_INPUT', details: { line: 3, column: 'currency' } });
    const early = ['date,type,symbol,quantity,price,currency', '2023-12-29,buy,SAP,1,50,EUR'].join(
      '\n',
    );
    expect(
      await errorOf(() => positionsInBase({ transactions: text(early, 'e.csv') }, d)),
    ).toMatchObject({ code: 'DATA_UNAVAILABLE', details: { pair: 'EURUSD', date: '2023-12-29' } });
    expect(await errorOf(() => positions({ transactions: text(early, 'e.csv') }))).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'currency', value: 'EUR' },
    });
    const badCode = [
      'date,type,symbol,quantity,price,currency',
      '2024-01-02,buy,SAP,1,50,EURO',
    ].join('\n');
    expect(
      await errorOf(() => positionsInBase({ transactions: text(badCode, 'b.csv') }, d)),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      details: { line: 2, column: 'currency', value: 'EURO' },
    });
  });
});

describe('positionsInBase: valuation at price × FX of the valuation date', () => {
  it('values 10 shares at €50 with EURUSD 1.10 as $550.00 (stored close and stored rate)', async () => {
    const d = await withRates();
    await dataImport(
      {
        file: text('date,close\n2024-01-04,49\n2024-01-05,50\n', 'sap.csv'),
        kind: 'prices',
        symbol: 'SAP',
      },
      d,
    );
    const ledger = [
      'date,type,symbol,quantity,price,currency',
      '2024-01-02,buy,SAP,10,48,EUR',
    ].join('\n');
    // Valued on Saturday 6 January: the latest close (5 January, €50) and the latest rate on or
    // before the 6th (5 January, 1.10 USD per EUR).
    const doc = await positionsInBase(
      { transactions: text(ledger, 'l.csv'), asOf: '2024-01-06', baseCurrency: 'USD' },
      d,
    );
    expect(doc.valuation.holdings).toEqual([
      {
        symbol: 'SAP',
        quantity: 10,
        currency: 'EUR',
        price: 50,
        priceSource: 'stored close (csv:sap.csv)',
        priceDate: '2024-01-05',
        localValue: 500, // 10 × €50
        rate: 1.1,
        rateDate: '2024-01-05',
        baseValue: 550, // €500 × 1.10 = $550.00
        costBasis: 518.4, // 10 × €48 × 1.08 (2 January) = $518.40
        unrealizedGain: 31.6, // 550 − 518.40
      },
    ]);
    // Cash paid for the buy: −$518.40; total 550 − 518.40 = $31.60.
    expect(doc.valuation).toMatchObject({ cash: -518.4, total: 31.6, unpriced: [] });
  });

  it('takes a prices file first, in the symbol’s currency, and a USD holding at rate 1', async () => {
    const d = await withRates();
    const ledger = [
      'date,type,symbol,quantity,price,currency',
      '2024-01-02,buy,SAP,10,50,EUR',
      '2024-01-02,buy,SPY,2,470,',
    ].join('\n');
    const doc = await positionsInBase(
      {
        transactions: text(ledger, 'l.csv'),
        asOf: '2024-03-01',
        prices: text('symbol,price\nSAP,55\nSPY,500\n', 'p.csv'),
      },
      d,
    );
    // SAP: 10 × €55 = €550 × 1.20 = $660.00; SPY: 2 × $500 = $1,000.00 at rate 1.
    expect(
      doc.valuation.holdings.map((h) => [h.symbol, h.localValue, h.rate, h.baseValue]),
    ).toEqual([
      ['SAP', 550, 1.2, 660],
      ['SPY', 1000, 1, 1000],
    ]);
    // Cash: −(10 × 50 × 1.08) − 2 × 470 = −540 − 940 = −$1,480; total 660 + 1000 − 1480 = $180.
    expect(doc.valuation).toMatchObject({ cash: -1480, total: 180 });
  });
});

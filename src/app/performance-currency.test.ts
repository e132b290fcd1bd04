import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { dataImport } from './data-import.ts';
import { performance } from './performance.ts';
import { portfolioCreate } from './portfolio-create.ts';
import { portfolioImport } from './portfolio-import.ts';
import { errorOf } from './test-helpers.ts';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});
const text = (t: string, name: string) => ({ text: t, name });

async function deps() {
  const d = testDeps({ now: '2024-01-10T18:00:00.000Z' });
  opened.push(d);
  // USD per 1 EUR: 1.10 → 1.15 → 1.21.
  await dataImport(
    {
      file: text('date,EURUSD\n2024-01-02,1.10\n2024-01-03,1.15\n2024-01-04,1.21\n', 'r.csv'),
      kind: 'fx',
    },
    d,
  );
  return d;
}

// SAP in EUR: €100 → €105 → €110.
const PRICES = text(
  'date,symbol,close\n2024-01-02,SAP,100\n2024-01-03,SAP,105\n2024-01-04,SAP,110\n',
  'p.csv',
);

describe('performance in the base currency with the currency effect apart', () => {
  it('€100 → €110 with EURUSD 1.10 → 1.21: local +10 %, base +21 %, currency effect +11 %', async () => {
    const d = await deps();
    const ledger = [
      'date,type,symbol,quantity,price,amount,currency',
      '2024-01-02,deposit,,,,1100,',
      '2024-01-02,buy,SAP,10,100,,EUR',
    ].join('\n');
    const doc = await performance(
      { transactions: text(ledger, 'l.csv'), pricesHistory: PRICES, baseCurrency: 'USD' },
      d,
    );
    // Base: $1,100 deposited, 10 × €100 × 1.10 = $1,100 bought; end 10 × €110 × 1.21 = $1,331.
    // TWR = 1331 / 1100 − 1 = 0.21.
    expect(doc.endValue).toBe(1331);
    expect(doc.twr).toBeCloseTo(0.21, 12);
    // Local (constant EURUSD 1.10 of the first day): end 10 × 110 × 1.10 = $1,210; 1210/1100 − 1
    // = 0.10. FX: 1.21 / 1.10 − 1 = 0.10; (1 + 0.10)(1 + 0.10) = 1.21 = 1 + r_base.
    // Currency effect = r_base − r_local = 0.21 − 0.10 = 0.11 (= r_fx + r_local × r_fx).
    expect(doc.currency).toMatchObject({ baseCurrency: 'USD', symbolCurrencies: { SAP: 'EUR' } });
    expect(doc.currency!.twr).toBeCloseTo(0.21, 12);
    expect(doc.currency!.twrLocal).toBeCloseTo(0.1, 12);
    expect(doc.currency!.currencyEffect).toBeCloseTo(0.11, 12);
    expect((1 + doc.currency!.twrLocal) * (1 + 1.21 / 1.1 - 1)).toBeCloseTo(1 + doc.twr, 12);
    expect(doc.currency!.constantRates).toEqual([
      {
        currency: 'EUR',
        date: '2024-01-02',
        rate: 1.1,
        rateDate: '2024-01-02',
        series: ['FX:EURUSD'],
      },
    ]);
  });

  it('a currency column all in USD leaves the document exactly as without it', async () => {
    const d = await deps();
    const rows = ['2024-01-02,deposit,,,,1100', '2024-01-02,buy,SAP,10,100,'];
    const plain = ['date,type,symbol,quantity,price,amount', ...rows].join('\n');
    const withColumn = [
      'date,type,symbol,quantity,price,amount,currency',
      ...rows.map((r) => `${r},USD`),
    ].join('\n');
    const a = await performance({ transactions: text(plain, 'a.csv'), pricesHistory: PRICES }, d);
    const b = await performance(
      { transactions: text(withColumn, 'b.csv'), pricesHistory: PRICES },
      d,
    );
    expect(b).toEqual(a);
    expect('currency' in a).toBe(false);
    // All in USD: $1,100 in, 10 × $100 bought, $100 cash left; end 10 × 110 + 100 = $1,200;
    // 1200 / 1100 − 1 = 1/11.
    expect(a.twr).toBeCloseTo(1 / 11, 12);
  });

  it('names the pair and date when a rate is missing', async () => {
    const d = await deps();
    const ledger = [
      'date,type,symbol,quantity,price,currency',
      '2024-01-01,buy,SAP,1,100,EUR',
    ].join('\n');
    expect(
      await errorOf(() =>
        performance({ transactions: text(ledger, 'l.csv'), pricesHistory: PRICES }, d),
      ),
    ).toMatchObject({ code: 'DATA_UNAVAILABLE', details: { pair: 'EURUSD', date: '2024-01-01' } });
  });

  it('a stored portfolio keeps its rows’ currencies: the same document as the file', async () => {
    const d = await deps();
    const ledger = [
      'date,type,symbol,quantity,price,amount,currency',
      '2024-01-02,deposit,,,,1100,',
      '2024-01-02,buy,SAP,10,100,,EUR',
    ].join('\n');
    await portfolioCreate({ name: 'eu' }, d);
    await portfolioImport({ name: 'eu', transactions: text(ledger, 'l.csv') }, d);
    const file = await performance(
      { transactions: text(ledger, 'l.csv'), pricesHistory: PRICES, baseCurrency: 'USD' },
      d,
    );
    // The portfolio's base currency (USD) is the default; 10 × €110 × 1.21 = $1,331 as above.
    const stored = await performance({ portfolio: 'eu', pricesHistory: PRICES }, d);
    expect(stored.endValue).toBe(1331);
    expect(stored.currency!.currencyEffect).toBeCloseTo(0.11, 12);
    expect(stored).toStrictEqual(file);
  });
});

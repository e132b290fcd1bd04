import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { dataImport } from './data-import.ts';
import { exposures } from './exposures.ts';
import { portfolioCreate } from './portfolio-create.ts';
import { portfolioImport } from './portfolio-import.ts';
import { errorOf } from './test-helpers.ts';

/** `exposures` of a ledger in several currencies (docs/currencies.md, "Exposures in the base currency"). */

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});
const text = (t: string, name: string) => ({ text: t, name });

// USD per 1 EUR: 1.08 on the trade date, 1.10 on the valuation date's last fixing.
const RATES = ['date,EURUSD', '2024-01-02,1.08', '2024-01-05,1.10'].join('\n');

async function withRates() {
  const d = testDeps({ now: '2024-03-05T18:00:00.000Z' });
  opened.push(d);
  await dataImport({ file: text(RATES, 'rates.csv'), kind: 'fx' }, d);
  return d;
}

// $600 of a USD fund and €400 of a EUR equity fund, bought on 2 January:
// basis 6 × $100 = $600 and 4 × €100 = €400 × 1.08 = $432; deposit 600 + 432 = $1,032 → cash 0.
const LEDGER = [
  'date,type,symbol,quantity,price,amount,currency',
  '2024-01-02,deposit,,,,1032,',
  '2024-01-02,buy,USFUND,6,100,,',
  '2024-01-02,buy,EUFUND,4,100,,EUR',
].join('\n');
const PRICES = ['symbol,price,date', 'USFUND,100,2024-01-05', 'EUFUND,100,2024-01-05'].join('\n');

function fundsFile(hedged: boolean, eufundExposure = 1): string {
  return [
    'funds:',
    '  USFUND:',
    '    name: US fund',
    '    category: Test',
    '    exposures: { us_large_equity: 1.0 }',
    '    provenance: test',
    '    validatedBy: null',
    '  EUFUND:',
    '    name: Euro equity fund',
    '    category: Test',
    `    exposures: { intl_developed_large_equity: ${eufundExposure} }`,
    '    provenance: test',
    '    validatedBy: null',
    ...(hedged ? ['    currencyHedged: true'] : []),
  ].join('\n');
}

function input(hedged: boolean, eufundExposure = 1) {
  return {
    transactions: text(LEDGER, 'l.csv'),
    prices: text(PRICES, 'p.csv'),
    funds: text(fundsFile(hedged, eufundExposure), 'funds.yaml'),
    asOf: '2024-01-06',
    baseCurrency: 'USD',
  };
}

describe('exposures in the base currency', () => {
  it('values holdings at the valuation date’s rate and adds currency_EUR for the unhedged fund', async () => {
    const doc = await exposures(input(false), await withRates());
    // EUFUND: 4 × €100 = €400 × 1.10 (rate of 5 January, the last on or before the 6th) = $440.
    // Total = $600 + $440 + $0 cash = $1,040.
    expect(doc.totalValue).toBe(1040);
    expect(doc.cash).toBe(0);
    expect(doc.positions.map((p) => [p.symbol, p.price, p.marketValue])).toEqual([
      ['EUFUND', 100, 440],
      ['USFUND', 100, 600],
    ]);
    // Asset exposures as the definitions give them; the currency line on top:
    // currency_EUR = 440 / 1040 = 0.423076923077 (12 significant digits).
    expect(doc.exposures).toEqual([
      {
        id: 'us_large_equity',
        category: 'equity_beta',
        economicValue: 600,
        economicWeight: 0.576923076923,
      },
      {
        id: 'intl_developed_large_equity',
        category: 'equity_beta',
        economicValue: 440,
        economicWeight: 0.423076923077,
      },
      {
        id: 'currency_EUR',
        category: 'currency',
        economicValue: 440,
        economicWeight: 0.423076923077,
      },
    ]);
    expect(doc.byCategory).toEqual([
      { id: 'equity_beta', economicValue: 1040, economicWeight: 1 },
      { id: 'currency', economicValue: 440, economicWeight: 0.423076923077 },
    ]);
    // Gross = (600 + 440 + 440) / 1040 = 1480 / 1040 = 1.42307692308.
    expect(doc.grossEconomicExposure).toBe(1.42307692308);
    expect(doc.netEconomicExposure).toBe(1.42307692308);
    expect(doc.positions[0]!.economic).toEqual([
      { id: 'intl_developed_large_equity', economicValue: 440 },
      { id: 'currency_EUR', economicValue: 440 },
    ]);
    expect(doc.currency).toMatchObject({
      baseCurrency: 'USD',
      valuationDate: '2024-01-06',
      symbolCurrencies: { EUFUND: 'EUR' },
      hedged: [],
    });
    expect(doc.currency!.holdings[0]).toMatchObject({
      symbol: 'EUFUND',
      currency: 'EUR',
      localValue: 400,
      rate: 1.1,
      rateDate: '2024-01-05',
      baseValue: 440,
      // Basis €400 × 1.08 = $432; unrealised 440 − 432 = $8 (all currency gain).
      costBasis: 432,
      unrealizedGain: 8,
    });
    expect(doc.currency!.rates.map((r) => [r.date, r.rate, r.rateDate])).toEqual([
      ['2024-01-02', 1.08, '2024-01-02'],
      ['2024-01-06', 1.1, '2024-01-05'],
    ]);
  });

  it('a hedged share class adds no currency exposure', async () => {
    const doc = await exposures(input(true), await withRates());
    // Same $1,040; exposures 600 + 440 only: gross 1040 / 1040 = 1.
    expect(doc.totalValue).toBe(1040);
    expect(doc.exposures.map((e) => e.id)).toEqual([
      'us_large_equity',
      'intl_developed_large_equity',
    ]);
    expect(doc.byCategory.map((c) => c.id)).toEqual(['equity_beta']);
    expect(doc.grossEconomicExposure).toBe(1);
    expect(doc.currency!.hedged).toEqual(['EUFUND']);
  });

  it('a leveraged foreign fund is long the currency by its NAV, not its notional', async () => {
    const doc = await exposures(input(false, 2), await withRates());
    // EUFUND 2.0 per $: $880 of intl equity; currency_EUR stays $440 (the NAV converted).
    const byId = Object.fromEntries(doc.exposures.map((e) => [e.id, e.economicValue]));
    expect(byId).toEqual({
      us_large_equity: 600,
      intl_developed_large_equity: 880,
      currency_EUR: 440,
    });
    // Gross = (600 + 880 + 440) / 1040 = 1920 / 1040 = 1.84615384615.
    expect(doc.grossEconomicExposure).toBe(1.84615384615);
  });

  it('a ledger in the base currency gives exactly the document without the flags', async () => {
    const d = await withRates();
    const usd = [
      'date,type,symbol,quantity,price,amount,currency',
      '2024-01-02,deposit,,,,1000,USD',
      '2024-01-02,buy,USFUND,6,100,,',
    ].join('\n');
    const common = {
      transactions: text(usd, 'l.csv'),
      prices: text(PRICES, 'p.csv'),
      funds: text(fundsFile(false), 'funds.yaml'),
      asOf: '2024-01-06',
    };
    const plain = await exposures(common, d);
    const flagged = await exposures({ ...common, baseCurrency: 'usd' }, d);
    expect(JSON.stringify(flagged)).toBe(JSON.stringify(plain));
    expect('currency' in flagged).toBe(false);
  });

  it('values a stored portfolio’s rows in their currencies: the same document as the file', async () => {
    const d = await withRates();
    await portfolioCreate({ name: 'eu' }, d);
    await portfolioImport({ name: 'eu', transactions: text(LEDGER, 'l.csv') }, d);
    const file = await exposures(input(false), d);
    const { transactions: _file, ...rest } = input(false);
    const stored = await exposures({ ...rest, portfolio: 'eu' }, d);
    // €400 × 1.10 = $440 of $1,040: currency_EUR 440 / 1040 (the worked example above).
    expect(stored.exposures).toContainEqual(
      expect.objectContaining({ id: 'currency_EUR', economicValue: 440 }),
    );
    expect(stored).toStrictEqual(file);
  });

  it('refuses a holdings snapshot, naming the field', async () => {
    const d = await withRates();
    const holdings = await errorOf(() =>
      exposures(
        {
          holdings: text(
            'symbol,quantity,cost_basis,acquired,account,price\nEUFUND,4,400,2024-01-02,A,100\n',
            'h.csv',
          ),
          baseCurrency: 'USD',
        },
        d,
      ),
    );
    expect(holdings).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'baseCurrency' } });
    expect((holdings as Error).message).toMatch(/transactions/);
  });
});

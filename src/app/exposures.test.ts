import { afterAll, describe, expect, it } from 'vitest';
import { BallastError } from '../domain/errors.ts';
import { exposures, exposuresChart } from './exposures.ts';
import { errorOf, testDeps } from './test-helpers.ts';

const deps = testDeps();
afterAll(() => deps.close());

const holdings = [
  'symbol,quantity,cost_basis,acquired,account,price',
  'rssb,400,9000,2024-01-10,MARGIN,25',
  'UPRO,100,8000,2024-01-10,MARGIN,100',
  'XYZ,10,900,2024-01-10,MARGIN,100',
  'ABC,5,50,2024-01-10,MARGIN,',
  'CASH,-5000,,,MARGIN,',
].join('\n');

describe('exposures use case', () => {
  it('decomposes inline holdings through the shipped fund definitions (hand arithmetic)', async () => {
    const doc = await exposures({ holdings: { text: holdings, name: 'h.csv' } }, deps);
    // total = 400 × 25 + 100 × 100 + 10 × 100 − 5 000 = 16 000 (ABC has no price: not valued)
    expect(doc.totalValue).toBe(16000);
    expect(doc.cash).toBe(-5000);
    const byId = Object.fromEntries(doc.exposures.map((e) => [e.id, e.economicValue]));
    // config/funds.yaml: RSSB 0.95 broad_ust and 0.589 / 0.266 / 0.095 of equity per $;
    // UPRO 3 us_large_equity per $. RSSB $10 000, UPRO $10 000.
    expect(byId['broad_ust']).toBeCloseTo(9500, 6);
    expect(byId['us_large_equity']).toBeCloseTo(5890 + 30000, 6);
    expect(byId['intl_developed_large_equity']).toBeCloseTo(2660, 6);
    expect(byId['emerging_equity']).toBeCloseTo(950, 6);
    // gross = (9 500 + 5 890 + 2 660 + 950 + 30 000) / 16 000 = 49 000 / 16 000
    expect(doc.grossEconomicExposure).toBeCloseTo(49000 / 16000, 10);
    expect(doc.unexplained).toEqual([
      expect.objectContaining({ symbol: 'ABC', marketValue: null }),
      expect.objectContaining({ symbol: 'XYZ', marketValue: 1000 }),
    ]);
    expect(doc.unexplained[0]!.reason).not.toContain('--');
  });

  it('takes fund definitions inline and labels the chart with exposure names', async () => {
    const funds = [
      'funds:',
      '  MYFUND:',
      '    name: My fund',
      '    category: Test',
      '    exposures: { gold: 2.0 }',
      '    provenance: test',
      '    validatedBy: null',
    ].join('\n');
    const doc = await exposures(
      {
        holdings: {
          text: 'symbol,quantity,cost_basis,acquired,account,price\nMYFUND,10,100,2024-01-02,A,10\n',
        },
        funds: { text: funds, name: 'funds.yaml' },
      },
      deps,
    );
    // $100 of a fund with 2 gold per $: $200 of gold, 200 % of total value
    expect(doc.exposures).toEqual([
      { id: 'gold', category: 'real_assets', economicValue: 200, economicWeight: 2 },
    ]);
    const chart = await exposuresChart(doc);
    expect(chart.exposures).toHaveLength(1);
    expect(chart.labels?.['gold']).toMatch(/gold/i);
  });

  it('values a ledger with a prices file first and the last trade price otherwise', async () => {
    const doc = await exposures(
      {
        transactions: {
          text: 'date,type,symbol,quantity,price,amount,fees,account,lots\n2024-01-02,deposit,,,,1000,,,\n2024-01-03,buy,SPY,2,400,,,,\n2024-01-03,buy,GLD,1,180,,,,\n',
        },
        prices: { text: 'symbol,price,date,source\nSPY,500,2024-06-28,broker close\n' },
      },
      deps,
    );
    // cash 1 000 − 800 − 180 = 20; SPY 2 × 500 = 1 000; GLD 1 × 180 (last trade) → 1 200
    expect(doc.totalValue).toBe(1200);
    expect(doc.positions.map((p) => [p.symbol, p.priceSource])).toEqual([
      ['GLD', 'last trade price (ledger)'],
      ['SPY', 'broker close'],
    ]);
  });

  it('names the input field when neither holdings nor transactions is given', async () => {
    const error = await errorOf(() => exposures({}, deps));
    expect(error).toBeInstanceOf(BallastError);
    expect((error as BallastError).code).toBe('INVALID_INPUT');
    expect((error as BallastError).details['field']).toBe('holdings');
  });
});

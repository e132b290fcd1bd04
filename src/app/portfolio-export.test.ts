import { describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import { portfolioCreate } from './portfolio-create.ts';
import { portfolioExport } from './portfolio-export.ts';
import { portfolioImport } from './portfolio-import.ts';

const LEDGER = [
  'date,type,symbol,quantity,price,amount,fees,account,lots,acquired',
  '2024-01-02,deposit,,,,1000.01,,IRA,,',
  '2024-01-03,buy,NTSX,3,33.3333,,0.5,IRA,,',
  '2024-02-01,split,NTSX,2,,,,IRA,,',
  '2024-03-01,transfer_in,VTI,1.5,199.99,,,IRA,,2019-12-31',
].join('\n');

describe('portfolioExport use case', () => {
  it('writes the portfolio, its accounts and its ledger as the store holds them', async () => {
    const d = testDeps();
    try {
      await portfolioCreate({ name: 'ira', baseCurrency: 'usd' }, d);
      await portfolioImport(
        {
          name: 'ira',
          transactions: { text: LEDGER, name: 'ira.csv' },
          accounts: { text: 'account,type\nIRA,traditional_ira\n', name: 'a.csv' },
        },
        d,
      );
      expect(await portfolioExport({ name: 'ira' }, d)).toStrictEqual({
        format: 'ballast-portfolio',
        version: 1,
        portfolio: { name: 'ira', baseCurrency: 'USD', createdAt: '2024-06-20T20:00:00.000Z' },
        accounts: [{ name: 'IRA', taxType: 'traditional_ira' }],
        transactions: [
          {
            date: '2024-01-02',
            account: 'IRA',
            feesCents: 0,
            source: { line: 2 },
            type: 'deposit',
            amountCents: 100_001,
          },
          {
            date: '2024-01-03',
            account: 'IRA',
            feesCents: 50,
            source: { line: 3 },
            type: 'buy',
            symbol: 'NTSX',
            quantity: 3,
            price: 33.3333,
          },
          {
            date: '2024-02-01',
            account: 'IRA',
            feesCents: 0,
            source: { line: 4 },
            type: 'split',
            symbol: 'NTSX',
            ratio: 2,
          },
          {
            date: '2024-03-01',
            account: 'IRA',
            feesCents: 0,
            source: { line: 5 },
            type: 'transfer_in',
            symbol: 'VTI',
            quantity: 1.5,
            costPerShare: 199.99,
            acquired: '2019-12-31',
          },
        ],
      });
    } finally {
      await d.close();
    }
  });

  it('round-trips through import into another store: the second export is the same text', async () => {
    const first = testDeps();
    const second = testDeps({ now: '2025-01-01T00:00:00.000Z' });
    try {
      await portfolioCreate({ name: 'ira' }, first);
      await portfolioImport(
        { name: 'ira', transactions: { text: LEDGER, name: 'ira.csv' } },
        first,
      );
      const text = JSON.stringify(await portfolioExport({ name: 'ira' }, first), null, 2);
      await portfolioImport({ name: 'ira', json: { text, name: 'backup.json' } }, second);
      expect(JSON.stringify(await portfolioExport({ name: 'ira' }, second), null, 2)).toBe(text);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('names an unknown portfolio with NOT_FOUND', async () => {
    const d = testDeps();
    try {
      const error = await rejection(portfolioExport({ name: 'ghost' }, d));
      expect([error.code, error.details.value]).toEqual(['NOT_FOUND', 'ghost']);
    } finally {
      await d.close();
    }
  });
});

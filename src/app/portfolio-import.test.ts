import { describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import { portfolioCreate } from './portfolio-create.ts';
import { portfolioExport } from './portfolio-export.ts';
import { portfolioImport } from './portfolio-import.ts';

const HEADER = 'date,type,symbol,quantity,price,amount,fees,account,lots';
const LEDGER = [
  HEADER,
  '2024-01-02,deposit,,,,5000,,MARGIN,',
  '',
  '2024-01-03,buy,vti,10,250.5,,1.25,MARGIN,',
  '2024-02-01,sell,VTI,4,260,,0,MARGIN,L4',
  '2024-03-01,interest,,,,-3.10,,MARGIN,',
].join('\n');

/** The ledger above as the store keeps it: money in cents, symbols upper-cased, lines kept (line 3 is blank). */
const STORED: Transaction[] = [
  {
    date: '2024-01-02',
    account: 'MARGIN',
    feesCents: 0,
    source: { line: 2 },
    type: 'deposit',
    amountCents: 500_000,
  },
  {
    date: '2024-01-03',
    account: 'MARGIN',
    feesCents: 125,
    source: { line: 4 },
    type: 'buy',
    symbol: 'VTI',
    quantity: 10,
    price: 250.5,
  },
  {
    date: '2024-02-01',
    account: 'MARGIN',
    feesCents: 0,
    source: { line: 5 },
    type: 'sell',
    symbol: 'VTI',
    quantity: 4,
    price: 260,
    lots: ['L4'],
  },
  {
    date: '2024-03-01',
    account: 'MARGIN',
    feesCents: 0,
    source: { line: 6 },
    type: 'interest',
    amountCents: -310,
  },
];

const csv = (text: string, name = 'ledger.csv') => ({ text, name });

describe('portfolioImport use case', () => {
  it('stores a transactions file and an accounts file in an existing portfolio', async () => {
    const d = testDeps();
    try {
      await portfolioCreate({ name: 'main' }, d);
      const doc = await portfolioImport(
        {
          name: 'main',
          transactions: csv(LEDGER),
          accounts: csv('account,type\nMARGIN,Taxable\nROTH,roth_ira\n', 'accounts.csv'),
        },
        d,
      );
      expect(doc).toMatchObject({ created: false, accounts: 2, transactions: 4 });
      const store = await d.store();
      expect(await store.portfolios.listTransactions('main')).toStrictEqual(STORED);
      expect(await store.portfolios.listAccounts('main')).toEqual([
        { name: 'MARGIN', taxType: 'taxable' },
        { name: 'ROTH', taxType: 'roth_ira' },
      ]);
      // Importing again replaces the ledger rather than appending to it.
      await portfolioImport({ name: 'main', transactions: csv(LEDGER) }, d);
      expect(await store.portfolios.listTransactions('main')).toHaveLength(4);
    } finally {
      await d.close();
    }
  });

  it('stores nothing when a row is bad, naming the file, line and column', async () => {
    const d = testDeps();
    try {
      await portfolioCreate({ name: 'main' }, d);
      await portfolioImport({ name: 'main', transactions: csv(LEDGER) }, d);
      const bad = LEDGER.replace('2024-02-01,sell,VTI,4,', '2024-02-01,sell,VTI,four,');
      const error = await rejection(
        portfolioImport(
          {
            name: 'main',
            transactions: csv(bad, 'bad.csv'),
            accounts: csv('account,type\nX,taxable\n'),
          },
          d,
        ),
      );
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.details).toMatchObject({ file: 'bad.csv', line: 5, column: 'quantity' });
      const store = await d.store();
      expect(await store.portfolios.listTransactions('main')).toStrictEqual(STORED);
      expect(await store.portfolios.listAccounts('main')).toEqual([]);
    } finally {
      await d.close();
    }
  });

  it('refuses a ledger that does not replay (a sale of a lot that is not open), storing nothing', async () => {
    const d = testDeps();
    try {
      await portfolioCreate({ name: 'main' }, d);
      const error = await rejection(
        portfolioImport({ name: 'main', transactions: csv(LEDGER.replace(',L4', ',L9')) }, d),
      );
      expect(error.message).toContain('ledger.csv:5');
      expect(error.message).toContain('L9');
      expect(await (await d.store()).portfolios.listTransactions('main')).toEqual([]);
    } finally {
      await d.close();
    }
  });

  it('needs the portfolio to exist for files, and one kind of source', async () => {
    const d = testDeps();
    try {
      const missing = await rejection(
        portfolioImport({ name: 'ghost', transactions: csv(LEDGER) }, d),
      );
      expect([missing.code, missing.message]).toEqual([
        'NOT_FOUND',
        'portfolio: no stored portfolio "ghost"',
      ]);
      const none = await rejection(portfolioImport({ name: 'ghost' }, d));
      expect([none.code, none.details.field]).toEqual(['INVALID_INPUT', 'transactions']);
      const both = await rejection(
        portfolioImport({ name: 'ghost', transactions: csv(LEDGER), json: csv('{}', 'b.json') }, d),
      );
      expect([both.code, both.details.field]).toEqual(['INVALID_INPUT', 'json']);
    } finally {
      await d.close();
    }
  });

  it('restores a backup, creating the portfolio with the backup’s currency and creation time', async () => {
    const d = testDeps();
    try {
      const backup = {
        format: 'ballast-portfolio',
        version: 1,
        portfolio: { name: 'old name', baseCurrency: 'EUR', createdAt: '2020-01-02T03:04:05.000Z' },
        accounts: [{ name: 'MARGIN', taxType: 'taxable' }],
        transactions: STORED,
      };
      const doc = await portfolioImport(
        { name: 'restored', json: csv(JSON.stringify(backup), 'b.json') },
        d,
      );
      expect(doc).toMatchObject({ created: true, accounts: 1, transactions: 4 });
      expect(doc.portfolio).toMatchObject({
        name: 'restored',
        baseCurrency: 'EUR',
        createdAt: '2020-01-02T03:04:05.000Z',
      });
      const exported = await portfolioExport({ name: 'restored' }, d);
      expect(exported.transactions).toStrictEqual(STORED);

      await portfolioCreate({ name: 'dollars' }, d);
      const currency = await rejection(
        portfolioImport({ name: 'dollars', json: csv(JSON.stringify(backup), 'b.json') }, d),
      );
      expect(currency.code).toBe('CONFLICT');
      expect(currency.message).toContain('EUR');
    } finally {
      await d.close();
    }
  });

  it('refuses a bad backup naming the file, the transaction and the field, storing nothing', async () => {
    const d = testDeps();
    try {
      const bad = {
        format: 'ballast-portfolio',
        version: 1,
        portfolio: { name: 'x', baseCurrency: 'USD', createdAt: '2020-01-02T03:04:05.000Z' },
        accounts: [],
        transactions: [STORED[0], { ...STORED[1], price: -1 }],
      };
      const error = await rejection(
        portfolioImport({ name: 'x', json: csv(JSON.stringify(bad), 'b.json') }, d),
      );
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/^b\.json: transactions\[1\]\.price: /);
      expect(error.details).toMatchObject({ file: 'b.json', index: 1, line: 4 });
      const version = await rejection(
        portfolioImport(
          { name: 'x', json: csv(JSON.stringify({ ...bad, version: 2 }), 'b.json') },
          d,
        ),
      );
      expect([version.code, version.details.field]).toEqual(['INVALID_INPUT', 'version']);
      const notJson = await rejection(portfolioImport({ name: 'x', json: csv('{', 'b.json') }, d));
      expect(notJson.message).toMatch(/^b\.json: not JSON/);
      expect(await (await d.store()).portfolios.list()).toEqual([]);
    } finally {
      await d.close();
    }
  });
});

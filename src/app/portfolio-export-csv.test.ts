import { describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import { portfolioAppend } from './portfolio-append.ts';
import { portfolioCreate } from './portfolio-create.ts';
import { portfolioExportCsv } from './portfolio-export-csv.ts';
import { portfolioImport } from './portfolio-import.ts';
import { portfolioPositions } from './portfolio-positions.ts';
import { portfolioTransactions } from './portfolio-transactions.ts';

/** A ledger with a blank line, a quoted account and a sale of a listed lot. */
const LEDGER = [
  'date,type,symbol,quantity,price,amount,fees,account,lots',
  '2024-01-02,deposit,,,,1000.01,,"Joint, ""A""",',
  '',
  '2024-01-03,buy,NTSX,3,33.3333,,0.5,"Joint, ""A""",',
  '2024-01-04,buy,NTSX,1,30,,,"Joint, ""A""",',
  '2024-02-01,sell,NTSX,1,35,,,"Joint, ""A""",L5',
  '2024-03-01,interest,,,,-0.07,,,',
].join('\n');

const EXPORTED = [
  'date,type,symbol,quantity,price,amount,fees,account,lots,acquired',
  '2024-01-02,deposit,,,,1000.01,,"Joint, ""A""",,',
  '',
  '2024-01-03,buy,NTSX,3,33.3333,,0.50,"Joint, ""A""",,',
  '2024-01-04,buy,NTSX,1,30,,,"Joint, ""A""",,',
  '2024-02-01,sell,NTSX,1,35,,,"Joint, ""A""",L5,',
  '2024-03-01,interest,,,,-0.07,,DEFAULT,,',
  '',
].join('\n');

describe('portfolioExportCsv use case', () => {
  it('writes the stored ledger on its lines; importing it stores the same ledger and lots', async () => {
    const d = testDeps();
    try {
      await portfolioCreate({ name: 'main' }, d);
      await portfolioImport({ name: 'main', transactions: { text: LEDGER, name: 'l.csv' } }, d);
      const doc = await portfolioExportCsv({ portfolio: ' main ' }, d);
      expect(doc).toEqual({ portfolio: 'main', transactions: 5, csv: EXPORTED });
      await portfolioCreate({ name: 'copy' }, d);
      await portfolioImport({ name: 'copy', transactions: { text: doc.csv, name: 'e.csv' } }, d);
      const ledger = async (portfolio: string) =>
        (await portfolioTransactions({ portfolio }, d)).transactions;
      expect(await ledger('copy')).toStrictEqual(await ledger('main'));
      const positions = (portfolio: string) => portfolioPositions({ portfolio }, d);
      expect(await positions('copy')).toStrictEqual(await positions('main'));
      expect((await portfolioExportCsv({ portfolio: 'copy' }, d)).csv).toBe(EXPORTED);
    } finally {
      await d.close();
    }
  });

  it('writes the header alone for an empty ledger; an unknown portfolio is NOT_FOUND', async () => {
    const d = testDeps();
    try {
      await portfolioCreate({ name: 'empty' }, d);
      expect((await portfolioExportCsv({ portfolio: 'empty' }, d)).csv).toBe(
        'date,type,symbol,quantity,price,amount,fees,account,lots,acquired\n',
      );
      expect((await rejection(portfolioExportCsv({ portfolio: 'ghost' }, d))).code).toBe(
        'NOT_FOUND',
      );
    } finally {
      await d.close();
    }
  });

  it('exports JSON rows sent without lines: an empty ledger numbers them from line 2', async () => {
    const d = testDeps();
    try {
      await portfolioCreate({ name: 'json' }, d);
      const deposit = { date: '2024-01-02', account: 'A', type: 'deposit', amountCents: 12345 };
      await portfolioAppend({ portfolio: 'json', transactions: [deposit, deposit] }, d);
      // Header, then the two deposits of $123.45 (no fees: an empty cell) on lines 2 and 3.
      expect((await portfolioExportCsv({ portfolio: 'json' }, d)).csv).toBe(
        'date,type,symbol,quantity,price,amount,fees,account,lots,acquired\n' +
          '2024-01-02,deposit,,,,123.45,,A,,\n'.repeat(2),
      );
    } finally {
      await d.close();
    }
  });

  it('is CONFLICT naming the stored line and field when the ledger came as JSON the CSV cannot say', async () => {
    const d = testDeps();
    try {
      const deposit = { date: '2024-01-02', account: 'A', type: 'deposit', amountCents: 100 };
      const buy = { date: '2024-01-03', account: 'A', type: 'buy', quantity: 1, price: 1 };
      for (const name of ['ticker', 'numbered']) await portfolioCreate({ name }, d);
      const lines = (line: number) => ({ source: { line } });
      await portfolioAppend(
        {
          portfolio: 'ticker',
          transactions: [
            { ...deposit, ...lines(2) },
            { ...buy, symbol: 'BRK B', ...lines(3) },
          ],
        },
        d,
      );
      const ticker = await rejection(portfolioExportCsv({ portfolio: 'ticker' }, d));
      expect(ticker.code).toBe('CONFLICT');
      expect(ticker.message).toContain('portfolio ticker:3: column "symbol": not a ticker symbol');
      expect(ticker.message).toContain('export the JSON backup instead');
      expect(ticker.details).toMatchObject({ portfolio: 'ticker', line: 3, column: 'symbol' });
      // A JSON row stored on line 1, where a CSV has its header.
      await portfolioAppend(
        { portfolio: 'numbered', transactions: [{ ...deposit, source: { line: 1 } }] },
        d,
      );
      const numbered = await rejection(portfolioExportCsv({ portfolio: 'numbered' }, d));
      expect([numbered.code, numbered.details['field']]).toEqual([
        'CONFLICT',
        'transactions[0].source.line',
      ]);
      expect(numbered.message).toContain('portfolio numbered:1: source.line: a transactions CSV');
    } finally {
      await d.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import { portfolioAppend } from './portfolio-append.ts';
import { portfolioCreate } from './portfolio-create.ts';
import { portfolioGet } from './portfolio-get.ts';
import { portfolioPositions } from './portfolio-positions.ts';
import { portfolioTransactions } from './portfolio-transactions.ts';

const HEADER = 'date,type,symbol,quantity,price,amount,fees,account,lots';
const csv = (...rows: string[]) => ({ text: [HEADER, ...rows].join('\n'), name: 'batch.csv' });

describe('portfolioAppend use case', () => {
  it('numbers a CSV batch after the stored ledger, so lots bought later get later ids', async () => {
    const d = testDeps();
    try {
      await portfolioCreate({ name: 'main' }, d);
      const first = await portfolioAppend(
        {
          portfolio: 'main',
          csv: csv('2024-01-02,deposit,,,,1000,,,', '2024-01-03,buy,VTI,2,100,,,,'),
        },
        d,
      );
      // a first batch keeps the file's lines: 2 and 3
      expect(first).toMatchObject({ appended: 2, transactions: 2, lines: { first: 2, last: 3 } });
      // stored last line 3: the file's line n becomes n + 2
      const second = await portfolioAppend(
        {
          portfolio: 'main',
          csv: csv('2024-02-01,buy,VTI,1,130,,,,', '2024-03-01,sell,VTI,1,150,,,,L4'),
        },
        d,
      );
      expect(second).toMatchObject({ appended: 2, transactions: 4, lines: { first: 4, last: 5 } });
      // the buy is stored at line 4 (lot L4): selling it (cost 130) at 150 realises 20; L3 stays open
      const doc = await portfolioPositions({ portfolio: 'main' }, d);
      expect(doc.realizedTotal.total).toBe(20);
      expect(doc.positions[0]?.lots.map((l) => l.id)).toEqual(['L3']);
    } finally {
      await d.close();
    }
  });

  it('numbers transactions without a source after the previous line', async () => {
    const d = testDeps();
    try {
      await portfolioCreate({ name: 'main' }, d);
      const deposit = { date: '2024-01-02', type: 'deposit', account: 'A', amountCents: 500 };
      const doc = await portfolioAppend(
        {
          portfolio: 'main',
          transactions: [deposit, { ...deposit, source: { line: 10 } }, deposit],
        },
        d,
      );
      // The first row of an empty ledger is line 2, as in a CSV after its header.
      expect(doc.lines).toEqual({ first: 2, last: 11 });
      const stored = await portfolioTransactions({ portfolio: 'main' }, d);
      expect(stored.transactions.map((t) => t.source.line)).toEqual([2, 10, 11]);
    } finally {
      await d.close();
    }
  });

  it('stores nothing when the whole ledger does not replay, and needs exactly one of csv and transactions', async () => {
    const d = testDeps();
    try {
      await portfolioCreate({ name: 'main' }, d);
      await portfolioAppend({ portfolio: 'main', csv: csv('2024-05-01,deposit,,,,10,,,') }, d);
      const early = await rejection(
        portfolioAppend({ portfolio: 'main', csv: csv('2024-01-01,deposit,,,,10,,,') }, d),
      );
      expect(early.code).toBe('INVALID_INPUT');
      expect((await portfolioTransactions({ portfolio: 'main' }, d)).transactions).toHaveLength(1);
      const neither = await rejection(portfolioAppend({ portfolio: 'main' }, d));
      expect([neither.code, neither.details.field]).toEqual(['INVALID_INPUT', 'transactions']);
      const ghost = await rejection(portfolioAppend({ portfolio: 'ghost', csv: csv() }, d));
      expect(ghost.code).toBe('NOT_FOUND');
    } finally {
      await d.close();
    }
  });
  it("names a CSV row that does not replay by the file's own line, and the line it would be stored at", async () => {
    const d = testDeps();
    try {
      await portfolioCreate({ name: 'main' }, d);
      await portfolioAppend({ portfolio: 'main', csv: csv('2024-05-01,deposit,,,,10,,,') }, d);
      // stored last line 2: the file's line n would be stored as n + 1
      const sell = await rejection(
        portfolioAppend(
          {
            portfolio: 'main',
            csv: csv('2024-06-01,deposit,,,,10,,,', '2024-06-02,sell,VTI,1,9,,,,L7'),
          },
          d,
        ),
      );
      expect(sell.message).toMatch(/^batch\.csv:3: .* \(line 4 of the ledger once appended\)$/);
      expect(sell.details).toMatchObject({ file: 'batch.csv', line: 3, storedLine: 4 });
      expect((await portfolioTransactions({ portfolio: 'main' }, d)).transactions).toHaveLength(1);
    } finally {
      await d.close();
    }
  });
});

describe('portfolioGet use case', () => {
  it('finds a portfolio by id first, then by name, with its counts', async () => {
    const d = testDeps();
    try {
      await portfolioCreate({ name: '2' }, d);
      await portfolioCreate({ name: 'other' }, d);
      expect((await portfolioGet({ portfolio: '2' }, d)).name).toBe('other');
      expect((await portfolioGet({ portfolio: '1' }, d)).name).toBe('2');
      expect(await portfolioGet({ portfolio: 'other' }, d)).toMatchObject({
        id: 2,
        accounts: 0,
        transactions: 0,
      });
      const missing = await rejection(portfolioGet({ portfolio: '3' }, d));
      expect([missing.code, missing.details.value]).toEqual(['NOT_FOUND', '3']);
    } finally {
      await d.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import { exposures } from './exposures.ts';
import { portfolioCreate } from './portfolio-create.ts';
import { portfolioImport } from './portfolio-import.ts';
import { portfolioPositions } from './portfolio-positions.ts';
import { positions } from './positions.ts';

const LEDGER = [
  'date,type,symbol,quantity,price,amount,fees,account,lots',
  '2023-01-10,deposit,,,,5000,,,',
  '2023-01-10,buy,abc,10,100,,,,',
  '2023-06-10,buy,ABC,10,150,,,,',
  '2023-09-10,buy,ABC,10,120,,,,',
  '2024-03-01,sell,ABC,15,160,,,,',
].join('\n');
const source = { text: LEDGER, name: 'ledger.csv' };

describe('portfolioPositions use case', () => {
  it('replays the stored ledger into the document the transactions file gives', async () => {
    const d = testDeps();
    try {
      await portfolioCreate({ name: 'main' }, d);
      await portfolioImport({ name: 'main', transactions: source }, d);
      const doc = await portfolioPositions({ portfolio: 'main' }, d);
      // cash: 5000 − 1000 − 1500 − 1200 + 15 × 160 = 3700; FIFO leaves 5 of L4 and all of L5
      expect(doc.cash).toEqual({ DEFAULT: 3700 });
      expect(doc.positions[0]?.lots.map((l) => [l.id, l.quantity])).toEqual([
        ['L4', 5],
        ['L5', 10],
      ]);
      expect(doc).toStrictEqual(positions({ transactions: source }));
      // HIFO relieves L4 (150) then 5 of L5 (120): 10 × 10 + 5 × 40 = 300
      const hifo = await portfolioPositions({ portfolio: 'main', lotMethod: 'HIFO' }, d);
      expect(hifo.realizedTotal.total).toBe(300);
      const early = await portfolioPositions({ portfolio: 'main', asOf: '2023-12-31' }, d);
      expect(early.realized).toEqual([]);
    } finally {
      await d.close();
    }
  });

  it('names an unknown portfolio with NOT_FOUND', async () => {
    const d = testDeps();
    try {
      const error = await rejection(portfolioPositions({ portfolio: 'ghost' }, d));
      expect([error.code, error.message]).toEqual([
        'NOT_FOUND',
        'portfolio: no stored portfolio "ghost"',
      ]);
    } finally {
      await d.close();
    }
  });
});

describe('a stored portfolio as the ledger of the portfolio input', () => {
  it('gives exposures the same document as the transactions file, and refuses both at once', async () => {
    const d = testDeps();
    try {
      await portfolioCreate({ name: 'main' }, d);
      await portfolioImport({ name: 'main', transactions: source }, d);
      const stored = await exposures({ portfolio: 'main' }, d);
      // 15 ABC valued at the last trade (160) plus 3700 cash
      expect(stored.totalValue).toBe(15 * 160 + 3700);
      expect(stored).toStrictEqual(await exposures({ transactions: source }, d));
      const both = await rejection(exposures({ portfolio: 'main', transactions: source }, d));
      expect([both.code, both.details.field]).toEqual(['INVALID_INPUT', 'portfolio']);
    } finally {
      await d.close();
    }
  });
});

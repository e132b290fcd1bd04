import { describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import { portfolioAppend } from './portfolio-append.ts';
import { portfolioCreate } from './portfolio-create.ts';
import { portfolioDelete } from './portfolio-delete.ts';
import { portfolioList } from './portfolio-list.ts';
import { portfolioRename } from './portfolio-rename.ts';

const deposit = { date: '2024-01-02', type: 'deposit', account: 'A', amountCents: 100 };

describe('portfolioRename and portfolioDelete use cases', () => {
  it('renames keeping id and ledger; a taken name is CONFLICT, an unknown one NOT_FOUND', async () => {
    const d = testDeps();
    try {
      const main = await portfolioCreate({ name: 'main' }, d);
      await portfolioCreate({ name: 'other' }, d);
      await portfolioAppend({ portfolio: 'main', transactions: [deposit] }, d);
      expect(await portfolioRename({ portfolio: 'main', name: ' taxable ' }, d)).toEqual({
        ...main,
        name: 'taxable',
      });
      expect((await portfolioList({}, d)).map((p) => [p.name, p.transactions])).toEqual([
        ['other', 0],
        ['taxable', 1],
      ]);
      const taken = await rejection(portfolioRename({ portfolio: 'taxable', name: 'other' }, d));
      expect([taken.code, taken.details.field]).toEqual(['CONFLICT', 'name']);
      const ghost = await rejection(portfolioRename({ portfolio: 'ghost', name: 'x' }, d));
      expect([ghost.code, ghost.details.field]).toEqual(['NOT_FOUND', 'portfolio']);
      const empty = await rejection(portfolioRename({ portfolio: 'other', name: ' ' }, d));
      expect([empty.code, empty.details.field]).toEqual(['INVALID_INPUT', 'name']);
      const extra = { portfolio: 'other', name: 'x', baseCurrency: 'EUR' };
      const more = await rejection(portfolioRename(extra, d));
      expect([more.code, more.details.field]).toEqual(['INVALID_INPUT', 'baseCurrency']);
      expect(more.message).toBe('baseCurrency: unknown field (got "EUR")');
    } finally {
      await d.close();
    }
  });

  it('deletes a portfolio with its ledger and says what it held; then it is NOT_FOUND', async () => {
    const d = testDeps();
    try {
      const gone = await portfolioCreate({ name: 'gone' }, d);
      await portfolioCreate({ name: 'kept' }, d);
      await portfolioAppend({ portfolio: 'gone', transactions: [deposit, deposit] }, d);
      expect(await portfolioDelete({ portfolio: 'gone' }, d)).toEqual({
        ...gone,
        accounts: 0,
        transactions: 2,
      });
      expect((await portfolioList({}, d)).map((p) => p.name)).toEqual(['kept']);
      const again = await rejection(portfolioDelete({ portfolio: 'gone' }, d));
      expect([again.code, again.details.field, again.details.value]).toEqual([
        'NOT_FOUND',
        'portfolio',
        'gone',
      ]);
    } finally {
      await d.close();
    }
  });
});

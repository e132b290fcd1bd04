import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { fixedClock } from '../domain/clock.ts';
import { createDeps } from './create-deps.ts';
import { portfolioCreate } from './portfolio-create.ts';
import { portfolioImport } from './portfolio-import.ts';
import { portfolioList } from './portfolio-list.ts';

describe('portfolioList use case', () => {
  it('lists the portfolios by name with how many accounts and transactions each holds', async () => {
    const d = testDeps();
    try {
      await portfolioCreate({ name: 'b' }, d);
      await portfolioCreate({ name: 'a', baseCurrency: 'CHF' }, d);
      await portfolioImport(
        {
          name: 'b',
          transactions: {
            text: 'date,type,symbol,quantity,price,amount,fees,account,lots\n2024-01-02,deposit,,,,100,,IRA,\n2024-01-03,buy,VTI,1,50,,,IRA,\n',
            name: 'b.csv',
          },
          accounts: { text: 'account,type\nIRA,roth_ira\n', name: 'accounts.csv' },
        },
        d,
      );
      const list = await portfolioList({}, d);
      expect(list.map((p) => [p.name, p.baseCurrency, p.accounts, p.transactions])).toEqual([
        ['a', 'CHF', 0, 0],
        ['b', 'USD', 1, 2],
      ]);
    } finally {
      await d.close();
    }
  });

  it('is empty without creating the default store when none exists yet', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ballast-home-'));
    const d = createDeps({
      env: { XDG_DATA_HOME: join(home, 'data') },
      clock: fixedClock('2024-06-20T20:00:00.000Z'),
      offline: true,
      homedir: home,
    });
    try {
      expect(await portfolioList({}, d)).toEqual([]);
      expect(existsSync(join(home, 'data', 'ballast'))).toBe(false);
    } finally {
      await d.close();
    }
  });
});

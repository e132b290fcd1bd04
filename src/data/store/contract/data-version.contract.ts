/** Contract cases for the data version on every engine. */

import { expect, it } from 'vitest';
import { bar, from, point, type CurrentStore } from './fixtures.ts';

/** Cases for `store.dataVersion()`. */
export function dataVersionCases(store: CurrentStore): void {
  it('changes with every write of market data or portfolios, and with nothing else', async () => {
    const s = store();
    const seen = [await s.dataVersion()];
    const changed = async (what: string): Promise<void> => {
      const now = await s.dataVersion();
      expect(seen, what).not.toContain(now);
      seen.push(now);
    };
    const same = async (what: string): Promise<void> => {
      expect(await s.dataVersion(), what).toBe(seen.at(-1));
    };
    await s.upsertPriceBars('AAA', [bar('2024-01-08', 10)], from('test'));
    await changed('price bars');
    await s.upsertSeriesPoints('DGS3MO', [point('2024-01-08', 5.2)], from('fred'));
    await changed('series points');
    await s.upsertInstrument({ symbol: 'AAA', name: 'A' });
    await changed('an instrument');
    await s.logFetch({
      kind: 'prices',
      key: 'AAA',
      provider: 'test',
      startedAt: '2026-01-05T00:00:00.000Z',
      finishedAt: '2026-01-05T00:00:01.000Z',
      outcome: 'ok',
      rows: 1,
    });
    await changed('the fetch log');
    await s.portfolios.create({ name: 'p', baseCurrency: 'USD' });
    await changed('a new portfolio');
    await s.portfolios.rename('p', 'q');
    await changed('a rename');
    // Reads, runs and API keys leave it alone.
    await s.getPriceBars('AAA');
    await s.portfolios.list();
    const run = await s.runs.create({ kind: 'optimize', input: {} });
    await s.runs.claim(run.id);
    await s.apiKeys.create({ name: 'k', scope: 'read', hash: 'a'.repeat(64), prefix: 'p' });
    await same('reads, runs and keys');
    // Inside a transaction, the change is seen once it commits; a rolled-back one leaves none.
    await expect(
      s.transaction(async (tx) => {
        await tx.upsertPriceBars('AAA', [bar('2024-01-09', 11)], from('test'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await same('a rolled-back write');
    await s.portfolios.delete('q');
    await changed('a deletion');
  });
}

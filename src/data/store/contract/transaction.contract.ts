/** Contract cases for all-or-nothing transactions and concurrent callers. */

import { expect, it } from 'vitest';
import type { MarketStore } from '../market-store.ts';
import { WEEK, bar, from, point, rejection, type CurrentStore } from './fixtures.ts';

/** Registers the transaction cases against the running test's store. */
export function transactionCases(store: CurrentStore): void {
  it('a transaction that throws leaves the store exactly as it was', async () => {
    await store().upsertPriceBars(
      'SPY',
      WEEK.map((d) => bar(d, 470)),
      from('yahoo'),
    );
    await store().logFetch({
      kind: 'prices',
      key: 'SPY',
      provider: 'yahoo',
      startedAt: '2026-01-05T10:00:00Z',
      finishedAt: '2026-01-05T10:00:01Z',
      outcome: 'ok',
      rows: 5,
    });
    const coverageBefore = await store().listCoverage();
    const barsBefore = await store().getPriceBars('SPY');
    const fetchesBefore = await store().listFetches();
    const crash = new Error('crash mid-import');
    const thrown = store().transaction(async (tx) => {
      await tx.upsertPriceBars(
        'QQQ',
        WEEK.map((d) => bar(d, 400)),
        from('csv'),
      );
      await tx.upsertPriceBars('SPY', [bar(WEEK[0], 1)], from('csv'));
      await tx.upsertSeriesPoints('DGS10', [point(WEEK[0], 0.04)], from('csv'));
      await tx.upsertInstrument({ symbol: 'QQQ', name: 'Invesco QQQ' });
      await tx.logFetch({
        kind: 'prices',
        key: 'QQQ',
        provider: 'csv',
        startedAt: '2026-01-05T11:00:00Z',
        finishedAt: '2026-01-05T11:00:01Z',
        outcome: 'ok',
        rows: 5,
      });
      expect(await tx.getPriceBars('QQQ')).toHaveLength(5);
      throw crash;
    });
    await expect(thrown).rejects.toBe(crash);
    expect(await store().listCoverage()).toStrictEqual(coverageBefore);
    expect(await store().getPriceBars('SPY')).toStrictEqual(barsBefore);
    expect(await store().listFetches()).toStrictEqual(fetchesBefore);
    expect(await store().listInstruments()).toEqual([]);
  });

  it('a transaction that completes commits every write and returns its value', async () => {
    const result = await store().transaction(async (tx) => {
      await tx.upsertPriceBars('A', [bar(WEEK[0], 1)], from('csv'));
      await tx.transaction(async (inner) => {
        await inner.upsertPriceBars('B', [bar(WEEK[0], 2)], from('csv'));
      });
      return 'imported';
    });
    expect(result).toBe('imported');
    expect((await store().listCoverage()).map((c) => c.id)).toEqual(['A', 'B']);
  });

  it('an invalid batch inside a transaction rolls back the earlier writes with it', async () => {
    const failed = store().transaction(async (tx) => {
      await tx.upsertPriceBars('A', [bar(WEEK[0], 1)], from('csv'));
      await tx.upsertPriceBars('B', [bar(WEEK[0], Number.NaN)], from('csv'));
    });
    expect((await rejection(failed)).code).toBe('INVALID_INPUT');
    expect(await store().listCoverage()).toEqual([]);
  });

  it('refuses the outer store inside its own transaction instead of deadlocking', async () => {
    const misuse = store().transaction(async () => {
      await store().getPriceBars('SPY');
    });
    expect((await rejection(misuse)).code).toBe('INTERNAL');
  });

  it('refuses a transaction store kept past the end of its transaction', async () => {
    let kept: MarketStore | undefined;
    await store().transaction((tx) => {
      kept = tx;
      return Promise.resolve();
    });
    expect((await rejection(kept?.getPriceBars('SPY') ?? Promise.resolve())).code).toBe('INTERNAL');
  });

  it('serves concurrent independent callers, each write landing whole', async () => {
    const symbols = ['C1', 'C2', 'C3', 'C4'];
    await Promise.all([
      ...symbols.map((s, i) =>
        store().upsertPriceBars(
          s,
          WEEK.map((d) => bar(d, i + 1)),
          from('yahoo'),
        ),
      ),
      store().transaction(async (tx) => {
        await tx.upsertPriceBars('T1', [bar(WEEK[0], 9)], from('csv'));
        await tx.upsertPriceBars('T2', [bar(WEEK[0], 9)], from('csv'));
      }),
      store().getPriceBarsMany(symbols),
    ]);
    const list = await store().listCoverage();
    expect(list.map((c) => [c.id, c.rows])).toEqual([
      ['C1', 5],
      ['C2', 5],
      ['C3', 5],
      ['C4', 5],
      ['T1', 1],
      ['T2', 1],
    ]);
  });
}

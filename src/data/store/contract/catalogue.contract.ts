/** Contract cases for coverage listings, instruments and the fetch log. */

import { expect, it } from 'vitest';
import type { FetchLogEntry } from '../market-store.ts';
import {
  WEEK,
  bar,
  expectInvalid,
  from,
  point,
  type CurrentStore,
  type ManualClock,
} from './fixtures.ts';

function fetchEntry(
  key: string,
  startedAt: string,
  extra: Partial<FetchLogEntry> = {},
): FetchLogEntry {
  return {
    kind: 'prices',
    key,
    provider: 'yahoo',
    startedAt,
    finishedAt: startedAt,
    outcome: 'ok',
    rows: 5,
    ...extra,
  };
}

/** Registers the coverage, instrument and fetch-log cases. */
export function catalogueCases(store: CurrentStore, clock: () => ManualClock): void {
  it('reports coverage per symbol: the latest fetch names the source, every source is listed', async () => {
    await store().upsertPriceBars(
      'RSST',
      WEEK.slice(0, 3).map((d) => bar(d, 20)),
      from('yahoo'),
    );
    const tail = from('stooq', '2026-01-07T00:00:00.000Z');
    await store().upsertPriceBars(
      'RSST',
      WEEK.slice(3).map((d) => bar(d, 21)),
      tail,
    );
    expect(await store().coverage('rsst')).toStrictEqual({
      first: WEEK[0],
      last: WEEK[4],
      rows: 5,
      source: 'stooq',
      sources: ['stooq', 'yahoo'],
      fetchedAt: '2026-01-07T00:00:00.000Z',
    });
    expect(await store().coverage('UNKNOWN')).toBeUndefined();
  });

  it('lists the coverage of every symbol, then of every series, each sorted by id', async () => {
    await store().upsertPriceBars('ZROZ', [bar(WEEK[0], 80)], from('yahoo'));
    await store().upsertPriceBars(
      'BRK-B',
      WEEK.map((d) => bar(d, 400)),
      from('yahoo'),
    );
    await store().upsertSeriesPoints('DGS3MO', [point(WEEK[1], 0.052)], from('fred'));
    const list = await store().listCoverage();
    expect(list.map((c) => [c.kind, c.id, c.rows])).toEqual([
      ['prices', 'BRK-B', 5],
      ['prices', 'ZROZ', 1],
      ['series', 'DGS3MO', 1],
    ]);
    expect(list[2]).toStrictEqual({
      kind: 'series',
      id: 'DGS3MO',
      first: WEEK[1],
      last: WEEK[1],
      rows: 1,
      source: 'fred',
      sources: ['fred'],
      fetchedAt: '2026-01-05T21:00:00.000Z',
    });
  });

  it('stores instruments; updatedAt moves only when a field changes; absent fields are cleared', async () => {
    clock().set('2026-01-05T10:00:00.000Z');
    await store().upsertInstrument({ symbol: ' rssb', name: 'Return Stacked Bonds', kind: 'etf' });
    clock().set('2026-01-06T10:00:00.000Z');
    await store().upsertInstrument({ symbol: 'RSSB', name: 'Return Stacked Bonds', kind: 'etf' });
    expect(await store().getInstrument('rssb')).toStrictEqual({
      symbol: 'RSSB',
      name: 'Return Stacked Bonds',
      kind: 'etf',
      updatedAt: '2026-01-05T10:00:00.000Z',
    });
    await store().upsertInstrument({ symbol: 'RSSB', currency: 'USD', exchange: 'BATS' });
    await store().upsertInstrument({ symbol: 'AOR' });
    expect(await store().listInstruments()).toStrictEqual([
      { symbol: 'AOR', updatedAt: '2026-01-06T10:00:00.000Z' },
      { symbol: 'RSSB', currency: 'USD', exchange: 'BATS', updatedAt: '2026-01-06T10:00:00.000Z' },
    ]);
    expect(await store().getInstrument('NONE')).toBeUndefined();
    await expectInvalid(store().upsertInstrument({ symbol: ' ' }), 'instrument.symbol');
  });

  it('lists fetches newest first, filtered by key and limited', async () => {
    const first = await store().logFetch(fetchEntry(' spy', '2026-01-05T10:00:00Z'));
    const full = fetchEntry('SPY', '2026-01-05T11:00:00+01:00', {
      kind: 'series',
      provider: 'stooq',
      requestedFrom: '2024-01-01',
      requestedTo: '2024-12-31',
      finishedAt: '2026-01-05T10:00:02Z',
      outcome: 'stale',
      rows: 0,
      message: 'HTTP 503; served stored data',
    });
    const second = await store().logFetch(full);
    const third = await store().logFetch(
      fetchEntry('QQQ', '2026-01-05T12:00:00Z', { outcome: 'empty' }),
    );
    expect(second.id).toBeGreaterThan(first.id);
    expect(third.id).toBeGreaterThan(second.id);
    expect(second).toStrictEqual({
      ...full,
      id: second.id,
      startedAt: '2026-01-05T10:00:00.000Z',
      finishedAt: '2026-01-05T10:00:02.000Z',
    });
    expect(first).not.toHaveProperty('message');
    expect((await store().listFetches()).map((f) => f.id)).toEqual([third.id, second.id, first.id]);
    expect(await store().listFetches({ key: 'spy' })).toStrictEqual([second, first]);
    expect(await store().listFetches({ limit: 1 })).toStrictEqual([third]);
    // first and third are yahoo's; second is stooq's, started 10:00Z (11:00+01:00).
    expect(await store().listFetches({ provider: 'yahoo' })).toStrictEqual([third, first]);
    expect(await store().listFetches({ since: '2026-01-05T10:00:00Z' })).toStrictEqual([
      third,
      second,
      first,
    ]);
    expect(
      await store().listFetches({ provider: 'yahoo', since: '2026-01-05T10:00:00.001Z' }),
    ).toStrictEqual([third]);
    await expectInvalid(store().listFetches({ limit: 0 }), 'limit');
    await expectInvalid(store().listFetches({ since: 'yesterday' }), 'since');
    await expectInvalid(store().listFetches({ provider: ' ' }), 'provider');
    const bad = {
      ...fetchEntry('SPY', '2026-01-05T10:00:00Z'),
      outcome: 'maybe',
    } as unknown as FetchLogEntry;
    await expectInvalid(store().logFetch(bad), 'entry.outcome');
    await expectInvalid(store().logFetch(fetchEntry('SPY', 'yesterday')), 'entry.startedAt');
  });
}

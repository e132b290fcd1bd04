/**
 * Contract cases for what was known when (docs/data-versions.md): a revised close keeps the
 * old version; reads as known at a time before the revision give the old one, after it the new
 * one, before the first fetch nothing; re-writing the same data adds no version.
 */

import { expect, it } from 'vitest';
import { knownAtStore } from '../known-at-store.ts';
import { WEEK, bar, expectInvalid, from, point, type CurrentStore } from './fixtures.ts';

const FIRST = '2026-01-05T21:00:00.000Z';
const REVISED = '2026-01-06T21:00:00.000Z';

/** Registers the known-at cases against the running test's store. */
export function knownAtCases(store: CurrentStore): void {
  it('a revised close: the old version before the revision, the new one after, none before', async () => {
    await store().upsertPriceBars(
      'SPY',
      WEEK.map((d, i) => bar(d, 100 + i)),
      from('stooq', FIRST),
    );
    // The provider revises the close of 10 Jan (102 → 102.5) a day later.
    const revision = [bar(WEEK[2], 102.5, { adjClose: 101.9 })];
    expect(await store().upsertPriceBars('SPY', revision, from('tiingo', REVISED))).toBe(1);
    const at = async (t: string) =>
      (await store().getPriceBarsKnownAt(['spy'], t)).get('SPY')!.map((b) => b.close);
    expect(await at('2026-01-06T12:00:00Z')).toEqual([100, 101, 102, 103, 104]);
    expect(await at(REVISED)).toEqual([100, 101, 102.5, 103, 104]);
    expect(await at('2026-01-05T20:59:59.999Z')).toEqual([]);
    // The latest read is unchanged by versioning.
    expect((await store().getPriceBars('SPY')).map((b) => b.close)).toEqual([
      100, 101, 102.5, 103, 104,
    ]);
    const versions = await store().priceBarVersions('spy', WEEK[2]);
    expect(versions).toStrictEqual([
      { ...bar(WEEK[2], 102), ...from('stooq', FIRST), supersededAt: REVISED },
      { ...revision[0], ...from('tiingo', REVISED), supersededAt: null },
    ]);
    // The same data again (a later fetch) is no new version.
    await store().upsertPriceBars('SPY', revision, from('tiingo', '2026-01-07T21:00:00Z'));
    expect(await store().priceBarVersions('SPY', WEEK[2])).toHaveLength(2);
  });

  it('a known-at view reads bars, columns, coverage and series as then, and refuses writes', async () => {
    await store().upsertPriceBars(
      'SPY',
      WEEK.slice(0, 3).map((d) => bar(d, 10)),
      from('a', FIRST),
    );
    await store().upsertPriceBars('SPY', [bar(WEEK[1], 11), bar(WEEK[3], 12)], from('b', REVISED));
    await store().upsertSeriesPoints('DGS10', [point(WEEK[0], 0.04)], from('fred', FIRST));
    await store().upsertSeriesPoints('DGS10', [point(WEEK[0], 0.041)], from('fred', REVISED));
    const then = knownAtStore(store(), '2026-01-06T00:00:00+00:00');
    expect((await then.getPriceBars('SPY')).map((b) => [b.date, b.close])).toEqual([
      [WEEK[0], 10],
      [WEEK[1], 10],
      [WEEK[2], 10],
    ]);
    const columns = (await then.getPriceColumns(['SPY'], { from: WEEK[1] })).get('SPY')!;
    expect([...columns.close]).toEqual([10, 10]);
    expect(await then.coverage('SPY')).toMatchObject({
      first: WEEK[0],
      last: WEEK[2],
      rows: 3,
      source: 'a',
      fetchedAt: FIRST,
    });
    expect((await then.getSeriesPoints('DGS10')).map((p) => p.value)).toEqual([0.04]);
    expect((await store().getSeriesPoints('DGS10')).map((p) => p.value)).toEqual([0.041]);
    await expectInvalid(then.upsertPriceBars('SPY', [bar(WEEK[4], 1)], from('a')), '--known-at');
    await expectInvalid(store().getPriceBarsKnownAt(['SPY'], 'yesterday'), 'knownAt');
  });
}

/** Contract cases for price bars: round trip, ranges, idempotence, replacement, validation. */

import { expect, it } from 'vitest';
import type { PriceBar } from '../../../domain/market/types.ts';
import { WEEK, bar, expectInvalid, from, type CurrentStore } from './fixtures.ts';

const FULL: PriceBar = {
  date: '2024-01-08',
  open: 470.25,
  high: 474.5,
  low: 469.75,
  close: 473.88,
  adjClose: 468.12,
  volume: 81_234_500,
  dividend: 1.7,
  split: 2,
};

/** Registers the price-bar cases against the running test's store. */
export function priceBarCases(store: CurrentStore): void {
  it('returns every field of a bar as written, and absent optional fields stay absent', async () => {
    const minimal = bar('2024-01-09', 475.2);
    await store().upsertPriceBars(
      'SPY',
      [FULL, minimal],
      from('yahoo', '2026-01-05T16:00:00-05:00'),
    );
    const stored = await store().getPriceBars('SPY');
    const provenance = { source: 'yahoo', fetchedAt: '2026-01-05T21:00:00.000Z' };
    expect(stored).toStrictEqual([
      { ...FULL, ...provenance },
      { ...minimal, ...provenance },
    ]);
    for (const key of ['open', 'high', 'low', 'adjClose', 'volume']) {
      expect(stored[1]).not.toHaveProperty(key);
    }
  });

  it('reads inclusive date ranges in ascending order whatever the write order', async () => {
    const shuffled = [WEEK[3], WEEK[0], WEEK[4], WEEK[2], WEEK[1]];
    await store().upsertPriceBars(
      'QQQ',
      shuffled.map((d, i) => bar(d, 100 + i)),
      from('yahoo'),
    );
    const dates = async (range: { from?: string; to?: string }) =>
      (await store().getPriceBars('QQQ', range)).map((b) => b.date);
    expect(await dates({})).toEqual(WEEK);
    expect(await dates({ from: WEEK[1], to: WEEK[3] })).toEqual(WEEK.slice(1, 4));
    expect(await dates({ from: WEEK[3] })).toEqual(WEEK.slice(3));
    expect(await dates({ to: WEEK[1] })).toEqual(WEEK.slice(0, 2));
    expect(await dates({ from: WEEK[2], to: WEEK[2] })).toEqual([WEEK[2]]);
    expect(await dates({ from: '2024-01-13', to: '2024-12-31' })).toEqual([]);
    expect(await store().getPriceBars('NOTHING')).toEqual([]);
  });

  it('re-writing the same bars changes nothing and keeps the first fetch time', async () => {
    const bars = WEEK.map((d, i) => bar(d, 50 + i, { volume: 1000 + i }));
    expect(await store().upsertPriceBars('IEF', bars, from('yahoo'))).toBe(5);
    const before = await store().getPriceBars('IEF');
    const later = from('yahoo', '2026-02-01T00:00:00.000Z');
    expect(await store().upsertPriceBars('IEF', bars, later)).toBe(0);
    expect(await store().getPriceBars('IEF')).toStrictEqual(before);
    expect((await store().coverage('IEF'))?.rows).toBe(5);
  });

  it('replaces a stored bar whose values or source differ, keeping one row per day', async () => {
    await store().upsertPriceBars(
      'TLT',
      WEEK.map((d) => bar(d, 90)),
      from('yahoo'),
    );
    const fix = [bar(WEEK[1], 91.5, { adjClose: 90.1 }), bar(WEEK[2], 90)];
    const fixedAt = from('stooq', '2026-01-06T00:00:00.000Z');
    expect(await store().upsertPriceBars('TLT', fix, fixedAt)).toBe(2);
    const stored = await store().getPriceBars('TLT');
    expect(stored).toHaveLength(5);
    expect(stored[1]).toStrictEqual({ ...fix[0], ...fixedAt });
    expect(stored[2]).toStrictEqual({ ...fix[1], ...fixedAt });
    expect(stored[0]?.source).toBe('yahoo');
  });

  it('trims and upper-cases symbols on every path', async () => {
    await store().upsertPriceBars('  rssb ', [bar(WEEK[0], 25)], from('yahoo'));
    expect(await store().getPriceBars('RSSB')).toHaveLength(1);
    expect(await store().getPriceBars(' Rssb')).toHaveLength(1);
    expect((await store().coverage('rssb\t'))?.rows).toBe(1);
    const many = await store().getPriceBarsMany(['rssb', ' RSSB ']);
    expect([...many.keys()]).toEqual(['RSSB']);
    const columns = await store().getPriceColumns([' rssb']);
    expect([...columns.keys()]).toEqual(['RSSB']);
    expect((await store().listCoverage()).map((c) => c.id)).toEqual(['RSSB']);
  });

  it.each([
    ['an empty symbol', 'symbol', '  ', [bar('2024-01-08', 1)]],
    ['an impossible date', 'bars[1].date', 'SPY', [bar('2024-01-08', 1), bar('2023-02-29', 1)]],
    ['a non-ISO date', 'bars[1].date', 'SPY', [bar('2024-01-08', 1), bar('2024-1-9', 1)]],
    [
      'a NaN close in the last row',
      'bars[2].close',
      'SPY',
      [bar('2024-01-08', 1), bar('2024-01-09', 2), bar('2024-01-10', NaN)],
    ],
    ['an infinite close', 'bars[0].close', 'SPY', [bar('2024-01-08', Infinity)]],
    [
      'a NaN open',
      'bars[1].open',
      'SPY',
      [bar('2024-01-08', 1), bar('2024-01-09', 1, { open: NaN })],
    ],
    ['a zero split', 'bars[0].split', 'SPY', [bar('2024-01-08', 1, { split: 0 })]],
    ['a negative dividend', 'bars[0].dividend', 'SPY', [bar('2024-01-08', 1, { dividend: -0.5 })]],
    ['a negative volume', 'bars[0].volume', 'SPY', [bar('2024-01-08', 1, { volume: -1 })]],
    ['a duplicate date', 'bars[1].date', 'SPY', [bar('2024-01-08', 1), bar('2024-01-08', 2)]],
  ] as const)(
    'rejects a batch with %s, naming the field, and writes none of it',
    async (...[, field, symbol, bars]) => {
      await expectInvalid(store().upsertPriceBars(symbol, bars, from('yahoo')), field);
      expect(await store().listCoverage()).toEqual([]);
    },
  );

  it('rejects a bad provenance or range, naming the field', async () => {
    const bars = [bar('2024-01-08', 1)];
    await expectInvalid(store().upsertPriceBars('SPY', bars, from(' ')), 'provenance.source');
    await expectInvalid(
      store().upsertPriceBars('SPY', bars, from('yahoo', '2026-01-05')),
      'provenance.fetchedAt',
    );
    await expectInvalid(store().getPriceBars('SPY', { from: '2024-13-01' }), 'range.from');
    await expectInvalid(store().getPriceBars('SPY', { from: WEEK[2], to: WEEK[1] }), 'range');
    await expectInvalid(store().getPriceBars(''), 'symbol');
    await expectInvalid(store().getPriceBarsMany(['SPY', ' ']), 'symbols[1]');
    expect(await store().listCoverage()).toEqual([]);
  });

  it('reads many symbols at once: one entry per requested symbol, in request order', async () => {
    await store().upsertPriceBars(
      'AAA',
      WEEK.map((d) => bar(d, 1)),
      from('yahoo'),
    );
    await store().upsertPriceBars(
      'CCC',
      WEEK.slice(2).map((d) => bar(d, 3)),
      from('stooq'),
    );
    const range = { from: WEEK[1], to: WEEK[3] };
    const many = await store().getPriceBarsMany(['ccc', 'MISSING', 'aaa', 'CCC'], range);
    expect([...many.keys()]).toEqual(['CCC', 'MISSING', 'AAA']);
    expect(many.get('CCC')?.map((b) => b.date)).toEqual(WEEK.slice(2, 4));
    expect(many.get('AAA')?.map((b) => b.date)).toEqual(WEEK.slice(1, 4));
    expect(many.get('MISSING')).toEqual([]);
    expect(await store().getPriceBarsMany([])).toEqual(new Map());
  });

  it('keeps floats bit-exact (0.1 + 0.2, 1e-12, 2^53 − 1 volumes, negatives)', async () => {
    const values = [0.1 + 0.2, 1e-12, 123_456.789_012_345_67, -37.63, 1 / 3, 1e300];
    const bars = values.map((v, i) =>
      bar(WEEK[i] ?? '2024-01-15', v, { adjClose: v * 0.97, volume: 2 ** 53 - 1 - i }),
    );
    await store().upsertPriceBars('FLT', bars, from('yahoo'));
    const stored = await store().getPriceBars('FLT');
    stored.forEach((b, i) => {
      expect(Object.is(b.close, values[i])).toBe(true);
      expect(Object.is(b.adjClose, (values[i] as number) * 0.97)).toBe(true);
      expect(b.volume).toBe(2 ** 53 - 1 - i);
    });
  });
}

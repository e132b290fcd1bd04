/** Contract cases for economic series points (yields, CPI …). */

import { expect, it } from 'vitest';
import { WEEK, expectInvalid, from, point, type CurrentStore } from './fixtures.ts';

/** Registers the series-point cases against the running test's store. */
export function seriesPointCases(store: CurrentStore): void {
  it('returns every field of a point as written, in date order, within inclusive ranges', async () => {
    const points = [
      point('2024-02-01', 310.326, { availableFrom: '2024-03-12' }),
      point('2024-01-01', 308.417, { availableFrom: '2024-02-13' }),
      point('2024-03-01', 312.332),
    ];
    await store().upsertSeriesPoints(' cpiaucsl', points, from('fred'));
    const stored = await store().getSeriesPoints('CPIAUCSL');
    const provenance = { source: 'fred', fetchedAt: '2026-01-05T21:00:00.000Z' };
    expect(stored).toStrictEqual([
      { ...points[1], ...provenance },
      { ...points[0], ...provenance },
      { ...points[2], ...provenance },
    ]);
    expect(stored[2]).not.toHaveProperty('availableFrom');
    const range = await store().getSeriesPoints('cpiaucsl', {
      from: '2024-02-01',
      to: '2024-03-01',
    });
    expect(range.map((p) => p.date)).toEqual(['2024-02-01', '2024-03-01']);
    expect(await store().getSeriesPoints('CPIAUCSL', { to: '2023-12-31' })).toEqual([]);
  });

  it('re-writing the same points changes nothing; a changed value replaces the point', async () => {
    const points = WEEK.map((d, i) => point(d, 0.0425 + i / 10_000));
    expect(await store().upsertSeriesPoints('DGS10', points, from('fred'))).toBe(5);
    expect(
      await store().upsertSeriesPoints('DGS10', points, from('fred', '2026-03-01T00:00:00Z')),
    ).toBe(0);
    const revised = [point(WEEK[4], 0.0431, { availableFrom: WEEK[4] })];
    expect(await store().upsertSeriesPoints('DGS10', revised, from('alfred'))).toBe(1);
    const stored = await store().getSeriesPoints('DGS10');
    expect(stored).toHaveLength(5);
    expect(stored[4]).toStrictEqual({ ...revised[0], ...from('alfred') });
    expect(Object.is(stored[1]?.value, 0.0425 + 1 / 10_000)).toBe(true);
  });

  it.each([
    ['an empty series id', 'seriesId', '', [point('2024-01-08', 1)]],
    ['an impossible date', 'points[1].date', 'X', [point('2024-01-08', 1), point('2024-02-30', 1)]],
    ['a NaN value', 'points[1].value', 'X', [point('2024-01-08', 1), point('2024-01-09', NaN)]],
    [
      'a bad release date',
      'points[0].availableFrom',
      'X',
      [point('2024-01-08', 1, { availableFrom: 'soon' })],
    ],
    ['a duplicate date', 'points[1].date', 'X', [point('2024-01-08', 1), point('2024-01-08', 1)]],
  ] as const)('rejects a batch with %s and writes none of it', async (...[, field, id, points]) => {
    await expectInvalid(store().upsertSeriesPoints(id, points, from('fred')), field);
    expect(await store().listCoverage()).toEqual([]);
  });

  it('summarises a series: first, last, rows, source and latest fetch', async () => {
    await store().upsertSeriesPoints('SOFR', [point(WEEK[0], 0.053)], from('fred'));
    await store().upsertSeriesPoints(
      'sofr',
      [point(WEEK[1], 0.0531), point(WEEK[2], 0.0532)],
      from('nyfed', '2026-01-06T12:00:00.000Z'),
    );
    expect(await store().seriesCoverage(' sofr ')).toStrictEqual({
      first: WEEK[0],
      last: WEEK[2],
      rows: 3,
      source: 'nyfed',
      sources: ['fred', 'nyfed'],
      fetchedAt: '2026-01-06T12:00:00.000Z',
    });
    expect(await store().seriesCoverage('NOPE')).toBeUndefined();
  });
}

/** Contract cases for the columnar read (`getPriceColumns`): same data as the bars. */

import { expect, it } from 'vitest';
import type { StoredPriceBar } from '../../../domain/market/types.ts';
import type { PriceColumns } from '../market-store.ts';
import { WEEK, bar, from, type CurrentStore } from './fixtures.ts';

function columnsOf(bars: readonly StoredPriceBar[]): PriceColumns {
  return {
    dates: bars.map((b) => b.date),
    close: Float64Array.from(bars, (b) => b.close),
    adjClose: Float64Array.from(bars, (b) => b.adjClose ?? Number.NaN),
    dividend: Float64Array.from(bars, (b) => b.dividend),
    split: Float64Array.from(bars, (b) => b.split),
  };
}

/** Registers the price-column cases against the running test's store. */
export function priceColumnCases(store: CurrentStore): void {
  it('returns the same closes, adjusted closes, dividends and splits as the bars', async () => {
    await store().upsertPriceBars(
      'SPY',
      WEEK.map((d, i) => bar(d, 470 + i / 3, i === 2 ? { dividend: 1.7 } : { adjClose: 469 + i })),
      from('yahoo'),
    );
    await store().upsertPriceBars('NTSX', [bar(WEEK[4], 40, { split: 3 })], from('stooq'));
    const columns = await store().getPriceColumns(['spy', 'NONE', 'ntsx']);
    expect([...columns.keys()]).toEqual(['SPY', 'NONE', 'NTSX']);
    expect(columns.get('SPY')).toStrictEqual(columnsOf(await store().getPriceBars('SPY')));
    expect(columns.get('NTSX')).toStrictEqual(columnsOf(await store().getPriceBars('NTSX')));
    expect(columns.get('NONE')?.dates).toEqual([]);
    expect(columns.get('NONE')?.close).toHaveLength(0);
    expect(Number.isNaN(columns.get('SPY')?.adjClose[2])).toBe(true);
  });

  it('slices columns to an inclusive range and shares date strings across symbols', async () => {
    await store().upsertPriceBars(
      'A',
      WEEK.map((d) => bar(d, 1)),
      from('yahoo'),
    );
    await store().upsertPriceBars(
      'B',
      WEEK.map((d) => bar(d, 2)),
      from('yahoo'),
    );
    const range = { from: WEEK[1], to: WEEK[3] };
    const columns = await store().getPriceColumns(['A', 'B'], range);
    const a = columns.get('A');
    expect(a?.dates).toEqual(WEEK.slice(1, 4));
    expect([...(a?.close ?? [])]).toEqual([1, 1, 1]);
    expect(columns.get('B')?.dates).toEqual(WEEK.slice(1, 4));
    const single = await store().getPriceColumns(['A'], { from: WEEK[4], to: '2024-12-31' });
    expect(single.get('A')?.dates).toEqual([WEEK[4]]);
  });

  it('reflects a replaced bar and a rolled-back write at once', async () => {
    await store().upsertPriceBars(
      'IEF',
      WEEK.map((d) => bar(d, 95)),
      from('yahoo'),
    );
    await store().getPriceColumns(['IEF']);
    await store().upsertPriceBars('IEF', [bar(WEEK[2], 96.25)], from('stooq'));
    expect([...((await store().getPriceColumns(['IEF'])).get('IEF')?.close ?? [])]).toEqual([
      95, 95, 96.25, 95, 95,
    ]);
    const boom = new Error('abort');
    await expect(
      store().transaction(async (tx) => {
        await tx.upsertPriceBars('IEF', [bar(WEEK[0], 1)], from('csv'));
        expect((await tx.getPriceColumns(['IEF'])).get('IEF')?.close[0]).toBe(1);
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect((await store().getPriceColumns(['IEF'])).get('IEF')?.close[0]).toBe(95);
  });

  it('sees a bar added after a read, and a later read of several symbols at once', async () => {
    await store().upsertPriceBars(
      'TLT',
      WEEK.slice(0, 3).map((d) => bar(d, 90)),
      from('yahoo'),
    );
    await store().upsertPriceBars('GLD', [bar(WEEK[0], 180)], from('yahoo'));
    expect((await store().getPriceColumns(['TLT'])).get('TLT')?.dates).toEqual(WEEK.slice(0, 3));
    await store().upsertPriceBars('TLT', [bar(WEEK[3], 91, { dividend: 0.25 })], from('stooq'));
    const both = await store().getPriceColumns(['GLD', 'TLT']);
    expect(both.get('TLT')).toStrictEqual(columnsOf(await store().getPriceBars('TLT')));
    expect([...both.get('TLT')!.dividend]).toEqual([0, 0, 0, 0.25]);
    expect(both.get('GLD')?.dates).toEqual([WEEK[0]]);
  });
}

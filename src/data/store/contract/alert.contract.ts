/** Contract cases for data alerts on every engine. */

import { expect, it } from 'vitest';
import { expectInvalid, type CurrentStore, type ManualClock } from './fixtures.ts';

/** Cases for `store.alerts`. */
export function alertCases(store: CurrentStore, clock: () => ManualClock): void {
  const alerts = () => store().alerts;

  it('stores alerts with the clock’s time, normalised symbols and JSON details', async () => {
    const [stale] = await alerts().add([
      {
        symbol: ' spy ',
        code: 'DATA_STALE',
        message: 'provider outage',
        details: {
          attempts: [{ provider: 'stooq', code: 'DATA_UNAVAILABLE' }],
          from: '2024-06-06',
        },
        source: 'refresh',
      },
    ]);
    expect(stale).toEqual({
      id: stale?.id,
      createdAt: '2026-01-05T00:00:00.000Z',
      symbol: 'SPY',
      code: 'DATA_STALE',
      message: 'provider outage',
      details: { attempts: [{ provider: 'stooq', code: 'DATA_UNAVAILABLE' }], from: '2024-06-06' },
      source: 'refresh',
    });
    clock().set('2026-01-07T09:30:00.000Z');
    const later = await alerts().add([
      { symbol: 'AGG', code: 'GAP', message: 'one day missing', source: 'refresh' },
      { symbol: 'AGG', code: 'JUMP', message: 'big move', source: 'refresh', details: { z: 9 } },
    ]);
    expect(later.map((a) => a.details)).toEqual([{}, { z: 9 }]);
    expect(later[1]!.id).toBeGreaterThan(later[0]!.id);
    expect(await alerts().list()).toEqual([stale, ...later]);
    // `since` as a date is its UTC midnight; as a timestamp it is inclusive.
    expect(await alerts().list({ since: '2026-01-06' })).toEqual(later);
    expect(await alerts().list({ since: '2026-01-07T09:30:00Z' })).toEqual(later);
    expect(await alerts().list({ since: '2026-01-08' })).toEqual([]);
    expect(await alerts().list({ limit: 1 })).toEqual([later[1]]);
  });

  it('refuses a bad alert by field and writes nothing of the batch', async () => {
    await expectInvalid(
      alerts().add([
        { symbol: 'SPY', code: 'GAP', message: 'fine', source: 'refresh' },
        { symbol: 'SPY', code: 'bad code', message: 'x', source: 'refresh' },
      ]),
      'alerts[1].code',
    );
    await expectInvalid(
      alerts().add([{ symbol: ' ', code: 'GAP', message: 'x', source: 'refresh' }]),
      'alerts[0].symbol',
    );
    await expectInvalid(
      alerts().add([{ symbol: 'SPY', code: 'GAP', message: '', source: 'refresh' }]),
      'alerts[0].message',
    );
    await expectInvalid(alerts().list({ since: 'yesterday' }), 'since');
    expect(await alerts().list()).toEqual([]);
  });

  it('joins the caller’s transaction (rolled back with it)', async () => {
    await expect(
      store().transaction(async (tx) => {
        await tx.alerts.add([{ symbol: 'SPY', code: 'GAP', message: 'x', source: 'refresh' }]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await alerts().list()).toEqual([]);
  });
}

import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { fixedClock } from '../domain/clock.ts';
import { createDeps } from './create-deps.ts';
import { dataImport } from './data-import.ts';
import { fxFetch } from './fx-fetch.ts';
import { fxRate } from './fx-rate.ts';
import { errorOf } from './test-helpers.ts';

const ECB = readFileSync(
  new URL('../../test/fixtures/fx/eurofxref-hist-sample.csv', import.meta.url),
  'utf8',
);

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});
function deps(options: Parameters<typeof testDeps>[0] = {}): ReturnType<typeof testDeps> {
  const d = testDeps(options);
  opened.push(d);
  return d;
}

describe('FX rates: import, lookup, fetch', () => {
  it('imports the ECB file as FX:EUR<code> and answers direct, inverse and cross rates', async () => {
    const d = deps({ now: '2024-01-05T18:00:00.000Z' });
    const rows = await dataImport(
      { file: { text: ECB, name: 'eurofxref-hist.csv' }, kind: 'fx-ecb' },
      d,
    );
    expect(rows).toEqual([
      { id: 'FX:EURUSD', kind: 'fx', rows: 4, written: 4 },
      { id: 'FX:EURJPY', kind: 'fx', rows: 4, written: 4 },
      { id: 'FX:EURCYP', kind: 'fx', rows: 1, written: 1 },
      { id: 'FX:EURGBP', kind: 'fx', rows: 4, written: 4 },
    ]);
    // Re-importing the same file writes nothing.
    const again = await dataImport(
      { file: { text: ECB, name: 'eurofxref-hist.csv' }, kind: 'fx-ecb' },
      d,
    );
    expect(again.map((r) => r.written)).toEqual([0, 0, 0, 0]);

    // Saturday 6 January: the last fixing on or before it is Thursday 4 January's 1.0940.
    const direct = await fxRate({ pair: 'eurusd', date: '2024-01-06' }, d);
    expect(direct).toMatchObject({ rate: 1.094, rateDate: '2024-01-04' });
    expect(direct.legs).toEqual([
      {
        series: 'FX:EURUSD',
        inverted: false,
        date: '2024-01-04',
        value: 1.094,
        source: 'csv:eurofxref-hist.csv',
        fetchedAt: '2024-01-05T18:00:00.000Z',
      },
    ]);
    // USD → JPY on 2 January through EUR: (1 / 1.10 EUR per USD) × 155 JPY per EUR
    // = 140.909090909… JPY per USD.
    const cross = await fxRate({ pair: 'USDJPY', date: '2024-01-02' }, d);
    expect(cross.rate).toBeCloseTo(155 / 1.1, 9);
    expect(cross.legs.map((l) => [l.series, l.inverted])).toEqual([
      ['FX:EURUSD', true],
      ['FX:EURJPY', false],
    ]);
    // Before the first stored rate: DATA_UNAVAILABLE naming pair and date.
    const none = await errorOf(() => fxRate({ pair: 'EURUSD', date: '2007-12-30' }, d));
    expect(none).toMatchObject({
      code: 'DATA_UNAVAILABLE',
      details: { pair: 'EURUSD', date: '2007-12-30' },
    });
    const bad = await errorOf(() => fxRate({ pair: 'EUROUSD' }, d));
    expect(bad).toMatchObject({ code: 'INVALID_INPUT' });
    expect((bad as Error).message).toMatch(/pair/);
  });

  it('imports a plain rates file and keeps a revised rate’s old version for --known-at', async () => {
    const t1 = '2024-01-05T18:00:00.000Z';
    const t2 = '2024-01-06T18:00:00.000Z';
    const first = deps({ now: t1 });
    const file = (text: string) => ({ file: { text, name: 'rates.csv' }, kind: 'fx' as const });
    expect(
      await dataImport(file('date,EURUSD,USDJPY\n2024-01-02,1.10,150\n2024-01-03,1.12,\n'), first),
    ).toEqual([
      { id: 'FX:EURUSD', kind: 'fx', rows: 2, written: 2 },
      { id: 'FX:USDJPY', kind: 'fx', rows: 1, written: 1 },
    ]);
    const second = deps({ now: t2, db: first.db });
    // The rate of 3 January revised from 1.12 to 1.13.
    await dataImport(file('date,EURUSD\n2024-01-03,1.13\n'), second);
    expect((await fxRate({ pair: 'EURUSD', date: '2024-01-03' }, second)).rate).toBe(1.13);
    const known = (at: string) => {
      const d = createDeps({
        env: {},
        clock: fixedClock(t2),
        db: first.db,
        knownAt: at,
        homedir: tmpdir(),
      });
      opened.push(d);
      return d;
    };
    const before = await fxRate({ pair: 'EURUSD', date: '2024-01-03' }, known(t1));
    expect(before.rate).toBe(1.12);
    const after = await fxRate({ pair: 'EURUSD', date: '2024-01-03' }, known(t2));
    expect(after.rate).toBe(1.13);
    const early = await errorOf(() =>
      fxRate({ pair: 'EURUSD', date: '2024-01-03' }, known('2024-01-01T00:00:00Z')),
    );
    expect(early).toMatchObject({ code: 'DATA_UNAVAILABLE' });
    const badHeader = await errorOf(() => dataImport(file('date,EUR\n2024-01-02,1\n'), first));
    expect(badHeader).toMatchObject({ code: 'INVALID_INPUT', details: { column: 'eur' } });
  });

  it('fetches FRED daily rates (key-less CSV) and stores them as FX:<pair> in FRED’s direction', async () => {
    const urls: string[] = [];
    // FRED's fredgraph.csv: header observation_date,<ID>; "." is a missing observation.
    const fetch = (url: string | URL): Promise<Response> => {
      urls.push(url.toString());
      const id = new URL(url.toString()).searchParams.get('id');
      const body =
        id === 'DEXJPUS'
          ? 'observation_date,DEXJPUS\n2024-01-02,141.5\n2024-01-03,.\n2024-01-04,143.0\n'
          : 'observation_date,DEXUSEU\n2024-01-02,1.0956\n2024-01-03,1.0919\n';
      return Promise.resolve(new Response(body, { status: 200 }));
    };
    const d = deps({ now: '2024-01-05T18:00:00.000Z', fetch, env: {} });
    // JPYUSD is asked: FRED quotes it as USDJPY (DEXJPUS), stored as such.
    const doc = await fxFetch(
      { pairs: ['EURUSD', 'JPYUSD'], from: '2024-01-02', to: '2024-01-04' },
      d,
    );
    expect(doc.failures).toBe(0);
    expect(doc.rows.map((r) => [r.id, r.rows, r.sources])).toEqual([
      ['FX:EURUSD', 2, 'fred:DEXUSEU'],
      ['FX:USDJPY', 2, 'fred:DEXJPUS'],
    ]);
    expect(urls.every((u) => u.includes('fredgraph.csv'))).toBe(true);
    // JPY → USD on 3 January: FRED has no fixing that day; 2 January's 141.5 JPY per USD
    // holds, inverted: 1/141.5 = 0.00706713780919 USD per JPY.
    const jpy = await fxRate({ pair: 'JPYUSD', date: '2024-01-03' }, d);
    expect(jpy.rate).toBeCloseTo(1 / 141.5, 14);
    expect(jpy.legs[0]).toMatchObject({ series: 'FX:USDJPY', source: 'fred:DEXJPUS' });
    const unknown = await errorOf(() => fxFetch({ pairs: ['EURJPY'] }, d));
    expect(unknown).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'pairs[0]' } });
  });
});

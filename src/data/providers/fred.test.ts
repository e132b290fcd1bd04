import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import type { SeriesPoint } from '../../domain/market/types.ts';
import {
  startMockServer,
  type MockHandler,
  type MockReply,
  type MockServer,
} from '../../../test/helpers/mock-http.ts';
import { createFredProvider } from './fred.ts';
import { describeProviderContract, type ContractScenario } from './provider.contract.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/providers/fred/${name}`, import.meta.url), 'utf8');
const json = (body: string, status = 200): MockReply => ({
  status,
  body,
  headers: { 'content-type': 'application/json; charset=UTF-8' },
});
const csv = (body: string): MockReply => ({
  status: 200,
  body,
  headers: { 'content-type': 'text/csv' },
});
const KEY = 'abcdef0123456789abcdef0123456789';
const instant = (): Promise<void> => Promise.resolve();
const ask = (seriesId: string, from: string, to: string) => ({ seriesId, from, to });
const DGS3MO = { id: 'DGS3MO', from: '2023-12-26', to: '2024-01-05' };
const DGS3MO_DATES = [
  '2023-12-26',
  '2023-12-27',
  '2023-12-28',
  '2023-12-29',
  '2024-01-02',
  '2024-01-03',
  '2024-01-04',
  '2024-01-05',
];

async function failure(p: Promise<unknown>): Promise<BallastError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

function expectDgs3mo(rows: readonly { date: string; value: number }[]): void {
  expect(rows.map((r) => r.date)).toEqual(DGS3MO_DATES);
  // 5.45 % → 0.0545 and 5.47 % → 0.0547: divided by 100, by the unit table.
  expect(rows[0]?.value).toBeCloseTo(0.0545, 12);
  expect(rows[7]?.value).toBeCloseTo(0.0547, 12);
}

function apiHandler(scenario: ContractScenario): MockHandler {
  return () => {
    switch (scenario) {
      case 'ok':
        return json(fixture('dgs3mo-observations.json'));
      case 'empty':
        return json(fixture('empty-observations.json'));
      case 'notFound':
        return json(fixture('error-series-does-not-exist.json'), 400);
      case 'garbage':
        return json('{"realtime_start":"2024-01-08","observations":[{"date":');
      case 'outage':
        return { status: 503, body: 'Service Unavailable' };
    }
  };
}

function csvHandler(scenario: ContractScenario): MockHandler {
  return () => {
    switch (scenario) {
      case 'ok':
        return csv(fixture('dgs3mo.csv'));
      case 'empty':
        return csv('observation_date,DGS3MO\n');
      case 'notFound':
        return {
          status: 404,
          body: '<!DOCTYPE html><html><title>Page Not Found | FRED</title></html>',
        };
      case 'garbage':
        return {
          status: 200,
          body: '<!DOCTYPE html><html><body>Something went wrong</body></html>',
        };
      case 'outage':
        return { status: 503, body: 'Service Unavailable' };
    }
  };
}

describe('FRED with an API key', () => {
  describeProviderContract({
    name: 'fred',
    kind: 'series',
    request: DGS3MO,
    handler: apiHandler,
    create: (server, http) => createFredProvider({ apiKey: KEY, baseUrl: server.baseUrl, ...http }),
    expectOk: (rows) => expectDgs3mo(rows as SeriesPoint[]),
  });
});

describe('FRED without a key (fredgraph.csv)', () => {
  describeProviderContract({
    name: 'fred',
    kind: 'series',
    request: DGS3MO,
    handler: csvHandler,
    create: (server, http) => createFredProvider({ csvBaseUrl: server.baseUrl, ...http }),
    expectOk: (rows) => expectDgs3mo(rows as SeriesPoint[]),
  });
});

describe('FRED provider', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });
  const keyed = () =>
    createFredProvider({ apiKey: KEY, baseUrl: server.baseUrl, retries: 1, sleep: instant });
  const keyless = () =>
    createFredProvider({ csvBaseUrl: server.baseUrl, retries: 1, sleep: instant });

  it('asks the observations endpoint for the series, range and key as JSON', async () => {
    server.handler = () => json(fixture('dgs3mo-observations.json'));
    await keyed().fetchSeries(ask(' dgs3mo ', DGS3MO.from, DGS3MO.to));
    const [req] = server.requests;
    expect(req?.path).toBe('/fred/series/observations');
    expect(Object.fromEntries(req?.query ?? [])).toEqual({
      series_id: 'DGS3MO',
      file_type: 'json',
      observation_start: '2023-12-26',
      observation_end: '2024-01-05',
      api_key: KEY,
    });
  });

  it('skips "." observations instead of zero-filling them', async () => {
    server.handler = () => json(fixture('dgs3mo-observations.json'));
    const rows = await keyed().fetchSeries(ask('DGS3MO', DGS3MO.from, DGS3MO.to));
    expect(rows).toHaveLength(8);
    expect(rows.find((r) => r.date === '2024-01-01')).toBeUndefined();
    expect(rows.every((r) => r.value > 0.05)).toBe(true);
    // Yields are public on their date: no availableFrom.
    expect(rows.some((r) => 'availableFrom' in r)).toBe(false);
  });

  it('divides a percent series by 100 unconditionally: 5.25 → 0.0525', async () => {
    server.handler = () => csv(fixture('dfedtarl.csv'));
    const rows = await keyless().fetchSeries(ask('DFEDTARL', '2023-07-26', '2023-07-28'));
    expect(rows.map((r) => r.value)).toEqual([0.05, 0.0525, 0.0525]);
  });

  it('asks fredgraph.csv for the id and range when no key is given', async () => {
    server.handler = () => csv(fixture('dgs3mo.csv'));
    await keyless().fetchSeries(ask('DGS3MO', DGS3MO.from, DGS3MO.to));
    const [req] = server.requests;
    expect(req?.path).toBe('/graph/fredgraph.csv');
    expect(Object.fromEntries(req?.query ?? [])).toEqual({
      id: 'DGS3MO',
      cosd: '2023-12-26',
      coed: '2024-01-05',
    });
  });

  it('dates CPI by its ALFRED first release when a key is given, keeping the latest values', async () => {
    server.handler = (req) =>
      req.query.get('output_type') === '4'
        ? json(fixture('cpiaucsl-first-release.json'))
        : json(fixture('cpiaucsl-observations.json'));
    const rows = await keyed().fetchSeries(ask('CPIAUCSL', '2023-10-01', '2024-01-01'));
    expect(rows).toEqual([
      { date: '2023-10-01', value: 307.531, availableFrom: '2023-11-14' },
      { date: '2023-11-01', value: 308.024, availableFrom: '2023-12-12' },
      { date: '2023-12-01', value: 308.742, availableFrom: '2024-01-11' },
      { date: '2024-01-01', value: 309.685, availableFrom: '2024-02-13' },
    ]);
    const vintage = server.requests[1]?.query;
    expect(vintage?.get('output_type')).toBe('4');
    expect(vintage?.get('realtime_start')).toBe('1776-07-04');
    expect(vintage?.get('realtime_end')).toBe('9999-12-31');
    expect(vintage?.get('observation_start')).toBe('2023-10-01');
  });

  it('falls back to the release rule for observations older than the ALFRED archive', async () => {
    const observation = { date: '1990-01-01', value: '127.500' };
    server.handler = (req) =>
      req.query.get('output_type') === '4'
        ? json(JSON.stringify({ observations: [{ ...observation, realtime_start: '1996-03-19' }] }))
        : json(JSON.stringify({ count: 1, observations: [observation] }));
    const rows = await keyed().fetchSeries(ask('CPIAUCSL', '1990-01-01', '1990-01-31'));
    // First vintage 2 270 days after the observation: ALFRED's archive start, not the release.
    expect(rows).toEqual([{ date: '1990-01-01', value: 127.5, availableFrom: '1990-02-15' }]);
  });

  it('uses the release-lag rule without a key: CPI on the 15th of M+1, PCE on the last day of M+1', async () => {
    server.handler = (req) =>
      req.query.get('id') === 'CPIAUCSL'
        ? csv('observation_date,CPIAUCSL\n2023-11-01,308.024\n2023-12-01,308.742\n')
        : csv('observation_date,PCEPI\n2023-12-01,121.399\n2024-01-01,121.818\n');
    const cpi = await keyless().fetchSeries(ask('CPIAUCSL', '2023-11-01', '2023-12-01'));
    expect(cpi.map((p) => p.availableFrom)).toEqual(['2023-12-15', '2024-01-15']);
    const pce = await keyless().fetchSeries(ask('PCEPI', '2023-12-01', '2024-01-01'));
    // January 2024 → the last day of February 2024, a leap year.
    expect(pce.map((p) => p.availableFrom)).toEqual(['2024-01-31', '2024-02-29']);
    expect(pce[1]?.value).toBe(121.818);
  });

  it('refuses a series outside the unit table before any request, unless its unit is given', async () => {
    server.handler = () => csv('observation_date,VIXCLS\n2024-01-02,13.20\n');
    const e = await failure(keyless().fetchSeries(ask('VIXCLS', '2024-01-02', '2024-01-02')));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/unit table.*"VIXCLS"/);
    expect(server.requests).toHaveLength(0);
    const provider = createFredProvider({
      csvBaseUrl: server.baseUrl,
      seriesUnits: { VIXCLS: 'level' },
    });
    expect(await provider.fetchSeries(ask('VIXCLS', '2024-01-02', '2024-01-02'))).toEqual([
      { date: '2024-01-02', value: 13.2 },
    ]);
  });

  it('reports a rejected key as UNAUTHORIZED', async () => {
    server.handler = () => json(fixture('error-api-key-not-registered.json'), 400);
    const e = await failure(keyed().fetchSeries(ask('DGS3MO', DGS3MO.from, DGS3MO.to)));
    expect(e.code).toBe('UNAUTHORIZED');
    expect(e.details['provider']).toBe('fred');
  });

  it('keeps the API key out of every error it reports', async () => {
    const replies: MockReply[] = [
      json(fixture('error-series-does-not-exist.json'), 400),
      json(
        `{"error_code":400,"error_message":"Bad Request.  api_key ${KEY} is not registered."}`,
        400,
      ),
      { status: 503, body: 'Service Unavailable' },
      { status: 429, body: 'Too Many Requests' },
      json('not json'),
    ];
    for (const reply of replies) {
      server.handler = () => reply;
      const e = await failure(keyed().fetchSeries(ask('DGS3MO', DGS3MO.from, DGS3MO.to)));
      expect(`${e.message} ${JSON.stringify(e.toJSON())}`).not.toContain(KEY);
    }
  });

  it('follows offset paging when FRED counts more observations than one page holds', async () => {
    const page = (offset: number, dates: string[]) =>
      json(
        JSON.stringify({
          count: 3,
          offset,
          observations: dates.map((date) => ({ date, value: '4.00' })),
        }),
      );
    server.handler = (req) =>
      req.query.get('offset') === '2'
        ? page(2, ['2024-01-04'])
        : page(0, ['2024-01-02', '2024-01-03']);
    const rows = await keyed().fetchSeries(ask('DGS10', '2024-01-02', '2024-01-04'));
    expect(rows.map((r) => r.date)).toEqual(['2024-01-02', '2024-01-03', '2024-01-04']);
    expect(server.requests).toHaveLength(2);
  });

  it('refuses a range whose end is before its start without asking FRED', async () => {
    const e = await failure(keyed().fetchSeries(ask('DGS3MO', '2024-01-05', '2024-01-02')));
    expect(e.code).toBe('INVALID_INPUT');
    expect(server.requests).toHaveLength(0);
  });
});

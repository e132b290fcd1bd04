import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { redirectingFetch, startMockServer, type MockServer } from '../helpers/mock-http.ts';
import { tempFiles } from '../helpers/run-cli.ts';

const SAMPLE = 'data/samples/exposure_real_returns_monthly.csv';
const STOOQ_SPY = readFileSync(
  new URL('../fixtures/providers/stooq/spy-daily.csv', import.meta.url),
  'utf8',
);

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());

/** Runs the CLI with a temp SQLite store, a fixed clock and every HTTP request sent to the mock server. */
async function cli(
  db: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['node', 'ballast', '--db', db, ...args],
    { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) },
    {
      env: { BALLAST_PRICE_PROVIDERS: 'stooq' },
      clock: fixedClock('2024-06-20T20:00:00.000Z', '2024-06-20'),
      fetch: redirectingFetch(server.baseUrl),
    },
  );
  return { code, stdout, stderr };
}

const freshDb = (): string => tempFiles({ 'store.sqlite': '' })['store.sqlite']!;

describe('ballast data import and returns (offline)', () => {
  it('imports the bundled monthly exposure returns once, idempotently', async () => {
    const db = freshDb();
    const first = await cli(
      db,
      'data',
      'import',
      '--csv',
      SAMPLE,
      '--kind',
      'returns',
      '--format',
      'json',
    );
    expect(first.code).toBe(0);
    const rows = JSON.parse(first.stdout);
    expect(rows).toHaveLength(16);
    expect(rows[0]).toMatchObject({ id: 'RETURNS:US_LARGE_EQUITY', rows: 57, written: 57 });
    const again = JSON.parse(
      (await cli(db, 'data', 'import', '--csv', SAMPLE, '--kind', 'returns', '--format', 'json'))
        .stdout,
    );
    expect(again.every((r: { written: number }) => r.written === 0)).toBe(true);
  });

  it('compounds imported monthly returns into quarters, checked against the file by hand', async () => {
    const db = freshDb();
    await cli(db, 'data', 'import', '--csv', SAMPLE, '--kind', 'returns');
    const run = await cli(
      db,
      '--offline',
      'returns',
      '--symbols',
      'us_large_equity,GOLD',
      '--from',
      '2020-01-01',
      '--to',
      '2025-12-31',
      '--frequency',
      'quarterly',
      '--format',
      'csv',
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('date,US_LARGE_EQUITY,GOLD');
    // Q4 2020 = Oct, Nov, Dec 2020 from the file: (1 + r_oct)(1 + r_nov)(1 + r_dec) − 1
    const file = readFileSync(SAMPLE, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const col = file[0]!.indexOf('us_large_equity');
    const month = (d: string) => Number(file.find((r) => r[0] === d)![col]);
    const q4 =
      (1 + month('2020-10-31')) * (1 + month('2020-11-30')) * (1 + month('2020-12-31')) - 1;
    const row = lines.find((l) => l.startsWith('2020-12-31'))!;
    expect(Number(row.split(',')[1])).toBeCloseTo(q4, 14);
    // Q3 2020 holds only September: a partial first quarter, kept
    expect(lines[1]!.startsWith('2020-09-30,')).toBe(true);
    const json = JSON.parse(
      (
        await cli(
          db,
          '--offline',
          'returns',
          '--symbols',
          'US_LARGE_EQUITY',
          '--from',
          '2020-01-01',
          '--to',
          '2025-12-31',
          '--frequency',
          'quarterly',
          '--format',
          'json',
        )
      ).stdout,
    );
    expect(json.flags.US_LARGE_EQUITY.partialFirstBucket).toBe(true);
    expect(json.provenance.US_LARGE_EQUITY.source).toBe('csv:exposure_real_returns_monthly.csv');
  });

  it('computes total returns with a dividend day, a split day and a crash day kept', async () => {
    const db = freshDb();
    const { prices } = tempFiles({
      prices: [
        'date,close,dividend,split',
        '2024-03-01,100,,',
        '2024-03-04,99,1.50,', // (99 + 1.50) / 100 − 1 = +0.5 %
        '2024-03-05,49.5,,2', // 49.5 / (99 / 2) − 1 = 0 %
        '2024-03-06,39.6,,', // 39.6 / 49.5 − 1 = −20 %
      ].join('\n'),
    });
    expect(
      (await cli(db, 'data', 'import', '--csv', prices!, '--symbol', 'test', '--kind', 'prices'))
        .code,
    ).toBe(0);
    const r = JSON.parse(
      (
        await cli(
          db,
          '--offline',
          'returns',
          '--symbols',
          'TEST',
          '--from',
          '2024-03-01',
          '--to',
          '2024-03-06',
          '--format',
          'json',
        )
      ).stdout,
    );
    const values = r.series.TEST.map((p: { value: number }) => p.value);
    expect(values[0]).toBeCloseTo(0.005, 14);
    expect(values[1]).toBeCloseTo(0, 14);
    expect(values[2]).toBeCloseTo(-0.2, 14);
    const price = JSON.parse(
      (
        await cli(
          db,
          '--offline',
          'returns',
          '--symbols',
          'TEST',
          '--from',
          '2024-03-01',
          '--to',
          '2024-03-06',
          '--kind',
          'price',
          '--format',
          'json',
        )
      ).stdout,
    );
    expect(price.series.TEST[0].value).toBeCloseTo(-0.01, 14); // 99 / 100 − 1 without the dividend
    const quality = await cli(db, 'data', 'quality', 'TEST', '--format', 'json');
    expect(JSON.parse(quality.stdout).TEST.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ date: '2024-03-06', kind: 'jump' })]),
    );
  });

  it('rejects a bad file naming line and column, and writes nothing', async () => {
    const db = freshDb();
    const { bad } = tempFiles({ bad: 'date,close\n2024-03-01,100\n2024-03-04,abc\n' });
    const run = await cli(db, 'data', 'import', '--csv', bad!, '--symbol', 'X', '--kind', 'prices');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(':3');
    expect(run.stderr).toContain('close');
    expect(JSON.parse((await cli(db, 'data', 'list', '--format', 'json')).stdout)).toEqual([]);
  });
});

describe('ballast data fetch through a provider (mock Stooq server)', () => {
  it('fetches, lists with provenance, then serves the cache stale during an outage', async () => {
    const db = freshDb();
    server.handler = () => ({ body: STOOQ_SPY });
    const fetched = await cli(
      db,
      'data',
      'fetch',
      'spy',
      '--from',
      '2024-06-03',
      '--to',
      '2024-06-07',
      '--format',
      'json',
    );
    expect(fetched.code).toBe(0);
    expect(JSON.parse(fetched.stdout)[0]).toMatchObject({
      id: 'SPY',
      rows: 5,
      first: '2024-06-03',
      last: '2024-06-07',
      sources: 'stooq',
      stale: false,
    });
    const list = JSON.parse((await cli(db, 'data', 'list', '--format', 'json')).stdout);
    expect(list[0]).toMatchObject({
      kind: 'prices',
      id: 'SPY',
      rows: 5,
      sources: ['stooq'],
      fetchedAt: '2024-06-20T20:00:00.000Z',
    });

    server.handler = () => ({ status: 503, body: 'Service Temporarily Unavailable' });
    const stale = await cli(
      db,
      'data',
      'fetch',
      'SPY',
      '--from',
      '2024-06-03',
      '--to',
      '2024-06-20',
      '--format',
      'json',
    );
    expect(stale.code).toBe(0);
    expect(JSON.parse(stale.stdout)[0]).toMatchObject({ rows: 5, stale: true });
  }, 30_000);

  it('fails with DATA_UNAVAILABLE naming the symbol and providers when nothing is stored', async () => {
    const db = freshDb();
    server.handler = () => ({ body: 'No data' });
    const run = await cli(
      db,
      'data',
      'fetch',
      'NOPE',
      '--from',
      '2024-06-03',
      '--to',
      '2024-06-07',
    );
    expect(run.code).toBe(4);
    expect(run.stdout).toContain('NOPE');
    expect(run.stdout).toContain('stooq');
  }, 30_000);
});

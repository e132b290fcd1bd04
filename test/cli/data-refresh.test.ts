import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import {
  redirectingFetch,
  startMockServer,
  type MockReply,
  type MockServer,
  type RecordedRequest,
} from '../helpers/mock-http.ts';
import { tempFiles } from '../helpers/run-cli.ts';

/** Stooq's real daily CSV layout (test/fixtures/providers/stooq/README.md): SPY 2024-06-03..07. */
const STOOQ_SPY = readFileSync(
  new URL('../fixtures/providers/stooq/spy-daily.csv', import.meta.url),
  'utf8',
);
/** The same file with the 2024-06-07 close halved (523.11 → 261.555): a 2-for-1 split look-alike. */
const STOOQ_HALVED = STOOQ_SPY.replace(
  '2024-06-07,522.76,525.29,521.66,523.11',
  '2024-06-07,261.38,262.65,260.83,261.555',
);
const OUTAGE: MockReply = { status: 503, body: 'Service Temporarily Unavailable' };

let stooq: MockServer;
let hook: Server;
let hookUrl = '';
const hookBodies: unknown[] = [];

beforeAll(async () => {
  stooq = await startMockServer();
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      hookBodies.push({ method: req.method, path: req.url, json: JSON.parse(body) as unknown });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/alerts`;
});
afterAll(async () => {
  await stooq.close();
  await new Promise<void>((resolve) => hook.close(() => resolve()));
});

/** Runs the CLI on `db` at `now`, every provider request sent to the mock Stooq server. */
async function cli(
  db: string,
  now: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['node', 'ballast', '--db', db, ...args],
    { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) },
    {
      env: { BALLAST_PRICE_PROVIDERS: 'stooq' },
      clock: fixedClock(now, now.slice(0, 10)),
      fetch: redirectingFetch(stooq.baseUrl),
    },
  );
  return { code, stdout, stderr };
}

const freshDb = (): string => tempFiles({ 'store.sqlite': '' })['store.sqlite']!;

/** Serves `replies[stooq symbol]` (e.g. `spy.us`), 404 for anything else. */
const serve =
  (replies: Record<string, MockReply>) =>
  (req: RecordedRequest): MockReply =>
    replies[req.query.get('s') ?? ''] ?? { status: 404 };

/** The Stooq requests made since `before`, as `s d1..d2`. */
const asked = (before: number): string[] =>
  stooq.requests
    .slice(before)
    .map((r) => `${r.query.get('s')} ${r.query.get('d1')}..${r.query.get('d2')}`);

const json = <T>(text: string): T => JSON.parse(text) as T;

interface Row {
  id: string;
  status: string;
  from: string;
  to: string;
  newRows: number;
  last: string;
}
interface Alert {
  symbol: string;
  code: string;
  source: string;
  createdAt: string;
  details: Record<string, unknown>;
}

/** Fetches SPY and HALF (and AGG) over 2024-06-03..05 on 2024-06-05 evening. */
async function seed(db: string, ids: string[]): Promise<void> {
  stooq.handler = serve({ 'spy.us': { body: STOOQ_SPY }, 'half.us': { body: STOOQ_SPY } });
  for (const id of ids) {
    if (id === 'AGG') stooq.handler = serve({ 'agg.us': { body: STOOQ_SPY } });
    const run = await cli(
      db,
      '2024-06-05T22:00:00.000Z',
      'data',
      'fetch',
      id,
      '--from',
      '2024-06-03',
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
  }
}

describe('ballast data refresh (mock Stooq server)', () => {
  it('asks only for the tail, then nothing when up to date, and alerts on a split-like jump', async () => {
    const db = freshDb();
    await seed(db, ['SPY', 'HALF']);
    stooq.handler = serve({ 'spy.us': { body: STOOQ_SPY }, 'half.us': { body: STOOQ_HALVED } });
    const before = stooq.requests.length;
    // Sunday 2024-06-09: stored data ends Wednesday 06-05; the tail is 06-06..06-09.
    const run = await cli(db, '2024-06-09T12:00:00.000Z', 'data', 'refresh', '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    expect(asked(before)).toEqual(['half.us 20240606..20240609', 'spy.us 20240606..20240609']);
    const doc = json<{ rows: Row[]; alerts: Alert[] }>(run.stdout);
    expect(doc.rows.map((r) => [r.id, r.status, r.from, r.to, r.newRows, r.last])).toEqual([
      ['HALF', 'refreshed', '2024-06-06', '2024-06-09', 2, '2024-06-07'],
      ['SPY', 'refreshed', '2024-06-06', '2024-06-09', 2, '2024-06-07'],
    ]);
    // 261.555 / 523.74 = 0.4994 → within 2 % of 1/2; the fixture's other steps move < 1.2 %.
    expect(doc.alerts.map((a) => [a.symbol, a.code, a.details['date']])).toEqual([
      ['HALF', 'SPLIT_LIKE_JUMP', '2024-06-07'],
    ]);

    // Same Sunday again: the last NYSE session (Friday 06-07) is stored → no request at all.
    const again = await cli(db, '2024-06-09T13:00:00.000Z', 'data', 'refresh', '--format', 'json');
    expect(again.code).toBe(0);
    expect(stooq.requests.length).toBe(before + 2);
    expect(json<{ rows: Row[] }>(again.stdout).rows.map((r) => r.status)).toEqual([
      'up-to-date',
      'up-to-date',
    ]);
    const list = json<{ id: string; rows: number; last: string }[]>(
      (await cli(db, '2024-06-09T13:00:00.000Z', 'data', 'list', '--format', 'json')).stdout,
    );
    expect(list.map((e) => [e.id, e.rows, e.last])).toEqual([
      ['HALF', 5, '2024-06-07'],
      ['SPY', 5, '2024-06-07'],
    ]);
  }, 60_000);

  it('an outage leaves an alert and the data untouched; all out is DATA_STALE (exit 4)', async () => {
    const db = freshDb();
    await seed(db, ['SPY', 'AGG']);
    const listAt = async (now: string): Promise<unknown> =>
      json((await cli(db, now, 'data', 'list', '--format', 'json')).stdout);
    const stored = await listAt('2024-06-09T12:00:00.000Z');

    // Partial: SPY answers, AGG's provider is down → exit 0, one DATA_STALE alert, posted.
    stooq.handler = serve({ 'spy.us': { body: STOOQ_SPY }, 'agg.us': OUTAGE });
    const partial = await cli(
      db,
      '2024-06-09T12:00:00.000Z',
      'data',
      'refresh',
      '--symbols',
      'agg,spy',
      '--webhook',
      hookUrl,
      '--format',
      'json',
    );
    expect(partial.code, partial.stderr).toBe(0);
    const doc = json<{ rows: Row[]; alerts: Alert[]; webhook: { ok: boolean } }>(partial.stdout);
    expect(doc.rows.map((r) => [r.id, r.status, r.newRows, r.last])).toEqual([
      ['AGG', 'stale', 0, '2024-06-05'],
      ['SPY', 'refreshed', 2, '2024-06-07'],
    ]);
    expect(doc.alerts).toHaveLength(1);
    expect(doc.alerts[0]).toMatchObject({
      symbol: 'AGG',
      code: 'DATA_STALE',
      source: 'stooq',
      createdAt: '2024-06-09T12:00:00.000Z',
      details: { from: '2024-06-06', to: '2024-06-09', lastStored: '2024-06-05' },
    });
    expect(doc.webhook.ok).toBe(true);
    expect(hookBodies.at(-1)).toEqual({
      method: 'POST',
      path: '/alerts',
      json: { source: 'ballast data refresh', alerts: doc.alerts },
    });
    const after = (await listAt('2024-06-09T12:00:00.000Z')) as { id: string }[];
    // AGG is exactly as before (rows, range, fetch time); nothing was invented for it.
    expect(after.find((e) => e.id === 'AGG')).toEqual(
      (stored as { id: string }[]).find((e) => e.id === 'AGG'),
    );

    // Everything down on Wednesday 06-12: nothing refreshed → DATA_STALE, exit 4, two alerts.
    stooq.handler = () => OUTAGE;
    const down = await cli(db, '2024-06-12T22:00:00.000Z', 'data', 'refresh');
    expect(down.code).toBe(4);
    expect(down.stdout).toContain('stale');
    expect(down.stderr).toContain('DATA_STALE');
    const since = await cli(
      db,
      '2024-06-12T22:00:00.000Z',
      'data',
      'alerts',
      '--since',
      '2024-06-10',
      '--format',
      'json',
    );
    expect(json<Alert[]>(since.stdout).map((a) => [a.symbol, a.code, a.createdAt])).toEqual([
      ['AGG', 'DATA_STALE', '2024-06-12T22:00:00.000Z'],
      ['SPY', 'DATA_STALE', '2024-06-12T22:00:00.000Z'],
    ]);
    const csv = await cli(db, '2024-06-12T22:00:00.000Z', 'data', 'alerts', '--format', 'csv');
    expect(csv.stdout.trim().split('\n')).toHaveLength(1 + 3);
    expect(csv.stdout.split('\n')[0]).toBe('id,created_at,symbol,code,source,message,details');
  }, 90_000);

  it('refuses --symbols with --universe and a bad --sigmas by name', async () => {
    const db = freshDb();
    const both = await cli(
      db,
      '2024-06-09T12:00:00.000Z',
      'data',
      'refresh',
      '--symbols',
      'SPY',
      '--universe',
      'core',
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('universe');
    const sigmas = await cli(db, '2024-06-09T12:00:00.000Z', 'data', 'refresh', '--sigmas', '-1');
    expect(sigmas.code).toBe(2);
    expect(sigmas.stderr).toContain('--sigmas');
  });

  it('data schedule --next lists NYSE trading days at 18:30 New York, skipping Juneteenth', async () => {
    const db = freshDb();
    // Tuesday 2024-06-18 19:00 EDT: Wednesday 06-19 is a holiday → Thu 20, Fri 21, Mon 24,
    // each 18:30 EDT = 22:30 UTC.
    const run = await cli(
      db,
      '2024-06-18T23:00:00.000Z',
      'data',
      'schedule',
      '--daily',
      '18:30',
      '--next',
      '3',
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(json<{ next: string[]; timeZone: string }>(run.stdout)).toEqual({
      daily: '18:30',
      timeZone: 'America/New_York',
      calendar: 'NYSE',
      next: ['2024-06-20T22:30:00.000Z', '2024-06-21T22:30:00.000Z', '2024-06-24T22:30:00.000Z'],
    });
    const bad = await cli(
      db,
      '2024-06-18T23:00:00.000Z',
      'data',
      'schedule',
      '--daily',
      '25:00',
      '--next',
      '1',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('daily');
    expect(bad.stderr).toContain('25:00');
  });
});

describe('ballast data refresh --cross-check (mock Stooq and Yahoo)', () => {
  /** Yahoo's chart answer (test/fixtures/providers/yahoo/README.md): SPY 2024-06-03..07. */
  const YAHOO_SPY = readFileSync(
    new URL('../fixtures/providers/yahoo/chart-spy-daily.json', import.meta.url),
    'utf8',
  );

  it('alerts PROVIDER_DISAGREEMENT where the second provider’s close is > 0.5 % off', async () => {
    const db = freshDb();
    await seed(db, ['SPY']);
    stooq.handler = (req) =>
      req.path.startsWith('/v8/finance/chart/SPY')
        ? { body: YAHOO_SPY, headers: { 'content-type': 'application/json' } }
        : serve({ 'spy.us': { body: STOOQ_SPY } })(req);
    let stdout = '';
    let stderr = '';
    const now = '2024-06-09T12:00:00.000Z';
    const code = await main(
      ['node', 'ballast', 'data', 'refresh', '--cross-check', '--db', db, '--format', 'json'],
      { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) },
      {
        env: { BALLAST_PRICE_PROVIDERS: 'stooq,yahoo' },
        clock: fixedClock(now, now.slice(0, 10)),
        fetch: redirectingFetch(stooq.baseUrl),
      },
    );
    expect(code, stderr).toBe(0);
    const doc = json<{ rows: (Row & { note: string })[]; alerts: Alert[] }>(stdout);
    // Stooq 523.74 / 523.11 against Yahoo 534.66 / 534.01: 2.04 % apart on both days.
    expect(doc.alerts.map((a) => [a.code, a.details['date'], a.details['field']])).toEqual([
      ['PROVIDER_DISAGREEMENT', '2024-06-06', 'close'],
      ['PROVIDER_DISAGREEMENT', '2024-06-07', 'close'],
    ]);
    expect(doc.rows[0]!.note).toContain('cross-check yahoo: 2 dates compared, 2 disagreements');
    const bad = await cli(db, now, 'data', 'refresh', '--cross-check', '--close-tolerance', '-1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--close-tolerance');
  }, 60_000);
});

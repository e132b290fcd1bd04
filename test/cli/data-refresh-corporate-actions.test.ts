/**
 * `ballast data refresh` alerts CORPORATE_ACTION_PROPOSED for a stored portfolio holding a
 * refreshed symbol (docs/corporate-actions.md, "On the server"), `ballast data alerts` lists it,
 * and `--no-corporate-actions` turns the step off.
 */

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { redirectingFetch, startMockServer, type MockServer } from '../helpers/mock-http.ts';
import { tempFiles } from '../helpers/run-cli.ts';

/** Stooq's real daily CSV layout (test/fixtures/providers/stooq/README.md): SPY 2024-06-03..07. */
const STOOQ_SPY = readFileSync(
  new URL('../fixtures/providers/stooq/spy-daily.csv', import.meta.url),
  'utf8',
);

let stooq: MockServer;
beforeAll(async () => {
  stooq = await startMockServer((req) => ({
    body: req.query.get('s') === 'spy.us' ? STOOQ_SPY : 'No data',
  }));
});
afterAll(() => stooq.close());

/** Runs the CLI on `db` on 2024-06-08, provider requests sent to the mock Stooq server. */
async function cli(db: string, ...args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const now = '2024-06-08T12:00:00.000Z';
  const code = await main(
    ['node', 'ballast', '--db', db, ...args],
    { out: (t) => (stdout += `${t}\n`), err: () => undefined },
    {
      env: { BALLAST_PRICE_PROVIDERS: 'stooq' },
      clock: fixedClock(now, now.slice(0, 10)),
      fetch: redirectingFetch(stooq.baseUrl),
    },
  );
  return { code, stdout };
}

/** A store with SPY 2024-06-03..05 ($1.50 going ex 06-05) and portfolio main holding 10 SPY. */
async function seeded(): Promise<string> {
  const files = tempFiles({
    'store.sqlite': '',
    'spy.csv': [
      'date,close,dividend,split',
      '2024-06-03,517.03,0,1',
      '2024-06-04,517.61,0,1',
      '2024-06-05,523.75,1.5,1',
    ].join('\n'),
    'ledger.csv': [
      'date,type,symbol,quantity,price,amount,fees,account,lots',
      '2024-06-01,deposit,,,,10000,,A,',
      '2024-06-03,buy,SPY,10,517.03,,,A,',
    ].join('\n'),
  });
  const db = files['store.sqlite']!;
  const imported = await cli(db, 'data', 'import', '--csv', files['spy.csv']!, '--symbol', 'SPY');
  expect(imported.code).toBe(0);
  expect((await cli(db, 'portfolio', 'create', 'main')).code).toBe(0);
  const ledger = ['portfolio', 'import', 'main', '--transactions', files['ledger.csv']!];
  expect((await cli(db, ...ledger)).code).toBe(0);
  return db;
}

describe('ballast data refresh with stored portfolios', () => {
  it('stores one CORPORATE_ACTION_PROPOSED alert; data alerts lists it', async () => {
    const db = await seeded();
    const refresh = await cli(db, 'data', 'refresh', '--symbols', 'SPY', '--format', 'json');
    expect(refresh.code).toBe(0);
    const doc = JSON.parse(refresh.stdout) as { corporateActions: unknown; alerts: unknown[] };
    expect(doc.corporateActions).toEqual([{ portfolio: 'main', proposed: 1, alerted: 1 }]);
    // By hand: 10 shares held before the ex-date × $1.50 = $15.00.
    const alerts = await cli(db, 'data', 'alerts', '--format', 'json');
    expect(JSON.parse(alerts.stdout)).toMatchObject([
      {
        symbol: 'SPY',
        code: 'CORPORATE_ACTION_PROPOSED',
        details: {
          portfolio: 'main',
          keys: ['2024-06-05 dividend SPY A 15'],
          proposed: [{ date: '2024-06-05', type: 'dividend', amount: 15, shares: 10 }],
        },
      },
    ]);
  });

  it('--no-corporate-actions stores no such alert', async () => {
    const db = await seeded();
    const args = ['data', 'refresh', '--symbols', 'SPY', '--no-corporate-actions'];
    const refresh = await cli(db, ...args, '--format', 'json');
    expect(refresh.code).toBe(0);
    const doc = JSON.parse(refresh.stdout) as { rows: { status: string }[]; alerts: unknown[] };
    expect(doc.rows.map((r) => r.status)).toEqual(['refreshed']);
    expect(doc.alerts).toEqual([]);
  });
});

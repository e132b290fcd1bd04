import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import {
  redirectingFetch,
  startMockServer,
  type MockServer,
} from '../../test/helpers/mock-http.ts';
import { corporateActions } from './corporate-actions.ts';
import { dataAlerts } from './data-alerts.ts';
import { dataRefresh } from './data-refresh.ts';
import {
  CORPORATE_ACTION_PROPOSED,
  corporateActionAlerts,
  proposalKey,
} from './data-refresh-corporate-actions.ts';
import { portfolioAppend } from './portfolio-append.ts';
import { portfolioCreate } from './portfolio-create.ts';

/** Stooq's real daily CSV layout (test/fixtures/providers/stooq/README.md): SPY 2024-06-03..07. */
const STOOQ_SPY = readFileSync(
  new URL('../../test/fixtures/providers/stooq/spy-daily.csv', import.meta.url),
  'utf8',
);
/**
 * SPY 2024-06-03..05 as stored earlier, the 2024-06-05 bar carrying a $1.50 dividend (a stored
 * action; Stooq's file has no dividend column, so the refresh adds none).
 */
const SEED = [
  { date: '2024-06-03', close: 517.03, dividend: 0, split: 1 },
  { date: '2024-06-04', close: 517.61, dividend: 0, split: 1 },
  { date: '2024-06-05', close: 523.75, dividend: 1.5, split: 1 },
];
const HEADER = 'date,type,symbol,quantity,price,amount,fees,account,lots';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer((req) => ({
    body: req.query.get('s') === 'spy.us' ? STOOQ_SPY : 'No data',
  }));
});
afterAll(() => server.close());

/** A stored portfolio `name` with the ledger `rows` (after the header). */
async function portfolio(
  name: string,
  rows: readonly string[],
  deps: ReturnType<typeof testDeps>,
): Promise<void> {
  await portfolioCreate({ name }, deps);
  const text = [HEADER, ...rows].join('\n');
  await portfolioAppend({ portfolio: name, csv: { text, name: `${name}.csv` } }, deps);
}

describe('data refresh → CORPORATE_ACTION_PROPOSED', () => {
  it('alerts the portfolios holding a refreshed symbol, once per proposal', async () => {
    const d = testDeps({
      now: '2024-06-08T12:00:00.000Z',
      fetch: redirectingFetch(server.baseUrl),
    });
    try {
      const store = await d.store();
      await store.upsertPriceBars('SPY', SEED, {
        source: 'stooq',
        fetchedAt: '2024-06-05T22:00:00.000Z',
      });
      // main holds 10 SPY before the ex-date; bonds holds only AGG (not refreshed).
      await portfolio(
        'main',
        ['2024-06-01,deposit,,,,10000,,A,', '2024-06-03,buy,SPY,10,517.03,,,A,'],
        d,
      );
      await portfolio(
        'bonds',
        ['2024-06-01,deposit,,,,10000,,B,', '2024-06-03,buy,AGG,10,97,,,B,'],
        d,
      );
      const requests = server.requests.length;
      const doc = await dataRefresh({}, d);
      // Only SPY's tail was asked for: the corporate-action step fetches nothing.
      expect(server.requests.length - requests).toBe(1);
      expect(doc.rows.map((r) => [r.id, r.status, r.newRows])).toEqual([['SPY', 'refreshed', 2]]);
      expect(doc.corporateActions).toEqual([{ portfolio: 'main', proposed: 1, alerted: 1 }]);
      // By hand: 10 shares held at the close of 2024-06-04 × $1.50 = $15.00.
      const row = {
        date: '2024-06-05',
        type: 'dividend',
        symbol: 'SPY',
        account: 'A',
        amount: 15,
        shares: 10,
        perShare: 1.5,
      };
      expect(doc.alerts).toMatchObject([
        {
          symbol: 'SPY',
          code: CORPORATE_ACTION_PROPOSED,
          source: 'refresh',
          message: expect.stringContaining('2024-06-05 dividend SPY $15.00 (A)'),
          details: {
            portfolio: 'main',
            symbols: ['SPY'],
            keys: ['2024-06-05 dividend SPY A 15'],
            proposed: [row],
          },
        },
      ]);
      // `ballast data alerts` reads the same stored alert.
      expect((await dataAlerts({}, d)).map((a) => a.code)).toEqual([CORPORATE_ACTION_PROPOSED]);

      // The same proposal again: no second alert.
      const again = await corporateActionAlerts(['SPY'], store, d);
      expect(again).toEqual({
        alerts: [],
        checks: [{ portfolio: 'main', proposed: 1, alerted: 0 }],
      });

      // A back-dated buy of 5 more changes the amount: 15 × $1.50 = $22.50, a new proposal.
      await portfolioAppend(
        {
          portfolio: 'main',
          csv: { text: `${HEADER}\n2024-06-04,buy,SPY,5,517.61,,,A,`, name: 'more.csv' },
        },
        d,
      );
      const changed = await corporateActionAlerts(['SPY'], store, d);
      expect(changed.alerts.map((a) => a.details?.['keys'])).toEqual([
        ['2024-06-05 dividend SPY A 22.5'],
      ]);

      // Accepted, nothing is proposed and nothing alerted.
      await corporateActions({ portfolio: 'main', accept: true }, d);
      expect(await corporateActionAlerts(['SPY'], store, d)).toEqual({
        alerts: [],
        checks: [{ portfolio: 'main', proposed: 0, alerted: 0 }],
      });
    } finally {
      await d.close();
    }
  });

  it('does nothing with corporateActions: false', async () => {
    const d = testDeps({
      now: '2024-06-08T12:00:00.000Z',
      fetch: redirectingFetch(server.baseUrl),
    });
    try {
      const store = await d.store();
      await store.upsertPriceBars('SPY', SEED, {
        source: 'stooq',
        fetchedAt: '2024-06-05T22:00:00.000Z',
      });
      await portfolio(
        'main',
        ['2024-06-01,deposit,,,,10000,,A,', '2024-06-03,buy,SPY,10,517.03,,,A,'],
        d,
      );
      const doc = await dataRefresh({ corporateActions: false }, d);
      expect(doc.rows.map((r) => r.status)).toEqual(['refreshed']);
      expect(doc.alerts).toEqual([]);
      expect(doc.corporateActions).toBeUndefined();
    } finally {
      await d.close();
    }
  });
});

describe('proposalKey', () => {
  it('is date, type, symbol, account and the ratio or dollar amount', () => {
    const base = { date: '2024-02-01', symbol: 'ABC', account: 'A', shares: 30 } as const;
    expect(proposalKey({ ...base, type: 'split', ratio: 4 })).toBe('2024-02-01 split ABC A 4');
    expect(proposalKey({ ...base, type: 'dividend', amount: 7.5, perShare: 0.25 })).toBe(
      '2024-02-01 dividend ABC A 7.5',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { fixedClock } from '../domain/clock.ts';
import { BallastError } from '../domain/errors.ts';
import type { MarketDataService } from '../data/market-data/service.ts';
import { silentLogger, silentProgress, type AppDeps } from './deps.ts';
import { performance, performanceWithChart } from './performance.ts';

/** Deposit, buy, deposit, split, dividend, sell over 4–11 March 2024 (NYSE days). */
const LEDGER = [
  'date,type,symbol,quantity,price,amount,fees,account',
  '2024-03-04,deposit,,,,1000,,',
  '2024-03-04,buy,X,10,50,,,',
  '2024-03-06,deposit,,,,500,,',
  '2024-03-07,split,X,2,,,,',
  '2024-03-08,dividend,X,,,10,,',
  '2024-03-11,sell,X,5,32,,,',
].join('\n');
/** Unadjusted closes of X (30 after the split) and benchmark B's adjusted closes. */
const PRICES = [
  'date,symbol,close,adj_close',
  '2024-03-04,X,50,',
  '2024-03-05,X,55,',
  '2024-03-06,X,60,',
  '2024-03-07,X,30,',
  '2024-03-08,X,31,',
  '2024-03-11,X,32,',
  '2024-03-01,B,100,100',
  '2024-03-11,B,103,103',
].join('\n');

/** Dependencies whose store and providers must not be used (prices come inline). */
function deps(marketData?: Partial<MarketDataService>): AppDeps {
  const unused = (): Promise<never> => Promise.reject(new Error('not used in this test'));
  return {
    store: unused,
    providers: unused,
    marketData: marketData ? () => Promise.resolve(marketData as MarketDataService) : unused,
    solver: unused,
    clock: fixedClock('2024-03-11T21:00:00Z'),
    offline: true,
    log: silentLogger,
    progress: silentProgress,
  };
}

const input = { transactions: { text: LEDGER }, pricesHistory: { text: PRICES, name: 'p.csv' } };

describe('performance use case', () => {
  it('a week: TWR by hand, the MWR for the week (not annualised), benchmark and P&L', async () => {
    const doc = await performance({ ...input, benchmark: 'b' }, deps());
    // Values 1000 (4th), 1050, 1600 after the 500 deposit, 1600, 1630, 1650 (11th):
    // TWR = 1050/1000 × 1600/(1050 + 500) × 1630/1600 × 1650/1630 − 1 = 1.05 × 1650/1550 − 1.
    expect(doc.twr).toBeCloseTo(1.05 * (1650 / 1550) - 1, 11);
    expect(doc).toMatchObject({
      from: '2024-03-04',
      to: '2024-03-11', // the last date of the prices file
      startValue: 0,
      endValue: 1650,
      netFlows: 1500,
      twrAnnualized: null,
      mwrBasis: 'period',
      windowDays: 10,
    });
    // MWR for the 7 days from the first deposit: ρ with −1000 − 500(1 + ρ)^(−2/7) + 1650/(1 + ρ) = 0.
    // Solved here by bisection, written independently of the code under test:
    const npv = (rho: number) => -1000 - 500 * (1 + rho) ** (-2 / 7) + 1650 / (1 + rho);
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 100; i++)
      [lo, hi] = npv((lo + hi) / 2) > 0 ? [(lo + hi) / 2, hi] : [lo, (lo + hi) / 2];
    expect(doc.mwr).toBeCloseTo(lo, 10); // 0.1109685342693…
    // Benchmark: 103/100 − 1 from the base close of 1 March.
    expect(doc.benchmark).toMatchObject({ symbol: 'B', twr: 0.03 });
    expect(doc.benchmark!.excess).toBeCloseTo(1.05 * (1650 / 1550) - 1 - 0.03, 11);
    // 5 of 20 post-split shares at basis 25 sold @ 32: +35; 15 open: 15 × (32 − 25) = 105.
    expect(doc.pnl).toEqual({
      realizedShortTerm: 35,
      realizedLongTerm: 0,
      unrealized: 105,
      income: 10,
      fees: 0,
    });
    expect(doc.warnings.map((w) => w.code)).toEqual(['PARTIAL_PERIOD']);
    expect(doc.warnings[0]!.message).toBe('2024-03 is a partial period (2024-03-04..2024-03-11)');
  });

  it('more than a year: the annual XIRR, closed form for a single deposit', async () => {
    const ledger = [
      'date,type,symbol,quantity,price,amount',
      '2023-01-03,deposit,,,,1000',
      '2023-01-03,buy,X,10,100,',
    ];
    const prices = ['date,symbol,close', '2023-01-03,X,100', '2024-03-04,X,121'];
    const doc = await performance(
      {
        transactions: { text: ledger.join('\n') },
        pricesHistory: { text: prices.join('\n') },
        period: 'annual',
      },
      deps(),
    );
    // 1000 → 1210 over 426 days (3 Jan 2023 → 4 Mar 2024): XIRR = 1.21^(365/426) − 1.
    expect(doc.twr).toBeCloseTo(0.21, 12);
    expect(doc.mwrBasis).toBe('annual');
    expect(doc.mwr).toBeCloseTo(1.21 ** (365 / 426) - 1, 10);
    expect(doc.twrAnnualized).not.toBeNull();
    expect(doc.warnings.map((w) => w.code)).toContain('PRICE_CARRIED_FORWARD');
  });

  it('from the store: prices served stale are a PRICES_STALE warning', async () => {
    const rows = PRICES.split('\n')
      .slice(1, 7)
      .map((line) => ({ date: line.split(',')[0]!, close: Number(line.split(',')[2]) }));
    const asked: { symbol: string; from: string; to: string }[] = [];
    const service: Partial<MarketDataService> = {
      getPrices: (symbol: string, range: { from?: string; to?: string }) => {
        asked.push({ symbol, from: range.from!, to: range.to! });
        return Promise.resolve({
          rows: rows as never,
          stale: true,
          sources: ['csv'],
          attempts: [{ provider: 'offline', code: 'DATA_STALE', message: 'offline: store only' }],
        });
      },
    };
    const doc = await performance(
      { transactions: { text: LEDGER }, to: '2024-03-11' },
      deps(service),
    );
    // Two weeks before the first transaction, to the last day asked.
    expect(asked).toEqual([{ symbol: 'X', from: '2024-02-19', to: '2024-03-11' }]);
    expect(doc.endValue).toBe(1650);
    expect(doc.warnings[0]).toEqual({
      code: 'PRICES_STALE',
      message: 'X: served from the store only (offline: store only)',
      details: {
        symbol: 'X',
        attempts: [{ provider: 'offline', code: 'DATA_STALE', message: 'offline: store only' }],
      },
    });
  });

  it('builds the chart option only when asked', async () => {
    expect((await performanceWithChart(input, deps())).chart).toBeUndefined();
    const { chart } = await performanceWithChart({ ...input, benchmark: 'B', chart: true }, deps());
    const text = JSON.stringify(chart);
    expect(text).toContain('Portfolio (TWR): growth of $1 and drawdown');
    expect(text).toContain('B (benchmark)');
  });

  it('names the field of bad input', async () => {
    const codeOf = (work: Promise<unknown>) =>
      work.then(
        () => 'no error',
        (e: unknown) => (e instanceof BallastError ? [e.code, e.details['field']] : e),
      );
    expect(
      await codeOf(performance({ ...input, from: '2024-03-11', to: '2024-03-04' }, deps())),
    ).toEqual(['INVALID_INPUT', 'from']);
    expect(await codeOf(performance({ ...input, period: 'weekly' as never }, deps()))).toEqual([
      'INVALID_INPUT',
      'period',
    ]);
    expect(
      await codeOf(
        performance(
          { ...input, pricesHistory: { text: 'date,symbol,close\n2024-03-04,B,1' } },
          deps(),
        ),
      ),
    ).toEqual(['DATA_UNAVAILABLE', 'pricesHistory']);
    expect(await codeOf(performance({ ...input, benchmark: 'ZZZ' }, deps()))).toEqual([
      'DATA_UNAVAILABLE',
      'pricesHistory',
    ]);
  });
});

describe('performance use case: the daily series', () => {
  it('gives each day’s TWR and the benchmark’s return on the same days (by hand)', async () => {
    const doc = await performance({ ...input, benchmark: 'B', daily: true }, deps());
    const daily = doc.daily!;
    expect(daily.dates).toEqual([
      '2024-03-04',
      '2024-03-05',
      '2024-03-06',
      '2024-03-07',
      '2024-03-08',
      '2024-03-11',
    ]);
    // Values as in the first test: the 1000 deposited at the start of the 4th is worth 1000 at
    // its close (0 %), then 1050 → 1600 (after the 500 deposit at the start of the 6th:
    // 1600 / 1550) → 1600 → 1630 → 1650.
    const expected = [0, 1050 / 1000 - 1, 1600 / 1550 - 1, 0, 1630 / 1600 - 1, 1650 / 1630 - 1];
    daily.portfolio.forEach((r, i) => expect(r).toBeCloseTo(expected[i]!, 12));
    // Compounded, the days give the whole window's TWR.
    const linked = daily.portfolio.reduce((w, r) => w * (1 + r), 1) - 1;
    expect(linked).toBeCloseTo(doc.twr, 10);
    // B has closes on the 1st (100) and the 11th (103) only: over the whole window it gains 3 %.
    expect(daily.benchmark?.symbol).toBe('B');
    const bench = daily.benchmark!.returns.reduce((w, r) => w * (1 + r), 1) - 1;
    expect(bench).toBeCloseTo(0.03, 12);
  });

  it('is left out unless asked for', async () => {
    expect(await performance(input, deps())).not.toHaveProperty('daily');
  });
});

import { describe, expect, it } from 'vitest';
import { closes, SCENARIO, SCENARIO_CLOSES } from '../../../test/helpers/performance-scenario.ts';
import { ledgerRows } from '../../../test/helpers/transactions.ts';
import { createNyseCalendar } from '../calendar/trading-calendar.ts';
import type { BallastError } from '../errors.ts';
import type { Transaction } from '../ledger/types.ts';
import { BenchmarkSeries, type AdjustedClose } from './benchmark.ts';
import { portfolioHistory } from './history.ts';
import { performanceReport, periodLabel, type PerformanceOptions } from './performance-report.ts';
import { accountPoints, dailyReturns, mwrOf } from './returns.ts';
import type { PriceHistory } from './types.ts';

const calendar = createNyseCalendar();

function report(
  transactions: Transaction[],
  options: { prices: PriceHistory; to: string; from?: string } & Partial<PerformanceOptions>,
) {
  const { prices, to, from, ...rest } = options;
  const history = portfolioHistory({
    transactions,
    prices,
    calendar,
    to,
    ...(from ? { from } : {}),
  });
  return performanceReport({ transactions, history, calendar, frequency: 'monthly', ...rest });
}

const adjusted = (pairs: Record<string, number>): AdjustedClose[] =>
  Object.entries(pairs).map(([date, adjClose]) => ({ date, adjClose }));

describe('performanceReport on the hand-computed scenario (deposit, buy, split, dividend, sell)', () => {
  const r = report(SCENARIO, { prices: new Map([['X', SCENARIO_CLOSES]]), to: '2024-03-11' });

  it('TWR chain-links between the two deposits', () => {
    // Π V_d/(V_{d−1} + CF_d): 1000/1000 × 1050/1000 × 1600/(1050 + 500) × 1600/1600 × 1630/1600 × 1650/1630
    const twr = 1.05 * (1600 / 1550) * (1630 / 1600) * (1650 / 1630) - 1;
    expect(r.twr).toBeCloseTo(twr, 14);
    expect(r.twr).toBeCloseTo(0.1177419354838709, 12); // = 1.05 × 1650/1550 − 1
    expect(r).toMatchObject({
      from: '2024-03-04',
      to: '2024-03-11',
      startValue: 0,
      endValue: 1650,
      netFlows: 1500,
    });
    expect(r.twrAnnualized).toBeNull(); // a week is not annualised
  });

  it('MWR over a week is the period’s own money-weighted return, not annualised (GIPS)', () => {
    // Flows −1000 (4 Mar), −500 (6 Mar), +1650 (11 Mar): the window is 7 days from the first
    // money, so the rate ρ is per 7 days: −1000 − 500(1 + ρ)^(−2/7) + 1650(1 + ρ)^(−7/7) = 0.
    // Peer for the annual rate: scipy 1.10.1 brentq on Σ CF/(1+r)^(days/365) → 240.55735980625917
    // (24,056 %, what the report printed before); de-annualised: 241.55735980625917^(7/365) − 1
    // = 0.1109685342693… Check by hand that ρ zeroes the 7-day NPV:
    const rho = 241.55735980625917 ** (7 / 365) - 1;
    expect(-1000 - 500 * (1 + rho) ** (-2 / 7) + 1650 / (1 + rho)).toBeCloseTo(0, 8);
    expect(r.mwr).toBeCloseTo(0.1109685342693, 10);
    expect(r.mwrBasis).toBe('period');
    expect(r.windowDays).toBe(10); // base close Fri 1 Mar → Mon 11 Mar
  });

  it('P&L: realised +35 short-term, unrealised +105, income 10, fees 0; reconciles to value − flows', () => {
    // After the split: 20 shares at basis 500/20 = 25; sell 5 @ 32: 160 − 125 = +35.
    // Open: 15 × 32 − 15 × 25 = 105. Dividend 10. 1650 − 1500 = 150 = 35 + 105 + 10.
    expect(r.pnl).toEqual({
      realizedShortTerm: 35,
      realizedLongTerm: 0,
      unrealized: 105,
      income: 10,
      fees: 0,
    });
  });

  it('one monthly period, flagged partial (starts after 1 March, ends before 28 March)', () => {
    expect(r.periods).toEqual([
      {
        period: '2024-03',
        start: '2024-03-04',
        end: '2024-03-11',
        twr: r.twr,
        flows: 1500,
        endValue: 1650,
      },
    ]);
    expect(r.flags).toEqual([
      { kind: 'partialPeriod', period: '2024-03', start: '2024-03-04', end: '2024-03-11' },
    ]);
    expect(r.warnings).toEqual([
      {
        code: 'PARTIAL_PERIOD',
        message: '2024-03 is a partial period (2024-03-04..2024-03-11)',
        details: {
          kind: 'partialPeriod',
          period: '2024-03',
          start: '2024-03-04',
          end: '2024-03-11',
        },
      },
    ]);
    expect(r.accounts).toEqual([{ account: 'DEFAULT', endValue: 1650, twr: r.twr }]);
  });

  it('a window (--from) counts only its own realised gains and income', () => {
    const w = report(SCENARIO, {
      prices: new Map([['X', SCENARIO_CLOSES]]),
      from: '2024-03-11',
      to: '2024-03-11',
    });
    // Base: close of the 8th (1630); the 11th: 1650 → 1650/1630 − 1; the dividend of the 8th is before.
    expect(w.twr).toBeCloseTo(1650 / 1630 - 1, 14);
    expect(w.pnl).toEqual({
      realizedShortTerm: 35,
      realizedLongTerm: 0,
      unrealized: 105,
      income: 0,
      fees: 0,
    });
    // −1630 on the 8th, +1650 on the 11th and nothing between: the period's money-weighted
    // return is the simple return 1650/1630 − 1 (the annual XIRR would be (1650/1630)^(365/3) − 1
    // = 337 %).
    expect(w.mwr).toBeCloseTo(1650 / 1630 - 1, 12);
    expect(w.mwrBasis).toBe('period');
  });
});

describe("docs/conventions.md's TWR example", () => {
  it('100 → 110, deposit 100 at the start of the next day, end 231 → 21.00 %', () => {
    const shifted = ledgerRows([
      { type: 'deposit', date: '2024-03-04', amount: 100 },
      { type: 'buy', date: '2024-03-04', symbol: 'X', quantity: 10, price: 10 },
      { type: 'deposit', date: '2024-03-06', amount: 100 },
    ]);
    const p = new Map([['X', closes({ '2024-03-04': 10, '2024-03-05': 11, '2024-03-06': 13.1 })]]);
    const r = report(shifted, { prices: p, to: '2024-03-06' });
    // Values 100, 110, 100 + 10 × 13.1 = 231: 1.10 × 231/(110 + 100) − 1 = 0.21.
    expect(r.endValue).toBeCloseTo(231, 12);
    expect(r.twr).toBeCloseTo(0.21, 14);
    // Subtracting flows from values would give (231 − 200)/100 = 31 % — not what we report.
    expect(r.twr).not.toBeCloseTo(0.31, 2);
    // MWR: −100 (4th), −100 and +231 (6th): two days from the first money, rate per 2 days:
    // −100 + 131(1 + ρ)^(−2/2) = 0 ⇔ ρ = 0.31 (annual XIRR: 1.31^182.5 − 1, not reported).
    expect(r.mwr).toBeCloseTo(0.31, 12);
    expect(r.mwrBasis).toBe('period');
  });

  it('MWR of a one-day history is undefined (every flow on one date): flagged, not invented', () => {
    const r = report(SCENARIO, { prices: new Map([['X', SCENARIO_CLOSES]]), to: '2024-03-04' });
    expect(r.mwr).toBeNull();
    expect(r.flags).toContainEqual(
      expect.objectContaining({ kind: 'undefinedMeasure', measure: 'mwr' }),
    );
  });
});

describe('a short window with a large return', () => {
  it('reports +50 % for a one-day +50 % window, not the annual XIRR 1.5^365 − 1 ≈ 1.9e64', () => {
    const rows = ledgerRows([
      { type: 'deposit', date: '2024-03-04', amount: 1000 },
      { type: 'buy', date: '2024-03-04', symbol: 'X', quantity: 10, price: 100 },
    ]);
    const prices = new Map([['X', closes({ '2024-03-04': 100, '2024-03-05': 150 })]]);
    const r = report(rows, { prices, from: '2024-03-05', to: '2024-03-05' });
    // Base: close of the 4th, 10 × 100 = 1000; the 5th: 10 × 150 = 1500. −1000 then +1500 a day
    // later: per one-day period ρ = 1500/1000 − 1 = 0.5 = the TWR. Annualised that would be
    // 1.5^365 − 1 = e^(365 ln 1.5) − 1 ≈ e^148 ≈ 1.9e64, the kind of figure GIPS forbids.
    expect(r.twr).toBeCloseTo(0.5, 14);
    expect(r.mwr).toBeCloseTo(0.5, 12);
    expect(r).toMatchObject({ mwrBasis: 'period', windowDays: 1, twrAnnualized: null });
    expect(r.warnings.map((w) => w.code)).toEqual(['PARTIAL_PERIOD']); // no MEASURE_UNDEFINED
  });
});

describe('periods and the benchmark', () => {
  // 28 Feb: deposit 1000, buy 10 @ 100 (cash 0); 29 Feb: 110 → 1100; 1 Mar: deposit 100, 121 → 1310;
  // 4 Mar: 108.9 → 1189.
  const rows = ledgerRows([
    { type: 'deposit', date: '2024-02-28', amount: 1000 },
    { type: 'buy', date: '2024-02-28', symbol: 'X', quantity: 10, price: 100 },
    { type: 'deposit', date: '2024-03-01', amount: 100 },
  ]);
  const prices = new Map([
    ['X', closes({ '2024-02-28': 100, '2024-02-29': 110, '2024-03-01': 121, '2024-03-04': 108.9 })],
  ]);
  const bench = adjusted({
    '2024-02-27': 50,
    '2024-02-29': 52,
    '2024-03-01': 52.52,
    '2024-03-04': 51.48,
  });

  it('compounds daily TWRs by month and gives the benchmark over the same periods', () => {
    const r = report(rows, {
      prices,
      to: '2024-03-04',
      benchmark: new BenchmarkSeries('B', bench),
    });
    // Feb: 1000/1000 × 1100/1000 − 1 = 0.10; Mar: 1310/(1100 + 100) × 1189/1310 − 1 = 1189/1200 − 1.
    // Benchmark Feb: A(29 Feb)/A(27 Feb) − 1 = 52/50 − 1 = 0.04; Mar: 51.48/52 − 1 = −0.01.
    expect(r.periods.map((p) => p.period)).toEqual(['2024-02', '2024-03']);
    expect(r.periods[0]).toMatchObject({
      start: '2024-02-28',
      end: '2024-02-29',
      flows: 1000,
      endValue: 1100,
    });
    expect(r.periods[1]).toMatchObject({ start: '2024-03-01', end: '2024-03-04', flows: 100 });
    expect(r.periods[1]!.endValue).toBeCloseTo(1189, 9);
    expect(r.periods[0]!.twr).toBeCloseTo(0.1, 14);
    expect(r.periods[1]!.twr).toBeCloseTo(1189 / 1200 - 1, 14);
    expect(r.periods[0]!.benchmarkTwr).toBeCloseTo(0.04, 14);
    expect(r.periods[1]!.benchmarkTwr).toBeCloseTo(-0.01, 14);
    // Whole window: 1.1 × 1189/1200 − 1 vs 51.48/50 − 1 = 0.0296; excess is the difference.
    const twr = 1.1 * (1189 / 1200) - 1;
    expect(r.twr).toBeCloseTo(twr, 14);
    expect(r.benchmark!.symbol).toBe('B');
    expect(r.benchmark!.twr).toBeCloseTo(0.0296, 14);
    expect(r.benchmark!.excess).toBeCloseTo(twr - 0.0296, 14);
    // Feb starts on the 28th (partial), March ends on the 4th (partial).
    expect(
      r.flags
        .filter((f) => f.kind === 'partialPeriod')
        .map((f) => f.kind === 'partialPeriod' && f.period),
    ).toEqual(['2024-02', '2024-03']);
  });

  it('labels quarters and years, and flags a carried benchmark close', () => {
    const short = bench.filter((p) => p.date !== '2024-03-04');
    const q = report(rows, {
      prices,
      to: '2024-03-04',
      frequency: 'quarterly',
      benchmark: new BenchmarkSeries('B', short),
    });
    expect(q.periods.map((p) => p.period)).toEqual(['2024-Q1']);
    expect(q.periods[0]!.twr).toBeCloseTo(1.1 * (1189 / 1200) - 1, 14);
    // 4 March takes the 1 March close: 52.52/50 − 1 = 0.0504.
    expect(q.benchmark!.twr).toBeCloseTo(0.0504, 14);
    expect(q.flags).toContainEqual({
      kind: 'benchmarkCarried',
      symbol: 'B',
      date: '2024-03-04',
      priceDate: '2024-03-01',
    });
    expect(periodLabel('2024-11-05', 'annual')).toBe('2024');
    expect(periodLabel('2024-11-05', 'quarterly')).toBe('2024-Q4');
  });

  it('fails when the benchmark starts after the base day, and on bad adjusted closes', () => {
    const late = new BenchmarkSeries(
      'B',
      bench.filter((p) => p.date >= '2024-02-29'),
    );
    expect(() => report(rows, { prices, to: '2024-03-04', benchmark: late })).toThrow(
      expect.objectContaining({ code: 'DATA_UNAVAILABLE' }) as BallastError,
    );
    expect(() => new BenchmarkSeries('B', adjusted({ '2024-01-02': -1 }))).toThrow(
      /must be positive/,
    );
    expect(() => new BenchmarkSeries('B', adjusted({ '2024-01-03': 1, '2024-01-02': 2 }))).toThrow(
      /ascending/,
    );
  });
});

describe('annualisation over more than a year', () => {
  it('annualises TWR geometrically on 293 daily returns and MWR on Actual/365', () => {
    const rows = ledgerRows([
      { type: 'deposit', date: '2023-01-03', amount: 1000 },
      { type: 'buy', date: '2023-01-03', symbol: 'X', quantity: 10, price: 100 },
    ]);
    const prices = new Map([['X', closes({ '2023-01-03': 100, '2024-03-04': 121 })]]);
    const r = report(rows, { prices, to: '2024-03-04', frequency: 'annual' });
    expect(r.twr).toBeCloseTo(0.21, 14);
    // Daily returns from 3 Jan 2023 to 4 Mar 2024: 250 NYSE days in 2023 + 21 (Jan 2024)
    // + 20 (Feb 2024) + 2 = 293 → 1.21^(252/293) − 1.
    expect(r.twrAnnualized).toBeCloseTo(1.21 ** (252 / 293) - 1, 14);
    // One deposit: XIRR closed form 1.21^(365/426) − 1 (3 Jan 2023 → 4 Mar 2024 = 426 days).
    expect(r.mwr).toBeCloseTo(1.21 ** (365 / 426) - 1, 10);
    expect(r.mwrBasis).toBe('annual');
    expect(r.periods.map((p) => [p.period, p.start, p.end])).toEqual([
      ['2023', '2023-01-03', '2023-12-29'],
      ['2024', '2024-01-02', '2024-03-04'],
    ]);
    // Held at the 3 Jan 2023 close from 4 Jan 2023 to 1 Mar 2024: one carried run.
    expect(r.flags).toContainEqual({
      kind: 'carriedClose',
      symbol: 'X',
      from: '2023-01-04',
      to: '2024-03-01',
      priceDate: '2023-01-03',
    });
  });
});

describe('undefined returns are errors for the portfolio and flags for an account', () => {
  // A: deposit 100, buy 10 @ 10; next day sell all @ 12 and withdraw 120 (start-of-day base
  // 100 − 120 < 0). B: deposit 1000 cash.
  const rows = ledgerRows([
    { type: 'deposit', date: '2024-03-04', account: 'A', amount: 100 },
    { type: 'buy', date: '2024-03-04', account: 'A', symbol: 'X', quantity: 10, price: 10 },
    { type: 'deposit', date: '2024-03-04', account: 'B', amount: 1000 },
    { type: 'sell', date: '2024-03-05', account: 'A', symbol: 'X', quantity: 10, price: 12 },
    { type: 'withdrawal', date: '2024-03-05', account: 'A', amount: 120 },
  ]);
  const prices = new Map([['X', closes({ '2024-03-04': 10, '2024-03-05': 12 })]]);

  it('flags the account whose start-of-day base is negative and keeps the total', () => {
    const r = report(rows, { prices, to: '2024-03-06' });
    // Total: 1100 → (1100 − 120) base, end 1000: 1000/980 − 1; then a flat day.
    expect(r.twr).toBeCloseTo(1000 / 980 - 1, 14);
    expect(r.accounts).toEqual([
      { account: 'A', endValue: 0, twr: null },
      { account: 'B', endValue: 1000, twr: 0 },
    ]);
    expect(r.flags).toContainEqual(
      expect.objectContaining({ kind: 'undefinedMeasure', measure: 'twr of account A' }),
    );
  });

  it('with end-of-day flows the account return is defined: (0 + 120)/100 − 1 = 20 %', () => {
    const r = report(rows, { prices, to: '2024-03-06', flowTiming: 'endOfDay' });
    expect(r.accounts[0]!.twr).toBeCloseTo(0.2, 14);
    // Total, end of day: (1000 + 120)/1100 − 1.
    expect(r.twr).toBeCloseTo(1120 / 1100 - 1, 14);
  });

  it('an account-level daily return with a non-positive base is INVALID_INPUT naming the day', () => {
    const h = portfolioHistory({ transactions: rows, prices, calendar, to: '2024-03-05' });
    expect(() => dailyReturns(accountPoints(h.days, 'A'))).toThrow(/on 2024-03-05 .* not positive/);
  });
});

describe('mwrOf', () => {
  it('rethrows errors other than "no XIRR answer" (a non-finite value)', () => {
    expect(() =>
      mwrOf([
        { date: '2024-03-01', value: 100 },
        { date: '2024-03-04', value: Number.NaN },
      ]),
    ).toThrow(/must be finite/);
  });
});

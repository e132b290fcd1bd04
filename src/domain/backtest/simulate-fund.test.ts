import { describe, expect, it } from 'vitest';
import {
  dailyCarry,
  fundLegs,
  rowsToKeep,
  simulateFunds,
  simulatedReturns,
  spliceSimulated,
  totalExposure,
  type ClosesTable,
  type FundSimulation,
} from './simulate-fund.ts';

/**
 * Simulated funds (docs/backtest.md, "Simulated funds"). Every expected number is written out
 * by hand below from the formula r = Σ e·r_proxy − (L − 1)·(cash + spread)/252 − ER/252.
 */

const DATES = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'];
// The proxy moves +2 %, −2 %, +2 %: 100 → 102 → 99.96 → 101.9592.
const SPY = [100, 102, 99.96, 101.9592];
const NAN = Number.NaN;

function table(columns: Record<string, number[]>, dates = DATES): ClosesTable {
  return {
    ids: Object.keys(columns),
    dates,
    columns: Object.values(columns).map((c) => Float64Array.from(c)),
  };
}

/** A 2× S&P fund: expense ratio 0.9 %, cash 3 %, financing spread 1 %. */
const TWO_X: FundSimulation = {
  symbol: 'SSO',
  legs: [{ proxy: 'SPY', exposure: 2 }],
  expenseRatio: 0.009,
  cashRate: 0.03,
  financingSpread: 0.01,
};

// Daily reset by hand: L = 2 borrows 1 per $1 at 3 % + 1 % = 4 %, plus the 0.9 % fee:
// carry = (1 × 0.04 + 0.009) / 252 = 0.049 / 252 a row.
const CARRY = 0.049 / 252;
const R1 = 2 * 0.02 - CARRY; // 0.04 − 0.000194444 = 0.039805556
const R2 = 2 * -0.02 - CARRY; // −0.04 − 0.000194444 = −0.040194444
const R3 = 2 * 0.02 - CARRY;

describe('simulated fund returns', () => {
  it('a 2× fund over 3 days: twice the proxy less financing and fees, reset daily', () => {
    expect(totalExposure(TWO_X)).toBe(2);
    expect(dailyCarry(TWO_X)).toBeCloseTo(CARRY, 15);
    const r = simulatedReturns(table({ SPY }), TWO_X);
    expect(r[0]).toBeNaN();
    expect(r[1]).toBeCloseTo(0.039805556, 9);
    expect(r[2]).toBeCloseTo(-0.040194444, 9);
    expect(r[3]).toBeCloseTo(R3, 14);
    // Daily reset, not 2× the 3-day return: 1.039805556 × 0.959805556 = 0.998011149,
    // × 1.039805556 = 1.037737537, so +3.7738 % while the proxy gained 1.9592 % (2× would be
    // 3.9184 %).
    const threeDays = (1 + R1) * (1 + R2) * (1 + R3) - 1;
    expect(threeDays).toBeCloseTo(0.0377375, 7);
  });

  it('with no close of its own the fund is an index from 100, every row simulated', () => {
    const { closes, span } = spliceSimulated(
      new Float64Array(4).fill(NAN),
      simulatedReturns(table({ SPY }), TWO_X),
      { symbol: 'SSO', dates: DATES, from: 0 },
    );
    // 100, 100 × 1.039805556 = 103.9805556, × 0.959805556 = 99.8011, × 1.039805556 = 103.7737
    expect(closes[0]).toBe(100);
    expect(closes[1]).toBeCloseTo(103.9805556, 6);
    expect(closes[2]).toBeCloseTo(103.9805556 * (1 + R2), 6);
    expect(closes[3]).toBeCloseTo(100 * (1 + R1) * (1 + R2) * (1 + R3), 9);
    expect(span).toEqual({ symbol: 'SSO', fromRow: 0, toRow: 3, joinRow: null });
  });

  it('splices the simulation backwards so it joins the first real close exactly', () => {
    // The fund's first close is 50 on row 3: row 2 = 50 / (1 + R3), row 1 = that / (1 + R2),
    // row 0 = that / (1 + R1).
    const real = Float64Array.from([NAN, NAN, NAN, 50]);
    const { closes, span } = spliceSimulated(real, simulatedReturns(table({ SPY }), TWO_X), {
      symbol: 'SSO',
      dates: DATES,
      from: 0,
    });
    const c2 = 50 / (1 + R3);
    const c1 = c2 / (1 + R2);
    const c0 = c1 / (1 + R1);
    expect(closes[3]).toBe(50);
    expect(closes[2]).toBeCloseTo(c2, 10);
    expect(closes[1]).toBeCloseTo(c1, 10);
    expect(closes[0]).toBeCloseTo(c0, 10);
    // 50 / (1.039805556 × 0.959805556 × 1.039805556) = 50 / 1.037737537 = 48.18174
    expect(closes[0]).toBeCloseTo(48.18174, 4);
    expect(span).toEqual({ symbol: 'SSO', fromRow: 0, toRow: 2, joinRow: 3 });
    expect(real[0]).toBeNaN(); // the input is not changed
  });

  it('simulates nothing where the real prices exist', () => {
    const real = Float64Array.from([40, 41, 39, 42]);
    const out = spliceSimulated(real, simulatedReturns(table({ SPY }), TWO_X), {
      symbol: 'SSO',
      dates: DATES,
      from: 0,
    });
    expect(out.span).toBeUndefined();
    expect([...out.closes]).toEqual([40, 41, 39, 42]);
    // Real from row 1 on and the window starting on row 1: nothing to simulate either.
    const late = Float64Array.from([NAN, 41, 39, 42]);
    const windowed = spliceSimulated(late, simulatedReturns(table({ SPY }), TWO_X), {
      symbol: 'SSO',
      dates: DATES,
      from: 1,
    });
    expect(windowed.span).toBeUndefined();
    expect([...windowed.closes].slice(1)).toEqual([41, 39, 42]);
  });

  it('simulates only from the window start `from`', () => {
    const real = Float64Array.from([NAN, NAN, NAN, 50]);
    const { closes, span } = spliceSimulated(real, simulatedReturns(table({ SPY }), TWO_X), {
      symbol: 'SSO',
      dates: DATES,
      from: 2,
    });
    expect(closes[0]).toBeNaN();
    expect(closes[1]).toBeNaN();
    expect(closes[2]).toBeCloseTo(50 / (1 + R3), 10);
    expect(span).toEqual({ symbol: 'SSO', fromRow: 2, toRow: 2, joinRow: 3 });
  });

  it('a return-stacked fund: two legs, financing on the exposure above 1', () => {
    // 1.0 of SPY + 1.0 of IEF: L = 2, borrowing 1 at 3 % + 0.5 %, fee 0.95 %.
    const IEF = [50, 49.5, 50, 50.5]; // −1 %, +1.0101 %, +1 %
    const rssb: FundSimulation = {
      symbol: 'RSSB',
      legs: [
        { proxy: 'SPY', exposure: 1 },
        { proxy: 'IEF', exposure: 1 },
      ],
      expenseRatio: 0.0095,
      cashRate: 0.03,
      financingSpread: 0.005,
    };
    const r = simulatedReturns(table({ SPY, IEF }), rssb);
    const carry = (1 * (0.03 + 0.005) + 0.0095) / 252; // 0.0445 / 252
    expect(r[1]).toBeCloseTo(0.02 + -0.01 - carry, 14);
    expect(r[2]).toBeCloseTo(-0.02 + 0.5 / 49.5 - carry, 14);
    expect(r[3]).toBeCloseTo(0.02 + 0.01 - carry, 14);
  });

  it('a fund below 1× holds the rest in cash at the cash rate (no spread)', () => {
    const half: FundSimulation = { ...TWO_X, legs: [{ proxy: 'SPY', exposure: 0.5 }] };
    // (0.5 − 1) × 3 % + 0.9 % = −0.015 + 0.009 = −0.006 a year: it earns 0.6 % / 252 a row.
    expect(dailyCarry(half)).toBeCloseTo(-0.006 / 252, 15);
    expect(simulatedReturns(table({ SPY }), half)[1]).toBeCloseTo(0.01 + 0.006 / 252, 14);
  });

  it('refuses a simulated day of −100 % or worse, naming the fund', () => {
    const crash = [100, 60, 61, 62]; // −40 % at 3× is −120 %
    const threeX: FundSimulation = {
      ...TWO_X,
      symbol: 'UPRO',
      legs: [{ proxy: 'SPY', exposure: 3 }],
    };
    const r = simulatedReturns(table({ SPY: crash }), threeX);
    expect(() =>
      spliceSimulated(new Float64Array(4).fill(NAN), r, { symbol: 'UPRO', dates: DATES, from: 0 }),
    ).toThrow(/simulate\.UPRO: .*2024-01-03.*lost everything/);
    expect(() =>
      spliceSimulated(Float64Array.from([NAN, NAN, NAN, 5]), r, {
        symbol: 'UPRO',
        dates: DATES,
        from: 0,
      }),
    ).toThrow(/simulate\.UPRO/);
  });
});

describe('fund legs from definitions', () => {
  const proxies = new Map([
    ['us_large_equity', 'SPY'],
    ['intl_developed_large_equity', 'VEA'],
    ['emerging_equity', 'VEA'],
    ['broad_ust', 'IEF'],
  ]);

  it('maps exposures through the proxies, adding those that share one', () => {
    // RSSB as config/funds.yaml writes it.
    const legs = fundLegs(
      'RSSB',
      {
        us_large_equity: 0.589,
        intl_developed_large_equity: 0.266,
        emerging_equity: 0.095,
        broad_ust: 0.95,
      },
      proxies,
    );
    expect(legs).toEqual([
      { proxy: 'SPY', exposure: 0.589 },
      { proxy: 'VEA', exposure: 0.266 + 0.095 },
      { proxy: 'IEF', exposure: 0.95 },
    ]);
  });

  it('names an exposure without a proxy and a fund without exposure', () => {
    expect(() =>
      fundLegs('RSST', { us_large_equity: 1.125, trend_following: 1.125 }, proxies),
    ).toThrow(
      /^proxies: RSST has 1\.125 of trend_following per \$1 and trend_following has no proxy/,
    );
    expect(() => fundLegs('X', { us_large_equity: 0 }, proxies)).toThrow(/^simulate\.X: /);
  });
});

describe('rows kept and whole tables', () => {
  it('keeps the rows before a simulated fund starts, drops any other gap', () => {
    const t = table(
      {
        SPY: [100, 101, NAN, 103, 104],
        SSO: [NAN, NAN, 20, NAN, 22],
        AGG: [50, 50, 50, 50, 50],
      },
      [...DATES, '2024-01-08'],
    );
    // Row 2: SPY missing. Row 3: SSO missing after its first close. Rows 0, 1: before SSO.
    expect(rowsToKeep(t, new Set(['SSO']))).toEqual([0, 1, 4]);
    // Not simulated: only the complete row 4.
    expect(rowsToKeep(t, new Set())).toEqual([4]);
    // A simulated fund with no close at all keeps every row the others have.
    const none = table({ SPY: [1, 2, 3, 4], SSO: [NAN, NAN, NAN, NAN] });
    expect(rowsToKeep(none, new Set(['SSO']))).toEqual([0, 1, 2, 3]);
  });

  it('splices each fund, adding a column for a fund the table lacks', () => {
    const t = table({ SPY, SSO: [NAN, NAN, NAN, 50] });
    const upro: FundSimulation = {
      ...TWO_X,
      symbol: 'UPRO',
      legs: [{ proxy: 'SPY', exposure: 3 }],
    };
    const { table: out, spans } = simulateFunds(t, [TWO_X, upro]);
    expect(out.ids).toEqual(['SPY', 'SSO', 'UPRO']);
    expect(out.columns[1]![2]).toBeCloseTo(50 / (1 + R3), 10);
    // UPRO: 3 × 2 % − (2 × 4 % + 0.9 %)/252 on the first row, from 100.
    expect(out.columns[2]![1]).toBeCloseTo(100 * (1 + 0.06 - 0.089 / 252), 10);
    expect(spans).toEqual([
      { symbol: 'SSO', fromRow: 0, toRow: 2, joinRow: 3 },
      { symbol: 'UPRO', fromRow: 0, toRow: 3, joinRow: null },
    ]);
    expect(out.columns[0]).toBe(t.columns[0]);
  });

  it('names a proxy that is not a column or has a close that is not positive', () => {
    expect(() => simulatedReturns(table({ IEF: SPY }), TWO_X)).toThrow(/^proxies: .*SPY/);
    expect(() => simulatedReturns(table({ SPY: [100, 0, 1, 2] }), TWO_X)).toThrow(
      /^prices\.SPY: a proxy's close must be a positive number \(on 2024-01-03\)/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { ledgerRows } from '../../../test/helpers/transactions.ts';
import { BallastError, type ErrorCode } from '../errors.ts';
import { buildLedger } from '../ledger/ledger.ts';
import type { LotMethod } from '../ledger/types.ts';
import type { PriceQuote } from '../valuation/value-positions.ts';
import { planTrades } from './plan-trades.ts';
import type { CurrentHoldings, TradePlanOptions, TradeTargets } from './types.ts';

/** Runs `f`, expecting a BallastError with `code` (and a message matching `message`). */
function expectBallastError(f: () => unknown, code: ErrorCode, message?: RegExp): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(BallastError);
    expect((e as BallastError).code).toBe(code);
    if (message) expect((e as BallastError).message).toMatch(message);
    return;
  }
  throw new Error(`expected a BallastError ${code}`);
}

const quote = (price: number): PriceQuote => ({ price, source: 'prices file p.csv' });

/**
 * $100 000 portfolio incl. −$5 000 margin:
 *   AAA 400 @ 131.25 = 52 500 (one lot, bought 2023-01-04 @ 100)
 *   BBB 1000 @ 52.50 = 52 500 (600 bought 2023-01-04 @ 40, 400 bought 2024-03-01 @ 90)
 *   cash 95 000 − 40 000 − 24 000 − 36 000 = −5 000
 */
function marginPortfolio(method: LotMethod = 'fifo'): CurrentHoldings {
  const ledger = buildLedger(
    ledgerRows([
      { type: 'deposit', date: '2023-01-03', amount: 95_000, account: 'MARGIN' },
      {
        type: 'buy',
        date: '2023-01-04',
        symbol: 'BBB',
        quantity: 600,
        price: 40,
        account: 'MARGIN',
      },
      {
        type: 'buy',
        date: '2023-01-04',
        symbol: 'AAA',
        quantity: 400,
        price: 100,
        account: 'MARGIN',
      },
      {
        type: 'buy',
        date: '2024-03-01',
        symbol: 'BBB',
        quantity: 400,
        price: 90,
        account: 'MARGIN',
      },
    ]),
    { lotMethod: method },
  );
  return {
    lots: ledger.lots,
    cashCents: ledger.cashCents,
    prices: new Map([
      ['AAA', quote(131.25)],
      ['BBB', quote(52.5)],
    ]),
  };
}

const SIXTY_FORTY: TradeTargets = { weightsBySymbol: { AAA: 0.6, BBB: 0.4 } };
const ON: TradePlanOptions = { tradeDate: '2024-06-03' };

describe('planTrades on a margin portfolio (hand arithmetic)', () => {
  it('sizes 60/40 on $100 000 including −$5 000 margin to exact share counts and residual cash', () => {
    // AAA: 0.6 × 100 000 / 131.25 = 457.14 → 457 (remainder .14 < .5): buy 57 = $7 481.25.
    // BBB: 0.4 × 100 000 / 52.50 = 761.90 → 761, remainder .90 ≥ .5 and cash allows → 762:
    //   sell 238 = $12 495.00. Cash: −5 000 + 12 495.00 − 7 481.25 = $13.75 ≥ 0 (no cash line).
    const plan = planTrades(marginPortfolio(), SIXTY_FORTY, ON);
    expect(plan.totalValueCents).toBe(10_000_000);
    expect(plan.trades.map((t) => [t.side, t.symbol, t.quantity, t.grossCents])).toEqual([
      ['sell', 'BBB', 238, 1_249_500],
      ['buy', 'AAA', 57, 748_125],
    ]);
    expect(plan.cashBeforeCents).toBe(-500_000);
    expect(plan.cashAfterCents).toBe(1_375);
    expect(plan.cashAfterByAccount).toEqual({ MARGIN: 1_375 });
    // Achieved: AAA 457 × 131.25 = 59 981.25, BBB 762 × 52.50 = 40 005.00, cash 13.75.
    const [aaa, bbb] = plan.positions;
    expect(aaa).toMatchObject({ symbol: 'AAA', finalQuantity: 457, currentQuantity: 400 });
    expect(aaa!.achievedWeight).toBeCloseTo(0.5998125, 12);
    expect(aaa!.drift).toBeCloseTo(-0.0001875, 12);
    expect(bbb!.achievedWeight).toBeCloseTo(0.40005, 12);
    expect(plan.cash.achievedWeight).toBeCloseTo(0.0001375, 12);
    expect(plan.warnings).toEqual([]);
  });

  it('estimates realised gains by term with the relief method (FIFO vs HIFO)', () => {
    // FIFO sells 238 of the 2023-01-04 lot @ 40: 238 × (52.50 − 40) = +2 975.00, long-term.
    const fifo = planTrades(marginPortfolio('fifo'), SIXTY_FORTY, { ...ON, lotMethod: 'fifo' });
    expect(fifo.trades[0]!.lots).toEqual([
      expect.objectContaining({ lotId: 'L3', quantity: 238, gainCents: 297_500, term: 'long' }),
    ]);
    expect(fifo.totals).toMatchObject({
      realizedLongTermCents: 297_500,
      realizedShortTermCents: 0,
    });
    // HIFO sells 238 of the 2024-03-01 lot @ 90: 238 × (52.50 − 90) = −8 925.00, short-term.
    const hifo = planTrades(marginPortfolio('fifo'), SIXTY_FORTY, { ...ON, lotMethod: 'hifo' });
    expect(hifo.trades[0]!.lots).toEqual([
      expect.objectContaining({ lotId: 'L5', quantity: 238, gainCents: -892_500, term: 'short' }),
    ]);
    expect(hifo.lotMethod).toBe('hifo');
    // The buy closes nothing and opens 57 shares.
    expect(hifo.trades[1]).toMatchObject({ lots: [], opensQuantity: 57 });
  });

  it('sizes on value minus costs so costs are funded, and the cash identity holds to the cent', () => {
    // 10 bps + $1 per trade. Round 1 (V = 100 000): costs 12.50 + 1 and 7.48 + 1 = $21.98.
    // Round 2 (V = 99 978.02): AAA 457.04 → 457; BBB 761.74 → 761, and 762 would leave cash
    // −5 000 + 12 495 − 7 481.25 − 21.98 < 0, so sell 239 = $12 547.50: costs 12.55 + 1 and
    // 7.48 + 1 = $22.03. Round 3 (V = 99 977.97) gives the same trades: settled.
    // Cash: −5 000 + (12 547.50 − 13.55) − (7 481.25 + 8.48) = $44.22.
    const plan = planTrades(marginPortfolio(), SIXTY_FORTY, {
      ...ON,
      costs: { proportionalBps: 10, fixedPerTradeCents: 100 },
    });
    expect(plan.trades.map((t) => [t.symbol, t.quantity, t.costCents, t.cashCents])).toEqual([
      ['BBB', 239, 1_355, 1_253_395],
      ['AAA', 57, 848, -748_973],
    ]);
    expect(plan.sizingValueCents).toBe(10_000_000 - 2_203);
    expect(plan.totals).toMatchObject({
      buysCents: 748_125,
      sellsCents: 1_254_750,
      costsCents: 2_203,
    });
    expect(plan.cashAfterCents).toBe(-500_000 - 748_125 + 1_254_750 - 2_203);
    expect(plan.cashAfterCents).toBe(4_422);
    expect(plan.valueAfterCents).toBe(10_000_000 - 2_203);
  });

  it('keeps an explicit borrowing line: 70/50 with cash −20 % borrows on purpose', () => {
    // AAA 0.7 × 100 000 / 131.25 = 533.33 → 533 (buy 133 = 17 456.25);
    // BBB 0.5 × 100 000 / 52.50 = 952.38 → 952 (sell 48 = 2 520.00).
    // Cash −5 000 + 2 520 − 17 456.25 = −19 936.25 ≥ −20 000 target.
    const plan = planTrades(
      marginPortfolio(),
      {
        weightsBySymbol: { AAA: 0.7, BBB: 0.5 },
        cashWeight: -0.2,
      },
      ON,
    );
    expect(plan.positions.map((p) => p.finalQuantity)).toEqual([533, 952]);
    expect(plan.cashAfterCents).toBe(-1_993_625);
    expect(plan.cash.targetWeight).toBe(-0.2);
    expect(plan.cash.drift).toBeCloseTo(0.0006375, 12);
    expect(plan.warnings).toEqual([]);
  });
});

describe('planTrades rounding options', () => {
  it('buys fractional shares when allowed', () => {
    // AAA 0.6 × 100 000 / 131.25 = 457.142857142… → 457.142857 (step 1e-6).
    const plan = planTrades(marginPortfolio(), SIXTY_FORTY, { ...ON, fractional: true });
    expect(plan.positions[0]!.finalQuantity).toBeCloseTo(457.142857, 9);
    expect(plan.positions[1]!.finalQuantity).toBeCloseTo(761.904762, 9);
    expect(Math.abs(plan.cashAfterCents)).toBeLessThanOrEqual(1);
  });

  it('trades in multiples of a lot size', () => {
    // AAA round lots of 100: 400 + 100k ≤ 457.14 → stays 400 (57 short of target).
    const plan = planTrades(marginPortfolio(), SIXTY_FORTY, { ...ON, lotSizes: { aaa: 100 } });
    expect(plan.positions[0]!.finalQuantity).toBe(400);
    expect(plan.trades.map((t) => t.symbol)).toEqual(['BBB']);
  });

  it('skips trades below the minimum and reports them', () => {
    // BBB sell 238 = $12 495 passes a $10 000 minimum; AAA buy 57 = $7 481.25 does not.
    const plan = planTrades(marginPortfolio(), SIXTY_FORTY, { ...ON, minTradeDollars: 10_000 });
    expect(plan.trades.map((t) => t.symbol)).toEqual(['BBB']);
    expect(plan.skipped).toEqual([
      expect.objectContaining({ symbol: 'AAA', side: 'buy', quantity: 57, valueDollars: 7_481.25 }),
    ]);
    expect(plan.positions[0]!.drift).toBeCloseTo(0.525 - 0.6, 3);
  });

  it('sells held symbols that have no target, lot by lot across accounts', () => {
    const holdings: CurrentHoldings = {
      lots: [
        {
          id: 'L2',
          account: 'IRA',
          symbol: 'CCC',
          acquired: '2020-01-02',
          quantity: 10,
          basisCents: 50_000,
        },
        {
          id: 'L3',
          account: 'TAXABLE',
          symbol: 'CCC',
          acquired: '2021-01-04',
          quantity: 5,
          basisCents: 40_000,
        },
      ],
      cashCents: new Map([
        ['IRA', 0],
        ['TAXABLE', 100_000],
      ]),
      prices: new Map([
        ['CCC', quote(100)],
        ['DDD', quote(25)],
      ]),
    };
    // Value 15 × 100 + 1 000 = $2 500 → DDD 100 shares; all 15 CCC sold: 10 in IRA, 5 in TAXABLE.
    // Cash after sells: IRA 0 + 1 000 = $1 000, TAXABLE 1 000 + 500 = $1 500. DDD is new, so the
    // preferred account is the one with most cash after sells (TAXABLE): 1 500 / 25 = 60 shares
    // there, the other 40 × 25 = 1 000 paid by the IRA's own cash. Nobody borrows.
    const plan = planTrades(holdings, { weightsBySymbol: { DDD: 1 } }, ON);
    expect(plan.trades.map((t) => [t.side, t.symbol, t.account, t.quantity])).toEqual([
      ['sell', 'CCC', 'IRA', 10],
      ['sell', 'CCC', 'TAXABLE', 5],
      ['buy', 'DDD', 'IRA', 40],
      ['buy', 'DDD', 'TAXABLE', 60],
    ]);
    expect(plan.cashAfterByAccount).toEqual({ IRA: 0, TAXABLE: 0 });
    expect(plan.warnings).toEqual([]);
    // With an explicit account every new share goes there (the old single-account behaviour):
    // TAXABLE pays 2 500 from 1 500 → −$1 000, and the planner warns.
    const pinned = planTrades(
      holdings,
      { weightsBySymbol: { DDD: 1 } },
      { ...ON, newPositionAccount: 'TAXABLE' },
    );
    expect(pinned.cashAfterByAccount).toEqual({ IRA: 100_000, TAXABLE: -100_000 });
    expect(pinned.warnings).toEqual([
      {
        code: 'ACCOUNT_CASH_NEGATIVE',
        message: expect.stringContaining(
          'account TAXABLE: cash after trades is -$1000.00 (before: $1000.00)',
        ),
        details: { account: 'TAXABLE', cashAfter: -1000, cashBefore: 1000 },
      },
    ]);
  });

  it('routes buys by cash with costs and lets the preferred account borrow the rest', () => {
    const holdings: CurrentHoldings = {
      lots: [
        {
          id: 'L2',
          account: 'IRA',
          symbol: 'EEE',
          acquired: '2020-01-02',
          quantity: 10,
          basisCents: 100_000,
        },
      ],
      cashCents: new Map([
        ['IRA', 50_500],
        ['MARGIN', 30_000],
      ]),
      prices: new Map([['EEE', quote(100)]]),
    };
    // Value 10 × 100 + 505 + 300 = $1 805; target EEE 150 % with cash −50 %, costs 100 bps +
    // $1 per line. Sizing on value − costs: with costs $18 (below), 1.5 × 1 787 / 100 = 26.8 →
    // 26 whole shares: buy 16. IRA holds EEE (preferred): gross ≤ (505 − 1) / 1.01 = 499.01 →
    // 4 shares (400 + 4 + 1 = $405 ≤ 505). MARGIN next: (300 − 1) / 1.01 = 296.04 → 2 shares
    // (200 + 2 + 1 = $203). The other 10 go to the IRA (preferred), which borrows: one IRA line
    // of 14 = 1 400 + 14 + 1 = $1 415 → IRA 505 − 1 415 = −$910; MARGIN 300 − 203 = $97.
    // Costs 15 + 3 = $18, as assumed; cash −813 ≥ the line −0.5 × 1 787 = −893.5.
    const plan = planTrades(
      holdings,
      { weightsBySymbol: { EEE: 1.5 }, cashWeight: -0.5 },
      { ...ON, costs: { proportionalBps: 100, fixedPerTradeCents: 100 } },
    );
    expect(plan.trades.map((t) => [t.side, t.account, t.quantity, t.costCents])).toEqual([
      ['buy', 'IRA', 14, 1_500],
      ['buy', 'MARGIN', 2, 300],
    ]);
    expect(plan.cashAfterByAccount).toEqual({ IRA: -91_000, MARGIN: 9_700 });
  });

  it('covers a short with a short-term gain before buying', () => {
    const holdings: CurrentHoldings = {
      lots: [
        {
          id: 'L2',
          account: 'A',
          symbol: 'XYZ',
          acquired: '2020-01-02',
          quantity: -100,
          basisCents: -4_000_000,
        },
      ],
      cashCents: new Map([['A', 8_000_000]]),
      prices: new Map([['XYZ', quote(380)]]),
    };
    // Value 80 000 − 38 000 = 42 000 → target 0 XYZ: buy 100 @ 380, gain 100 × (400 − 380).
    const plan = planTrades(holdings, { weightsBySymbol: { XYZ: 0 }, cashWeight: 1 }, ON);
    expect(plan.trades).toEqual([
      expect.objectContaining({
        side: 'buy',
        quantity: 100,
        opensQuantity: 0,
        realizedShortTermCents: 200_000,
      }),
    ]);
  });
});

describe('planTrades errors', () => {
  it('rejects a target symbol without a price, naming it', () => {
    expectBallastError(
      () => planTrades(marginPortfolio(), { weightsBySymbol: { AAA: 0.5, ZZZ: 0.5 } }, ON),
      'DATA_UNAVAILABLE',
      /ZZZ/,
    );
  });

  it('rejects weights that do not sum to 1 without a cash line', () => {
    expectBallastError(
      () => planTrades(marginPortfolio(), { weightsBySymbol: { AAA: 0.6, BBB: 0.3 } }, ON),
      'INVALID_INPUT',
      /sum to 1/,
    );
  });

  it('rejects a bad trade date, minimum, lot size or cost model', () => {
    const bad: Partial<TradePlanOptions>[] = [
      { tradeDate: '2024-13-01' },
      { minTradeDollars: -1 },
      { lotSizes: { AAA: 0 } },
      { costs: { proportionalBps: -1 } },
      { costs: { fixedPerTradeCents: 0.5 } },
    ];
    for (const b of bad) {
      expectBallastError(
        () => planTrades(marginPortfolio(), SIXTY_FORTY, { ...ON, ...b }),
        'INVALID_INPUT',
      );
    }
  });
});

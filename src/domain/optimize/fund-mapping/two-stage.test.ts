import { beforeAll, describe, expect, it } from 'vitest';
import { fromRows } from '../../../core/linalg/matrix.ts';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import type { Lot } from '../../ledger/types.ts';
import { planTrades } from '../../trades/plan-trades.ts';
import type { CurrentHoldings } from '../../trades/types.ts';
import { currentWeights, planTwoStage } from './two-stage.ts';

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

const lot = (symbol: string, quantity: number, cost: number): Lot => ({
  id: `L-${symbol}`,
  account: 'MARGIN',
  symbol,
  acquired: '2023-01-04',
  quantity,
  basisCents: Math.round(quantity * cost * 100),
});
const quote = (price: number) => ({ price, source: 'prices file p.csv' });
const ON = { tradeDate: '2025-01-15' };

describe('planTwoStage', () => {
  /** VTI 100 @ 250 = 25 000, GOVT 500 @ 23 = 11 500, cash 13 500 → $50 000. */
  const holdings: CurrentHoldings = {
    lots: [lot('VTI', 100, 200), lot('GOVT', 500, 25)],
    cashCents: new Map([['MARGIN', 1_350_000]]),
    prices: new Map([
      ['VTI', quote(250)],
      ['GOVT', quote(23)],
      ['DBMF', quote(27.9)],
    ]),
  };
  const covariance = {
    ids: ['us_eq', 'ust', 'trend', 'cash_rate'],
    matrix: fromRows([
      [0.0256, -0.0019, 0.0005, 0],
      [-0.0019, 0.0036, 0.0002, 0],
      [0.0005, 0.0002, 0.0144, 0],
      [0, 0, 0, 0.000025],
    ]),
  };
  const xStar = { us_eq: 0.6, ust: 0.5, trend: 0.1, cash_rate: -0.2 };

  it('equals the single-stage trades when funds map one-to-one to exposures', () => {
    // VTI .6 × 50 000 / 250 = 120 → buy 20; GOVT .5 × 50 000 / 23 = 1086.96 → 1087 (cash
    // allows) → buy 587 = 13 501; DBMF .1 × 50 000 / 27.90 = 179.21 → buy 179 = 4 994.10.
    // Cash 13 500 − 5 000 − 13 501 − 4 994.10 = −9 995.10 ≥ the −20 % line (−10 000).
    const two = planTwoStage(
      highs,
      {
        targetExposures: xStar,
        covariance,
        funds: { VTI: { us_eq: 1 }, GOVT: { ust: 1 }, DBMF: { trend: 1 } },
        holdings,
      },
      { mapping: { borrowing: { maxFraction: 0.25 } }, trades: ON },
    );
    const single = planTrades(
      holdings,
      { weightsBySymbol: { VTI: 0.6, GOVT: 0.5, DBMF: 0.1 }, cashWeight: -0.2 },
      ON,
    );
    expect(two.trades.trades).toEqual(single.trades);
    expect(two.trades.trades.map((t) => [t.side, t.symbol, t.quantity])).toEqual([
      ['buy', 'DBMF', 179],
      ['buy', 'GOVT', 587],
      ['buy', 'VTI', 20],
    ]);
    expect(two.trades.cashAfterCents).toBe(-999_510);
    expect(Math.abs(two.mapping.cashWeight + 0.2)).toBeLessThanOrEqual(1e-12);
  });

  it('sells a fund the mapping does not use and buys a stacked fund under a notional cap', () => {
    // BND 200 @ 72 = 14 400 + cash 5 600 = $20 000. x* = 90 % equity + 90 % Treasuries,
    // cash −80 %; without borrowing and with notional ≤ 1, only RSSB (1 + 1 per $1) reaches it:
    // RSSB .9 → .9 × 20 000 / 23.10 = 779.2 → 779 = 17 994.90; sell 200 BND = 14 400.
    // Cash 5 600 + 14 400 − 17 994.90 = 2 005.10.
    const bondHolder: CurrentHoldings = {
      lots: [lot('BND', 200, 80)],
      cashCents: new Map([['MARGIN', 560_000]]),
      prices: new Map([
        ['BND', quote(72)],
        ['RSSB', quote(23.1)],
      ]),
    };
    const plan = planTwoStage(
      highs,
      {
        targetExposures: { us_eq: 0.9, ust: 0.9, cash_rate: -0.8 },
        covariance: {
          ids: ['us_eq', 'ust', 'cash_rate'],
          matrix: fromRows([
            [0.0256, -0.0019, 0],
            [-0.0019, 0.0036, 0],
            [0, 0, 0],
          ]),
        },
        funds: { RSSB: { us_eq: 1, ust: 1 }, VTI: { us_eq: 1 }, BND: { ust: 1 } },
        holdings: bondHolder,
      },
      { mapping: { notionalCap: 1 }, trades: ON },
    );
    expect(plan.currentWeights).toEqual({ BND: 0.72 });
    expect(Math.abs(plan.mapping.weightsByFund['RSSB']! - 0.9)).toBeLessThanOrEqual(1e-9);
    expect(plan.mapping.trackingErrorAnnual).toBeLessThanOrEqual(1e-8);
    expect(plan.targets.weightsBySymbol).toHaveProperty('BND'); // held → sold to its 0 target
    expect(plan.targets.weightsBySymbol).not.toHaveProperty('VTI'); // not held, weight 0
    expect(plan.trades.trades.map((t) => [t.side, t.symbol, t.quantity])).toEqual([
      ['sell', 'BND', 200],
      ['buy', 'RSSB', 779],
    ]);
    expect(plan.trades.cashAfterCents).toBe(200_510);
    // The sale realises 200 × (72 − 80) = −1 600, long-term (held since 2023-01-04).
    expect(plan.trades.totals.realizedLongTermCents).toBe(-160_000);
  });

  it('measures stage-2 transaction costs from the holdings', () => {
    // Current weights: VTI 25 000 / 50 000 = .5, GOVT 11 500 / 50 000 = .23, DBMF 0.
    expect(currentWeights(holdings)).toEqual({ GOVT: 0.23, VTI: 0.5 });
    const plan = planTwoStage(
      highs,
      {
        targetExposures: xStar,
        covariance,
        funds: { VTI: { us_eq: 1 }, GOVT: { ust: 1 }, DBMF: { trend: 1 } },
        holdings,
      },
      { mapping: { borrowing: { maxFraction: 0.25 }, costs: { transaction: 0.001 } }, trades: ON },
    );
    const w = plan.mapping.weightsByFund;
    const turnover = Math.abs(w['VTI']! - 0.5) + Math.abs(w['GOVT']! - 0.23) + Math.abs(w['DBMF']!);
    expect(Math.abs(plan.mapping.costs.transaction - 0.001 * turnover)).toBeLessThanOrEqual(1e-12);
    expect(w['VTI']!).toBeLessThan(0.6); // costs hold it back from x*
    expect(w['VTI']!).toBeGreaterThan(0.5);
  });
});

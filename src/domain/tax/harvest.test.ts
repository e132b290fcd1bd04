import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import type { Transaction } from '../ledger/types.ts';
import {
  harvestCandidates,
  purchasesOf,
  type HarvestInput,
  type HarvestLot,
  type Purchase,
} from './harvest.ts';

const ASOF = '2024-06-20';
const RATES = { short: 0.37, long: 0.2 };

/** 100 sh bought at $50 in January 2024: short-term on 2024-06-20. */
const ABC: HarvestLot = {
  id: 'L2',
  account: 'MARGIN',
  symbol: 'ABC',
  acquired: '2024-01-10',
  quantity: 100,
  basisCents: 500_000,
};
/** 200 sh at $30 bought in 2022: long-term on 2024-06-20. */
const XYZ: HarvestLot = {
  id: 'L3',
  account: 'MARGIN',
  symbol: 'XYZ',
  acquired: '2022-01-10',
  quantity: 200,
  basisCents: 600_000,
};

function input(over: Partial<HarvestInput> = {}): HarvestInput {
  return {
    lots: [ABC, XYZ],
    prices: new Map([
      ['ABC', 42],
      ['XYZ', 25],
    ]),
    purchases: [],
    asOf: ASOF,
    thresholdCents: 0,
    rates: RATES,
    ...over,
  };
}

const buy = (over: Partial<Purchase>): Purchase => ({
  date: '2024-01-10',
  account: 'MARGIN',
  symbol: 'ABC',
  quantity: 10,
  lotId: 'L9',
  ...over,
});

function errorOf(run: () => unknown): BallastError {
  try {
    run();
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('harvestCandidates', () => {
  it('values each lot, takes its term and estimates the saving at the rate of the term', () => {
    const r = harvestCandidates(input());
    // ABC: value 100 × 42 = 4,200, basis 5,000: loss −800; short-term: 800 × 0.37 = 296.
    // XYZ: value 200 × 25 = 5,000, basis 6,000: loss −1,000; long-term: 1,000 × 0.20 = 200.
    expect(
      r.candidates.map((c) => [c.symbol, c.lossCents, c.term, c.rate, c.taxSavingCents]),
    ).toEqual([
      ['ABC', -80_000, 'short', 0.37, 29_600],
      ['XYZ', -100_000, 'long', 0.2, 20_000],
    ]);
    expect(r.candidates[0]).toMatchObject({
      account: 'MARGIN',
      lotId: 'L2',
      acquired: '2024-01-10',
      quantity: 100,
      price: 42,
      costBasisCents: 500_000,
      valueCents: 420_000,
      blocked: false,
      blockedBy: [],
    });
    // June has 30 days: 2024-06-20 + 30 = 2024-07-20; − 30: May 31 is −20, May 21 is −30.
    expect([r.windowStart, r.washUntil, r.firstCleanDate]).toEqual([
      '2024-05-21',
      '2024-07-20',
      '2024-07-21',
    ]);
    expect(r.candidates.every((c) => c.washUntil === '2024-07-20')).toBe(true);
  });

  it('is blocked by a purchase 30 days before, in any account (an IRA too), not 31', () => {
    const ira = new Map([['IRA', 'traditional_ira' as const]]);
    const thirty = buy({ date: '2024-05-21', account: 'IRA', quantity: 5, lotId: 'L7' });
    const blocked = harvestCandidates(input({ purchases: [thirty], taxTypes: ira }));
    expect(blocked.candidates.find((c) => c.symbol === 'ABC')).toMatchObject({
      blocked: true,
      blockedBy: [thirty],
    });
    // XYZ is another symbol: not blocked.
    expect(blocked.candidates.find((c) => c.symbol === 'XYZ')!.blocked).toBe(false);
    const thirtyOne = buy({ date: '2024-05-20', account: 'IRA', lotId: 'L7' });
    const clean = harvestCandidates(input({ purchases: [thirtyOne], taxTypes: ira }));
    expect(clean.candidates.find((c) => c.symbol === 'ABC')!.blocked).toBe(false);
    // A purchase on the sale day itself is in the window.
    const today = buy({ date: ASOF, lotId: 'L8' });
    expect(harvestCandidates(input({ purchases: [today] })).candidates[0]!.blocked).toBe(true);
  });

  it('is not blocked by the purchase that opened the lot itself', () => {
    const lot = { ...ABC, id: 'L5', acquired: '2024-06-10' };
    const own = buy({ date: '2024-06-10', quantity: 100, lotId: 'L5' });
    const r = harvestCandidates(input({ lots: [lot], purchases: [own] }));
    expect(r.candidates[0]).toMatchObject({ lotId: 'L5', blocked: false, blockedBy: [] });
  });

  it('is blocked by a purchase of an equivalent symbol, listed by date', () => {
    const equivalents = new Map([
      ['ABC', 'ABC-LIKE'],
      ['ABD', 'ABC-LIKE'],
    ]);
    const later = buy({ date: '2024-06-01', symbol: 'ABD', lotId: 'L12' });
    const earlier = buy({ date: '2024-05-30', symbol: 'ABD', account: 'ROTH', lotId: 'L11' });
    const r = harvestCandidates(input({ purchases: [later, earlier], equivalents }));
    expect(r.candidates[0]).toMatchObject({ symbol: 'ABC', blocked: true });
    expect(r.candidates[0]!.blockedBy).toEqual([earlier, later]);
    // Without the groups, ABD is another fund.
    expect(harvestCandidates(input({ purchases: [later] })).candidates[0]!.blocked).toBe(false);
  });

  it('keeps a loss equal to the threshold and drops one a cent smaller, gains and zero', () => {
    // ABC's loss is exactly $800.00 = 80,000 cents.
    const at = harvestCandidates(input({ thresholdCents: 80_000 }));
    expect(at.candidates.map((c) => c.symbol)).toEqual(['ABC', 'XYZ']);
    const above = harvestCandidates(input({ thresholdCents: 80_001 }));
    expect(above.candidates.map((c) => c.symbol)).toEqual(['XYZ']);
    // At $50 ABC has no loss; at $51 a gain: neither is a candidate even with threshold 0.
    for (const price of [50, 51]) {
      const prices = new Map([['ABC', price]]);
      expect(harvestCandidates(input({ lots: [ABC], prices })).candidates).toEqual([]);
    }
  });

  it('never harvests an IRA lot, a short lot or an unpriced one', () => {
    const ira = { ...ABC, id: 'L20', account: 'IRA' };
    const roth = { ...XYZ, id: 'L21', account: 'ROTH' };
    const short = { ...ABC, id: 'L22', quantity: -10, basisCents: -50_000 };
    const unpriced = { ...ABC, id: 'L23', symbol: 'NOPX' };
    const r = harvestCandidates(
      input({
        lots: [ira, roth, short, unpriced, XYZ],
        taxTypes: new Map([
          ['IRA', 'traditional_ira'],
          ['ROTH', 'roth_ira'],
          ['MARGIN', 'taxable'],
        ]),
      }),
    );
    expect(r.candidates.map((c) => c.lotId)).toEqual(['L3']);
    expect([r.nonTaxableLots, r.shortLots, r.unpriced]).toEqual([2, 1, ['NOPX']]);
  });

  it('takes the term from the wash-adjusted acquisition date when the lot has one', () => {
    // Bought 2024-01-10, but a wash sale moved its holding period to start 2023-01-05: the first
    // anniversary 2024-01-05 is before 2024-06-20, so it is long-term: 800 × 0.20 = 160.
    const lot = { ...ABC, adjustedAcquired: '2023-01-05' };
    const c = harvestCandidates(input({ lots: [lot] })).candidates[0]!;
    expect([c.term, c.taxSavingCents, c.acquired]).toEqual(['long', 16_000, '2024-01-10']);
  });

  it('rounds the saving half away from zero to the cent', () => {
    // 1 share at $10.00 now $8.50: loss 150 cents × 0.37 = 55.5 cents → 56.
    const lot = { ...ABC, quantity: 1, basisCents: 1_000 };
    const c = harvestCandidates(input({ lots: [lot], prices: new Map([['ABC', 8.5]]) }))
      .candidates[0]!;
    expect([c.lossCents, c.taxSavingCents]).toEqual([-150, 56]);
  });

  it('orders by saving, biggest first, and sums the candidates by account and symbol', () => {
    // A second ABC lot: 50 sh at $46 (basis 2,300), value 50 × 42 = 2,100: loss −200, short-term:
    // 200 × 0.37 = 74. ABC in MARGIN: 2 lots, 150 sh, basis 7,300, value 6,300, loss −1,000,
    // saving 296 + 74 = 370 — ahead of XYZ's 200.
    const second = { ...ABC, id: 'L4', quantity: 50, basisCents: 230_000 };
    const r = harvestCandidates(
      input({ lots: [second, ABC, XYZ], purchases: [buy({ date: '2024-06-01', lotId: 'L9' })] }),
    );
    expect(r.candidates.map((c) => [c.lotId, c.taxSavingCents])).toEqual([
      ['L2', 29_600],
      ['L3', 20_000],
      ['L4', 7_400],
    ]);
    expect(r.positions).toEqual([
      {
        account: 'MARGIN',
        symbol: 'ABC',
        lots: 2,
        quantity: 150,
        costBasisCents: 730_000,
        valueCents: 630_000,
        lossCents: -100_000,
        taxSavingCents: 37_000,
        blockedLots: 2,
      },
      {
        account: 'MARGIN',
        symbol: 'XYZ',
        lots: 1,
        quantity: 200,
        costBasisCents: 600_000,
        valueCents: 500_000,
        lossCents: -100_000,
        taxSavingCents: 20_000,
        blockedLots: 0,
      },
    ]);
  });

  it('refuses a threshold that is not whole cents ≥ 0 and a rate outside [0, 1]', () => {
    for (const thresholdCents of [-1, 1.5, Number.NaN])
      expect(errorOf(() => harvestCandidates(input({ thresholdCents }))).details).toMatchObject({
        field: 'thresholdCents',
      });
    expect(
      errorOf(() => harvestCandidates(input({ rates: { short: 1.2, long: 0.2 } }))).details,
    ).toMatchObject({ field: 'rates.short', value: 1.2 });
    expect(
      errorOf(() => harvestCandidates(input({ rates: { short: 0.3, long: Number.NaN } }))).code,
    ).toBe('INVALID_INPUT');
  });
});

describe('purchasesOf', () => {
  const src = (line: number) => ({ file: 't.csv', line });
  const base = { account: 'MARGIN', feesCents: 0 } as const;
  const txs: Transaction[] = [
    { ...base, type: 'deposit', date: '2024-01-02', amountCents: 100_000, source: src(2) },
    {
      ...base,
      type: 'buy',
      date: '2024-01-03',
      symbol: 'ABC',
      quantity: 10,
      price: 5,
      source: src(3),
    },
    {
      ...base,
      type: 'sell',
      date: '2024-02-03',
      symbol: 'ABC',
      quantity: 4,
      price: 6,
      source: src(4),
    },
    {
      ...base,
      type: 'reinvest',
      date: '2024-03-01',
      account: 'IRA',
      symbol: 'XYZ',
      quantity: 0.5,
      price: 20,
      source: src(5),
    },
    {
      ...base,
      type: 'buy',
      date: '2024-07-01',
      symbol: 'ABC',
      quantity: 1,
      price: 5,
      source: src(6),
    },
  ];

  it('lists buys and reinvestments up to the date, each with the lot it opened', () => {
    expect(purchasesOf(txs, '2024-06-30')).toEqual([
      { date: '2024-01-03', account: 'MARGIN', symbol: 'ABC', quantity: 10, lotId: 'L3' },
      { date: '2024-03-01', account: 'IRA', symbol: 'XYZ', quantity: 0.5, lotId: 'L5' },
    ]);
    expect(purchasesOf(txs).map((p) => p.lotId)).toEqual(['L3', 'L5', 'L6']);
  });
});

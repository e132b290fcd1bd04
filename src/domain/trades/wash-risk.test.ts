import { describe, expect, it } from 'vitest';
import { ledgerRows } from '../../../test/helpers/transactions.ts';
import type { TaxType } from '../ledger/accounts.ts';
import { buildLedger } from '../ledger/ledger.ts';
import type { RealizedSlice } from '../ledger/types.ts';
import type { PriceQuote } from '../valuation/value-positions.ts';
import { planTrades } from './plan-trades.ts';
import type { TradePlanOptions } from './types.ts';
import {
  buyWashTrigger,
  equivalenceGroup,
  firstCleanDate,
  sellWashTrigger,
  washIndex,
} from './wash-risk.ts';

const quote = (price: number): PriceQuote => ({ price, source: 'prices file p.csv' });
const ON = '2024-06-03';
const IRA = new Map<string, TaxType>([['IRA', 'traditional_ira']]);

/** Holdings, prices and history of a ledger for `planTrades`. */
function fromLedger(rows: Parameters<typeof ledgerRows>[0], prices: Record<string, number>) {
  const transactions = ledgerRows(rows);
  const ledger = buildLedger(transactions, {});
  return {
    holdings: {
      lots: ledger.lots,
      cashCents: ledger.cashCents,
      prices: new Map(Object.entries(prices).map(([s, p]) => [s, quote(p)])),
    },
    history: { transactions, realized: ledger.realized },
  };
}

describe('wash-sale avoidance for sells', () => {
  // Lines 2–6: TAX deposits 7 400, IRA 590; L4 TAX 10 AAA @ 100 (2022, long-term gain $20 a
  // share at $120); L5 TAX 10 AAA @ 140 (2024-01-02, short-term loss $20 a share); L6 IRA 5 AAA
  // @ 118 bought 2024-05-20 — within 30 days of 2024-06-03, in another account: it washes a
  // loss on AAA. Cash TAX 7 400 − 1 000 − 1 400 = 5 000, IRA 0; value 25 × 120 + 5 000 = 8 000.
  // Target AAA 22.5 % (residual cash): 0.225 × 8 000 / 120 = 15 shares, so sell 10.
  const { holdings, history } = fromLedger(
    [
      { type: 'deposit', date: '2022-01-02', amount: 7_400, account: 'TAX' },
      { type: 'deposit', date: '2022-01-02', amount: 590, account: 'IRA' },
      { type: 'buy', date: '2022-01-03', symbol: 'AAA', quantity: 10, price: 100, account: 'TAX' },
      { type: 'buy', date: '2024-01-02', symbol: 'AAA', quantity: 10, price: 140, account: 'TAX' },
      { type: 'buy', date: '2024-05-20', symbol: 'AAA', quantity: 5, price: 118, account: 'IRA' },
    ],
    { AAA: 120 },
  );
  const targets = { weightsBySymbol: { AAA: 0.225 }, cashWeight: 'residual' as const };
  const base: TradePlanOptions = {
    tradeDate: ON,
    lotSelection: 'losses-first',
    accountTaxTypes: IRA,
    history,
  };

  it('defers the loss lot that would wash: sells the IRA lot, then the old gain lot', () => {
    // losses-first would take L5 (loss) first; it washes, so it goes last: L6 (IRA, no taxable
    // gain) 5 shares, then L4 5 shares: long-term gain 5 × 20 = $100, tax 0.20 × 100 = $20.
    const plan = planTrades(holdings, targets, base);
    expect(plan.trades.map((t) => [t.account, t.quantity, t.lots.map((l) => l.lotId)])).toEqual([
      ['IRA', 5, ['L6']],
      ['TAX', 5, ['L4']],
    ]);
    expect(plan.tax).toMatchObject({
      longTermGainCents: 10_000,
      shortTermGainCents: 0,
      estimatedTaxCents: 2_000,
      washSaleRisks: [],
    });
  });

  it('with avoidWashSales off sells the loss lot and flags it, clean 31 days after the purchase', () => {
    // L5: 10 × (120 − 140) = −$200 short-term; the IRA purchase of 2024-05-20 washes it; a loss
    // sale is clean from 2024-05-20 + 31 days = 2024-06-20.
    const plan = planTrades(holdings, targets, { ...base, avoidWashSales: false });
    expect(plan.trades).toHaveLength(1);
    expect(plan.trades[0]!.lots).toEqual([
      expect.objectContaining({ lotId: 'L5', gainCents: -20_000, washSale: true }),
    ]);
    expect(plan.tax.washSaleRisks).toEqual([
      {
        side: 'sell',
        symbol: 'AAA',
        account: 'TAX',
        quantity: 10,
        lotId: 'L5',
        gainCents: -20_000,
        trigger: {
          kind: 'purchase',
          symbol: 'AAA',
          account: 'IRA',
          date: '2024-05-20',
          quantity: 5,
          lotId: 'L6',
        },
        firstCleanDate: '2024-06-20',
        action: 'flagged',
      },
    ]);
    expect(plan.warnings).toEqual([
      expect.objectContaining({
        code: 'WASH_SALE_RISK',
        message: expect.stringContaining('clean from 2024-06-20'),
      }),
    ]);
  });

  it('flags a loss sold while the plan buys an equivalent', () => {
    // VVV 10 @ 100 (2023) now $80: selling all loses $200; the plan buys 20 WWW @ 40 with the
    // proceeds, and VVV and WWW are one group. Clean from 2024-06-03 + 31 = 2024-07-04.
    const swap = fromLedger(
      [
        { type: 'deposit', date: '2023-01-02', amount: 1_000, account: 'TAX' },
        {
          type: 'buy',
          date: '2023-01-03',
          symbol: 'VVV',
          quantity: 10,
          price: 100,
          account: 'TAX',
        },
      ],
      { VVV: 80, WWW: 40 },
    );
    const plan = planTrades(
      swap.holdings,
      { weightsBySymbol: { VVV: 0, WWW: 1 } },
      {
        tradeDate: ON,
        history: swap.history,
        equivalents: new Map([
          ['VVV', 'S&P 500'],
          ['WWW', 'S&P 500'],
        ]),
      },
    );
    expect(plan.trades.map((t) => [t.side, t.symbol, t.quantity])).toEqual([
      ['sell', 'VVV', 10],
      ['buy', 'WWW', 20],
    ]);
    expect(plan.tax.washSaleRisks).toEqual([
      expect.objectContaining({
        side: 'sell',
        lotId: 'L3',
        gainCents: -20_000,
        trigger: { kind: 'planned buy', symbol: 'WWW', account: 'TAX', quantity: 20, date: ON },
        firstCleanDate: '2024-07-04',
      }),
    ]);
  });
});

describe('wash-sale avoidance for buys', () => {
  // TAX: deposit 10 000, buy 10 BBB @ 50 (L3), sell them @ 40 on 2024-05-20: a $100 loss.
  // Cash 10 000 − 500 + 400 = 9 900. Target CCC 50 % at $50: 0.5 × 9 900 / 50 = 99 shares.
  const { holdings, history } = fromLedger(
    [
      { type: 'deposit', date: '2024-01-02', amount: 10_000, account: 'TAX' },
      { type: 'buy', date: '2024-01-02', symbol: 'BBB', quantity: 10, price: 50, account: 'TAX' },
      { type: 'sell', date: '2024-05-20', symbol: 'BBB', quantity: 10, price: 40, account: 'TAX' },
    ],
    { CCC: 50 },
  );
  const targets = { weightsBySymbol: { CCC: 0.5 }, cashWeight: 'residual' as const };
  const equivalents = new Map([
    ['BBB', 'S&P 500'],
    ['CCC', 'S&P 500'],
  ]);
  const trigger = {
    kind: 'loss sale',
    symbol: 'BBB',
    account: 'TAX',
    date: '2024-05-20',
    quantity: 10,
    lotId: 'L3',
    gainCents: -10_000,
  };

  it('skips a buy of an equivalent of a recent loss sale, reporting drift, the sale and the clean date', () => {
    const plan = planTrades(holdings, targets, { tradeDate: ON, history, equivalents });
    expect(plan.trades).toEqual([]);
    expect(plan.skipped).toEqual([
      {
        symbol: 'CCC',
        side: 'buy',
        quantity: 99,
        valueDollars: 4_950,
        reason: 'would wash the loss of the sale of BBB (TAX) on 2024-05-20; clean from 2024-06-20',
      },
    ]);
    expect(plan.positions[0]!.drift).toBeCloseTo(-0.5, 12);
    expect(plan.tax.washSaleRisks).toEqual([
      {
        side: 'buy',
        symbol: 'CCC',
        quantity: 99,
        trigger,
        firstCleanDate: '2024-06-20',
        action: 'skipped',
      },
    ]);
    expect(plan.warnings.map((w) => w.code)).toEqual(['WASH_SALE_RISK']);
    expect(plan.warnings[0]!.message).toContain('2024-05-20');
    expect(plan.warnings[0]!.details).toMatchObject({
      action: 'skipped',
      firstCleanDate: '2024-06-20',
    });
  });

  it('only flags it with avoidWashSales off; no risk for another group or an IRA loss', () => {
    const flagged = planTrades(holdings, targets, {
      tradeDate: ON,
      history,
      equivalents,
      avoidWashSales: false,
    });
    expect(flagged.trades.map((t) => [t.side, t.symbol, t.quantity])).toEqual([['buy', 'CCC', 99]]);
    expect(flagged.tax.washSaleRisks).toEqual([
      expect.objectContaining({ side: 'buy', account: 'TAX', action: 'flagged', trigger }),
    ]);
    const otherGroup = planTrades(holdings, targets, { tradeDate: ON, history });
    expect(otherGroup.trades).toHaveLength(1);
    expect(otherGroup.tax.washSaleRisks).toEqual([]);
    const ira = planTrades(holdings, targets, {
      tradeDate: ON,
      history,
      equivalents,
      accountTaxTypes: new Map([['TAX', 'roth_ira']]),
    });
    expect(ira.trades).toHaveLength(1);
  });
});

describe('washIndex', () => {
  const transactions = ledgerRows([
    { type: 'buy', date: '2024-05-03', symbol: 'AAA', quantity: 1, price: 1, account: 'TAX' },
    { type: 'buy', date: '2024-05-04', symbol: 'AAA', quantity: 2, price: 1, account: 'TAX' },
    { type: 'reinvest', date: '2024-05-25', symbol: 'aaa', quantity: 3, price: 1, account: 'IRA' },
    { type: 'buy', date: '2024-06-04', symbol: 'AAA', quantity: 4, price: 1, account: 'TAX' },
  ]);
  const slice = (over: Partial<RealizedSlice>): RealizedSlice => ({
    lotId: 'L9',
    symbol: 'BBB',
    account: 'TAX',
    quantity: 5,
    proceedsCents: 0,
    costBasisCents: 0,
    gainCents: -100,
    term: 'short',
    acquired: '2024-01-02',
    disposed: '2024-05-10',
    kind: 'sale',
    ...over,
  });
  const realized = [
    slice({ lotId: 'L7', gainCents: -10_000 }),
    slice({ lotId: 'L8', gainCents: -5_000 }),
    slice({ account: 'IRA', disposed: '2024-05-20', gainCents: -50_000 }),
    slice({ disposed: '2024-05-25', gainCents: 30_000 }),
    slice({ disposed: '2024-05-26', kind: 'cover' }),
    slice({ disposed: '2024-05-02' }),
  ];
  const index = washIndex(
    { transactions, realized },
    { tradeDate: ON, equivalents: new Map(), taxTypes: IRA },
  );

  it('keeps purchases and taxable loss sales of [T − 30, T], a sale day summed', () => {
    // 2024-06-03 − 30 days = 2024-05-04: the buy of 05-03 and the one after T are out.
    expect(sellWashTrigger(index, { id: 'L1', account: 'TAX', symbol: 'AAA' }, [])).toEqual({
      kind: 'purchase',
      symbol: 'AAA',
      account: 'IRA',
      date: '2024-05-25',
      quantity: 3,
      lotId: 'L4',
    });
    // A lot's own purchase does not wash it: the next latest is the buy of 05-04.
    expect(sellWashTrigger(index, { id: 'L4', account: 'TAX', symbol: 'AAA' }, [])?.date).toBe(
      '2024-05-04',
    );
    expect(sellWashTrigger(index, { id: 'L1', account: 'IRA', symbol: 'AAA' }, [])).toBeUndefined();
    // The IRA loss, the gain, the cover and the sale before the window are not loss sales here.
    expect(buyWashTrigger(index, 'bbb')).toEqual({
      kind: 'loss sale',
      symbol: 'BBB',
      account: 'TAX',
      date: '2024-05-10',
      quantity: 10,
      lotId: 'L7',
      gainCents: -15_000,
    });
    expect(buyWashTrigger(index, 'AAA')).toBeUndefined();
    expect(firstCleanDate(buyWashTrigger(index, 'BBB')!)).toBe('2024-06-10');
  });

  it('groups symbols by the equivalents, each other symbol alone', () => {
    const groups = new Map([['VOO', 'S&P 500']]);
    expect(equivalenceGroup(groups, ' voo ')).toBe('S&P 500');
    expect(equivalenceGroup(groups, 'ivv')).toBe('IVV');
  });
});

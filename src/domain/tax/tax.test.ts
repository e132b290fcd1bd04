import { describe, expect, it } from 'vitest';
import { ledgerRows } from '../../../test/helpers/transactions.ts';
import { buildLedger } from '../ledger/ledger.ts';
import { equivalentsFromGroups, groupOf } from './equivalents.ts';
import { CAPITAL_LOSS_LIMIT_CENTS, estimateTax } from './estimate-tax.ts';
import { gainRows, gainTotals } from './gains.ts';

const rates = { shortTerm: 0.35, longTerm: 0.15, state: 0.05, niit: 0.038 };

describe('gainRows and gainTotals', () => {
  const taxTypes = new Map([['IRA', 'roth_ira' as const]]);
  const ledger = buildLedger(
    ledgerRows([
      { type: 'buy', date: '2023-01-03', symbol: 'AAA', quantity: 10, price: 100 },
      { type: 'buy', date: '2024-01-02', symbol: 'BBB', quantity: 100, price: 10 },
      { type: 'buy', date: '2024-01-02', symbol: 'AAA', quantity: 5, price: 100, account: 'IRA' },
      // Long-term: 10 × 120 − 1,000 = +200.
      { type: 'sell', date: '2024-02-01', symbol: 'AAA', quantity: 10, price: 120 },
      // Short-term loss 250, washed in full by the IRA purchase below: lost for good.
      { type: 'sell', date: '2024-03-01', symbol: 'BBB', quantity: 100, price: 7.5 },
      { type: 'buy', date: '2024-03-15', symbol: 'BBB', quantity: 100, price: 8, account: 'IRA' },
      // Inside the IRA: not reportable.
      { type: 'sell', date: '2024-04-01', symbol: 'AAA', quantity: 5, price: 90, account: 'IRA' },
      {
        type: 'transfer_in',
        date: '2025-01-10',
        symbol: 'CCC',
        quantity: 1,
        costPerShare: 40,
        inherited: true,
      },
      // Inherited: long-term though held a month; 55 − 40 = +15.
      { type: 'sell', date: '2025-02-10', symbol: 'CCC', quantity: 1, price: 55 },
    ]),
    { wash: { taxTypes } },
  );

  it('keeps taxable rows, codes W with column g, writes INHERITED, splits parts', () => {
    const rows = gainRows(ledger.realized, { taxTypes });
    expect(rows.map((r) => [r.symbol, r.acquired, r.term, r.part, r.adjustmentCode])).toEqual([
      ['AAA', '2023-01-03', 'long', 'II', ''],
      ['BBB', '2024-01-02', 'short', 'I', 'W'],
      ['CCC', 'INHERITED', 'long', 'II', ''],
    ]);
    expect(rows[1]).toMatchObject({
      proceedsCents: 75_000,
      costBasisCents: 100_000,
      adjustmentCents: 25_000,
      lostCents: 25_000,
      gainCents: 0, // 750 − 1,000 + 250
    });
  });

  it('filters by year and totals by term', () => {
    expect(gainRows(ledger.realized, { taxTypes, year: 2025 }).map((r) => r.symbol)).toEqual([
      'CCC',
    ]);
    const totals = gainTotals(gainRows(ledger.realized, { taxTypes, year: 2024 }));
    expect(totals).toEqual({
      shortTermCents: 0,
      longTermCents: 20_000,
      disallowedCents: 25_000,
      lostCents: 25_000,
      proceedsCents: 120_000 + 75_000,
      costBasisCents: 100_000 + 100_000,
    });
  });
});

describe('estimateTax (Schedule D netting, flat marginal rates)', () => {
  it('taxes both nets when both are gains', () => {
    // 1,000 ST × (0.35 + 0.05 + 0.038) = 438; 2,000 LT × (0.15 + 0.05 + 0.038) = 476.
    const e = estimateTax({ shortTermCents: 100_000, longTermCents: 200_000 }, rates);
    expect(e.taxCents).toBe(43_800 + 47_600);
    expect(e.lossDeductionCents).toBe(0);
  });

  it('a short-term loss offsets a long-term gain, the rest taxed as long-term', () => {
    // −500 ST + 2,000 LT = 1,500 LT × 0.238 = 357.
    const e = estimateTax({ shortTermCents: -50_000, longTermCents: 200_000 }, rates);
    expect(e).toMatchObject({
      taxedShortTermCents: 0,
      taxedLongTermCents: 150_000,
      taxCents: 35_700,
    });
  });

  it('a long-term loss offsets a short-term gain, the rest taxed as short-term', () => {
    // 2,000 ST − 500 LT = 1,500 ST × 0.438 = 657.
    const e = estimateTax({ shortTermCents: 200_000, longTermCents: -50_000 }, rates);
    expect(e).toMatchObject({ taxedShortTermCents: 150_000, taxCents: 65_700 });
  });

  it('a net loss deducts $3,000 at the ordinary rate and carries the rest', () => {
    // Net −5,000: deduct 3,000 × (0.35 + 0.05) = 1,200 saved; carry 2,000.
    const e = estimateTax({ shortTermCents: -100_000, longTermCents: -400_000 }, rates);
    expect(e).toEqual({
      taxedShortTermCents: 0,
      taxedLongTermCents: 0,
      lossDeductionCents: CAPITAL_LOSS_LIMIT_CENTS,
      carryforwardCents: 200_000,
      taxCents: -120_000,
    });
  });

  it('refuses a rate outside [0, 1), naming it', () => {
    expect(() =>
      estimateTax({ shortTermCents: 0, longTermCents: 0 }, { ...rates, state: 1.2 }),
    ).toThrow(/rates\.state: a tax rate is a decimal in \[0, 1\) \(got 1\.2\)/);
  });
});

describe('equivalents', () => {
  it('groups symbols under the first one; others are their own group', () => {
    const eq = equivalentsFromGroups([
      ['voo', 'IVV', 'SPY'],
      ['VTI', 'ITOT'],
    ]);
    expect(groupOf(eq, 'SPY')).toBe('VOO');
    expect(groupOf(eq, 'ITOT')).toBe('VTI');
    expect(groupOf(eq, 'BND')).toBe('BND');
  });

  it('refuses a symbol in two groups', () => {
    expect(() =>
      equivalentsFromGroups([
        ['VOO', 'IVV'],
        ['SPY', 'IVV'],
      ]),
    ).toThrow(/equivalents\[1\]: IVV is already in the group of VOO/);
  });
});

import { describe, expect, it } from 'vitest';
import { ledgerRows } from '../../../test/helpers/transactions.ts';
import { proposeCorporateActions, type CorporateActionBar } from './corporate-actions.ts';
import { buildLedger } from './ledger.ts';
import { mergeIntoLedger } from './ledger-merge.ts';

const bar = (date: string, event: { dividend?: number; split?: number }): CorporateActionBar => ({
  date,
  dividend: event.dividend ?? 0,
  split: event.split ?? 1,
});

const BUY_30 = { type: 'buy', date: '2024-01-02', symbol: 'ABC', quantity: 30, price: 40 } as const;

describe('proposeCorporateActions', () => {
  it('a dividend: shares held × dividend per share, on the ex-date', () => {
    // 30 shares × $0.25 = $7.50.
    const ledger = ledgerRows([BUY_30]);
    const bars = new Map([['ABC', [bar('2024-03-15', { dividend: 0.25 })]]]);
    const { proposed, recorded } = proposeCorporateActions(ledger, bars);
    expect(proposed).toEqual([
      {
        transaction: {
          type: 'dividend',
          date: '2024-03-15',
          account: 'DEFAULT',
          symbol: 'ABC',
          amountCents: 750,
          feesCents: 0,
        },
        shares: 30,
        perShare: 0.25,
      },
    ]);
    expect(recorded).toEqual([]);
  });

  it('a 4-for-1 split while held: one split row of ratio 4, and later dividends on 4× the shares', () => {
    // 30 shares → 120 after the split; then 120 × $0.10 = $12.00.
    const ledger = ledgerRows([BUY_30]);
    const bars = new Map([
      ['ABC', [bar('2024-06-10', { split: 4 }), bar('2024-06-20', { dividend: 0.1 })]],
    ]);
    const { proposed } = proposeCorporateActions(ledger, bars);
    expect(proposed.map((p) => p.transaction)).toEqual([
      {
        type: 'split',
        date: '2024-06-10',
        account: 'DEFAULT',
        symbol: 'ABC',
        ratio: 4,
        feesCents: 0,
      },
      {
        type: 'dividend',
        date: '2024-06-20',
        account: 'DEFAULT',
        symbol: 'ABC',
        amountCents: 1200,
        feesCents: 0,
      },
    ]);
    expect(proposed[0]!.shares).toBe(30);
  });

  it('one split row for all accounts, one dividend row per account (rounded half away from zero)', () => {
    // A holds 10, B holds 5. Dividend 0.333: A 10 × 0.333 = 3.33; B 5 × 0.333 = 1.665 → 1.67.
    const ledger = ledgerRows([
      { type: 'buy', date: '2024-01-02', symbol: 'ABC', quantity: 10, price: 5, account: 'A' },
      { type: 'buy', date: '2024-01-03', symbol: 'ABC', quantity: 5, price: 5, account: 'B' },
    ]);
    const bars = new Map([
      ['ABC', [bar('2024-02-01', { split: 2 }), bar('2024-01-10', { dividend: 0.333 })]],
    ]);
    const { proposed } = proposeCorporateActions(ledger, bars);
    expect(proposed.map((p) => [p.transaction.type, p.transaction.account, p.shares])).toEqual([
      ['dividend', 'A', 10],
      ['dividend', 'B', 5],
      ['split', 'A', 15],
    ]);
    expect(
      proposed.map((p) => ('amountCents' in p.transaction ? p.transaction.amountCents : null)),
    ).toEqual([333, 167, null]);
  });

  it('is not proposed when the ledger already records it, within the documented windows', () => {
    const ledger = ledgerRows([
      BUY_30,
      // Split recorded 3 days before the bar's date (the distribution date): within ±5 days.
      { type: 'split', date: '2024-06-07', symbol: 'ABC', ratio: 4 },
      // Dividend recorded on its pay date, 12 days after the ex-date: within 31 days.
      { type: 'dividend', date: '2024-07-02', symbol: 'ABC', amount: 12 },
      // A reinvested dividend also records one.
      { type: 'reinvest', date: '2024-09-20', symbol: 'ABC', quantity: 0.3, price: 40 },
    ]);
    const bars = new Map([
      [
        'ABC',
        [
          bar('2024-06-10', { split: 4 }),
          bar('2024-06-20', { dividend: 0.1 }),
          bar('2024-09-20', { dividend: 0.1 }),
        ],
      ],
    ]);
    const { proposed, recorded } = proposeCorporateActions(ledger, bars);
    expect(proposed).toEqual([]);
    expect(recorded.map((r) => [r.type, r.date, r.line, r.recordedOn])).toEqual([
      ['split', '2024-06-10', 3, '2024-06-07'],
      ['dividend', '2024-06-20', 4, '2024-07-02'],
      ['dividend', '2024-09-20', 5, '2024-09-20'],
    ]);
  });

  it('a recorded row answers for one event only; outside the window it does not count', () => {
    // Two ex-dates 2024-03-01 and 2024-04-01 (monthly payer); one row on 2024-03-05 records
    // the first, so the second is proposed. A row 40 days after an ex-date does not count.
    const ledger = ledgerRows([
      BUY_30,
      { type: 'dividend', date: '2024-03-05', symbol: 'ABC', amount: 3 },
    ]);
    const bars = new Map([
      ['ABC', [bar('2024-03-01', { dividend: 0.1 }), bar('2024-04-01', { dividend: 0.1 })]],
    ]);
    const { proposed, recorded } = proposeCorporateActions(ledger, bars);
    expect(recorded.map((r) => r.date)).toEqual(['2024-03-01']);
    expect(proposed.map((p) => p.transaction.date)).toEqual(['2024-04-01']);
    const late = proposeCorporateActions(
      ledgerRows([BUY_30, { type: 'dividend', date: '2024-05-11', symbol: 'ABC', amount: 3 }]),
      new Map([['ABC', [bar('2024-04-01', { dividend: 0.1 })]]]),
    );
    expect(late.proposed).toHaveLength(1);
    const wide = proposeCorporateActions(
      ledgerRows([BUY_30, { type: 'dividend', date: '2024-05-11', symbol: 'ABC', amount: 3 }]),
      new Map([['ABC', [bar('2024-04-01', { dividend: 0.1 })]]]),
      { dividendWindowDays: 45 },
    );
    expect(wide.proposed).toEqual([]);
  });

  it('proposes nothing for an account with a symbol-less dividend row in the window (uncertain)', () => {
    const ledger = ledgerRows([
      BUY_30,
      { type: 'buy', date: '2024-01-02', symbol: 'ABC', quantity: 10, price: 40, account: 'B' },
      { type: 'dividend', date: '2024-03-20', amount: 7.5 },
    ]);
    const bars = new Map([['ABC', [bar('2024-03-15', { dividend: 0.25 })]]]);
    const { proposed, uncertain } = proposeCorporateActions(ledger, bars);
    // DEFAULT's row on line 4 may be this dividend; account B has none: 10 × 0.25 = 2.50.
    expect(uncertain).toEqual([
      { type: 'dividend', date: '2024-03-15', symbol: 'ABC', account: 'DEFAULT', lines: [4] },
    ]);
    expect(proposed.map((p) => [p.transaction.account, p.shares])).toEqual([['B', 10]]);
  });

  it('is not proposed after the position was sold, nor before it was bought', () => {
    const ledger = ledgerRows([
      { ...BUY_30, date: '2024-02-01' },
      { type: 'sell', date: '2024-05-01', symbol: 'ABC', quantity: 30, price: 45 },
    ]);
    const bars = new Map([
      [
        'ABC',
        [
          bar('2024-01-15', { dividend: 0.25 }),
          bar('2024-06-10', { split: 4 }),
          bar('2024-06-20', { dividend: 0.25 }),
        ],
      ],
    ]);
    expect(proposeCorporateActions(ledger, bars).proposed).toEqual([]);
  });

  it('ex-date convention: a sale on the ex-date keeps the dividend, a purchase on it does not get it', () => {
    // Held 30 at the close before 2024-03-15; 10 sold and 100 bought on the ex-date: 30 × 0.25.
    const ledger = ledgerRows([
      BUY_30,
      { type: 'sell', date: '2024-03-15', symbol: 'ABC', quantity: 10, price: 41 },
      { type: 'buy', date: '2024-03-15', symbol: 'ABC', quantity: 100, price: 41 },
    ]);
    const bars = new Map([['ABC', [bar('2024-03-15', { dividend: 0.25 })]]]);
    expect(proposeCorporateActions(ledger, bars).proposed.map((p) => p.shares)).toEqual([30]);
  });

  it('follows symbol changes and mergers, and ignores shorts and events past `through`', () => {
    const ledger = ledgerRows([
      { type: 'buy', date: '2024-01-02', symbol: 'OLD', quantity: 10, price: 5 },
      { type: 'sell', date: '2024-01-02', symbol: 'SHO', quantity: 10, price: 5 },
      { type: 'merger', date: '2024-02-01', symbol: 'OLD', toSymbol: 'NEW', ratio: 1.5 },
    ]);
    const bars = new Map([
      ['NEW', [bar('2024-03-01', { dividend: 0.2 }), bar('2024-12-02', { dividend: 0.2 })]],
      ['SHO', [bar('2024-03-01', { dividend: 0.2 })]],
    ]);
    // 10 × 1.5 = 15 NEW × 0.20 = $3.00; the short in SHO gets nothing; December is past `through`.
    const { proposed } = proposeCorporateActions(ledger, bars, { through: '2024-06-30' });
    expect(proposed.map((p) => [p.transaction.symbol, p.shares])).toEqual([['NEW', 15]]);
  });
});

describe('mergeIntoLedger', () => {
  it('appends after the last row without renumbering anything', () => {
    const ledger = ledgerRows([BUY_30]);
    const merged = mergeIntoLedger(ledger, [
      {
        type: 'split',
        date: '2024-06-10',
        account: 'DEFAULT',
        symbol: 'ABC',
        ratio: 4,
        feesCents: 0,
      },
    ]);
    expect(merged.renumbered).toEqual([]);
    expect(merged.added.map((t) => t.source.line)).toEqual([3]);
  });

  it('inserts before same-date rows and renumbers later lots, rewriting the lots lists', () => {
    // Lines 2 buy (L2), 3 buy (L3), 4 sell listing L3. A split dated on line 3's date goes
    // before it: split line 3, the buy moves to line 4 (L3 → L4), the sell to line 5 and its
    // `lots` now name L4.
    const ledger = ledgerRows([
      { type: 'buy', date: '2024-01-02', symbol: 'ABC', quantity: 10, price: 40 },
      { type: 'buy', date: '2024-06-10', symbol: 'ABC', quantity: 8, price: 11 },
      { type: 'sell', date: '2024-07-01', symbol: 'ABC', quantity: 8, price: 12, lots: ['L3'] },
    ]);
    const split = {
      type: 'split',
      date: '2024-06-10',
      account: 'DEFAULT',
      symbol: 'ABC',
      ratio: 4,
      feesCents: 0,
    } as const;
    const merged = mergeIntoLedger(ledger, [split], 'new.csv');
    expect(merged.transactions.map((t) => [t.type, t.source.line])).toEqual([
      ['buy', 2],
      ['split', 3],
      ['buy', 4],
      ['sell', 5],
    ]);
    expect(merged.added[0]!.source).toEqual({ file: 'new.csv', line: 3 });
    expect(merged.renumbered).toEqual([
      { from: 3, to: 4 },
      { from: 4, to: 5 },
    ]);
    expect(merged.transactions[3]).toMatchObject({ lots: ['L4'] });
    // The sale still closes the 8 shares bought at 11: (12 − 11) × 8 = +8.00; the first lot,
    // 10 × 4 = 40 shares at 400 total, stays open.
    const result = buildLedger(merged.transactions);
    expect(result.realized.map((r) => [r.lotId, r.gainCents])).toEqual([['L4', 800]]);
    expect(result.lots.map((l) => [l.id, l.quantity, l.basisCents])).toEqual([['L2', 40, 40000]]);
    // Proposing again on the merged ledger finds the split recorded.
    const again = proposeCorporateActions(
      merged.transactions,
      new Map([['ABC', [bar('2024-06-10', { split: 4 })]]]),
    );
    expect(again.proposed).toEqual([]);
  });

  it('uses a gap in the lines when there is one', () => {
    const ledger = ledgerRows([
      { type: 'buy', date: '2024-01-02', symbol: 'ABC', quantity: 10, price: 40 },
      { type: 'buy', date: '2024-06-10', symbol: 'ABC', quantity: 8, price: 11, line: 9 },
    ]);
    const merged = mergeIntoLedger(ledger, [
      {
        type: 'dividend',
        date: '2024-03-01',
        account: 'DEFAULT',
        symbol: 'ABC',
        amountCents: 100,
        feesCents: 0,
      },
    ]);
    expect(merged.transactions.map((t) => t.source.line)).toEqual([2, 3, 9]);
    expect(merged.renumbered).toEqual([]);
  });
});

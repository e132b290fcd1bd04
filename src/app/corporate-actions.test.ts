import { describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import type { PriceBar } from '../domain/market/types.ts';
import { corporateActions } from './corporate-actions.ts';
import { portfolioCreate } from './portfolio-create.ts';
import { portfolioImport } from './portfolio-import.ts';
import { portfolioPositions } from './portfolio-positions.ts';
import { positions } from './positions.ts';

const LEDGER = [
  'date,type,symbol,quantity,price,amount,fees,account,lots',
  '2024-01-02,deposit,,,,5000,,,',
  '2024-01-02,buy,ABC,30,40,,,,',
  '2024-07-01,sell,ABC,20,12,,,,L3',
].join('\n');
const source = { text: LEDGER, name: 'ledger.csv' };

const bar = (date: string, close: number, event: Partial<PriceBar> = {}): PriceBar => ({
  date,
  close,
  dividend: 0,
  split: 1,
  ...event,
});

/** ABC: a $0.25 dividend going ex on 2024-03-15 and a 4-for-1 split on 2024-06-10. */
const BARS = [
  bar('2024-03-14', 41),
  bar('2024-03-15', 40.5, { dividend: 0.25 }),
  bar('2024-06-07', 44),
  bar('2024-06-10', 11.1, { split: 4 }),
];

async function withBars<T>(work: (d: ReturnType<typeof testDeps>) => Promise<T>): Promise<T> {
  const d = testDeps();
  try {
    const store = await d.store();
    await store.upsertPriceBars('ABC', BARS, {
      source: 'test',
      fetchedAt: '2024-07-01T00:00:00.000Z',
    });
    return await work(d);
  } finally {
    await d.close();
  }
}

describe('corporateActions use case', () => {
  it('proposes the dividend and the split of the stored bars while the shares are held', () =>
    withBars(async (d) => {
      const doc = await corporateActions({ transactions: source }, d);
      // 30 shares × $0.25 = $7.50 on the ex-date; the split while 30 are held: ratio 4.
      expect(doc.proposed).toEqual([
        {
          date: '2024-03-15',
          type: 'dividend',
          symbol: 'ABC',
          account: 'DEFAULT',
          amount: 7.5,
          shares: 30,
          perShare: 0.25,
        },
        {
          date: '2024-06-10',
          type: 'split',
          symbol: 'ABC',
          account: 'DEFAULT',
          ratio: 4,
          shares: 30,
        },
      ]);
      expect(doc.accepted).toBe(false);
      // Both go before the sale on line 4, which moves to line 6 (its own lot id L4 → L6).
      expect(doc.renumbered).toEqual([{ from: 4, to: 6 }]);
      expect(doc.warnings.map((w) => w.code)).toEqual(['LOT_IDS_RENUMBERED']);
      expect(doc).not.toHaveProperty('ledgerCsv');
    }));

  it('accepting a file gives the merged ledger; reading it back proposes nothing', () =>
    withBars(async (d) => {
      const doc = await corporateActions({ transactions: source, accept: true }, d);
      expect(doc.accepted).toBe(true);
      expect(doc.proposed.map((p) => p.line)).toEqual([4, 5]);
      expect(doc.ledgerCsv?.split('\n').slice(3, 6)).toEqual([
        '2024-03-15,dividend,ABC,,,7.50,,DEFAULT,,',
        '2024-06-10,split,ABC,4,,,,DEFAULT,,',
        '2024-07-01,sell,ABC,20,12,,,DEFAULT,L3,',
      ]);
      const merged = { text: doc.ledgerCsv!, name: 'merged.csv' };
      const again = await corporateActions({ transactions: merged }, d);
      expect(again.proposed).toEqual([]);
      expect(again.recorded.map((r) => [r.type, r.line])).toEqual([
        ['dividend', 4],
        ['split', 5],
      ]);
      // The merged ledger: 30 × 4 = 120 shares, 20 sold at 12 against 40 × 30 / 120 = 10 each:
      // +40.00; cash 5000 − 1200 + 7.50 + 240 = 4047.50; dividends 7.50.
      const p = positions({ transactions: merged });
      expect(p.positions.map((x) => [x.symbol, x.quantity])).toEqual([['ABC', 100]]);
      expect(p.realizedTotal.total).toBe(40);
      expect(p.cash).toEqual({ DEFAULT: 4047.5 });
      expect(p.income.dividends).toBe(7.5);
    }));

  it('accepting for a stored portfolio stores the merged ledger in one go; again proposes nothing', () =>
    withBars(async (d) => {
      await portfolioCreate({ name: 'main' }, d);
      await portfolioImport({ name: 'main', transactions: source }, d);
      const doc = await corporateActions({ portfolio: 'main', accept: true }, d);
      expect(doc.source).toEqual({ portfolio: 'main' });
      expect(doc.proposed).toHaveLength(2);
      const stored = await portfolioPositions({ portfolio: 'main' }, d);
      expect(stored.income.dividends).toBe(7.5);
      expect(stored.positions.map((x) => [x.symbol, x.quantity])).toEqual([['ABC', 100]]);
      const again = await corporateActions({ portfolio: 'main', accept: true }, d);
      expect([again.proposed, again.accepted]).toEqual([[], false]);
    }));

  it('says which held symbols have no stored bars, and refuses a bad window', () =>
    withBars(async (d) => {
      const text = `${LEDGER}\n2024-07-02,buy,XYZ,1,10,,,,`;
      const doc = await corporateActions({ transactions: { text, name: 'l.csv' } }, d);
      expect(doc.unpriced).toEqual(['XYZ']);
      expect(doc.warnings.map((w) => w.code)).toContain('NO_STORED_PRICES');
      const error = await rejection(
        corporateActions({ transactions: source, dividendWindowDays: -1 }, d),
      );
      expect([error.code, error.details['field']]).toEqual(['INVALID_INPUT', 'dividendWindowDays']);
    }));
});

describe('symbol_change and merger rows through the positions use cases', () => {
  const MERGERS = [
    'date,type,symbol,quantity,price,amount,fees,account,lots,acquired,to_symbol,to_price',
    '2020-03-02,buy,OLD,100,10,,,,,,,',
    '2020-05-01,buy,FB,30,300,,1,,,,,',
    '2021-03-03,merger,OLD,0.5,4,,,,,,NEW,24',
    '2022-06-09,symbol_change,FB,,,,,,,,META,',
  ].join('\n');
  const ledger = { text: MERGERS, name: 'mergers.csv' };

  it('a file and the stored portfolio imported from it give the same positions', async () => {
    const fromFile = positions({ transactions: ledger });
    // Merger: cash 100 × 4 = 400 against new shares 50 × 24 = 1,200: the cash takes
    // 400 / 1,600 of the 1,000 basis = 250 and realises +150; NEW keeps 750.
    expect(fromFile.realizedTotal).toEqual({ shortTerm: 0, longTerm: 150, total: 150 });
    expect(fromFile.positions.map((p) => [p.symbol, p.quantity, p.costBasisTotal])).toEqual([
      ['META', 30, 9001],
      ['NEW', 50, 750],
    ]);
    const d = testDeps();
    try {
      await portfolioCreate({ name: 'm' }, d);
      await portfolioImport({ name: 'm', transactions: ledger }, d);
      expect(await portfolioPositions({ portfolio: 'm' }, d)).toStrictEqual(fromFile);
    } finally {
      await d.close();
    }
  });
});

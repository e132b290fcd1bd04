import { describe, expect, it } from 'vitest';
import { ledgerRows } from '../../../test/helpers/transactions.ts';
import { buildLedger, type LedgerOptions } from './ledger.ts';
import type { WashRules } from './wash-sales.ts';

type Rows = Parameters<typeof ledgerRows>[0];

const run = (rows: Rows, wash: WashRules = {}, options: LedgerOptions = {}) =>
  buildLedger(ledgerRows(rows), { ...options, wash });

const buy = (date: string, quantity: number, price: number, extra = {}) =>
  ({ type: 'buy', date, symbol: 'XYZ', quantity, price, ...extra }) as const;
const sell = (date: string, quantity: number, price: number, extra = {}) =>
  ({ type: 'sell', date, symbol: 'XYZ', quantity, price, ...extra }) as const;

describe('wash sales: IRS Pub. 550 and worked cases', () => {
  it("Pub. 550's example: $250 disallowed, new basis $1,050, holding period tacked on", () => {
    // Buy 100 for $1,000, sell for $750, buy 100 within 30 days for $800.
    const ledger = run([
      buy('2024-01-02', 100, 10),
      sell('2024-03-01', 100, 7.5),
      buy('2024-03-15', 100, 8),
    ]);
    expect(ledger.realized).toEqual([
      expect.objectContaining({
        proceedsCents: 75_000,
        costBasisCents: 100_000,
        washDisallowedCents: 25_000, // 1,000 − 750
        gainCents: 0, // −250 + 250
      }),
    ]);
    // Held 2024-01-02 → 2024-03-01: 29 (Jan) + 29 (Feb, leap) + 1 = 59 days;
    // 2024-03-15 − 59 days: −14 → 03-01, −29 → 02-01, −16 → 01-16.
    expect(ledger.lots).toEqual([
      expect.objectContaining({
        acquired: '2024-03-15',
        adjustedAcquired: '2024-01-16',
        basisCents: 105_000, // 800 + 250
        washCents: 25_000,
        quantity: 100,
      }),
    ]);
  });

  it('without wash rules the same ledger realises the full loss', () => {
    const ledger = buildLedger(
      ledgerRows([
        buy('2024-01-02', 100, 10),
        sell('2024-03-01', 100, 7.5),
        buy('2024-03-15', 100, 8),
      ]),
    );
    expect(ledger.realized[0]!.gainCents).toBe(-25_000);
    expect(ledger.realized[0]!.washDisallowedCents).toBeUndefined();
    expect(ledger.lots[0]!.basisCents).toBe(80_000);
  });

  it('partial replacement disallows the loss in proportion to the shares bought', () => {
    // Loss 100 × (10 − 7.5) = 250; 40 replacement shares → 250 × 40/100 = 100 disallowed.
    const ledger = run([
      buy('2024-01-02', 100, 10),
      sell('2024-03-01', 100, 7.5),
      buy('2024-03-10', 40, 8),
    ]);
    expect(ledger.realized[0]).toMatchObject({ washDisallowedCents: 10_000, gainCents: -15_000 });
    expect(ledger.lots).toEqual([
      expect.objectContaining({ quantity: 40, basisCents: 42_000 }), // 320 + 100
    ]);
  });

  it('a purchase before the sale replaces (the sold lot is never its own replacement)', () => {
    // FIFO sells the January lot at a loss of 250; the 15-February lot (15 days before) replaces.
    const ledger = run([
      buy('2024-01-02', 100, 10),
      buy('2024-02-15', 100, 8),
      sell('2024-03-01', 100, 7.5),
    ]);
    expect(ledger.realized[0]).toMatchObject({
      lotId: 'L2',
      washDisallowedCents: 25_000,
      gainCents: 0,
    });
    // Held 59 days (as above); 2024-02-15 − 59 days: −31 → 01-15, −28 → 2023-12-18.
    expect(ledger.lots).toEqual([
      expect.objectContaining({
        id: 'L3',
        basisCents: 105_000, // 800 + 250
        adjustedAcquired: '2023-12-18',
      }),
    ]);
  });

  it('several replacement lots absorb the loss in acquisition order, one loss per share', () => {
    // Loss 100 × (10 − 7) = 300, $3 a share. Replacements: 30 → 90, 50 → 150, then 20 of the
    // 40-share lot → 60 (that lot splits: 20 washed at 20 × 8 + 60 = 220, 20 plain at 160).
    const ledger = run([
      buy('2024-01-02', 100, 10),
      sell('2024-03-01', 100, 7),
      buy('2024-03-06', 30, 8),
      buy('2024-03-11', 50, 8),
      buy('2024-03-21', 40, 8),
    ]);
    expect(ledger.realized[0]).toMatchObject({ washDisallowedCents: 30_000, gainCents: 0 });
    const lots = ledger.lots.map((l) => [l.id, l.quantity, l.basisCents, l.washCents ?? 0]);
    expect(lots).toEqual([
      ['L4', 30, 24_000 + 9_000, 9_000],
      ['L5', 50, 40_000 + 15_000, 15_000],
      ['L6', 20, 16_000, 0],
      ['L6', 20, 16_000 + 6_000, 6_000],
    ]);
  });

  it('the window is 30 days either side, leap day counted (±30 washes, ±31 does not)', () => {
    const old = buy('2023-06-01', 100, 10);
    const loss = sell('2024-03-01', 100, 7.5);
    // 2024-03-01 + 30 days = 2024-03-31; − 30 days = 2024-01-31 (February 2024 has 29 days).
    const after30 = run([old, loss, buy('2024-03-31', 100, 8)]);
    const after31 = run([old, loss, buy('2024-04-01', 100, 8)]);
    expect(after30.realized[0]!.washDisallowedCents).toBe(25_000);
    expect(after31.realized[0]!.washDisallowedCents).toBeUndefined();
    const before30 = run([old, buy('2024-01-31', 100, 8), loss]);
    const before31 = run([old, buy('2024-01-30', 100, 8), loss]);
    expect(before30.realized[0]!.washDisallowedCents).toBe(25_000);
    expect(before31.realized[0]!.washDisallowedCents).toBeUndefined();
  });

  it('a replacement bought in an IRA disallows the loss for good and adjusts no basis', () => {
    const ledger = run(
      [
        buy('2024-01-02', 100, 10),
        sell('2024-03-01', 100, 7.5),
        buy('2024-03-15', 100, 8, { account: 'IRA' }),
      ],
      { taxTypes: new Map([['IRA', 'traditional_ira']]) },
    );
    expect(ledger.realized[0]).toMatchObject({
      washDisallowedCents: 25_000,
      washLostCents: 25_000,
      gainCents: 0,
    });
    expect(ledger.lots).toEqual([expect.objectContaining({ account: 'IRA', basisCents: 80_000 })]);
    expect(ledger.lots[0]!.adjustedAcquired).toBeUndefined();
  });

  it('losses inside an IRA are not tested (they are not reportable)', () => {
    const ira = { account: 'ROTH' };
    const ledger = run(
      [
        buy('2024-01-02', 100, 10, ira),
        sell('2024-03-01', 100, 7.5, ira),
        buy('2024-03-15', 100, 8),
      ],
      { taxTypes: new Map([['ROTH', 'roth_ira']]) },
    );
    expect(ledger.realized[0]!.washDisallowedCents).toBeUndefined();
    expect(ledger.lots[0]!.basisCents).toBe(80_000);
  });

  it('purchases in another account and of an equivalent symbol replace', () => {
    const ledger = run(
      [
        buy('2024-01-02', 100, 10),
        sell('2024-03-01', 100, 7.5),
        { type: 'buy', date: '2024-03-05', symbol: 'IVV', quantity: 100, price: 8, account: 'B' },
      ],
      {
        equivalents: new Map([
          ['XYZ', 'SP500'],
          ['IVV', 'SP500'],
        ]),
      },
    );
    expect(ledger.realized[0]!.washDisallowedCents).toBe(25_000);
    expect(ledger.lots[0]).toMatchObject({ symbol: 'IVV', account: 'B', basisCents: 105_000 });
    // Not declared equivalent: nothing washes.
    const plain = run([
      buy('2024-01-02', 100, 10),
      sell('2024-03-01', 100, 7.5),
      { type: 'buy', date: '2024-03-05', symbol: 'IVV', quantity: 100, price: 8 },
    ]);
    expect(plain.realized[0]!.washDisallowedCents).toBeUndefined();
  });

  it('the rest of a lot bought within 30 days replaces by default, not when told otherwise', () => {
    // Buy 100 @ 10 on 02-20, sell 50 @ 8 on 03-01: loss 50 × 2 = 100. Held 10 days (02-20 →
    // 02-29 is 9, +1); the 50 shares left replace: basis 500 + 100, acquired 02-20 − 10 = 02-10.
    const rows = [buy('2024-02-20', 100, 10), sell('2024-03-01', 50, 8)];
    const conservative = run(rows);
    expect(conservative.realized[0]).toMatchObject({ washDisallowedCents: 10_000, gainCents: 0 });
    expect(conservative.lots).toEqual([
      expect.objectContaining({ quantity: 50, basisCents: 60_000, adjustedAcquired: '2024-02-10' }),
    ]);
    const permissive = run(rows, { partialLot: 'not-replacement' });
    expect(permissive.realized[0]!.gainCents).toBe(-10_000);
    expect(permissive.lots[0]!.basisCents).toBe(50_000);
  });

  it('cascading wash sales resolve in date order', () => {
    // 01-02 buy 100 @ 10; 02-01 sell @ 8 (loss 200); 02-10 buy @ 9 → basis 900 + 200 = 1,100,
    // held 30 days → acquired 02-10 − 30 = 01-11. 02-20 sell @ 8.5: 850 − 1,100 = −250;
    // 03-01 buy @ 8 → basis 800 + 250 = 1,050, held 01-11 → 02-20 = 40 days → 03-01 − 40 = 01-21.
    const ledger = run([
      buy('2024-01-02', 100, 10),
      sell('2024-02-01', 100, 8),
      buy('2024-02-10', 100, 9),
      sell('2024-02-20', 100, 8.5),
      buy('2024-03-01', 100, 8),
    ]);
    expect(ledger.realized.map((r) => [r.gainCents, r.washDisallowedCents])).toEqual([
      [0, 20_000],
      [0, 25_000],
    ]);
    expect(ledger.realized[1]).toMatchObject({
      costBasisCents: 110_000,
      adjustedAcquired: '2024-01-11',
    });
    expect(ledger.lots).toEqual([
      expect.objectContaining({ basisCents: 105_000, adjustedAcquired: '2024-01-21' }),
    ]);
    // Conservation: purchases 1,000 + 900 + 800 = 2,700 = proceeds 800 + 850 + open basis 1,050.
  });

  it('the tacked-on holding period makes a quick resale long-term', () => {
    // Held 2022-01-03 → 2024-03-01: 730 (two common years) + 31 + 27 = 788 days; rebought
    // 2024-03-05, adjusted to 2022-01-07; sold 2024-04-01 more than a year after → long-term.
    const ledger = run([
      buy('2022-01-03', 10, 10),
      sell('2024-03-01', 10, 8),
      buy('2024-03-05', 10, 8),
      sell('2024-04-01', 10, 9),
    ]);
    expect(ledger.realized[1]).toMatchObject({ adjustedAcquired: '2022-01-07', term: 'long' });
    // Proceeds 90 − basis (80 + 20) = −10: a loss with no purchase after it stays allowed.
    expect(ledger.realized[1]!.gainCents).toBe(-1_000);
  });

  it('gains never wash, and reinvested dividends are purchases', () => {
    const gain = run([
      buy('2024-01-02', 100, 10),
      sell('2024-03-01', 100, 12),
      buy('2024-03-05', 100, 11),
    ]);
    expect(gain.realized[0]).toMatchObject({ gainCents: 20_000 });
    expect(gain.realized[0]!.washDisallowedCents).toBeUndefined();
    const drip = run([
      buy('2024-01-02', 100, 10),
      sell('2024-03-01', 100, 7.5),
      { type: 'reinvest', date: '2024-03-20', symbol: 'XYZ', quantity: 2, price: 8 },
    ]);
    // 2 replacement shares of 100: 250 × 2/100 = 5 disallowed.
    expect(drip.realized[0]!.washDisallowedCents).toBe(500);
    expect(drip.lots[0]!.basisCents).toBe(1_600 + 500);
  });

  it('a split between the sale and the purchase scales the pending shares', () => {
    // 100 sold at a loss of 250, then a 2-for-1 split: 200 new shares replace the 100 sold.
    const ledger = run([
      buy('2024-01-02', 100, 10),
      sell('2024-03-01', 100, 7.5),
      { type: 'split', date: '2024-03-04', symbol: 'XYZ', ratio: 2 },
      buy('2024-03-05', 300, 4),
    ]);
    expect(ledger.realized[0]!.washDisallowedCents).toBe(25_000);
    expect(ledger.lots.map((l) => [l.quantity, l.basisCents])).toEqual([
      [100, 40_000],
      [200, 80_000 + 25_000],
    ]);
  });

  it('a lot split by a wash sale is still sold whole by its id (specific identification)', () => {
    // Loss 40 × (10 − 3.75) = 250; 40 of the 100 shares of L4 replace the 40 sold: L4 splits into
    // 60 plain shares (basis 480) and 40 washed ones (320 + 250); selling lot L4 takes both.
    const ledger = run([
      buy('2024-01-02', 40, 10),
      sell('2024-03-01', 40, 3.75),
      buy('2024-03-05', 100, 8),
      sell('2024-06-03', 100, 9, { lots: ['L4'] }),
    ]);
    expect(ledger.lots).toEqual([]);
    expect(ledger.realized.slice(1).map((r) => [r.lotId, r.quantity, r.costBasisCents])).toEqual([
      ['L4', 60, 48_000],
      ['L4', 40, 32_000 + 25_000],
    ]);
  });

  it('inherited lots are long-term whatever the dates', () => {
    const ledger = buildLedger(
      ledgerRows([
        {
          type: 'transfer_in',
          date: '2024-03-01',
          symbol: 'XYZ',
          quantity: 10,
          costPerShare: 50,
          inherited: true,
        },
        sell('2024-04-01', 10, 60),
      ]),
    );
    expect(ledger.realized[0]).toMatchObject({ term: 'long', inherited: true, gainCents: 10_000 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/iso-date.ts';
import { ledgerRows } from '../../../test/helpers/transactions.ts';
import { buildLedger, type LedgerResult } from './ledger.ts';
import type { LotMethod } from './types.ts';

/** A random long-only ledger over two equivalent symbols in a taxable account and an IRA. */
const step = fc.record({
  gap: fc.integer({ min: 0, max: 20 }),
  buy: fc.boolean(),
  symbol: fc.constantFrom('VOO', 'IVV'),
  account: fc.constantFrom('TAXABLE', 'TAXABLE', 'IRA'),
  quantity: fc.integer({ min: 1, max: 60 }),
  price: fc.integer({ min: 500, max: 1500 }).map((c) => c / 100),
});

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Rows from steps; a sell never exceeds what the account holds of the symbol. */
function rowsOf(steps: readonly Step[]) {
  const held = new Map<string, number>();
  let date = '2024-01-02';
  const rows = [];
  let purchasesCents = 0;
  let proceedsCents = 0;
  for (const s of steps) {
    date = addDays(date, s.gap);
    const key = `${s.account}/${s.symbol}`;
    const have = held.get(key) ?? 0;
    const quantity = s.buy ? s.quantity : Math.min(have, s.quantity);
    if (quantity === 0) continue;
    held.set(key, have + (s.buy ? quantity : -quantity));
    // Whole shares at whole cents: quantity × price is exact in cents.
    if (s.buy) purchasesCents += Math.round(quantity * s.price * 100);
    else proceedsCents += Math.round(quantity * s.price * 100);
    rows.push({
      type: s.buy ? 'buy' : 'sell',
      date,
      symbol: s.symbol,
      quantity,
      price: s.price,
      account: s.account,
    } as const);
  }
  return { rows: ledgerRows(rows), purchasesCents, proceedsCents };
}

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const openBasis = (l: LedgerResult) => sum(l.lots.map((x) => x.basisCents));
const gains = (l: LedgerResult) => sum(l.realized.map((x) => x.gainCents));

describe('wash-sale properties', () => {
  const methods: LotMethod[] = ['fifo', 'lifo', 'hifo'];
  const rules = {
    taxTypes: new Map([['IRA', 'traditional_ira' as const]]),
    equivalents: new Map([
      ['VOO', 'SP500'],
      ['IVV', 'SP500'],
    ]),
  };

  it('basis is conserved: purchases + deferred losses = relieved basis + open basis', () => {
    let washedRuns = 0;
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        fc.constantFrom(...methods),
        (steps, lotMethod) => {
          const { rows, purchasesCents } = rowsOf(steps);
          const ledger = buildLedger(rows, { lotMethod, wash: rules });
          const disallowed = sum(ledger.realized.map((r) => r.washDisallowedCents ?? 0));
          const lost = sum(ledger.realized.map((r) => r.washLostCents ?? 0));
          const relieved = sum(ledger.realized.map((r) => r.costBasisCents));
          expect(relieved + openBasis(ledger)).toBe(purchasesCents + disallowed - lost);
          // The wash adjustments carried by open lots are part of what was deferred.
          const carried = sum(ledger.lots.map((l) => l.washCents ?? 0));
          expect(carried).toBeLessThanOrEqual(disallowed - lost);
          if (disallowed > 0) washedRuns++;
        },
      ),
      { numRuns: 300 },
    );
    // The generator does produce wash sales (30-day windows, two equivalent symbols).
    expect(washedRuns).toBeGreaterThan(30);
  });

  it('gains minus open basis move only by the losses lost to IRA replacements', () => {
    // gain = proceeds − relieved + disallowed and open = purchases + disallowed − lost − relieved,
    // so gain − open = proceeds − purchases + lost, with or without wash rules (lost = 0).
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        fc.constantFrom(...methods),
        (steps, lotMethod) => {
          const { rows, purchasesCents, proceedsCents } = rowsOf(steps);
          const plain = buildLedger(rows, { lotMethod });
          const washed = buildLedger(rows, { lotMethod, wash: rules });
          const lost = sum(washed.realized.map((r) => r.washLostCents ?? 0));
          expect(gains(plain) - openBasis(plain)).toBe(proceedsCents - purchasesCents);
          expect(gains(washed) - openBasis(washed)).toBe(proceedsCents - purchasesCents + lost);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gains never wash, and no sale has more disallowed than its loss', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { rows } = rowsOf(steps);
        const ledger = buildLedger(rows, { wash: rules });
        for (const r of ledger.realized) {
          const disallowed = r.washDisallowedCents ?? 0;
          const before = r.gainCents - disallowed;
          if (before >= 0) expect(disallowed).toBe(0);
          expect(disallowed).toBeLessThanOrEqual(Math.max(0, -before));
          if (r.account === 'IRA') expect(disallowed).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Transaction } from '../../domain/ledger/types.ts';
import { MAX_CENTS } from '../csv/fields.ts';
import { parseTransactionsCsv } from './transactions-csv.ts';
import { formatTransactionsCsv } from './transactions-csv-write.ts';

/**
 * Any ledger a transactions CSV can hold — every type, accounts and lot ids with commas, quotes
 * and line ends, quantities and prices anywhere in the reader's range (down to 5e-324), amounts
 * up to the largest exact cents, lines with gaps — is written and read back identical.
 */

const date = fc
  .record({ y: fc.integer({ min: 1990, max: 2040 }), m: fc.nat(11), d: fc.nat(27) })
  .map(({ y, m, d }) => `${y}-${String(m + 1).padStart(2, '0')}-${String(d + 1).padStart(2, '0')}`);

/** Texts as the store keeps them: trimmed, not empty; with the characters CSV has to quote. */
const text = (exclude: RegExp) =>
  fc
    .oneof(
      fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', ';', 'é', '€') }),
      fc.string({ unit: 'binary', maxLength: 6 }),
    )
    .map((s) => s.trim())
    .filter((s) => s !== '' && !exclude.test(s));
const account = fc.oneof(fc.constantFrom('DEFAULT', 'MARGIN', 'Roth IRA'), text(/^$/));
const lots = fc.array(text(/;/), { minLength: 1, maxLength: 3 });
const symbol = fc.stringMatching(/^[A-Z0-9.^=\-/$]{1,6}$/);

const positive = fc.oneof(
  fc.double({ min: Number.MIN_VALUE, max: 1e15, noNaN: true }),
  fc.integer({ min: 1, max: 100_000 }).map((q) => q / 8),
);
const amount = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.maxSafeNat());
const signed = fc.oneof(
  amount,
  // Negative amounts; never -0, which is no amount of its own (integer columns store it as 0).
  amount.map((c) => (c === 0 ? 0 : -c)),
);
/** A price whose trade with `quantity` stays within the exact cents (the reader's check). */
const priceFor = (quantity: number) =>
  fc
    .oneof(
      fc.double({ min: 0, max: Math.min(1e15, MAX_CENTS / quantity / 100), noNaN: true }),
      fc.integer({ min: 0, max: 50_000 }).map((c) => c / 100),
    )
    .filter((price) => quantity * price * 100 <= MAX_CENTS);

/** The fields of one transaction besides date, account, fees and source; absent ones left out. */
const fields = fc.oneof(
  fc.record(
    { type: fc.constantFrom('buy', 'sell'), symbol, quantity: positive, lots },
    { requiredKeys: ['type', 'symbol', 'quantity'] },
  ),
  fc.record({ type: fc.constant('reinvest'), symbol, quantity: positive }),
  fc.record({ type: fc.constant('split'), symbol, ratio: positive }),
  fc.record(
    { type: fc.constant('transfer_out'), symbol, quantity: positive, lots },
    { requiredKeys: ['type', 'symbol', 'quantity'] },
  ),
  fc.record(
    { type: fc.constant('transfer_in'), symbol, quantity: positive, acquired: date },
    { requiredKeys: ['type', 'symbol', 'quantity'] },
  ),
  fc.record({ type: fc.constant('return_of_capital'), symbol, amountCents: amount }),
  fc.record(
    {
      type: fc.constantFrom('deposit', 'withdrawal', 'fee', 'dividend'),
      amountCents: amount,
      symbol,
    },
    { requiredKeys: ['type', 'amountCents'] },
  ),
  fc.record(
    { type: fc.constant('interest'), amountCents: signed, symbol },
    { requiredKeys: ['type', 'amountCents'] },
  ),
);

/** `tx` with its price: required for trades and reinvestments, optional for transfer_in. */
const priced = (tx: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> => {
  const quantity = tx['quantity'] as number;
  if (tx['type'] === 'transfer_in')
    return fc
      .option(priceFor(quantity), { nil: undefined })
      .map((cost) => (cost === undefined ? tx : { ...tx, costPerShare: cost }));
  if (['buy', 'sell', 'reinvest'].includes(tx['type'] as string))
    return priceFor(quantity).map((price) => ({ ...tx, price }));
  return fc.constant(tx);
};

const row = fc.record({
  date,
  account,
  feesCents: fc.oneof(fc.constant(0), amount),
  gap: fc.oneof(fc.constant(0), fc.nat(3)),
  fields: fields.chain(priced),
});

type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

/** Line feeds in `s` (a quoted field with one spans another line). */
const feeds = (s: string): number => s.split('\n').length - 1;

/** The rows as a ledger, each on the line after the previous row ends plus its gap. */
function ledger(rows: readonly Row[]): Transaction[] {
  let next = 2;
  return rows.map(({ gap, fields: own, ...base }) => {
    const line = next + gap;
    const tall = feeds(base.account) + feeds(((own['lots'] as string[]) ?? []).join(';'));
    next = line + 1 + tall;
    return { ...base, source: { line }, ...own } as unknown as Transaction;
  });
}

describe('formatTransactionsCsv ∘ parseTransactionsCsv', () => {
  it('gives back the same ledger, lines (so lot ids) included', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }).map(ledger), (transactions) => {
        const read = parseTransactionsCsv(formatTransactionsCsv(transactions), 'export.csv');
        expect(read.map((tx) => ({ ...tx, source: { line: tx.source.line } }))).toStrictEqual(
          transactions,
        );
        expect(read.every((tx) => tx.source.file === 'export.csv')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceBuildLedger } from '../../../test/helpers/reference-ledger.ts';
import { ledgerRows } from '../../../test/helpers/transactions.ts';
import { buildLedger, type LedgerOptions } from './ledger.ts';
import type { LotMethod, Transaction } from './types.ts';

/**
 * The indexed ledger (lot-book.ts) against the straightforward replay it replaced, kept as an
 * oracle in test/helpers/reference-ledger.ts: on random ledgers with every transaction type
 * the two give the same result to the last field, or the same error.
 */

const METHODS: readonly LotMethod[] = ['fifo', 'lifo', 'hifo', 'average', 'specific'];
const SYMBOLS = ['AAA', 'BBB', 'CCC'] as const;
const ACCOUNTS = ['A', 'B'] as const;

/** A day in January–April 2023 or 2024 (so some gains are long-term). */
const day = fc.integer({ min: 0, max: 2 * 4 * 28 - 1 }).map((n) => {
  const year = n < 4 * 28 ? 2023 : 2024;
  const month = Math.floor((n % (4 * 28)) / 28) + 1;
  return `${year}-0${month}-${String((n % 28) + 1).padStart(2, '0')}`;
});
/** Whole, eighth, thousandth and long decimal quantities (the last not on the 1e-9 grid). */
const quantity = fc.oneof(
  fc.integer({ min: 1, max: 60 }),
  fc.integer({ min: 1, max: 400 }).map((q) => q / 8),
  fc.integer({ min: 1, max: 60_000 }).map((q) => q / 1000),
  fc.integer({ min: 1, max: 10 ** 9 }).map((q) => q / 10 ** 10),
);
const money = (max: number) => fc.integer({ min: 0, max }).map((c) => c / 100);
const lotIds = fc.array(
  fc.integer({ min: 2, max: 40 }).map((n) => `L${n}`),
  { minLength: 1, maxLength: 3 },
);
const symbol = fc.constantFrom(...SYMBOLS);
const account = fc.constantFrom(...ACCOUNTS);

const row = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record(
      {
        type: fc.constantFrom('buy' as const, 'sell' as const),
        date: day,
        symbol,
        quantity,
        price: money(50_000),
        fees: fc.constantFrom(0, 0, 1, 4.95),
        account,
        lots: fc.option(lotIds, { freq: 4, nil: undefined }),
      },
      { requiredKeys: ['type', 'date', 'symbol', 'quantity', 'price', 'fees', 'account'] },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        type: fc.constant('transfer_out' as const),
        date: day,
        symbol,
        quantity,
        account,
        lots: fc.option(lotIds, { freq: 4, nil: undefined }),
      },
      { requiredKeys: ['type', 'date', 'symbol', 'quantity', 'account'] },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        type: fc.constant('transfer_in' as const),
        date: day,
        symbol,
        quantity,
        account,
        costPerShare: fc.option(money(30_000), { freq: 4, nil: undefined }),
        acquired: day,
      },
      { requiredKeys: ['type', 'date', 'symbol', 'quantity', 'account'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('split' as const),
      date: day,
      symbol,
      ratio: fc.constantFrom(2, 3, 0.5, 1.5, 1e-10),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('return_of_capital' as const),
      date: day,
      symbol,
      amount: money(5_000),
      account,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('reinvest' as const),
      date: day,
      symbol,
      quantity,
      price: money(20_000),
      account,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constantFrom('deposit' as const, 'dividend' as const, 'fee' as const),
      date: day,
      amount: money(100_000),
      account,
      fees: fc.constantFrom(0, 1),
    }),
  },
);

type Row = Record<string, unknown> & { type: Transaction['type']; date: string };

/**
 * Makes most random rows valid with a rough running tally of each holding (enough to avoid the
 * obvious errors, not a ledger): listed lots name lots the account opened, transfers out stay
 * within the holding, transfers in find their transfer out or carry a cost, returns of capital
 * hit held shares. Some rows stay invalid on purpose: both replays must then fail alike.
 */
function repair(rows: readonly Row[]): Row[] {
  const net = new Map<string, number>();
  const opened = new Map<string, number[]>();
  const pending: { symbol: string; quantity: number }[] = [];
  return rows.map((raw, i): Row => {
    const r = { ...raw };
    const key = `${String(r['account'])}/${String(r['symbol'])}`;
    const held = net.get(key) ?? 0;
    const q = Number(r['quantity'] ?? 0);
    const ids = (list: unknown) =>
      (list as string[]).map((id, k) => {
        const lines = opened.get(key) ?? [];
        return lines.length === 0 ? id : `L${lines[(Number(id.slice(1)) + k) % lines.length]!}`;
      });
    if (r.type === 'buy' || r.type === 'sell') {
      const dir = r.type === 'buy' ? 1 : -1;
      if (r['lots'] !== undefined) {
        if (Math.sign(held) !== -dir) delete r['lots'];
        else r['lots'] = ids(r['lots']);
      }
      if (Math.sign(held) !== -dir || q > Math.abs(held)) opened.set(key, [i + 2]);
      net.set(key, held + dir * q);
    } else if (r.type === 'transfer_out') {
      if (held <= 0) return { type: 'deposit', date: r.date, amount: 1 };
      r['quantity'] = Math.min(q, held);
      if (r['lots'] !== undefined) r['lots'] = ids(r['lots']);
      net.set(key, held - Number(r['quantity']));
      pending.push({ symbol: String(r['symbol']), quantity: Number(r['quantity']) });
    } else if (r.type === 'transfer_in') {
      const match = pending.findIndex((p) => p.symbol === r['symbol']);
      if (r['costPerShare'] === undefined && match >= 0) {
        r['quantity'] = pending.splice(match, 1)[0]!.quantity;
      } else r['costPerShare'] ??= 12.5;
      net.set(key, held + Number(r['quantity']));
    } else if (r.type === 'split') {
      for (const [k, v] of net)
        if (k.endsWith(`/${String(r['symbol'])}`)) net.set(k, v * Number(r['ratio']));
    } else if (r.type === 'return_of_capital') {
      if (held <= 0) return { type: 'deposit', date: r.date, amount: 1 };
    } else if (r.type === 'reinvest') net.set(key, held + q);
    return r;
  });
}

const ledger = fc.record({
  rows: fc
    .array(row, { maxLength: 60 })
    .map((rs) => [...rs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)))
    .map(repair),
  method: fc.constantFrom(...METHODS),
  asOf: fc.option(day, { nil: undefined }),
});

type Outcome =
  { result: unknown } | { error: { code: unknown; message: string; details: unknown } };

function outcome(build: () => unknown): Outcome {
  try {
    return { result: build() };
  } catch (e) {
    const error = e as { code?: unknown; message: string; details?: unknown };
    return { error: { code: error.code, message: error.message, details: error.details } };
  }
}

function same(transactions: readonly Transaction[], options: LedgerOptions): void {
  const fast = outcome(() => buildLedger(transactions, options));
  const reference = outcome(() => referenceBuildLedger(transactions, options));
  expect(fast).toStrictEqual(reference);
}

describe('buildLedger equals the straightforward reference replay', () => {
  it('on random ledgers: every type, shorts, listed lots, transfers, splits to dust, as-of', () => {
    let succeeded = 0;
    fc.assert(
      fc.property(ledger, ({ rows, method, asOf }) => {
        const transactions = ledgerRows(rows);
        same(transactions, { lotMethod: method, ...(asOf === undefined ? {} : { asOf }) });
        if ('result' in outcome(() => buildLedger(transactions, { lotMethod: method })))
          succeeded++;
      }),
      { numRuns: 600 },
    );
    // The comparison means something only if many ledgers replay without an error.
    expect(succeeded).toBeGreaterThan(400);
  });

  it('refuses a split ratio that is not a positive number (the reference did not check)', () => {
    const rows = ledgerRows([
      { type: 'buy', date: '2024-01-02', symbol: 'A', quantity: 1, price: 1 },
      { type: 'split', date: '2024-01-03', symbol: 'A', ratio: -2 },
    ]);
    expect(outcome(() => buildLedger(rows))).toMatchObject({
      error: { code: 'INVALID_INPUT', details: { line: 3, column: 'quantity', value: -2 } },
    });
  });
});

/** Contract cases for stored portfolios: portfolios, accounts and ledgers on every engine. */

import { expect, it } from 'vitest';
import type { Transaction } from '../../../domain/ledger/types.ts';
import { rejection, type CurrentStore } from './fixtures.ts';

/**
 * One transaction of every type, with the optional fields set where a type has them, and
 * numbers that are not short decimals in binary (0.1 + 0.2, 1/3) or are large (whole cents near
 * 2^53): each must read back as the same double.
 */
export const EVERY_TYPE: readonly Transaction[] = [
  {
    type: 'deposit',
    date: '2024-01-02',
    account: 'MARGIN',
    feesCents: 0,
    amountCents: 2_000_000,
    source: { line: 2 },
  },
  {
    type: 'buy',
    date: '2024-01-03',
    account: 'MARGIN',
    feesCents: 100,
    symbol: 'RSSB',
    quantity: 500,
    price: 20.4,
    source: { line: 3 },
  },
  {
    type: 'buy',
    date: '2024-01-03',
    account: 'MARGIN',
    feesCents: 0,
    symbol: 'NTSX',
    quantity: 1 / 3,
    price: 0.1 + 0.2,
    source: { line: 4 },
  },
  {
    type: 'sell',
    date: '2024-02-01',
    account: 'MARGIN',
    feesCents: 7,
    symbol: 'RSSB',
    quantity: 100,
    price: 21.1,
    lots: ['L3'],
    source: { line: 5 },
  },
  {
    type: 'sell',
    date: '2024-02-02',
    account: 'MARGIN',
    feesCents: 0,
    symbol: 'RSSB',
    quantity: 50,
    price: 21.2,
    source: { line: 6 },
  },
  {
    type: 'dividend',
    date: '2024-03-01',
    account: 'MARGIN',
    feesCents: 0,
    amountCents: 35_020,
    symbol: 'RSSB',
    source: { line: 7 },
  },
  {
    type: 'dividend',
    date: '2024-03-02',
    account: 'MARGIN',
    feesCents: 0,
    amountCents: 1,
    source: { line: 8 },
  },
  {
    type: 'reinvest',
    date: '2024-03-03',
    account: 'IRA',
    feesCents: 0,
    symbol: 'DBMF',
    quantity: 6.12,
    price: 27.45,
    source: { line: 9 },
  },
  {
    type: 'interest',
    date: '2024-03-28',
    account: 'MARGIN',
    feesCents: 0,
    amountCents: -415,
    source: { line: 10 },
  },
  {
    type: 'withdrawal',
    date: '2024-04-01',
    account: 'MARGIN',
    feesCents: 0,
    amountCents: 9_007_199_254_740_991,
    source: { line: 11 },
  },
  {
    type: 'fee',
    date: '2024-04-02',
    account: 'IRA',
    feesCents: 0,
    amountCents: 2_500,
    source: { line: 12 },
  },
  {
    type: 'split',
    date: '2024-05-01',
    account: 'MARGIN',
    feesCents: 0,
    symbol: 'RSSB',
    ratio: 2,
    source: { line: 13 },
  },
  {
    type: 'transfer_out',
    date: '2024-06-01',
    account: 'MARGIN',
    feesCents: 0,
    symbol: 'RSSB',
    quantity: 10,
    lots: ['L3', 'L14'],
    source: { line: 14 },
  },
  {
    type: 'transfer_out',
    date: '2024-06-01',
    account: 'MARGIN',
    feesCents: 0,
    symbol: 'NTSX',
    quantity: 0.1,
    source: { line: 15 },
  },
  {
    type: 'transfer_in',
    date: '2024-06-01',
    account: 'IRA',
    feesCents: 0,
    symbol: 'RSSB',
    quantity: 10,
    source: { line: 16 },
  },
  {
    type: 'transfer_in',
    date: '2024-06-02',
    account: 'IRA',
    feesCents: 0,
    symbol: 'VTI',
    quantity: 3,
    costPerShare: 199.99,
    acquired: '2019-12-31',
    source: { line: 17 },
  },
  {
    type: 'return_of_capital',
    date: '2024-07-01',
    account: 'IRA',
    feesCents: 0,
    symbol: 'VTI',
    amountCents: 150,
    source: { line: 18 },
  },
];

const tx = (line: number, extra: Partial<Transaction> = {}): Transaction =>
  ({
    type: 'deposit',
    date: '2024-01-02',
    account: 'A',
    feesCents: 0,
    amountCents: 100 * line,
    source: { line },
    ...extra,
  }) as Transaction;

/** Registers the portfolio cases against the running test's store. */
export function portfolioCases(store: CurrentStore): void {
  const portfolios = () => store().portfolios;

  it('creates, lists, finds, renames and deletes portfolios', async () => {
    const demo = await portfolios().create({ name: ' demo ', baseCurrency: 'usd' });
    expect(demo).toEqual({
      id: demo.id,
      name: 'demo',
      baseCurrency: 'USD',
      createdAt: '2026-01-05T00:00:00.000Z',
    });
    const eur = await portfolios().create({
      name: 'Euro',
      baseCurrency: 'EUR',
      createdAt: '2020-02-03T04:05:06+01:00',
    });
    expect(eur.createdAt).toBe('2020-02-03T03:05:06.000Z');
    expect((await portfolios().list()).map((p) => [p.name, p.accounts, p.transactions])).toEqual([
      ['Euro', 0, 0],
      ['demo', 0, 0],
    ]);
    expect(await portfolios().get('demo')).toEqual(demo);
    expect(await portfolios().get(demo.id)).toEqual(demo);
    expect(await portfolios().find('nope')).toBeUndefined();
    expect(await portfolios().rename('demo', 'main')).toEqual({ ...demo, name: 'main' });
    expect(await portfolios().find('demo')).toBeUndefined();
    await portfolios().delete(eur.id);
    expect((await portfolios().list()).map((p) => p.name)).toEqual(['main']);
  });

  it('refuses a duplicate name with CONFLICT naming it, on create and on rename', async () => {
    await portfolios().create({ name: 'demo' });
    const other = await portfolios().create({ name: 'other' });
    const dup = await rejection(portfolios().create({ name: 'demo', baseCurrency: 'EUR' }));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toContain('"demo"');
    const renamed = await rejection(portfolios().rename(other.id, 'demo'));
    expect(renamed.code).toBe('CONFLICT');
    expect(await portfolios().rename('demo', 'demo')).toMatchObject({ name: 'demo' });
    expect((await portfolios().list()).map((p) => p.name)).toEqual(['demo', 'other']);
  });

  it('two concurrent creates of one name: one portfolio, one CONFLICT', async () => {
    // On PostgreSQL the two run on separate pooled connections, so both may pass a name check
    // before either inserts; the insert itself must decide.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, () => portfolios().create({ name: 'race' })),
    );
    const made = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o): unknown[] => (o.status === 'rejected' ? [o.reason] : []));
    expect(made).toHaveLength(1);
    expect(refused.map((e) => (e as { code?: string }).code)).toEqual([
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
    ]);
    expect((await portfolios().list()).map((p) => p.name)).toEqual(['race']);
  });

  it('concurrent renames to one name: one wins, the others CONFLICT', async () => {
    // On PostgreSQL each rename runs on its own pooled connection, so all may pass a name check
    // before any writes; the unique constraint on the name must decide.
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    for (const name of names) await portfolios().create({ name });
    // Open the pool's connections first, so the renames start together rather than staggered.
    await Promise.all(names.map((n) => portfolios().get(n)));
    const outcomes = await Promise.allSettled(names.map((n) => portfolios().rename(n, 'race')));
    const won = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.name] : []));
    const refused = outcomes.flatMap((o): unknown[] => (o.status === 'rejected' ? [o.reason] : []));
    expect(won).toEqual(['race']);
    expect(refused.map((e) => (e as { code?: string }).code)).toEqual(
      Array.from({ length: names.length - 1 }, () => 'CONFLICT'),
    );
    const kept = names.filter((_, i) => outcomes[i]!.status === 'rejected');
    expect((await portfolios().list()).map((p) => p.name)).toEqual([...kept, 'race']);
  });

  it('concurrent deletes of one portfolio: one deletes it, the others NOT_FOUND', async () => {
    await portfolios().create({ name: 'gone' });
    await portfolios().appendTransactions('gone', [tx(2)]);
    await Promise.all(Array.from({ length: 4 }, () => portfolios().get('gone')));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, () => portfolios().delete('gone')),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(
      outcomes.flatMap((o) =>
        o.status === 'rejected' ? [(o.reason as { code?: string }).code] : [],
      ),
    ).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    expect(await portfolios().list()).toEqual([]);
  });

  it('names an unknown portfolio, by id or name, with NOT_FOUND on every method', async () => {
    const calls = [
      () => portfolios().get('ghost'),
      () => portfolios().rename('ghost', 'x'),
      () => portfolios().delete('ghost'),
      () => portfolios().setAccounts('ghost', []),
      () => portfolios().listAccounts('ghost'),
      () => portfolios().appendTransactions('ghost', [tx(2)]),
      () => portfolios().listTransactions('ghost'),
      () => portfolios().replaceTransactions('ghost', []),
      () => portfolios().deleteTransactions('ghost'),
    ];
    for (const call of calls) {
      const error = await rejection(call());
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toContain('"ghost"');
    }
    const byId = await rejection(portfolios().get(4242));
    expect(byId.code).toBe('NOT_FOUND');
    expect(byId.message).toContain('4242');
    expect((await rejection(portfolios().get(0))).code).toBe('INVALID_INPUT');
  });

  it('stores every transaction type and reads it back exactly, in ledger order', async () => {
    await portfolios().create({ name: 'all' });
    expect(await portfolios().appendTransactions('all', EVERY_TYPE)).toBe(EVERY_TYPE.length);
    expect(await portfolios().listTransactions('all')).toStrictEqual(EVERY_TYPE);
    const [summary] = await portfolios().list();
    expect(summary?.transactions).toBe(17);
  });

  it('appends after the stored rows and replaces or deletes the whole ledger', async () => {
    await portfolios().create({ name: 'p' });
    await portfolios().appendTransactions('p', [tx(2), tx(3)]);
    await portfolios().appendTransactions('p', [tx(7), tx(9)]);
    expect((await portfolios().listTransactions('p')).map((t) => t.source.line)).toEqual([
      2, 3, 7, 9,
    ]);
    const before = await rejection(portfolios().appendTransactions('p', [tx(8)]));
    expect(before.code).toBe('INVALID_INPUT');
    expect(before.details.field).toBe('transactions[0].source');
    expect(await portfolios().replaceTransactions('p', [tx(2, { amountCents: 5 })])).toBe(1);
    expect(await portfolios().listTransactions('p')).toStrictEqual([tx(2, { amountCents: 5 })]);
    expect(await portfolios().deleteTransactions('p')).toBe(1);
    expect(await portfolios().listTransactions('p')).toEqual([]);
  });

  it('appends all or nothing: a bad row names its index, line and field and stores nothing', async () => {
    await portfolios().create({ name: 'p' });
    await portfolios().appendTransactions('p', [tx(2)]);
    const batch = [
      tx(3),
      tx(4),
      tx(5),
      { ...EVERY_TYPE[1]!, quantity: -1, source: { line: 6 } } as Transaction,
      tx(7),
    ];
    const error = await rejection(portfolios().appendTransactions('p', batch));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details).toMatchObject({
      field: 'transactions[3].quantity',
      value: -1,
      index: 3,
      line: 6,
    });
    expect(error.message).toContain('line 6');
    const replaced = await rejection(portfolios().replaceTransactions('p', batch));
    expect(replaced.details.field).toBe('transactions[3].quantity');
    expect(await portfolios().listTransactions('p')).toStrictEqual([tx(2)]);
  });

  it('refuses fields a type does not have, missing required fields and bad values', async () => {
    await portfolios().create({ name: 'p' });
    const cases: [Record<string, unknown>, string][] = [
      [{ ...tx(2), quantity: 3 }, 'transactions[0].quantity'],
      [{ ...EVERY_TYPE[1], symbol: undefined }, 'transactions[0].symbol'],
      [{ ...tx(2), type: 'gift' }, 'transactions[0].type'],
      [{ ...tx(2), date: '2024-02-30' }, 'transactions[0].date'],
      [{ ...tx(2), amountCents: 1.5 }, 'transactions[0].amountCents'],
      [{ ...tx(2), amountCents: -1 }, 'transactions[0].amountCents'],
      [{ ...tx(2), feesCents: -1 }, 'transactions[0].feesCents'],
      [{ ...tx(2), account: ' ' }, 'transactions[0].account'],
      [{ ...EVERY_TYPE[3], lots: [] }, 'transactions[0].lots'],
      [{ ...EVERY_TYPE[1], price: Number.NaN }, 'transactions[0].price'],
      [{ ...tx(2), source: { line: 0 } }, 'transactions[0].source'],
    ];
    for (const [bad, field] of cases) {
      const error = await rejection(
        portfolios().appendTransactions('p', [bad as unknown as Transaction]),
      );
      expect([error.code, error.details.field]).toEqual(['INVALID_INPUT', field]);
    }
    expect(await portfolios().listTransactions('p')).toEqual([]);
  });

  it('sets and lists accounts with their tax types, replacing the previous set', async () => {
    await portfolios().create({ name: 'p' });
    const accounts = [
      { name: 'ROTH', taxType: 'roth_ira' },
      { name: 'IRA', taxType: 'traditional_ira' },
      { name: 'MARGIN', taxType: 'taxable' },
    ] as const;
    expect(await portfolios().setAccounts('p', accounts)).toBe(3);
    expect(await portfolios().listAccounts('p')).toEqual([accounts[1], accounts[2], accounts[0]]);
    await portfolios().setAccounts('p', [{ name: 'MARGIN', taxType: 'taxable' }]);
    expect(await portfolios().listAccounts('p')).toEqual([{ name: 'MARGIN', taxType: 'taxable' }]);
    const twice = await rejection(portfolios().setAccounts('p', [accounts[0], accounts[0]]));
    expect(twice.details.field).toBe('accounts[1].name');
    const badType = await rejection(
      portfolios().setAccounts('p', [{ name: 'X', taxType: 'hsa' as 'taxable' }]),
    );
    expect(badType.details.field).toBe('accounts[0].taxType');
    expect(await portfolios().listAccounts('p')).toEqual([{ name: 'MARGIN', taxType: 'taxable' }]);
  });

  it('deletes a portfolio with its accounts and transactions (cascade), leaving others whole', async () => {
    const gone = await portfolios().create({ name: 'gone' });
    await portfolios().create({ name: 'kept' });
    for (const name of ['gone', 'kept']) {
      await portfolios().setAccounts(name, [{ name: 'A', taxType: 'taxable' }]);
      await portfolios().appendTransactions(name, [tx(2), tx(3)]);
    }
    await portfolios().delete('gone');
    const again = await portfolios().create({ name: 'gone' });
    expect(again.id).not.toBe(gone.id);
    expect(await portfolios().listTransactions('gone')).toEqual([]);
    expect(await portfolios().listAccounts('gone')).toEqual([]);
    expect(await portfolios().listTransactions('kept')).toStrictEqual([tx(2), tx(3)]);
    expect((await portfolios().list()).map((p) => [p.name, p.accounts, p.transactions])).toEqual([
      ['gone', 0, 0],
      ['kept', 1, 2],
    ]);
  });

  it('rolls portfolio writes back with the transaction they were made in', async () => {
    await portfolios().create({ name: 'kept' });
    const crash = new Error('crash');
    const failed = store().transaction(async (t) => {
      await t.portfolios.create({ name: 'new' });
      await t.portfolios.appendTransactions('kept', [tx(2)]);
      await t.portfolios.setAccounts('kept', [{ name: 'A', taxType: 'roth_ira' }]);
      expect(await t.portfolios.listTransactions('kept')).toHaveLength(1);
      throw crash;
    });
    await expect(failed).rejects.toBe(crash);
    expect((await portfolios().list()).map((p) => [p.name, p.accounts, p.transactions])).toEqual([
      ['kept', 0, 0],
    ]);
  });
}

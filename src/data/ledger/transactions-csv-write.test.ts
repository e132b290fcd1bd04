import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import type { Transaction } from '../../domain/ledger/types.ts';
import { parseTransactionsCsv } from './transactions-csv.ts';
import { formatTransactionsCsv, MAX_BLANK_LINES } from './transactions-csv-write.ts';

/** The BallastError `fn` throws. */
function rejection(fn: () => unknown): BallastError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

const HEADER = 'date,type,symbol,quantity,price,amount,fees,account,lots,acquired';

/** `transactions` without `source.file`, as the store keeps them. */
const stored = (transactions: readonly Transaction[]): Transaction[] =>
  transactions.map((tx) => ({ ...tx, source: { line: tx.source.line } }));

/** A transaction of `type` on `line` in account A, with no fees. */
function tx(line: number, type: Transaction['type'], fields: object): Transaction {
  return {
    date: '2024-01-02',
    account: 'A',
    feesCents: 0,
    source: { line },
    type,
    ...fields,
  } as Transaction;
}

const EVERY_TYPE: readonly [Transaction, string][] = [
  [tx(2, 'deposit', { amountCents: 1_000_001 }), '2024-01-02,deposit,,,,10000.01,,A,,'],
  [
    tx(3, 'buy', { symbol: 'RSSB', quantity: 10.5, price: 25.125, feesCents: 99 }),
    '2024-01-02,buy,RSSB,10.5,25.125,,0.99,A,,',
  ],
  [
    tx(4, 'sell', { symbol: 'RSSB', quantity: 5, price: 26, lots: ['L3', 'L9'] }),
    '2024-01-02,sell,RSSB,5,26,,,A,L3;L9,',
  ],
  [tx(5, 'interest', { amountCents: -3862 }), '2024-01-02,interest,,,,-38.62,,A,,'],
  [tx(6, 'interest', { amountCents: 5 }), '2024-01-02,interest,,,,0.05,,A,,'],
  [tx(7, 'dividend', { amountCents: 110, symbol: 'RSSB' }), '2024-01-02,dividend,RSSB,,,1.10,,A,,'],
  [tx(8, 'dividend', { amountCents: 0 }), '2024-01-02,dividend,,,,0.00,,A,,'],
  [
    tx(9, 'reinvest', { symbol: 'RSSB', quantity: 0.04, price: 27.5 }),
    '2024-01-02,reinvest,RSSB,0.04,27.5,,,A,,',
  ],
  [tx(10, 'split', { symbol: 'RSSB', ratio: 1.5 }), '2024-01-02,split,RSSB,1.5,,,,A,,'],
  [
    tx(11, 'transfer_out', { symbol: 'RSSB', quantity: 1, lots: ['L3'] }),
    '2024-01-02,transfer_out,RSSB,1,,,,A,L3,',
  ],
  [tx(12, 'transfer_out', { symbol: 'X', quantity: 2 }), '2024-01-02,transfer_out,X,2,,,,A,,'],
  [tx(13, 'transfer_in', { symbol: 'RSSB', quantity: 1 }), '2024-01-02,transfer_in,RSSB,1,,,,A,,'],
  [
    tx(14, 'transfer_in', {
      symbol: 'VTI',
      quantity: 1.5,
      costPerShare: 199.99,
      acquired: '2019-12-31',
    }),
    '2024-01-02,transfer_in,VTI,1.5,199.99,,,A,,2019-12-31',
  ],
  [
    tx(15, 'return_of_capital', { symbol: 'RSSB', amountCents: 300 }),
    '2024-01-02,return_of_capital,RSSB,,,3.00,,A,,',
  ],
  [tx(16, 'fee', { amountCents: 250 }), '2024-01-02,fee,,,,2.50,,A,,'],
  [tx(17, 'withdrawal', { amountCents: 10_000 }), '2024-01-02,withdrawal,,,,100.00,,A,,'],
];

describe('formatTransactionsCsv', () => {
  it('writes every type on its line, and the reader gives the same transactions back', () => {
    const ledger = EVERY_TYPE.map(([t]) => t);
    const text = formatTransactionsCsv(ledger);
    expect(text).toBe([HEADER, ...EVERY_TYPE.map(([, row]) => row), ''].join('\n'));
    expect(stored(parseTransactionsCsv(text, 't.csv'))).toStrictEqual(ledger);
  });

  it('fills skipped lines with blank ones, so lot ids (L<line>) stay those of the ledger', () => {
    const ledger = [tx(4, 'deposit', { amountCents: 100 }), tx(7, 'fee', { amountCents: 1 })];
    const text = formatTransactionsCsv(ledger);
    expect(text).toBe(
      `${HEADER}\n\n\n2024-01-02,deposit,,,,1.00,,A,,\n\n\n2024-01-02,fee,,,,0.01,,A,,\n`,
    );
    expect(stored(parseTransactionsCsv(text, 't.csv'))).toStrictEqual(ledger);
  });

  it('quotes accounts and lot ids with commas, quotes or line ends; a line end takes a line', () => {
    const ledger = [
      tx(2, 'deposit', { amountCents: 100, account: 'Joint, "Main"' }),
      tx(3, 'deposit', { amountCents: 100, account: 'two\nlines' }),
      tx(5, 'sell', { symbol: 'A', quantity: 1, price: 1, account: 'é', lots: ['a,b', 'c"d'] }),
    ];
    const text = formatTransactionsCsv(ledger);
    expect(text.split('\n').slice(1, 6)).toEqual([
      '2024-01-02,deposit,,,,1.00,,"Joint, ""Main""",,',
      '2024-01-02,deposit,,,,1.00,,"two',
      'lines",,',
      '2024-01-02,sell,A,1,1,,,é,"a,b;c""d",',
      '',
    ]);
    expect(stored(parseTransactionsCsv(text, 't.csv'))).toStrictEqual(ledger);
  });

  it('writes extreme numbers as plain decimals that read back exactly', () => {
    const ledger = [
      tx(2, 'buy', { symbol: 'A', quantity: Number.MIN_VALUE, price: 1e15 }),
      tx(3, 'buy', { symbol: 'A', quantity: 1e15, price: 1e-7 }),
      tx(4, 'split', { symbol: 'A', ratio: 1e-300 }),
      tx(5, 'buy', { symbol: 'A', quantity: 90_071_992_547_409.91, price: 1 }),
      tx(6, 'deposit', { amountCents: Number.MAX_SAFE_INTEGER, feesCents: 1 }),
      tx(7, 'interest', { amountCents: -Number.MAX_SAFE_INTEGER }),
    ];
    const text = formatTransactionsCsv(ledger);
    expect(text).not.toMatch(/\de[-+]?\d/i);
    expect(text).toContain(`,0.${'0'.repeat(323)}5,1000000000000000,`);
    expect(text).toContain(',1000000000000000,0.0000001,');
    expect(stored(parseTransactionsCsv(text, 't.csv'))).toStrictEqual(ledger);
  });

  it('writes the header alone for an empty ledger', () => {
    expect(formatTransactionsCsv([])).toBe(`${HEADER}\n`);
  });
});

describe('formatTransactionsCsv refuses what a transactions CSV cannot hold', () => {
  const buy = (fields: object, line = 2) =>
    tx(line, 'buy', { symbol: 'A', quantity: 1, price: 1, ...fields });

  it.each([
    ['a symbol that is not a ticker', buy({ symbol: 'BRK B' }), 'column "symbol"'],
    ['a quantity past 1e15', buy({ quantity: 2e15 }), 'column "quantity"'],
    ['a trade past the exact cents', buy({ quantity: 1e14, price: 1000 }), 'column "price"'],
    ['a lot id with a ;', buy({ lots: ['L2;L3'] }), 'lots: a transactions CSV cannot hold'],
    ['a lot id with blanks around', buy({ lots: [' L2'] }), 'lots:'],
    ['an empty account', buy({ account: '' }), 'account:'],
    ['cents that are not whole', tx(2, 'fee', { amountCents: 1.5 }), 'amountCents: not whole'],
    ['a row on line 1', buy({}, 1), 'source.line: a transactions CSV has its header on line 1'],
  ])('%s', (_, transaction, message) => {
    const error = rejection(() => formatTransactionsCsv([transaction], 'portfolio p'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(`portfolio p:${transaction.source.line}: `);
    expect(error.message).toContain(message);
  });

  it('a row on a line taken by the previous one (or by its second line)', () => {
    const twice = [buy({}, 3), buy({}, 3)];
    expect(rejection(() => formatTransactionsCsv(twice)).details).toMatchObject({
      line: 3,
      field: 'transactions[1].source.line',
    });
    const tall = [buy({ account: 'a\nb' }, 2), buy({}, 3)];
    expect(rejection(() => formatTransactionsCsv(tall)).message).toBe(
      'transactions:3: source.line: the previous row ends on line 3',
    );
    expect(() => formatTransactionsCsv([tall[0]!, buy({}, 4)])).not.toThrow();
  });

  it(`more than ${MAX_BLANK_LINES} blank lines in all`, () => {
    const far = [buy({}, 2), buy({}, MAX_BLANK_LINES / 2 + 3), buy({}, MAX_BLANK_LINES + 5)];
    expect(rejection(() => formatTransactionsCsv(far)).message).toContain(
      `transactions:${MAX_BLANK_LINES + 5}: source.line: reaching it takes more than`,
    );
  });
});

describe('inherited shares', () => {
  it('INHERITED in the acquired column reads as an inherited transfer_in and writes back', () => {
    const text = `${HEADER}\n2024-05-01,transfer_in,XYZ,10,50,,,A,,inherited\n`;
    const [tx] = parseTransactionsCsv(text, 't.csv');
    expect(tx).toMatchObject({ type: 'transfer_in', inherited: true, costPerShare: 50 });
    expect(tx).not.toHaveProperty('acquired');
    expect(formatTransactionsCsv([tx!])).toBe(
      `${HEADER}\n2024-05-01,transfer_in,XYZ,10,50,,,A,,INHERITED\n`,
    );
  });
});

describe('formatTransactionsCsv and currencies', () => {
  it('writes a currency column (last) only when a row names its currency', () => {
    const ledger = [
      tx(2, 'deposit', { amountCents: 100_000 }),
      tx(3, 'buy', { symbol: 'SAP', quantity: 10, price: 50, currency: 'EUR' }),
    ];
    const text = formatTransactionsCsv(ledger);
    expect(text).toBe(
      `${HEADER},currency\n2024-01-02,deposit,,,,1000.00,,A,,,\n2024-01-02,buy,SAP,10,50,,,A,,,EUR\n`,
    );
    expect(stored(parseTransactionsCsv(text, 'x'))).toStrictEqual(ledger);
    // Without a currency anywhere the header is the one written before the column existed.
    expect(formatTransactionsCsv([ledger[0]!]).split('\n')[0]).toBe(HEADER);
  });
});

import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import { parseHoldingsCsv } from './holdings-csv.ts';
import { parsePricesCsv } from './prices-csv.ts';
import { transactionCells } from './transactions-csv-write.ts';
import {
  parseTransactionsCsv,
  parseTransactionsCsvRows,
  readTransactionCells,
} from './transactions-csv.ts';

const HEADER = 'date,type,symbol,quantity,price,amount,fees,account,lots';

function error(fn: () => unknown): BallastError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

describe('parseTransactionsCsv', () => {
  it('reads every transaction type, normalising symbols and parsing money to cents', () => {
    const text = [
      HEADER,
      '2024-01-02,deposit,,,,"10,000.00",,,'.replace('"10,000.00"', '10000.00'),
      '2024-01-03,BUY, rssb ,10.5,25.125,,0.99,MARGIN,',
      '2024-01-04,sell,RSSB,5,26,,,MARGIN,L3',
      '2024-01-05,interest,,,,-12.345,,MARGIN,',
      '2024-01-06,dividend,RSSB,,,1.10,,MARGIN,',
      '2024-01-07,drip,RSSB,0.04,27.5,,,MARGIN,',
      '2024-01-08,split,RSSB,2,,,,MARGIN,',
      '2024-01-09,roc,RSSB,,,3,,MARGIN,',
      '2024-01-10,transfer_out,RSSB,1,,,,MARGIN,L3',
      '2024-01-10,transfer_in,RSSB,1,,,,IRA,',
      '2024-01-11,fee,,,,2.5,,,',
      '2024-01-12,withdrawal,,,,100,,,',
    ].join('\n');
    const txs = parseTransactionsCsv(text, 'tx.csv');
    expect(txs.map((t) => t.type)).toEqual([
      'deposit',
      'buy',
      'sell',
      'interest',
      'dividend',
      'reinvest',
      'split',
      'return_of_capital',
      'transfer_out',
      'transfer_in',
      'fee',
      'withdrawal',
    ]);
    expect(txs[0]).toMatchObject({
      amountCents: 1_000_000,
      account: 'DEFAULT',
      source: { file: 'tx.csv', line: 2 },
    });
    expect(txs[1]).toMatchObject({
      symbol: 'RSSB',
      quantity: 10.5,
      price: 25.125,
      feesCents: 99,
      account: 'MARGIN',
    });
    expect(txs[2]).toMatchObject({ lots: ['L3'] });
    // −12.345 rounds half away from zero to −12.35
    expect(txs[3]).toMatchObject({ amountCents: -1235 });
    expect(txs[6]).toMatchObject({ type: 'split', ratio: 2 });
  });

  it('parses quoted fields, CRLF line ends and a byte-order mark', () => {
    const text = `\uFEFF${HEADER}\r\n2024-01-03,buy,"ABC",1,2,,,"my ""main"", account",\r\n`;
    const [tx] = parseTransactionsCsv(text, 'q.csv');
    expect(tx).toMatchObject({ symbol: 'ABC', account: 'my "main", account', source: { line: 2 } });
  });

  it.each([
    ['an unknown type', '2024-01-03,swap,ABC,1,2,,,,', 'type', 'swap'],
    ['a negative price', '2024-01-03,buy,ABC,1,-2,,,,', 'price', '-2'],
    ['a malformed number', '2024-01-03,buy,ABC,1x,2,,,,', 'quantity', '1x'],
    ['a zero quantity', '2024-01-03,buy,ABC,0,2,,,,', 'quantity', '0'],
    ['an impossible date', '2023-02-29,deposit,,,,5,,,', 'date', '2023-02-29'],
    ['a missing amount', '2024-01-03,deposit,,,,,,,', 'amount', ''],
    ['a negative deposit', '2024-01-03,deposit,,,,-5,,,', 'amount', '-5'],
    ['negative fees', '2024-01-03,buy,ABC,1,2,,-1,,', 'fees', '-1'],
    ['a missing symbol', '2024-01-03,buy,,1,2,,,,', 'symbol', ''],
  ])('rejects %s with the file, line, column and value', (_what, row, column, value) => {
    const e = error(() =>
      parseTransactionsCsv(`${HEADER}\n2024-01-02,deposit,,,,1,,,\n${row}\n`, 'bad.csv'),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details).toEqual({ file: 'bad.csv', line: 3, column, value });
    expect(e.message).toMatch(/^bad\.csv:3: column/);
  });

  it('rejects unknown and missing columns, extra cells, an empty file and an unclosed quote', () => {
    expect(error(() => parseTransactionsCsv('date,type,colour\n', 'f.csv')).message).toContain(
      'unknown column "colour"',
    );
    expect(error(() => parseTransactionsCsv('type\n', 'f.csv')).message).toContain(
      'missing column "date"',
    );
    expect(
      error(() => parseTransactionsCsv(`${HEADER}\n2024-01-02,deposit,,,,1,,,,,\n`, 'f.csv'))
        .details,
    ).toMatchObject({ line: 2 });
    expect(error(() => parseTransactionsCsv('', 'f.csv')).message).toContain('empty');
    expect(error(() => parseTransactionsCsv(`${HEADER}\n`, 'f.csv')).message).toContain(
      'no transactions',
    );
    expect(
      error(() => parseTransactionsCsv(`${HEADER}\n2024-01-02,"deposit`, 'f.csv')).message,
    ).toContain('not closed');
  });
});

describe('parseHoldingsCsv and parsePricesCsv', () => {
  it('turns snapshot rows into lots, cash (negative = margin loan) and stated prices', () => {
    const text = [
      'symbol,quantity,cost_basis,acquired,account,market_value',
      'rssb,400,9600,2024-03-01,MARGIN,10000',
      'CASH,-2500.50,,,MARGIN,',
      'UPRO,-10,500,2024-05-01,MARGIN,',
    ].join('\n');
    const s = parseHoldingsCsv(text, 'h.csv');
    expect(s.lots[0]).toMatchObject({
      id: 'H2',
      symbol: 'RSSB',
      quantity: 400,
      basisCents: 960_000,
    });
    expect(s.lots[1]).toMatchObject({ quantity: -10, basisCents: -50_000 });
    expect(s.cashCents.get('MARGIN')).toBe(-250_050);
    expect(s.prices.get('RSSB')).toEqual({ price: 25, source: 'holdings file h.csv' });
  });

  it('requires cost basis and acquisition date for securities', () => {
    const e = error(() =>
      parseHoldingsCsv('symbol,quantity,cost_basis,acquired\nSPY,1,,2024-01-02\n', 'h.csv'),
    );
    expect(e.details).toMatchObject({ line: 2, column: 'cost_basis' });
  });

  it('reads a prices file with optional date and source', () => {
    const p = parsePricesCsv(
      'symbol,price,date,source\nspy,500.1,2024-06-28,broker close\nGLD,200,,\n',
      'p.csv',
    );
    expect(p.get('SPY')).toEqual({ price: 500.1, date: '2024-06-28', source: 'broker close' });
    expect(p.get('GLD')).toEqual({ price: 200, source: 'prices file p.csv' });
  });
});

describe('parseTransactionsCsvRows: each row on its own', () => {
  it('gives each row its transaction or its error, and reads on after a bad row', () => {
    const text = [
      HEADER,
      '2024-01-02,deposit,,,,100,,A,',
      '2024-01-03,buy,VTI,"1,5",10,,,A,', // a quoted cell that does not read as a number
      '',
      '2024-01-04,fee,,,,2,,A,,x', // 10 cells, the header has 9
      '2024-01-05,buy,VTI,2,10,,,A,',
    ].join('\n');
    const rows = parseTransactionsCsvRows(text, 'f.csv');
    expect(rows.map((r) => [r.line, 'error' in r ? r.error.message : 'ok'])).toEqual([
      [2, 'ok'],
      [3, 'f.csv:3: column "quantity": not a number (got "1,5")'],
      [5, 'f.csv:5: 10 cells but the header has 9 columns'],
      [6, 'ok'],
    ]);
    // the rows that read are what the whole-file reader gives for them
    const whole = parseTransactionsCsv(
      [HEADER, '2024-01-02,deposit,,,,100,,A,'].join('\n'),
      'f.csv',
    );
    expect(rows[0]).toEqual({ line: 2, transaction: whole[0] });
  });
});

describe('transactionCells and readTransactionCells: one row by its cells', () => {
  it('reads back the cells a stored row writes, on the row’s own line', () => {
    const tx = parseTransactionsCsv(
      [HEADER, '2024-01-03,buy,VTI,10.5,25.125,,0.99,IRA,L2;L3'].join('\n'),
      'f.csv',
    )[0]!;
    const cells = transactionCells(tx);
    expect(cells).toEqual({
      date: '2024-01-03',
      type: 'buy',
      symbol: 'VTI',
      quantity: '10.5',
      price: '25.125',
      fees: '0.99',
      account: 'IRA',
      lots: 'L2;L3',
    });
    expect(readTransactionCells(cells, { file: 'f.csv', line: 2 })).toEqual(tx);
    const bad = error(() =>
      readTransactionCells({ ...cells, price: '-1' }, { file: 'portfolio p', line: 7 }),
    );
    expect([bad.message, bad.details['column']]).toEqual([
      'portfolio p:7: column "price": must be at least 0 (got "-1")',
      'price',
    ]);
    const unknown = error(() => readTransactionCells({ colour: 'red' }, { file: 'p', line: 7 }));
    expect(unknown.message).toMatch(/^p:7: unknown column "colour"/);
  });
});

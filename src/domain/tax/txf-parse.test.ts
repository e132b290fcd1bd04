import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import {
  TXF_SCHEDULE_D,
  parseTxf,
  txfAmountToCents,
  txfCapitalGains,
  txfDateToIso,
} from './txf-parse.ts';

function invalid(run: () => unknown): BallastError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(BallastError);
    expect((e as BallastError).code).toBe('INVALID_INPUT');
    return e as BallastError;
  }
  throw new Error('expected an INVALID_INPUT error');
}

const HEADER = ['V042', 'AMy Software', 'D 10/27/2011', '^'];
const txf = (...lines: string[]): string => [...HEADER, ...lines].join('\n') + '\n';

describe('parseTxf: the examples of the spec (TXF V042, section VIII)', () => {
  it('reads example 1 (Schedules A, B, C: summary and detail records, X lines)', () => {
    const text = [
      'V042',
      'AQuicken 2011 for Windows R1',
      'D 08/20/2011',
      '^',
      ...[
        'TD',
        'N280',
        'C1',
        'L1',
        '$-500.00',
        'X 2/20/2011 Our Checking      1011   United Way',
        '^',
      ],
      ...[
        'TD',
        'N280',
        'C1',
        'L1',
        '$-125.00',
        'X 2/24/2011 Our Checking      1012   Red Cross',
        '^',
      ],
      ...['TS', 'N280', 'C1', 'L1', '$-625.00', '^'],
      ...[
        'TD',
        'N287',
        'C1',
        'L1',
        '$90.00',
        'X 3/24/2011 Our Checking      DEP    Interest earned',
        '^',
      ],
      ...[
        'TD',
        'N287',
        'C1',
        'L1',
        '$30.00',
        'X 4/24/2011 Our Checking      DEP    Interest earned',
        '^',
      ],
      ...['TS', 'N287', 'C1', 'L1', '$120.00', 'POur Checking', '^'],
      ...[
        'TD',
        'N287',
        'C1',
        'L2',
        '$120.00',
        'X 1/28/2011 Savings 1         DEP    Interest earned',
        '^',
      ],
      ...[
        'TD',
        'N287',
        'C1',
        'L2',
        '$100.00',
        'X 1/30/2011 Savings 1         DEP    Interest earned',
        '^',
      ],
      ...['TS', 'N287', 'C1', 'L2', '$220.00', 'PSavings 1', '^'],
      ...[
        'TD',
        'N304',
        'C1',
        'L1',
        '$-568.00',
        'X 7/12/2011 Our Checking      1056   Newsweek',
        '^',
      ],
      ...[
        'TD',
        'N304',
        'C1',
        'L1',
        '$-100.00',
        'X 8/7/2011 Our Checking       1060   CBS Airtime',
        '^',
      ],
      ...['TS', 'N304', 'C1', 'L1', '$-668.00', '^'],
    ].join('\r\n');
    const file = parseTxf(text);
    expect(file.header).toEqual({
      version: '042',
      program: 'Quicken 2011 for Windows R1',
      exportDate: '2011-08-20',
    });
    expect(file.records).toHaveLength(12);
    expect(file.records[0]).toEqual({
      line: 5,
      type: 'D',
      refnum: 280,
      copy: 1,
      lineNumber: 1,
      fields: [
        { kind: '$', cents: -50_000, line: 9 },
        { kind: 'X', text: ' 2/20/2011 Our Checking      1011   United Way', line: 10 },
      ],
    });
    expect(file.records[5]!.fields).toEqual([
      // record 6 runs from line 39 (TS) to 45 (^): N 40, C 41, L 42, $ 43, P 44
      { kind: '$', cents: 12_000, line: 43 },
      { kind: 'P', text: 'Our Checking', line: 44 },
    ]);
    expect(file.records[8]!.lineNumber).toBe(2);
    // the summary of N287 line 2 is the sum of its details: 120.00 + 100.00 = 220.00; records 7
    // and 8 take lines 46–52 and 53–59, so record 9 is TS 60, N 61, C 62, L 63, $ 64
    expect(file.records[8]!.fields[0]).toEqual({ kind: '$', cents: 22_000, line: 64 });
    // no Schedule D refnum: no sales
    expect(txfCapitalGains(file)).toEqual([]);
  });

  it('reads example 2A (record format 4, amounts with thousands separators)', () => {
    const text = txf(
      ...['TD', 'N321', 'C1', 'L1', 'P200 Reebok', 'D01/05/2011', 'D10/01/2011'],
      ...['$1,000.00', '$2,000.00', '^'],
      ...['TD', 'N323', 'C1', 'L1', 'P400 WalMart', 'D08/05/2010', 'D09/05/2011'],
      ...['$4,000.00', '$1,200.00', '^'],
    );
    expect(parseTxf(text).header.exportDate).toBe('2011-10-27');
    expect(txfCapitalGains(parseTxf(text))).toEqual([
      {
        line: 5,
        refnum: 321,
        term: 'short',
        box: 'basis-reported',
        description: '200 Reebok',
        acquired: '2011-01-05',
        disposed: '2011-10-01',
        costBasisCents: 100_000,
        proceedsCents: 200_000,
        disallowedCents: null,
        format: 4,
      },
      {
        line: 15,
        refnum: 323,
        term: 'long',
        box: 'basis-reported',
        description: '400 WalMart',
        acquired: '2010-08-05',
        disposed: '2011-09-05',
        costBasisCents: 400_000,
        proceedsCents: 120_000,
        disallowedCents: null,
        format: 4,
      },
    ]);
  });

  it('reads example 2B (no date acquired, no cost basis, unknown term 673, an unpadded date)', () => {
    const text = txf(
      'TD',
      'N673',
      'C1',
      'L1',
      'P200 Reebok',
      'D',
      'D1/1/2004',
      '$',
      '$2,000.00',
      '^',
    );
    expect(txfCapitalGains(parseTxf(text))).toEqual([
      {
        line: 5,
        refnum: 673,
        term: null,
        box: 'basis-reported',
        description: '200 Reebok',
        acquired: null,
        disposed: '2004-01-01',
        costBasisCents: null,
        proceedsCents: 200_000,
        disallowedCents: null,
        format: 4,
      },
    ]);
  });

  it('reads examples 2D and 2H (format 5 with a disallowed wash-sale amount)', () => {
    const text = txf(
      ...['TD', 'N321', 'C1', 'L1', 'P50 QCOM', 'D01/02/2011', 'D01/15/2011', '$1500', '$1300'],
      ...['$200', '^'],
      ...['TD', 'N714', 'C1', 'L1', 'P50 QCOM', 'D01/02/2010', 'D01/15/2011', '$1500', '$1300'],
      ...['$200', '^'],
    );
    const [d, h] = txfCapitalGains(parseTxf(text));
    expect(d).toMatchObject({ refnum: 321, term: 'short', box: 'basis-reported', format: 5 });
    expect(d).toMatchObject({
      costBasisCents: 150_000,
      proceedsCents: 130_000,
      disallowedCents: 20_000,
    });
    expect(h).toMatchObject({
      refnum: 714,
      term: 'long',
      box: 'not-reported',
      acquired: '2010-01-02',
    });
  });

  it('reads VARIOUS and INHERITED dates in any case, and a record without C and L', () => {
    const text = txf(
      ...['TD', 'N711', 'PABC', 'DVarious', 'D12/31/2024', '$1.5', '$-2', '$', '^'],
      ...['TD', 'N713', 'PDEF', 'Dinherited', 'D12/31/2024', '$0', '$3', '^'],
    );
    const file = parseTxf(text);
    expect(file.records[0]).toMatchObject({ copy: 1, lineNumber: 1 });
    const [a, b] = txfCapitalGains(file);
    // $1.5 is 1.50; $-2 is −2.00
    expect(a).toMatchObject({ acquired: 'VARIOUS', costBasisCents: 150, proceedsCents: -200 });
    expect(a).toMatchObject({ box: 'basis-not-reported', disallowedCents: null, format: 5 });
    expect(b).toMatchObject({ acquired: 'INHERITED', costBasisCents: 0, proceedsCents: 300 });
  });

  it('knows the eleven Schedule D refnums of the spec', () => {
    expect([...TXF_SCHEDULE_D.keys()].sort()).toEqual(
      [321, 323, 673, 682, 711, 712, 713, 714, 715, 716, 718].sort(),
    );
    expect(TXF_SCHEDULE_D.get(718)).toEqual({ term: null, box: 'basis-not-reported' });
  });
});

describe('txf amounts and dates', () => {
  it('reads amounts to exact cents', () => {
    expect(txfAmountToCents('1,234,567.89')).toBe(123_456_789);
    expect(txfAmountToCents('-0.05')).toBe(-5);
    expect(txfAmountToCents('-0')).toBe(0);
    expect(txfAmountToCents('12.3')).toBe(1230);
    expect(txfAmountToCents('0.07')).toBe(7);
    for (const bad of [
      '1.234',
      '1,23',
      '12,3456',
      '+5',
      '$5',
      '1e3',
      '.5',
      '',
      '99999999999999999',
    ])
      expect(txfAmountToCents(bad)).toBeUndefined();
  });

  it('reads real calendar dates only', () => {
    expect(txfDateToIso('2/29/2024')).toBe('2024-02-29');
    expect(txfDateToIso('02/29/2023')).toBeUndefined();
    expect(txfDateToIso('2024-02-01')).toBeUndefined();
    expect(txfDateToIso('13/01/2024')).toBeUndefined();
  });
});

describe('parseTxf refuses malformed files, naming the line', () => {
  const record = ['TD', 'N321', 'C1', 'L1', 'PX', 'D01/02/2024', 'D01/03/2024', '$1', '$2', '^'];

  it.each([
    ['V041\nAx\nD01/01/2024\n^\n', 1, 'only V042'],
    ['X042\nAx\nD01/01/2024\n^\n', 1, 'not a V version line'],
    ['', 1, 'not a V version line'],
    ['V042\nD01/01/2024\n^\n', 2, 'not an A program line'],
    ['V042\nAx\nD2024-01-01\n^\n', 3, 'not a D export date line'],
    ['V042\nAx\nD01/01/2024\nTD\n', 4, 'must end with a ^ line'],
    [txf('TD', '', 'N321', '^'), 6, 'empty line'],
    [txf('TD', 'N321', 'PCaf\u00e9', '^'), 7, 'not printable ASCII'],
    [txf('TD', 'N321', 'Q1', '^'), 7, 'unknown field letter "Q"'],
    [txf('TD', 'N321', 'N323', '^'), 7, 'a second N line'],
    [txf('TS', 'TD', 'N321', '^'), 6, 'a second T line'],
    [txf('TX', 'N321', '^'), 5, 'T: not S or D'],
    [txf('TD', 'N0', '^'), 6, 'N refnum: not an integer from 1'],
    [txf('TD', 'N321', 'C256', '^'), 7, 'C copy: not an integer from 1 to 255'],
    [txf('TD', 'N321', 'C1', 'C1', '^'), 8, 'a second C line'],
    [txf('TD', 'N321', 'L1', 'L2', '^'), 8, 'a second L line'],
    [txf('TD', 'N321', 'L-1', '^'), 7, 'L line: not an integer'],
    [txf('TD', 'N321', '$1.234', '^'), 7, '$: not an amount'],
    [txf('TD', 'N321', 'D02/30/2024', '^'), 7, 'D: not a MM/DD/YYYY date'],
    [txf('N321', '^'), 5, 'record without a T line'],
    [txf('TD', 'C1', '^'), 5, 'record without an N line'],
    [txf('TD', 'N321'), 5, 'record not closed by ^'],
    [txf(...record, '^'), 15, 'empty record'],
    [txf('TD', 'N321', 'V042', '^'), 7, 'V line outside the header'],
    [txf('TD', 'N321', 'AProgram', '^'), 7, 'A line outside the header'],
    [txf('TD', 'N321', '^ START OF TABLE'), 7, '^ line outside the header'],
  ])('%j: line %d, %s', (text, line, why) => {
    const e = invalid(() => parseTxf(text, 'gains.txf'));
    expect(e.details).toMatchObject({ file: 'gains.txf', line });
    expect(e.message).toContain(`gains.txf:${line}: `);
    expect(e.message).toContain(why);
  });

  it.each([
    [['TD', 'N321', 'PX', 'D01/02/2024', '$1', '$2', '^'], 5, 'fields must be P D D $ $ [$]'],
    [['TD', 'N321', 'PX', 'D01/02/2024', 'D', '$1', '$2', '^'], 9, 'date sold must be a date'],
    [['TD', 'N321', 'PX', 'D01/02/2024', 'DVARIOUS', '$1', '$2', '^'], 9, 'date sold'],
    // header 1–4, TD 5, N 6, P 7, D 8, D 9, $ 10, the empty $ 11
    [['TD', 'N321', 'PX', 'D01/02/2024', 'D01/03/2024', '$1', '$', '^'], 11, 'sales net is empty'],
  ])('refuses a sale record %j at line %d', (lines, line, why) => {
    const file = parseTxf(txf(...lines));
    const e = invalid(() => txfCapitalGains(file, 'gains.txf'));
    expect(e.details).toMatchObject({ file: 'gains.txf', line });
    expect(e.message).toContain(why);
  });

  it('accepts a missing final line ending, and X lines inside a sale record', () => {
    const text = [
      ...HEADER,
      'TD',
      'N321',
      'PX',
      'Xnote',
      'D01/02/2024',
      'D01/03/2024',
      '$1',
      '$2',
      '^',
    ].join('\n');
    expect(txfCapitalGains(parseTxf(text))).toMatchObject([
      { costBasisCents: 100, proceedsCents: 200 },
    ]);
  });
});

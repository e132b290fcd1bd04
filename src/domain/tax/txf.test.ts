import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import type { Form8949Box } from './form8949.ts';
import { parseTxf, txfCapitalGains, type TxfCapitalGain } from './txf-parse.ts';
import { TXF_REFNUMS, txfAmount, txfDocument, txfRefnum, type TxfOptions } from './txf.ts';
import { BRK_LONG, QQQ_WASH, SAMPLE_ROWS, VOO_SHORT, VXUS_INHERITED } from './test-helpers.ts';
import type { GainRow } from './types.ts';

const LF: TxfOptions = { exportDate: '2025-02-01', program: 'Ballast 0.1.0', lineEnding: '\n' };

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

describe('txfDocument: TXF V042, record format 5', () => {
  it('writes the header and a format 5 record per row, the wash-sale amount on the last $ line', () => {
    // spec V042 section VII.A (header V, A, D, ^; record T, N, C, L) and format 5 (P, D, D,
    // $ cost, $ sales net, $ disallowed wash sale); example 2D for the wash amount, example 1
    // of section VIII.2 for an empty last $ line
    expect(txfDocument([QQQ_WASH, VXUS_INHERITED], LF)).toBe(
      [
        'V042',
        'ABallast 0.1.0',
        'D02/01/2025',
        '^',
        'TD',
        'N321',
        'C1',
        'L1',
        'P10 sh. QQQ',
        'D02/01/2024',
        'D03/15/2024',
        '$4500.50',
        '$4200.00',
        '$150.25',
        '^',
        'TD',
        'N323',
        'C1',
        'L1',
        'P12.345 sh. VXUS',
        'DINHERITED',
        'D12/30/2024',
        '$800.00',
        '$740.70',
        '$',
        '^',
        '',
      ].join('\n'),
    );
  });

  it('ends every line with CRLF by default, and names the program Ballast', () => {
    const text = txfDocument([VOO_SHORT], { exportDate: '2025-01-31' });
    expect(text.startsWith('V042\r\nABallast\r\nD01/31/2025\r\n^\r\n')).toBe(true);
    expect(text.endsWith('$\r\n^\r\n')).toBe(true);
    // 4 header lines + 11 record lines, each ended by CRLF, no bare LF
    expect(text.split('\r\n')).toHaveLength(16);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
  });

  it('picks the refnums of the spec for each box and term', () => {
    // spec V042 section IV (11/30/2011) and the Schedule D table of section X
    expect(TXF_REFNUMS).toEqual({ A: 321, B: 711, C: 712, D: 323, E: 713, F: 714 });
    expect(txfRefnum('short', 'basis-reported')).toBe(321);
    expect(txfRefnum('long', 'not-reported')).toBe(714);
    const refnums = (box: Form8949Box): string[] =>
      txfDocument(SAMPLE_ROWS, { ...LF, box })
        .split('\n')
        .filter((l) => l.startsWith('N'));
    // SAMPLE_ROWS: long, short, short, long, short
    expect(refnums('basis-reported')).toEqual(['N323', 'N321', 'N321', 'N323', 'N321']);
    expect(refnums('basis-not-reported')).toEqual(['N713', 'N711', 'N711', 'N713', 'N711']);
    expect(refnums('not-reported')).toEqual(['N714', 'N712', 'N712', 'N714', 'N712']);
  });

  it('leaves the date acquired of inherited property empty on request', () => {
    const text = txfDocument([VXUS_INHERITED], { ...LF, inherited: 'blank' });
    expect(text).toContain('P12.345 sh. VXUS\nD\nD12/30/2024\n');
  });

  it('writes amounts in dollars with two decimals, negative with a minus sign', () => {
    expect(txfAmount(123_456)).toBe('$1234.56');
    expect(txfAmount(-50_000)).toBe('$-500.00');
    expect(txfAmount(7)).toBe('$0.07');
  });

  it('refuses bad options and a symbol that is not printable ASCII', () => {
    expect(invalid(() => txfDocument([], { exportDate: '2025-13-01' })).details.field).toBe(
      'exportDate',
    );
    expect(invalid(() => txfDocument([], { ...LF, program: 'a\nb' })).details.field).toBe(
      'program',
    );
    expect(invalid(() => txfDocument([], { ...LF, program: '' })).details.field).toBe('program');
    expect(invalid(() => txfDocument([], { ...LF, lineEnding: '\r' as never })).details.field).toBe(
      'lineEnding',
    );
    expect(
      invalid(() => txfDocument([], { ...LF, inherited: 'none' as never })).details.field,
    ).toBe('inherited');
    expect(invalid(() => txfDocument([], { ...LF, box: 'B' as never })).details.field).toBe('box');
    const e = invalid(() => txfDocument([VOO_SHORT, { ...BRK_LONG, symbol: 'BRK\u00b7B' }], LF));
    expect(e.details.field).toBe('rows[1].symbol');
    expect(invalid(() => txfDocument([{ ...VOO_SHORT, gainCents: 0 }], LF)).details.field).toBe(
      'rows[0].gainCents',
    );
  });

  it('writes only the header for no rows', () => {
    expect(txfDocument([], LF)).toBe('V042\nABallast 0.1.0\nD02/01/2025\n^\n');
  });
});

/** What the reader must give back for `row` written under `box`. */
function expectedGain(row: GainRow, box: Form8949Box): Omit<TxfCapitalGain, 'line'> {
  return {
    refnum: txfRefnum(row.term, box),
    term: row.term,
    box,
    description: `${row.quantity} sh. ${row.symbol}`,
    acquired: row.acquired,
    disposed: row.disposed,
    costBasisCents: row.costBasisCents,
    proceedsCents: row.proceedsCents,
    disallowedCents: row.adjustmentCode === 'W' ? row.adjustmentCents : null,
    format: 5,
  };
}

describe('txfDocument → parseTxf round trip', () => {
  it('gives every field back, cents exact, for the hand-made rows in every box', () => {
    for (const box of ['basis-reported', 'basis-not-reported', 'not-reported'] as const) {
      const text = txfDocument(SAMPLE_ROWS, { exportDate: '2025-02-01', box });
      const file = parseTxf(text);
      expect(file.header).toEqual({ version: '042', program: 'Ballast', exportDate: '2025-02-01' });
      const gains = txfCapitalGains(file);
      expect(gains.map(({ line: _, ...g }) => g)).toEqual(
        SAMPLE_ROWS.map((row) => expectedGain(row, box)),
      );
      // records start after the 4 header lines, 11 lines each
      expect(gains.map((g) => g.line)).toEqual([5, 16, 27, 38, 49]);
    }
    // the wash-sale row's disallowed 150.25 and the fraction's 125.10 come back exact
    const [, , wash, , fraction] = txfCapitalGains(parseTxf(txfDocument(SAMPLE_ROWS, LF)));
    expect(wash!.disallowedCents).toBe(15_025);
    expect(fraction!.proceedsCents).toBe(12_510);
    expect(fraction!.description).toBe('0.5 sh. VTI');
  });

  it('is the identity on arbitrary rows, boxes and line endings (property)', () => {
    const isoDate = fc
      .tuple(
        fc.integer({ min: 1990, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const cents = fc.integer({ min: 0, max: 1e11 });
    const row: fc.Arbitrary<GainRow> = fc
      .record({
        symbol: fc.stringMatching(/^[A-Z][A-Z0-9.]{0,6}$/),
        quantity: fc.integer({ min: 1, max: 10_000_000 }).map((n) => n / 1000),
        acquired: fc.oneof(isoDate, fc.constant('INHERITED' as const)),
        disposed: isoDate,
        proceedsCents: cents,
        costBasisCents: cents,
        wash: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: undefined }),
        term: fc.constantFrom('short' as const, 'long' as const),
      })
      .map(({ wash, ...r }) => ({
        ...r,
        account: 'taxable',
        lotId: 'L1',
        adjustmentCode: wash === undefined ? ('' as const) : ('W' as const),
        adjustmentCents: wash ?? 0,
        gainCents: r.proceedsCents - r.costBasisCents + (wash ?? 0),
        part: r.term === 'short' ? ('I' as const) : ('II' as const),
      }));
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 20 }),
        fc.constantFrom<Form8949Box>('basis-reported', 'basis-not-reported', 'not-reported'),
        fc.constantFrom<'\r\n' | '\n'>('\r\n', '\n'),
        (rows, box, lineEnding) => {
          const text = txfDocument(rows, { exportDate: '2025-02-01', box, lineEnding });
          const gains = txfCapitalGains(parseTxf(text));
          expect(gains.map(({ line: _, ...g }) => g)).toEqual(
            rows.map((r) => expectedGain(r, box)),
          );
          // the description gives the quantity and the symbol back
          gains.forEach((g, i) => {
            const [quantity, symbol] = g.description.split(' sh. ');
            expect(Number(quantity)).toBe(rows[i]!.quantity);
            expect(symbol).toBe(rows[i]!.symbol);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

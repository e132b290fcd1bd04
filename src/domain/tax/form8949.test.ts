import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import {
  FORM_8949_ROWS_PER_PAGE,
  form8949,
  form8949BoxLetter,
  form8949Csv,
  form8949Totals,
} from './form8949.ts';
import { acquiredText, centsDecimal, quantityText, usDate } from './report-cells.ts';
import {
  BRK_LONG,
  QQQ_WASH,
  SAMPLE_ROWS,
  VOO_SHORT,
  VTI_FRACTION,
  VXUS_INHERITED,
  numberedRows,
} from './test-helpers.ts';
import type { GainRow } from './types.ts';

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

describe('cells of the forms', () => {
  it('writes quantities without trailing zeros', () => {
    expect(quantityText(100)).toBe('100');
    expect(quantityText(0.5)).toBe('0.5');
    expect(quantityText(12.34)).toBe('12.34');
    expect(quantityText(1e-9)).toBe('0.000000001');
  });

  it('writes dates MM/DD/YYYY and INHERITED as the IRS instructions ask', () => {
    expect(usDate('2024-03-05')).toBe('03/05/2024');
    expect(acquiredText('2020-12-31')).toBe('12/31/2020');
    expect(acquiredText('INHERITED')).toBe('INHERITED');
  });

  it('writes cents as dollars with two decimals and a minus sign', () => {
    expect(centsDecimal(-3862)).toBe('-38.62');
    expect(centsDecimal(5)).toBe('0.05');
    expect(centsDecimal(-5)).toBe('-0.05');
    expect(centsDecimal(100)).toBe('1.00');
    expect(centsDecimal(0)).toBe('0.00');
  });
});

describe('form8949: parts, boxes, columns and totals', () => {
  it('puts short-term rows in Part I, box A and long-term rows in Part II, box D by default', () => {
    const [partI, partII, ...rest] = form8949(SAMPLE_ROWS);
    expect(rest).toEqual([]);
    expect(partI!.part).toBe('I');
    expect(partI!.term).toBe('short');
    expect(partI!.box).toBe('A');
    // input order kept within the part
    expect(partI!.lines.map((l) => l.row)).toEqual([VOO_SHORT, QQQ_WASH, VTI_FRACTION]);
    expect(partII!.part).toBe('II');
    expect(partII!.box).toBe('D');
    expect(partII!.lines.map((l) => l.row)).toEqual([BRK_LONG, VXUS_INHERITED]);
  });

  it('writes columns (a)–(h) of a line', () => {
    const [partI, partII] = form8949(SAMPLE_ROWS);
    expect(partI!.lines[1]).toMatchObject({
      description: '10 sh. QQQ',
      acquired: '02/01/2024',
      sold: '03/15/2024',
      proceedsCents: 420_000,
      costBasisCents: 450_050,
      code: 'W',
      adjustmentCents: 15_025,
      gainCents: -15_025,
    });
    expect(partI!.lines[2]!.description).toBe('0.5 sh. VTI');
    expect(partII!.lines[1]).toMatchObject({
      description: '12.345 sh. VXUS',
      acquired: 'INHERITED',
      sold: '12/30/2024',
      code: '',
    });
  });

  it('adds up line 2: (d), (e), (g), (h) per part', () => {
    const [partI, partII] = form8949(SAMPLE_ROWS);
    // Part I: d = 48,512.34 + 4,200.00 + 125.10 = 52,837.44
    //         e = 45,000.00 + 4,500.50 + 130.00 = 49,630.50
    //         g = 150.25
    //         h = 3,512.34 − 150.25 − 4.90 = 3,357.19 (= d − e + g)
    expect(partI!.totals).toEqual({
      proceedsCents: 5_283_744,
      costBasisCents: 4_963_050,
      adjustmentCents: 15_025,
      gainCents: 335_719,
    });
    // Part II: d = 11,500.00 + 740.70 = 12,240.70; e = 5,000.00 + 800.00 = 5,800.00; g = 0;
    //          h = 6,500.00 − 59.30 = 6,440.70
    expect(partII!.totals).toEqual({
      proceedsCents: 1_224_070,
      costBasisCents: 580_000,
      adjustmentCents: 0,
      gainCents: 644_070,
    });
  });

  it('maps the box option to A/B/C and D/E/F', () => {
    const letters = (box: 'basis-reported' | 'basis-not-reported' | 'not-reported'): string[] =>
      form8949(SAMPLE_ROWS, { box }).map((s) => s.box);
    expect(letters('basis-reported')).toEqual(['A', 'D']);
    expect(letters('basis-not-reported')).toEqual(['B', 'E']);
    expect(letters('not-reported')).toEqual(['C', 'F']);
    expect(form8949BoxLetter('II', 'not-reported')).toBe('F');
  });

  it('leaves out a part without rows, and gives no sections for no rows', () => {
    expect(form8949([BRK_LONG]).map((s) => s.part)).toEqual(['II']);
    expect(form8949([])).toEqual([]);
    expect(form8949Totals([])).toEqual({
      proceedsCents: 0,
      costBasisCents: 0,
      adjustmentCents: 0,
      gainCents: 0,
    });
  });
});

describe('form8949: pages of 14 lines', () => {
  it('splits 30 rows into pages of 14, 14 and 2 with the totals of each page', () => {
    expect(FORM_8949_ROWS_PER_PAGE).toBe(14);
    const [section] = form8949(numberedRows(30));
    expect(section!.pages.map((p) => p.lines.length)).toEqual([14, 14, 2]);
    // row k has proceeds and gain k × 10.00: page 1 adds k = 1…14 → 105 × 10.00 = 1,050.00;
    // page 2 k = 15…28 → 406 − 105 = 301 → 3,010.00; page 3 k = 29, 30 → 59 → 590.00;
    // the part 30 × 31 / 2 = 465 → 4,650.00
    expect(section!.pages.map((p) => p.totals.gainCents)).toEqual([105_000, 301_000, 59_000]);
    expect(section!.pages.map((p) => p.totals.proceedsCents)).toEqual([105_000, 301_000, 59_000]);
    expect(section!.totals.gainCents).toBe(465_000);
    expect(section!.pages[2]!.lines.map((l) => l.row.lotId)).toEqual(['L29', 'L30']);
  });

  it('keeps exactly 14 rows on one page, and puts a 15th on a second', () => {
    expect(form8949(numberedRows(14))[0]!.pages).toHaveLength(1);
    expect(form8949(numberedRows(15))[0]!.pages.map((p) => p.lines.length)).toEqual([14, 1]);
  });
});

describe('form8949Csv', () => {
  it('writes a header and one line per row, Part I first, quoting when needed', () => {
    expect(form8949Csv(SAMPLE_ROWS)).toBe(
      [
        'part,box,description,date_acquired,date_sold,proceeds,cost_basis,code,adjustment,gain,symbol,quantity,account,lot_id',
        'I,A,100 sh. VOO,01/10/2024,06/03/2024,48512.34,45000.00,,0.00,3512.34,VOO,100,taxable,L2',
        'I,A,10 sh. QQQ,02/01/2024,03/15/2024,4200.00,4500.50,W,150.25,-150.25,QQQ,10,"Joint, ""main""",L5',
        'I,A,0.5 sh. VTI,05/01/2024,05/20/2024,125.10,130.00,,0.00,-4.90,VTI,0.5,taxable,L7',
        'II,D,25 sh. BRK.B,03/16/2020,11/01/2024,11500.00,5000.00,,0.00,6500.00,BRK.B,25,taxable,L1',
        'II,D,12.345 sh. VXUS,INHERITED,12/30/2024,740.70,800.00,,0.00,-59.30,VXUS,12.345,taxable,L9',
      ].join('\n'),
    );
  });

  it('writes the box letters of the option, and only the header for no rows', () => {
    const lines = form8949Csv([VOO_SHORT, BRK_LONG], { box: 'not-reported' }).split('\n');
    expect(lines.slice(1).map((l) => l.slice(0, 4))).toEqual(['I,C,', 'II,F']);
    expect(form8949Csv([])).toBe(
      'part,box,description,date_acquired,date_sold,proceeds,cost_basis,code,adjustment,gain,symbol,quantity,account,lot_id',
    );
  });
});

describe('form8949: bad rows and options', () => {
  const bad = (patch: Partial<Record<keyof GainRow, unknown>>): GainRow[] => [
    VOO_SHORT,
    { ...QQQ_WASH, ...patch } as GainRow,
  ];

  it.each([
    [{ gainCents: -15_000 }, 'rows[1].gainCents', 'd − e + g = -15025'],
    [{ adjustmentCode: '' }, 'rows[1].adjustmentCents', "must be 0 without code 'W'"],
    [{ adjustmentCode: 'X' }, 'rows[1].adjustmentCode', "must be '' or 'W'"],
    [
      { adjustmentCents: -1, gainCents: -30_051 },
      'rows[1].adjustmentCents',
      'must not be negative',
    ],
    [{ proceedsCents: 1.5 }, 'rows[1].proceedsCents', 'whole number of cents'],
    [{ part: 'II' }, 'rows[1].part', "must be 'I' for a short-term row"],
    [{ term: 'medium' }, 'rows[1].term', "must be 'short' or 'long'"],
    [{ acquired: '2024-02-30' }, 'rows[1].acquired', 'YYYY-MM-DD date or INHERITED'],
    [{ disposed: 'INHERITED' }, 'rows[1].disposed', 'YYYY-MM-DD date'],
    [{ quantity: -1 }, 'rows[1].quantity', 'number of shares ≥ 0'],
    [{ symbol: ' ' }, 'rows[1].symbol', 'non-empty symbol'],
  ])('refuses %j naming %s', (patch, field, why) => {
    const e = invalid(() => form8949(bad(patch)));
    expect(e.details.field).toBe(field);
    expect(e.message).toContain(why);
  });

  it('describes a return of capital beyond basis (0 shares) in words', () => {
    const [section] = form8949([{ ...SAMPLE_ROWS[0]!, quantity: 0 }]);
    expect(section!.lines[0]!.description).toBe(
      `${SAMPLE_ROWS[0]!.symbol} return of capital over basis`,
    );
  });

  it('refuses an unknown box', () => {
    const e = invalid(() => form8949Csv(SAMPLE_ROWS, { box: 'A' as never }));
    expect(e.details.field).toBe('box');
  });
});

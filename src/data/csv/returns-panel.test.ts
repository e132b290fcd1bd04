import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignCommon } from '../../domain/series/align-common.ts';
import { parseReturnsFileCsv } from '../providers/csv-file.ts';
import { readReturnsPanel, returnsPanelWarnings } from './returns-panel.ts';

const read = (text: string, options = {}) => readReturnsPanel({ text, name: 'r.csv' }, options);
const plain = (panel: ReturnType<typeof read>) => ({
  ids: panel.ids,
  dates: panel.dates,
  columns: panel.columns.map((c) => [...c]),
});

/** The error's code, message and details. */
function failure(run: () => unknown): { code: unknown; message: string; details: unknown } {
  try {
    run();
  } catch (e) {
    const error = e as { code?: unknown; message: string; details?: unknown };
    return { code: error.code, message: error.message, details: error.details };
  }
  throw new Error('expected an error');
}

describe('readReturnsPanel', () => {
  it('reads columns on the dates every column has, and counts the dates dropped', () => {
    const panel = read(
      [
        'date,spy,tlt',
        '2024-01-02,0.01,-0.02',
        '2024-01-03,0.03,', // TLT missing: the date drops for both columns
        '2024-01-04,-0.5,2.5E-01',
      ].join('\n'),
    );
    expect(plain(panel)).toEqual({
      ids: ['SPY', 'TLT'],
      dates: ['2024-01-02', '2024-01-04'],
      columns: [
        [0.01, -0.5],
        [-0.02, 0.25],
      ],
    });
    expect(panel.columns[0]).toBeInstanceOf(Float64Array);
    expect(panel.dropped).toEqual({
      count: 1,
      total: 3,
      dates: ['2024-01-03'],
      emptyCells: { TLT: 1 },
    });
    expect(returnsPanelWarnings(panel, 'returns')).toEqual([
      {
        code: 'DATES_DROPPED',
        message: 'returns: 1 of 3 dates dropped (a value is missing: TLT 1); 2 used',
        details: {
          field: 'returns',
          dropped: 1,
          total: 3,
          dates: ['2024-01-03'],
          missingBySeries: { TLT: 1 },
        },
      },
    ]);
  });

  it('gives no warning when nothing is dropped, and keeps lower-case ids when asked', () => {
    const panel = read(',us_large_equity\n2024-01-02,0.5\n', { columnCase: 'lower' });
    expect(panel.ids).toEqual(['us_large_equity']);
    expect(returnsPanelWarnings(panel, 'returns')).toEqual([]);
  });

  it('reads quoted cells, CRLF line ends, a byte-order mark, blanks around values and blank lines', () => {
    const text = '\uFEFF"date","A"\r\n\r\n2024-01-02,"0.5"\r\n2024-01-03,\t0.25 \r\n';
    expect(plain(read(text))).toEqual({
      ids: ['A'],
      dates: ['2024-01-02', '2024-01-03'],
      columns: [[0.5, 0.25]],
    });
    // The blank second line still counts: the bad row is line 5.
    expect(failure(() => read(`${text}2024-01-04,x\r\n`)).details).toMatchObject({ line: 5 });
  });

  it.each([
    ['a non-number', '2024-01-03,abc', 'column "a": not a number (got "abc")'],
    [
      'a percentage',
      '2024-01-03,5%',
      'column "a": not a number (write decimals: 0.05, not 5%) (got "5%")',
    ],
    ['a return below −100 %', '2024-01-03,-1.5', 'column "a": must be at least -1 (got "-1.5")'],
    ['an infinite number', '2024-01-03,1e999', 'column "a": not a finite number (got "1e999")'],
    [
      'an impossible date',
      '2024-02-30,0.1',
      'column "date": not a calendar date in YYYY-MM-DD form (got "2024-02-30")',
    ],
    ['a missing date', ',0.1', 'column "date": a date is required (got "")'],
    [
      'a date out of order',
      '2024-01-01,0.1',
      'column "date": dates must be ascending and unique (previous row: 2024-01-02) (got "2024-01-01")',
    ],
    [
      'a repeated date',
      '2024-01-02,0.1',
      'column "date": dates must be ascending and unique (previous row: 2024-01-02) (got "2024-01-02")',
    ],
  ])('refuses %s, naming file, line, column and value', (_what, row, message) => {
    const e = failure(() => read(`date,A\n2024-01-02,0.01\n${row}\n`));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe(`r.csv:3: ${message}`);
    expect(e.details).toMatchObject({ file: 'r.csv', line: 3 });
  });

  it('treats a truncated row as an error, not as missing values', () => {
    const e = failure(() => read('date,A,B\n2024-01-02,0.01,0.02\n2024-01-03,0.01\n'));
    expect(e).toEqual({
      code: 'INVALID_INPUT',
      message:
        'r.csv:3: 2 cells but the header has 3 columns (a truncated row: leave a cell empty for a missing value)',
      details: { file: 'r.csv', line: 3 },
    });
  });

  it.each([
    ['when,A\n', 'r.csv:1: column "when": the first column must be the date'],
    ['date\n', 'r.csv:1: column "date": no return columns after the date'],
    ['date,A,a\n', 'r.csv:1: column "A": appears twice'],
    ['date,,B\n', 'r.csv:1: column "": a return column needs a name'],
    ['date,A\n2024-01-02,1,2\n', 'r.csv:2: 3 cells but the header has 2 columns'],
    ['\n \n', 'r.csv: the file is empty (a header line is required)'],
    ['date,A\n2024-01-02,"0.1\n', 'r.csv:2: a quoted field is not closed'],
  ])('refuses the malformed file %j', (text, message) => {
    expect(failure(() => read(text))).toMatchObject({ code: 'INVALID_INPUT', message });
  });

  it('reports a later malformed line before an earlier bad value, as the CSV parser does', () => {
    const e = failure(() => read('date,A\n2024-01-02,x\n2024-01-03,1,2\n'));
    expect(e.message).toBe('r.csv:3: 3 cells but the header has 2 columns');
  });

  it('names each column’s first and last date when no date has every value', () => {
    const e = failure(() => read('date,A,B\n2024-01-02,0.1,\n2024-01-03,,0.2\n2024-01-04,0.3,\n'));
    expect(e).toEqual({
      code: 'INSUFFICIENT_DATA',
      message: 'no common dates: A 2024-01-02..2024-01-04; B 2024-01-03..2024-01-03',
      details: { ids: ['A', 'B'] },
    });
  });

  it('streams a file in chunks of any size to the same panel, multi-byte characters included', () => {
    const text = 'date,"é, ü",B\n2024-01-02,0.1,"0.2"\n2024-01-03, 0.3 ,-0.4\r\n2024-01-04,0.5,0.6';
    const path = join(mkdtempSync(join(tmpdir(), 'ballast-panel-')), 'r.csv');
    writeFileSync(path, text);
    const whole = plain(read(text));
    expect(whole.ids).toEqual(['É, Ü', 'B']);
    for (const chunkBytes of [1, 2, 3, 7, 64]) {
      expect(plain(readReturnsPanel({ path }, { chunkBytes }))).toEqual(whole);
    }
  });

  it('says which input it could not read', () => {
    const e = failure(() => readReturnsPanel({ path: '/nonexistent/r.csv' }, { what: 'returns' }));
    expect(e).toMatchObject({
      code: 'NOT_FOUND',
      message: 'returns: cannot read /nonexistent/r.csv: no such file',
    });
  });

  it('equals alignCommon(parseReturnsFileCsv(...)) on random panels, errors included', () => {
    const cell = fc.oneof(
      { weight: 8, arbitrary: fc.double({ min: -1, max: 5, noNaN: true }).map(String) },
      { weight: 1, arbitrary: fc.constantFrom('', ' ', '0.5', '"0.25"', '-1', '1e-3', 'x', '-2') },
    );
    const panel = fc
      .record({
        width: fc.integer({ min: 1, max: 4 }),
        rows: fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 12 }),
        gaps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 }),
      })
      .map(({ width, rows, gaps }) => {
        const lines = [['date', ...['A', 'B', 'C', 'D'].slice(0, width)].join(',')];
        let day = 1;
        rows.forEach((cells, t) => {
          day += gaps[t]!; // a gap of 0 repeats a date
          lines.push(
            [`2024-01-${String(day).padStart(2, '0')}`, ...cells.slice(0, width)].join(','),
          );
        });
        return lines.join('\n');
      });
    fc.assert(
      fc.property(panel, (text) => {
        const reference = (): unknown => {
          const file = parseReturnsFileCsv(text, 'r.csv');
          return alignCommon(
            file.columns.map((id) => ({ id, series: file.seriesByColumn.get(id)! })),
          );
        };
        let expected: unknown;
        try {
          const t = reference() as ReturnType<typeof read>;
          expected = { ids: t.ids, dates: t.dates, columns: t.columns.map((c) => [...c]) };
        } catch (e) {
          expected = failure(() => {
            throw e;
          });
        }
        let actual: unknown;
        try {
          actual = plain(read(text));
        } catch (e) {
          actual = failure(() => {
            throw e;
          });
        }
        expect(actual).toStrictEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });
});

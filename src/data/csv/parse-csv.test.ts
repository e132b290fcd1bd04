import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceParseCsv } from '../../../test/helpers/reference-csv.ts';
import { parseCsv, scanCsv } from './parse-csv.ts';

/** The table, or the error's code, message and details. */
function outcome(parse: () => unknown): unknown {
  try {
    return parse();
  } catch (e) {
    const error = e as { code?: unknown; message: string; details?: unknown };
    return { code: error.code, message: error.message, details: error.details };
  }
}

/** CSV-ish text from pieces that exercise quoting, line ends, blanks and a byte-order mark. */
const csvText = fc
  .array(
    fc.constantFrom('a', 'B', ' ', ',', '"', '""', '\n', '\r', '\r\n', '\t', '1.5', '\u00a0', 'é'),
    { maxLength: 40 },
  )
  .chain((pieces) => fc.constantFrom('', '\uFEFF').map((bom) => bom + pieces.join('')));

describe('parseCsv', () => {
  it('gives the records and errors of the character-at-a-time reference parser', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        expect(outcome(() => parseCsv(text, 'f.csv'))).toStrictEqual(
          outcome(() => referenceParseCsv(text, 'f.csv')),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('reads quoted cells with commas, doubled quotes and line ends, counting editor lines', () => {
    const t = parseCsv('h1,h2\n"a,b","say ""hi""\nthere"\n\nx,y\n', 'f.csv');
    expect(t.header).toEqual(['h1', 'h2']);
    expect(t.rows).toEqual([
      { line: 2, cells: { h1: 'a,b', h2: 'say "hi"\nthere' } },
      { line: 5, cells: { h1: 'x', h2: 'y' } },
    ]);
  });
});

describe('scanCsv', () => {
  it('reports the errors in parseCsv order, not file order: extra cells before a visitor error', () => {
    const rows: number[] = [];
    const error = outcome(() =>
      scanCsv('a,b\n1,2\n3,4\n5,6,7\n', 'f.csv', {
        header: () => {},
        row: (_cells, line) => {
          rows.push(line);
          if (line === 3) throw new Error('visitor');
        },
      }),
    );
    expect(error).toMatchObject({ message: 'f.csv:4: 3 cells but the header has 2 columns' });
    // The visitor is not called again after it failed.
    expect(rows).toEqual([2, 3]);
  });

  it('rethrows the visitor error when the file is otherwise well formed', () => {
    expect(
      outcome(() =>
        scanCsv('a\n1\n', 'f.csv', {
          header: () => {
            throw new Error('bad header');
          },
          row: () => {},
        }),
      ),
    ).toMatchObject({ message: 'bad header' });
  });
});

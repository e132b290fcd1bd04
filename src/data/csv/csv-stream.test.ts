import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BallastError } from '../../domain/errors.ts';
import { csvBatches } from './csv-stream.ts';
import { parseCsv } from './parse-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'ballast-csv-stream-'));
let n = 0;
function file(text: string): string {
  const path = join(dir, `f${++n}.csv`);
  writeFileSync(path, text);
  return path;
}

/** Every row of a streamed read (cells by name, trimmed, as parseCsv gives them), in tiny chunks. */
function streamed(path: string, batchRows = 2, chunkBytes = 7) {
  const batches = [...csvBatches({ path }, { what: 'file', batchRows, chunkBytes })];
  const header = batches[0]!.header;
  const rows = batches.flatMap((b) =>
    b.rows.map((r) => ({
      line: r.line,
      cells: Object.fromEntries(header.map((h, i) => [h, (r.cells[i] ?? '').trim()])),
    })),
  );
  return { header, rows, batches };
}

describe('csvBatches (checked against parseCsv on the whole text)', () => {
  it('a file with a BOM, CRLF, blank lines, quoted commas, doubled quotes and a line break in quotes reads as parseCsv reads it', () => {
    const text =
      '\ufeffDate , Close\r\n2024-01-02,"1,5"\r\n\r\n2024-01-03,"say ""hi"""\r\n' +
      '2024-01-04,"two\nlines"\n , \n2024-01-05,7\n2024-01-06';
    const { header, rows } = streamed(file(text));
    const whole = parseCsv(text, 'x');
    expect(header).toEqual(whole.header);
    expect(rows).toEqual(whole.rows);
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5, 8, 9]);
  });

  it('hands over batches of at most batchRows rows (fewer for a wide file), in order', () => {
    const wide = ['date,a,b,c,d', '2024-01-01,1,2,3,4', '2024-01-02,1,2,3,4', '2024-01-03,1,2,3,4'];
    const cells = [
      ...csvBatches({ path: file(wide.join('\n')) }, { what: 'f', batchRows: 9, batchCells: 10 }),
    ];
    expect(cells.map((b) => b.rows.length)).toEqual([2, 1]); // ⌊10 / 5 columns⌋ = 2 rows a batch
  });

  it('hands over batches of at most batchRows rows, in order', () => {
    const lines = ['date,close', ...Array.from({ length: 7 }, (_, i) => `2024-01-0${i + 1},${i}`)];
    const { batches } = streamed(file(lines.join('\n')), 3, 16);
    expect(batches.filter((b) => b.rows.length > 0).map((b) => b.rows.length)).toEqual([3, 3, 1]);
    expect(batches.at(-1)!.consumed).toBe(lines.join('\n').length);
  });

  it('a row with more cells than the header is INVALID_INPUT naming the line', () => {
    const path = file('date,close\n2024-01-02,1\n2024-01-03,1,2\n');
    expect(() => streamed(path)).toThrow(/f\d+\.csv:3: 3 cells but the header has 2 columns/);
  });

  it('an empty file and an unclosed quote are INVALID_INPUT; a missing file is NOT_FOUND', () => {
    expect(() => streamed(file('\n\n'))).toThrow(/the file is empty/);
    expect(() => streamed(file('date,close\n2024-01-02,"1\n'))).toThrow(
      /:2: a quoted field is not closed/,
    );
    try {
      streamed(join(dir, 'missing.csv'));
      expect.unreachable();
    } catch (e) {
      expect((e as BallastError).code).toBe('NOT_FOUND');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { renderCsv, renderTable, type Column } from './table.ts';

interface Row {
  readonly name: string;
  readonly value: number;
}

const columns: Column<Row>[] = [
  { title: 'Name', value: (r) => r.name },
  { title: 'Value', value: (r) => String(r.value), align: 'right' },
];

describe('renderTable', () => {
  it('pads to the widest cell or title, right-aligns by choice and trims line ends', () => {
    const text = renderTable(
      [
        { name: 'a', value: 1 },
        { name: 'longer', value: 12345 },
      ],
      columns,
    );
    // Widths: max(4, 1, 6) = 6 and max(5, 1, 5) = 5, two spaces between columns.
    expect(text.split('\n')).toEqual([
      'Name    Value',
      '──────  ─────',
      'a           1',
      'longer  12345',
    ]);
  });

  it('renders a table of 200,000 rows (more than a call can take as spread arguments)', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ name: `r${i}`, value: i }));
    const lines = renderTable(rows, columns).split('\n');
    expect(lines).toHaveLength(200_002);
    // The widest name is "r199999" (7 characters), the widest value "199999" (6).
    expect(lines.at(-1)).toBe('r199999  199999');
    expect(lines[2]).toBe('r0            0');
  });
});

describe('renderCsv', () => {
  it('quotes fields with a comma, a quote or a line end and doubles inner quotes', () => {
    const text = renderCsv(
      [
        { name: 'plain', value: 1 },
        { name: 'a,b', value: 2 },
        { name: 'say "hi"', value: 3 },
        { name: 'two\nlines', value: 4 },
        { name: 'cr\rhere', value: 5 },
      ],
      columns,
    );
    expect(text).toBe('Name,Value\nplain,1\n"a,b",2\n"say ""hi""",3\n"two\nlines",4\n"cr\rhere",5');
  });
});

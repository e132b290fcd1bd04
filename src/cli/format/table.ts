/** A column of a printed table. */
export interface Column<T> {
  readonly title: string;
  readonly value: (row: T) => string;
  readonly align?: 'left' | 'right';
}

/**
 * Renders rows as a plain-text table with a header rule; numbers are right-aligned by choice.
 * Widths are found in one pass over the cells (no argument spreading), so a table of a million
 * rows renders like a small one.
 */
export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((row) => columns.map((c) => c.value(row)));
  const widths = columns.map((c) => c.title.length);
  for (const r of cells) {
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, r[i]!.length);
  }
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) =>
        columns[i]!.align === 'right' ? v.padStart(widths[i]!) : v.padEnd(widths[i]!),
      )
      .join('  ')
      .trimEnd();
  const header = line(columns.map((c) => c.title));
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const out = [header, rule];
  for (const r of cells) out.push(line(r));
  return out.join('\n');
}

const NEEDS_QUOTES = /[",\n\r]/;

/** One CSV field: quoted (inner quotes doubled) when it holds a comma, a quote or a line end. */
function csvField(v: string): string {
  return NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Renders rows as RFC 4180 CSV (fields with commas, quotes or line ends are quoted). */
export function renderCsv<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const lines = [columns.map((c) => csvField(c.title)).join(',')];
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      line += (i === 0 ? '' : ',') + csvField(columns[i]!.value(row));
    }
    lines.push(line);
  }
  return lines.join('\n');
}

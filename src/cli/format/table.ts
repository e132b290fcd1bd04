/** A column of a printed table. */
export interface Column<T> {
  readonly title: string;
  readonly value: (row: T) => string;
  readonly align?: 'left' | 'right';
}

/** Renders rows as a plain-text table with a header rule; numbers are right-aligned by choice. */
export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((row) => columns.map((c) => c.value(row)));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) =>
        columns[i]!.align === 'right' ? v.padStart(widths[i]!) : v.padEnd(widths[i]!),
      )
      .join('  ')
      .trimEnd();
  const header = line(columns.map((c) => c.title));
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [header, rule, ...cells.map(line)].join('\n');
}

/** Renders rows as RFC 4180 CSV (fields with commas, quotes or newlines are quoted). */
export function renderCsv<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const esc = (v: string): string => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return [columns.map((c) => esc(c.title)), ...rows.map((r) => columns.map((c) => esc(c.value(r))))]
    .map((r) => r.join(','))
    .join('\n');
}

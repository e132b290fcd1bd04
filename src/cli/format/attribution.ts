/**
 * Position attribution of `ballast performance` for people: a compact table of the
 * Carino-linked contributions over the window and by period.
 */

import { CASH_OTHER, type PerformanceDocument } from '../../app/performance.ts';
import { renderTable, type Column } from './table.ts';

/** Periods shown as columns of the table beside the total (more: total only). */
export const MAX_PERIOD_COLUMNS = 6;

/** A contribution in percent with two decimals (0.04 % must not print as 0.0 %; no `-0.00%`). */
export function fmtContribution(x: number): string {
  const s = (x * 100).toFixed(2);
  return `${s === '-0.00' ? '0.00' : s}%`;
}

/** One column of the table: the window (`Total`) or one period, with the TWR its lines add up to. */
interface Span {
  readonly title: string;
  readonly twr: number;
  readonly contributions: Readonly<Record<string, number>>;
}

type Row = { readonly label: string; readonly value: (s: Span) => number };

/**
 * "Contribution by position": one row per position (symbols, then `cash/other`) and a last
 * row with the TWR they add up to; a Total column, plus one column per period when there are
 * at most {@link MAX_PERIOD_COLUMNS} periods.
 */
export function attributionTable(doc: PerformanceDocument): string {
  const { attribution } = doc;
  const twrOf = new Map(doc.periods.map((p) => [p.period, p.twr]));
  const periods: Span[] =
    attribution.periods.length <= MAX_PERIOD_COLUMNS
      ? attribution.periods.map((p) => ({
          title: p.period,
          twr: twrOf.get(p.period) ?? 0,
          contributions: p.contributions,
        }))
      : [];
  const total: Span = { title: 'Total', twr: doc.twr, contributions: attribution.total };
  const rows: Row[] = [
    ...Object.keys(attribution.total).map((p) => ({
      label: p,
      value: (s: Span) => s.contributions[p] ?? 0,
    })),
    { label: 'TWR (sum)', value: (s: Span) => s.twr },
  ];
  const columns: Column<Row>[] = [
    { title: 'Position', value: (r) => r.label },
    ...[total, ...periods].map((s): Column<Row> => ({
      title: s.title,
      value: (r) => fmtContribution(r.value(s)),
      align: 'right',
    })),
  ];
  return [
    `Contribution by position (${attribution.method}; ${CASH_OTHER} = interest, fees and cash not tied to a symbol)`,
    renderTable(rows, columns),
  ].join('\n');
}

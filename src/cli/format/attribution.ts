/**
 * Position attribution of `ballast performance` for people (a compact table) and machines
 * (the JSON block): Carino-linked contributions over the window and by period.
 */

import {
  CASH_OTHER,
  type LinkedPeriod,
  type PositionAttribution,
} from '../../domain/performance/attribution.ts';
import { roundFine } from './numbers.ts';
import { renderTable, type Column } from './table.ts';

/** Periods shown as columns of the table beside the total (more: total only). */
export const MAX_PERIOD_COLUMNS = 6;

/** A contribution in percent with two decimals (0.04 % must not print as 0.0 %; no `-0.00%`). */
export function fmtContribution(x: number): string {
  const s = (x * 100).toFixed(2);
  return `${s === '-0.00' ? '0.00' : s}%`;
}

type Row = { readonly label: string; readonly value: (p: LinkedPeriod) => number };

/**
 * "Contribution by position": one row per position (symbols, then `cash/other`) and a last
 * row with the TWR they add up to; a Total column, plus one column per period when there are
 * at most {@link MAX_PERIOD_COLUMNS} periods.
 */
export function attributionTable(attribution: PositionAttribution): string {
  const periods = attribution.periods.length <= MAX_PERIOD_COLUMNS ? attribution.periods : [];
  const rows: Row[] = [
    ...attribution.positions.map((p) => ({
      label: p,
      value: (l: LinkedPeriod) => l.contributions[p] ?? 0,
    })),
    { label: 'TWR (sum)', value: (l: LinkedPeriod) => l.twr },
  ];
  const columns: Column<Row>[] = [
    { title: 'Position', value: (r) => r.label },
    { title: 'Total', value: (r) => fmtContribution(r.value(attribution.total)), align: 'right' },
    ...periods.map((p): Column<Row> => ({
      title: p.period,
      value: (r) => fmtContribution(r.value(p)),
      align: 'right',
    })),
  ];
  return [
    `Contribution by position (${attribution.method}; ${CASH_OTHER} = interest, fees and cash not tied to a symbol)`,
    renderTable(rows, columns),
  ].join('\n');
}

/** The JSON block: `{ method, total: { SYMBOL: c, … }, periods: [{ period, contributions }] }`. */
export function attributionJson(attribution: PositionAttribution): unknown {
  const round = (c: Readonly<Record<string, number>>): Record<string, number> =>
    Object.fromEntries(attribution.positions.map((p) => [p, roundFine(c[p] ?? 0)]));
  return {
    method: attribution.method,
    total: round(attribution.total.contributions),
    periods: attribution.periods.map((p) => ({
      period: p.period,
      contributions: round(p.contributions),
    })),
  };
}

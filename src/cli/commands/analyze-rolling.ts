/** `ballast analyze --rolling N`: the flag and the last / lowest / highest table. */

import type { RollingReport } from '../../app/analyze.ts';
import { renderTable } from '../format/table.ts';
import { integerFlag } from './analytics-flags.ts';

/** Parses `--rolling N`: an integer window ≥ 2 (INVALID_INPUT naming the flag otherwise). */
export function rollingWindowOption(value: string | undefined): number | undefined {
  return integerFlag('--rolling', value, 2);
}

/** Table of each rolling measure's last, lowest and highest window value (dates included). */
export function renderRollingSummary(report: RollingReport): string {
  const keys = ['return', 'volatility', 'sharpe', 'maxDrawdown', 'beta'] as const;
  const rows = keys.flatMap((key) => {
    const values = report.points
      .map((p) => ({ date: p.date, value: p[key] }))
      .filter((v): v is { date: string; value: number } => typeof v.value === 'number');
    if (values.length === 0) return [];
    const low = values.reduce((a, b) => (b.value < a.value ? b : a));
    const high = values.reduce((a, b) => (b.value > a.value ? b : a));
    const last = values.at(-1)!;
    return [{ key, last, low, high }];
  });
  const cell = (v: { date: string; value: number }): string =>
    `${v.value.toPrecision(4)} (${v.date})`;
  return renderTable(rows, [
    { title: `Rolling ${report.window}`, value: (r) => r.key },
    { title: 'Last', value: (r) => cell(r.last), align: 'right' },
    { title: 'Lowest', value: (r) => cell(r.low), align: 'right' },
    { title: 'Highest', value: (r) => cell(r.high), align: 'right' },
  ]);
}

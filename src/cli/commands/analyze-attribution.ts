/** `ballast analyze --exposure-returns FILE`: the Attribution table. */

import type { AttributionReport } from '../../app/analyze.ts';
import { renderTable } from '../format/table.ts';

/** The "Attribution" table: linked lines by position, then by exposure, each with its total. */
export function renderAttribution(report: AttributionReport): string {
  const rows: [string, string, number][] = [
    ...Object.entries(report.byPosition).map(([s, c]): [string, string, number] => [
      'position',
      s,
      c,
    ]),
    ['position', 'total', report.totalReturn],
    ...Object.entries(report.byExposure).flatMap(([k, v]): [string, string, number][] =>
      typeof v === 'number'
        ? [k === 'financing' ? ['financing', '—', v] : ['exposure', k, v]]
        : Object.entries(v).map(([s, c]): [string, string, number] => ['implementation', s, c]),
    ),
    ['exposure', 'total', report.totalReturn],
  ];
  return [
    '',
    `Attribution (Carino-linked, ${report.periods} periods ${report.from}..${report.to}, rebalanced every period)`,
    renderTable(rows, [
      { title: 'Line', value: ([kind]) => kind },
      { title: 'Name', value: ([, name]) => name },
      { title: 'Contribution', value: ([, , c]) => c.toPrecision(6), align: 'right' },
    ]),
  ].join('\n');
}

/**
 * `ballast analyze --exposure-returns FILE [--funds FILE]`: return attribution of the analysed
 * portfolio (fixed weights, rebalanced every period) by position and by economic exposure, both
 * Carino-linked over the horizon so each set of lines adds up to the compounded return.
 *
 * - Loadings: the returns columns are mapped to exposures by {@link exposureMap} (a fund symbol
 *   of `--funds`/config/funds.yaml gets its definition; a column that is an exposure id gets 1 on
 *   itself; anything else is an error naming it).
 * - The exposure returns file is `date,<exposure ids>[,cash_rate]`, simple returns per period,
 *   column names matched case-insensitively. `cash_rate` is the financing series (and the return
 *   of a `cash_rate` loading); without it no financing line is shown and the implementation
 *   lines absorb the financing cost of levered funds. A column that is neither an exposure id of
 *   config/exposures.yaml nor loaded by a fund is an error.
 * - Dates: only the dates on which every member, every loaded exposure and the cash series have
 *   a return (explicit intersection, never filled); `periods`, `from` and `to` report them.
 */

import {
  alignExposureAttribution,
  linkExposureAttribution,
  periodExposureAttribution,
} from '../../domain/analytics/exposure-attribution.ts';
import { linkCarino, periodContributions } from '../../domain/analytics/return-attribution.ts';
import { invalidInput } from '../../domain/errors.ts';
import type { ReturnSeries } from '../../domain/series/types.ts';
import { parseReturnsFileCsv } from '../../data/providers/csv-file.ts';
import { renderTable } from '../format/table.ts';
import { readTextFile } from '../io.ts';
import { exposureMap } from '../optimize/exposure-flags.ts';

/** One member of the analysed portfolio. */
export interface PortfolioMember {
  readonly symbol: string;
  readonly weight: number;
  readonly series: ReturnSeries;
}

/** The `attribution` block of `ballast analyze --format json`. */
export interface AttributionReport {
  readonly method: 'carino';
  readonly periods: number;
  readonly from: string;
  readonly to: string;
  /** Π(1 + R_t) − 1 over the attribution periods; every set of lines adds up to it. */
  readonly totalReturn: number;
  readonly byPosition: Record<string, number>;
  readonly byExposure: Record<string, number | Record<string, number>>;
}

const CASH = 'cash_rate';
const RESERVED = new Set(['financing', 'implementation']);

/** Computes the attribution block (module TSDoc). */
export async function attributionReport(args: {
  readonly members: readonly PortfolioMember[];
  readonly exposureReturns: string;
  readonly funds?: string | undefined;
}): Promise<AttributionReport> {
  const { members } = args;
  const map = await exposureMap(
    members.map((m) => m.symbol),
    { funds: args.funds },
  );
  const clash = map.names.find((id) => RESERVED.has(id));
  if (clash) throw invalidInput('--funds', clash, 'an exposure id may not be a reserved line name');
  const file = parseReturnsFileCsv(
    readTextFile(args.exposureReturns, '--exposure-returns'),
    args.exposureReturns,
    { columnCase: 'lower' },
  );
  for (const column of file.columns)
    if (column !== CASH && !map.categoryOf.has(column) && !map.names.includes(column))
      throw invalidInput(
        '--exposure-returns',
        column,
        `column is neither an exposure id of config/exposures.yaml nor loaded by a fund (loaded: ${map.names.join(', ')})`,
      );
  const cash = file.seriesByColumn.get(CASH);
  const aligned = alignExposureAttribution({
    funds: members.map((m) => ({ id: m.symbol, series: m.series })),
    exposureIds: map.names,
    exposureReturns: file.seriesByColumn,
    ...(cash ? { cashReturns: cash } : {}),
  });
  const T = aligned.dates.length;
  const n = members.length;
  const weights = {
    rows: T,
    cols: n,
    data: Float64Array.from({ length: T * n }, (_, i) => members[i % n]!.weight),
  };
  const byPosition = linkCarino(periodContributions({ weights, returns: aligned.fundReturns }));
  const byExposure = linkExposureAttribution(
    periodExposureAttribution({
      weights,
      fundReturns: aligned.fundReturns,
      loadings: map.loadings,
      exposureReturns: aligned.exposureReturns,
      ...(aligned.cashReturns ? { cashReturns: aligned.cashReturns } : {}),
    }),
  );
  const bySymbol = (values: Float64Array): Record<string, number> =>
    Object.fromEntries(members.map((m, i) => [m.symbol, values[i]!]));
  return {
    method: 'carino',
    periods: T,
    from: aligned.dates[0]!,
    to: aligned.dates[T - 1]!,
    totalReturn: byPosition.totalReturn,
    byPosition: bySymbol(byPosition.linked),
    byExposure: {
      ...Object.fromEntries(map.names.map((id, j) => [id, byExposure.exposures[j]!])),
      ...(byExposure.financing === undefined ? {} : { financing: byExposure.financing }),
      implementation: bySymbol(byExposure.implementation),
    },
  };
}

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

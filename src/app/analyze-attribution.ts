/**
 * The `attribution` block of `analyze`: return attribution of the analysed portfolio (fixed
 * weights, rebalanced every period) by position and by economic exposure, both Carino-linked
 * over the horizon so each set of lines adds up to the compounded return.
 *
 * - Loadings: the portfolio's columns are mapped to exposures by `exposureLoadings` (a fund
 *   symbol of the fund definitions gets its definition; a column that is an exposure id gets 1
 *   on itself; anything else is an error naming it).
 * - The exposure returns file is `date,<exposure ids>[,cash_rate]`, simple returns per period,
 *   column names matched case-insensitively. `cash_rate` is the financing series (and the return
 *   of a `cash_rate` loading); without it no financing line is shown and the implementation
 *   lines absorb the financing cost of levered funds. A column that is neither an exposure id of
 *   config/exposures.yaml nor loaded by a fund is an error.
 * - Dates: only the dates on which every member, every loaded exposure and the cash series have
 *   a return (explicit intersection, never filled); `periods`, `from` and `to` report them and a
 *   `DATES_DROPPED` warning counts the portfolio dates left out.
 */

import {
  alignExposureAttribution,
  linkExposureAttribution,
  periodExposureAttribution,
} from '../domain/analytics/exposure-attribution.ts';
import { linkCarino, periodContributions } from '../domain/analytics/return-attribution.ts';
import { invalidInput } from '../domain/errors.ts';
import type { Warning } from '../domain/warnings.ts';
import type { PortfolioMember } from './analyze-portfolio.ts';
import { exposureLoadings } from './exposure-loadings.ts';
import type { DefinitionDeps } from './funds-source.ts';
import { loadReturnsFile } from './returns-file.ts';
import type { TextSource } from './sources.ts';

/** The `attribution` block of the `analyze` document. */
export interface AttributionReport {
  readonly method: 'carino';
  readonly periods: number;
  readonly from: string;
  readonly to: string;
  /** Π(1 + R_t) − 1 over the attribution periods; every set of lines adds up to it. */
  readonly totalReturn: number;
  readonly byPosition: Record<string, number>;
  /** Exposure lines, then `financing` (with a cash series), then `implementation` by symbol. */
  readonly byExposure: Record<string, number | Record<string, number>>;
}

const CASH = 'cash_rate';
const RESERVED = new Set(['financing', 'implementation']);

/** Computes the attribution block and its warnings (module comment). */
export async function attributionReport(args: {
  readonly members: readonly PortfolioMember[];
  readonly exposureReturns: TextSource;
  /** A fund file's path, or a stored set (`deps` reads it); default the shipped definitions. */
  readonly funds?: string | { readonly stored: string } | undefined;
  readonly deps?: DefinitionDeps | undefined;
}): Promise<{ report: AttributionReport; warnings: readonly Warning[] }> {
  const { members } = args;
  const funds = typeof args.funds === 'string' ? { path: args.funds } : args.funds;
  const map = await exposureLoadings(
    members.map((m) => m.symbol),
    { funds, fundsField: 'attribution.funds', deps: args.deps, field: 'returns' },
  );
  const clash = map.names.find((id) => RESERVED.has(id));
  if (clash)
    throw invalidInput(
      'attribution.funds',
      clash,
      'an exposure id may not be a reserved line name',
    );
  const file = loadReturnsFile(args.exposureReturns, 'attribution.exposureReturns', {
    columnCase: 'lower',
  });
  for (const column of file.columns)
    if (column !== CASH && !map.categoryOf.has(column) && !map.names.includes(column))
      throw invalidInput(
        'attribution.exposureReturns',
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
    report: {
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
    },
    warnings: aligned.warnings,
  };
}

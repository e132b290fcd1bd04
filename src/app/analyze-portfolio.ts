/**
 * The series `analyze` studies: one column of a returns file at weight 1, or a fixed-weight
 * portfolio of columns rebalanced every period (default: equal weights over every column but
 * the benchmark). The portfolio has a return only on the dates where every member has one
 * (explicit intersection, never filled); the dates dropped that way are counted in a
 * `DATES_DROPPED` warning (docs/conventions.md, "Returns").
 */

import { droppedDatesWarning } from '../domain/analytics/dropped-dates.ts';
import type { ReturnSeries } from '../domain/series/types.ts';
import type { Warning } from '../domain/warnings.ts';
import { columnSeries, type ReturnsFile } from './returns-file.ts';

/** One member of the analysed portfolio (symbol upper-cased). */
export interface PortfolioMember {
  readonly symbol: string;
  readonly weight: number;
  readonly series: ReturnSeries;
}

/** Which series to analyse. */
export interface PortfolioChoice {
  /** One column at weight 1. */
  readonly column?: string | undefined;
  /** Fixed weights by column, in this order. */
  readonly weights?: readonly { readonly symbol: string; readonly weight: number }[] | undefined;
  /** Left out of the default equal-weight portfolio. */
  readonly benchmark?: string | undefined;
}

/**
 * The members of the choice: `column` at weight 1, the `weights` as given, or equal weights
 * over every column but the benchmark. An unknown column is INVALID_INPUT naming the field
 * (`column`, `weights[1].symbol`).
 */
export function portfolioMembers(file: ReturnsFile, choice: PortfolioChoice): PortfolioMember[] {
  if (choice.column !== undefined) {
    const { series } = columnSeries(file, choice.column, 'column');
    return [{ symbol: choice.column.trim().toUpperCase(), series, weight: 1 }];
  }
  if (choice.weights !== undefined)
    return choice.weights.map((w, i) => ({
      symbol: w.symbol.trim().toUpperCase(),
      series: columnSeries(file, w.symbol, `weights[${i}].symbol`).series,
      weight: w.weight,
    }));
  const benchmark = choice.benchmark?.trim().toUpperCase();
  const columns = file.columns.filter((c) => c !== benchmark);
  return columns.map((c) => ({
    symbol: c,
    series: columnSeries(file, c, 'returns').series,
    weight: 1 / columns.length,
  }));
}

/** The analysed series and what building it dropped. */
export interface PortfolioSeries {
  readonly members: readonly PortfolioMember[];
  /** Per-period return Σ w_i r_i on the dates every member has. */
  readonly series: ReturnSeries;
  readonly warnings: readonly Warning[];
}

/** The series of {@link portfolioMembers} (module comment). */
export function portfolioSeries(file: ReturnsFile, choice: PortfolioChoice): PortfolioSeries {
  const members = portfolioMembers(file, choice);
  if (members.length === 1 && choice.column !== undefined)
    return { members, series: members[0]!.series, warnings: [] };
  const maps = members.map((m) => new Map(m.series.map((p) => [p.date, p.value])));
  const all = [...new Set(members.flatMap((m) => m.series.map((p) => p.date)))].sort();
  const dates = all.filter((d) => maps.every((m) => m.has(d)));
  const series = dates.map((date) => ({
    date,
    value: members.reduce((s, m, i) => s + m.weight * maps[i]!.get(date)!, 0),
  }));
  const dropped = droppedDatesWarning({
    field: choice.weights === undefined ? 'returns' : 'weights',
    subject: 'the portfolio',
    dates: all,
    kept: dates,
    why: 'not every member has a return on them',
  });
  return { members, series, warnings: dropped ? [dropped] : [] };
}

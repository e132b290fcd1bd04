import { toDayNumber } from '../../domain/calendar/iso-date.ts';
import { BallastError } from '../../domain/errors.ts';
import { alignCommon, type AlignedTable } from '../../domain/series/align-common.ts';
import type { Frequency } from '../../domain/series/frequency.ts';
import { computeReturns, type ReturnKind } from '../../data/market-data/return-query.ts';
import { parseReturnsFileCsv } from '../../data/providers/csv-file.ts';
import { matrix, type Matrix } from '../../core/linalg/matrix.ts';
import type { CommandContext } from '../context.ts';
import { readTextFile } from '../io.ts';

/**
 * Periods per year inferred from the median spacing of the dates (calendar days): ≤ 4 → 252
 * (daily), ≤ 10 → 52, ≤ 45 → 12, ≤ 120 → 4, else 1. `--periods-per-year` overrides it.
 */
export function inferPeriodsPerYear(dates: readonly string[]): number {
  if (dates.length < 2) {
    throw new BallastError(
      'INSUFFICIENT_DATA',
      'cannot infer the frequency from fewer than two dates; give --periods-per-year',
      { field: 'periods-per-year' },
    );
  }
  const gaps = dates
    .slice(1)
    .map((d, i) => toDayNumber(d) - toDayNumber(dates[i]!))
    .sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)]!;
  if (median <= 4) return 252;
  if (median <= 10) return 52;
  if (median <= 45) return 12;
  if (median <= 120) return 4;
  return 1;
}

/** A T × n row-major matrix from an aligned table (rows = dates, columns = assets). */
export function tableToMatrix(table: AlignedTable): Matrix {
  const t = table.dates.length;
  const n = table.ids.length;
  const m = matrix(t, n);
  table.columns.forEach((column, j) => {
    for (let i = 0; i < t; i++) m.data[i * n + j] = column[i]!;
  });
  return m;
}

/** Where an estimation panel comes from. */
export interface PanelSource {
  readonly returns?: string | undefined;
  readonly symbols?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly frequency?: Frequency | undefined;
  readonly kind?: ReturnKind | undefined;
}

/**
 * A returns panel on the dates every asset shares: from a returns CSV (`date,A,B,...`) or
 * computed for `--symbols` from stored/fetched prices (`kind` total by default).
 */
export async function loadPanel(
  source: PanelSource,
  ctx: CommandContext,
): Promise<{ table: AlignedTable; warnings: string[] }> {
  if (source.returns) {
    const file = parseReturnsFileCsv(readTextFile(source.returns, '--returns'), source.returns);
    const series = file.columns.map((id) => ({ id, series: file.seriesByColumn.get(id)! }));
    return { table: alignCommon(series), warnings: [] };
  }
  if (!source.symbols) {
    throw new BallastError('INVALID_INPUT', 'one of --returns or --symbols is required', {
      field: 'returns|symbols',
    });
  }
  const today = ctx.runtime.clock.today();
  const { series, warnings } = await computeReturns(
    {
      ids: source.symbols
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      from: source.from ?? `${Number(today.slice(0, 4)) - 10}${today.slice(4)}`,
      to: source.to ?? today,
      kind: source.kind ?? 'total',
      frequency: source.frequency ?? 'daily',
      offline: ctx.offline,
    },
    { service: await ctx.service(), store: await ctx.store() },
  );
  return { table: alignCommon(series.map((s) => ({ id: s.id, series: s.points }))), warnings };
}

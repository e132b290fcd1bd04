import type { Command } from 'commander';
import { BallastError } from '../../domain/errors.ts';
import { alignCommon } from '../../domain/series/align-common.ts';
import { FREQUENCIES, isFrequency, type Frequency } from '../../domain/series/frequency.ts';
import {
  computeReturns,
  RETURN_KINDS,
  type ComputedReturns,
  type ReturnKind,
} from '../../data/market-data/return-query.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { contextOf, type Runtime } from '../context.ts';
import { defaultFrom } from './data.ts';
import { parseDateOption } from './options.ts';

interface ReturnsOptions {
  symbols: string;
  from?: string;
  to?: string;
  frequency: string;
  kind: string;
  align: string;
  format: Format;
}

type Row = { date: string; values: (number | null)[] };

/** Rows of the output table: common dates only, or the union with gaps left empty. */
export function returnRows(
  series: readonly ComputedReturns[],
  align: 'common' | 'pairwise',
): Row[] {
  if (align === 'common') {
    const t = alignCommon(series.map((s) => ({ id: s.id, series: s.points })));
    return t.dates.map((date, i) => ({ date, values: t.columns.map((c) => c[i]!) }));
  }
  const lookups = series.map((s) => new Map(s.points.map((p) => [p.date, p.value])));
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  return dates.map((date) => ({ date, values: lookups.map((l) => l.get(date) ?? null) }));
}

function choice<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new BallastError(
    'INVALID_INPUT',
    `--${name}: expected one of ${allowed.join(', ')} (got "${value}")`,
    { field: name, value },
  );
}

/** Registers `ballast returns`. */
export function registerReturns(program: Command, io: Io, runtime: Runtime): void {
  program
    .command('returns')
    .description(
      'Return series (total, price, log, real, excess) at any frequency, from stored or fetched data',
    )
    .requiredOption('--symbols <list>', 'comma-separated symbols (or imported return columns)')
    .option('--from <date>', 'first date (default: ten years ago)', (v) =>
      parseDateOption('--from', v),
    )
    .option('--to <date>', 'last date, inclusive (default: today)', (v) =>
      parseDateOption('--to', v),
    )
    .option('--frequency <f>', FREQUENCIES.join(' | '), 'daily')
    .option(
      '--kind <kind>',
      `${RETURN_KINDS.join(' | ')} (excess: geometric over DGS3MO; real: exact Fisher over CPIAUCSL)`,
      'total',
    )
    .option(
      '--align <policy>',
      'common (dates all series share) | pairwise (union, gaps left empty)',
      'common',
    )
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format)
    .action(async (options: ReturnsOptions, command: Command) => {
      if (!isFrequency(options.frequency)) choice('frequency', options.frequency, FREQUENCIES);
      const frequency = options.frequency as Frequency;
      const kind = choice<ReturnKind>('kind', options.kind, RETURN_KINDS);
      const align = choice('align', options.align, ['common', 'pairwise'] as const);
      const ids = options.symbols
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (ids.length === 0)
        throw new BallastError('INVALID_INPUT', '--symbols: no symbol given', {
          field: 'symbols',
          value: options.symbols,
        });
      const ctx = contextOf(command, runtime);
      try {
        const today = runtime.clock.today();
        const { series, warnings } = await computeReturns(
          {
            ids,
            from: options.from ?? defaultFrom(today),
            to: options.to ?? today,
            kind,
            frequency,
            offline: ctx.offline,
          },
          { service: await ctx.service(), store: await ctx.store() },
        );
        const rows = returnRows(series, align);
        for (const w of warnings) io.err(`warning: ${w}`);
        if (options.format === 'json') {
          const byId = (f: (s: ComputedReturns, i: number) => unknown): Record<string, unknown> =>
            Object.fromEntries(series.map((s, i) => [s.id, f(s, i)]));
          return io.out(
            JSON.stringify(
              {
                frequency,
                kind,
                align,
                ...(kind === 'excess' ? { excessMethod: 'geometric', cashSeries: 'DGS3MO' } : {}),
                series: byId((_, i) =>
                  rows
                    .filter((r) => r.values[i] !== null)
                    .map((r) => ({ date: r.date, value: r.values[i] })),
                ),
                provenance: byId((s) => s.provenance),
                flags: byId((s) => s.flags),
                warnings,
              },
              null,
              2,
            ),
          );
        }
        const columns: Column<Row>[] = [
          { title: 'date', value: (r) => r.date },
          ...series.map((s, i): Column<Row> => ({
            title: s.id,
            value: (r) => (r.values[i] === null ? '' : String(r.values[i])),
            align: 'right',
          })),
        ];
        io.out(options.format === 'csv' ? renderCsv(rows, columns) : renderTable(rows, columns));
      } finally {
        await ctx.close();
      }
    });
}

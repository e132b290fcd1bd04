import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { addYears, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { BallastError } from '../../domain/errors.ts';
import {
  parsePriceFileCsv,
  parseReturnsFileCsv,
  parseSeriesFileCsv,
} from '../../data/providers/csv-file.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { parseFormat, readTextFile, type Format, type Io } from '../io.ts';
import { contextOf, type Runtime } from '../context.ts';
import { parseDateOption } from './options.ts';
import { RETURNS_PREFIX } from '../../data/market-data/return-query.ts';
import { registerDataLookup } from './data-lookup.ts';
import { registerDataQuality } from './data-quality.ts';

interface FetchOptions {
  from?: string;
  to?: string;
  provider?: string;
  series?: boolean;
  format: Format;
}

interface FetchRow {
  id: string;
  rows: number;
  first: string;
  last: string;
  sources: string;
  stale: boolean;
  note: string;
}

const fetchColumns: Column<FetchRow>[] = [
  { title: 'id', value: (r) => r.id },
  { title: 'rows', value: (r) => String(r.rows), align: 'right' },
  { title: 'first', value: (r) => r.first },
  { title: 'last', value: (r) => r.last },
  { title: 'source', value: (r) => r.sources },
  { title: 'stale', value: (r) => (r.stale ? 'yes' : 'no') },
  { title: 'note', value: (r) => r.note },
];

function printRows<T>(
  io: Io,
  table: { format: Format; rows: readonly T[]; columns: readonly Column<T>[] },
): void {
  const { format, rows, columns } = table;
  if (format === 'json') io.out(JSON.stringify(rows, null, 2));
  else if (format === 'csv') io.out(renderCsv(rows, columns));
  else io.out(renderTable(rows, columns));
}

/** Default start of a fetch: ten years before today. */
export function defaultFrom(today: IsoDate): IsoDate {
  return addYears(today, -10);
}

function registerFetch(data: Command, io: Io, runtime: Runtime): void {
  data
    .command('fetch')
    .description(
      'Fetch daily prices (or economic series with --series) into the store; only missing data is fetched',
    )
    .argument('<ids...>', 'symbols (or series ids with --series)')
    .option('--from <date>', 'first date (default: ten years ago)', (v) =>
      parseDateOption('--from', v),
    )
    .option('--to <date>', 'last date, inclusive (default: today)', (v) =>
      parseDateOption('--to', v),
    )
    .option(
      '--provider <name>',
      'ask only this provider (yahoo, stooq, tiingo, polygon, alpha-vantage, fred)',
    )
    .option('--series', 'the ids are economic series (FRED ids such as DGS3MO, CPIAUCSL)')
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format)
    .action(async (ids: string[], options: FetchOptions, command: Command) => {
      const ctx = contextOf(command, runtime);
      try {
        const service = await ctx.service();
        const today = runtime.clock.today();
        const range = { from: options.from ?? defaultFrom(today), to: options.to ?? today };
        const bar = process.stderr.isTTY
          ? new SingleBar({ format: 'fetching {bar} {value}/{total} {id}', hideCursor: true })
          : undefined;
        bar?.start(ids.length, 0, { id: '' });
        const rows: FetchRow[] = [];
        let failures = 0;
        for (const id of ids) {
          bar?.update({ id });
          const read = {
            ...range,
            offline: ctx.offline,
            ...(options.provider ? { provider: options.provider } : {}),
          };
          try {
            const r = options.series
              ? await service.getSeries(id, read)
              : await service.getPrices(id, read);
            rows.push({
              id: id.trim().toUpperCase(),
              rows: r.rows.length,
              first: r.rows[0]?.date ?? '',
              last: r.rows.at(-1)?.date ?? '',
              sources: r.sources.join(','),
              stale: r.stale,
              note: r.attempts.map((a) => `${a.provider}: ${a.code}`).join('; '),
            });
          } catch (e) {
            if (!(e instanceof BallastError) || e.code === 'INVALID_INPUT') throw e;
            failures++;
            rows.push({
              id: id.trim().toUpperCase(),
              rows: 0,
              first: '',
              last: '',
              sources: '',
              stale: false,
              note: `${e.code}: ${e.message}`,
            });
          }
          bar?.increment();
        }
        bar?.stop();
        printRows(io, { format: options.format, rows, columns: fetchColumns });
        if (failures > 0) {
          throw new BallastError(
            'DATA_UNAVAILABLE',
            `${failures} of ${ids.length} ids could not be fetched (see the table)`,
            { failures },
          );
        }
      } finally {
        await ctx.close();
      }
    });
}

interface ImportOptions {
  csv: string;
  symbol?: string;
  kind: 'prices' | 'returns' | 'series';
  format: Format;
}

function registerImport(data: Command, io: Io, runtime: Runtime): void {
  data
    .command('import')
    .description('Import a local CSV into the store (all or nothing; re-importing changes nothing)')
    .requiredOption(
      '--csv <file>',
      'prices: date,close[,adj_close,dividend,split,open,high,low,volume]; returns: date,A,B,...; series: date,value[,available_from]',
    )
    .option('--symbol <id>', 'symbol (prices) or series id (series); required for those kinds')
    .option('--kind <kind>', 'prices | returns | series', 'prices')
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format)
    .action(async (options: ImportOptions, command: Command) => {
      if (!['prices', 'returns', 'series'].includes(options.kind)) {
        throw new BallastError(
          'INVALID_INPUT',
          `--kind: expected prices, returns or series (got "${options.kind}")`,
          { field: 'kind', value: options.kind },
        );
      }
      if (options.kind !== 'returns' && !options.symbol) {
        throw new BallastError(
          'INVALID_INPUT',
          `--symbol is required with --kind ${options.kind}`,
          { field: 'symbol' },
        );
      }
      const text = readTextFile(options.csv, '--csv');
      const provenance = { source: `csv:${basename(options.csv)}`, fetchedAt: runtime.clock.now() };
      const ctx = contextOf(command, runtime);
      try {
        const store = await ctx.store();
        const rows = await store.transaction(async (tx) => {
          if (options.kind === 'prices') {
            const bars = parsePriceFileCsv(text, options.csv);
            return [
              {
                id: options.symbol!.trim().toUpperCase(),
                kind: 'prices',
                rows: bars.length,
                written: await tx.upsertPriceBars(options.symbol!, bars, provenance),
              },
            ];
          }
          if (options.kind === 'series') {
            const points = parseSeriesFileCsv(text, options.csv);
            return [
              {
                id: options.symbol!.trim().toUpperCase(),
                kind: 'series',
                rows: points.length,
                written: await tx.upsertSeriesPoints(options.symbol!, points, provenance),
              },
            ];
          }
          const file = parseReturnsFileCsv(text, options.csv);
          const out = [];
          for (const column of file.columns) {
            const points = file.seriesByColumn.get(column)!;
            const id = `${RETURNS_PREFIX}${column}`;
            await tx.upsertInstrument({
              symbol: id,
              name: `${column} returns from ${basename(options.csv)}`,
              kind: 'returns',
            });
            out.push({
              id,
              kind: 'returns',
              rows: points.length,
              written: await tx.upsertSeriesPoints(id, points, provenance),
            });
          }
          return out;
        });
        printRows(io, {
          format: options.format,
          rows,
          columns: [
            { title: 'id', value: (r) => r.id },
            { title: 'kind', value: (r) => r.kind },
            { title: 'rows', value: (r) => String(r.rows), align: 'right' },
            { title: 'written', value: (r) => String(r.written), align: 'right' },
          ],
        });
      } finally {
        await ctx.close();
      }
    });
}

function registerList(data: Command, io: Io, runtime: Runtime): void {
  data
    .command('list')
    .description(
      'What the store holds: every symbol and series with its range, rows, source and fetch time',
    )
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format)
    .action(async (options: { format: Format }, command: Command) => {
      const ctx = contextOf(command, runtime);
      try {
        const entries = await (await ctx.store()).listCoverage();
        printRows(io, {
          format: options.format,
          rows: entries,
          columns: [
            { title: 'kind', value: (e) => e.kind },
            { title: 'id', value: (e) => e.id },
            { title: 'first', value: (e) => e.first },
            { title: 'last', value: (e) => e.last },
            { title: 'rows', value: (e) => String(e.rows), align: 'right' },
            { title: 'sources', value: (e) => e.sources.join(',') },
            { title: 'fetched_at', value: (e) => e.fetchedAt },
          ],
        });
      } finally {
        await ctx.close();
      }
    });
}

/** Registers `ballast data fetch|import|list|quality`. */
export function registerData(program: Command, io: Io, runtime: Runtime): void {
  const data = program
    .command('data')
    .description('Market data: fetch, import, list and check what is stored');
  registerFetch(data, io, runtime);
  registerImport(data, io, runtime);
  registerList(data, io, runtime);
  registerDataQuality(data, io, runtime);
  registerDataLookup(data, io, runtime);
}

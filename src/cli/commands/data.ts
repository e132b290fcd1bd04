import { dataHistory, type DataHistoryDocument } from '../../app/data-history.ts';
import type { Command } from 'commander';
import { dataFetch, dataFetchFailure, type DataFetchRow } from '../../app/data-fetch.ts';
import { dataImport, type DataImportInput, type DataImportRow } from '../../app/data-import.ts';
import { dataList, type CoverageEntry } from '../../app/data-list.ts';
import { warningLines } from '../../app/errors.ts';
import { withDeps, type Runtime } from '../context.ts';
import { renderDocument } from '../format/output.ts';
import { rowViews } from '../format/row-views.ts';
import type { Column } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { fxFetch } from '../../app/fx-fetch.ts';
import { registerDataFx } from './data-fx.ts';
import { registerDataLookup } from './data-lookup.ts';
import { registerDataQuality } from './data-quality.ts';
import { registerDataRefresh } from './data-refresh.ts';
import { registerDataSchedule } from './data-schedule.ts';
import { parseDateOption } from './options.ts';

interface FetchOptions {
  from?: string;
  to?: string;
  provider?: string;
  series?: boolean;
  fx?: boolean;
  format: Format;
}

const fetchColumns: Column<DataFetchRow>[] = [
  { title: 'id', value: (r) => r.id },
  { title: 'rows', value: (r) => String(r.rows), align: 'right' },
  { title: 'first', value: (r) => r.first },
  { title: 'last', value: (r) => r.last },
  { title: 'source', value: (r) => r.sources },
  { title: 'stale', value: (r) => (r.stale ? 'yes' : 'no') },
  { title: 'note', value: (r) => r.note },
];

const importColumns: Column<DataImportRow>[] = [
  { title: 'id', value: (r) => r.id },
  { title: 'kind', value: (r) => r.kind },
  { title: 'rows', value: (r) => String(r.rows), align: 'right' },
  { title: 'written', value: (r) => String(r.written), align: 'right' },
];

const listColumns: Column<CoverageEntry>[] = [
  { title: 'kind', value: (e) => e.kind },
  { title: 'id', value: (e) => e.id },
  { title: 'first', value: (e) => e.first },
  { title: 'last', value: (e) => e.last },
  { title: 'rows', value: (e) => String(e.rows), align: 'right' },
  { title: 'sources', value: (e) => e.sources.join(',') },
  { title: 'fetched_at', value: (e) => e.fetchedAt },
];

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
    .option(
      '--fx',
      'the ids are currency pairs (EURUSD, USDJPY, …): FRED daily rates stored as FX:<pair>',
    )
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format)
    .action(async (ids: string[], options: FetchOptions, command: Command) => {
      const doc = await withDeps(command, runtime, (deps) =>
        options.fx === true
          ? fxFetch({ pairs: ids, from: options.from, to: options.to }, deps)
          : dataFetch(
              {
                ids,
                from: options.from,
                to: options.to,
                provider: options.provider,
                series: options.series === true,
              },
              deps,
            ),
      );
      io.out(renderDocument(options.format, rowViews(doc.rows, fetchColumns)));
      const failure = dataFetchFailure(doc);
      if (failure) throw failure;
    });
}

interface ImportOptions {
  csv: string;
  symbol?: string;
  kind: string;
  format: Format;
}

function registerImport(data: Command, io: Io, runtime: Runtime): void {
  data
    .command('import')
    .description('Import a local CSV into the store (all or nothing; re-importing changes nothing)')
    .requiredOption(
      '--csv <file>',
      'prices: date,close[,adj_close,dividend,split,open,high,low,volume]; returns: date,A,B,...; series: date,value[,available_from]; fx: date,EURUSD,...; fx-ecb: the ECB eurofxref-hist.csv',
    )
    .option('--symbol <id>', 'symbol (prices) or series id (series); required for those kinds')
    .option('--kind <kind>', 'prices | returns | series | fx | fx-ecb', 'prices')
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format)
    .action(async (options: ImportOptions, command: Command) => {
      const rows = await withDeps(command, runtime, (deps) =>
        dataImport(
          {
            file: { path: options.csv },
            kind: options.kind as DataImportInput['kind'],
            symbol: options.symbol,
          },
          deps,
        ),
      );
      const warnings = warningLines(rows.flatMap((r) => r.warnings ?? []));
      const views = rowViews(rows, importColumns);
      if (options.format !== 'table') for (const line of warnings) io.err(line);
      io.out(
        renderDocument(options.format, {
          ...views,
          table: () => [views.table(), ...warnings].join('\n'),
        }),
      );
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
      const entries = await withDeps(command, runtime, (deps) => dataList({}, deps));
      io.out(renderDocument(options.format, rowViews(entries, listColumns)));
    });
}

const historyColumns: Column<DataHistoryDocument['versions'][number]>[] = [
  { title: 'Fetched at', value: (v) => v.fetchedAt },
  { title: 'Replaced at', value: (v) => v.supersededAt ?? 'current' },
  { title: 'Source', value: (v) => v.source },
  { title: 'Close', value: (v) => String(v.close), align: 'right' },
  {
    title: 'Adj. close',
    value: (v) => (v.adjClose === undefined ? '' : String(v.adjClose)),
    align: 'right',
  },
  { title: 'Dividend', value: (v) => String(v.dividend), align: 'right' },
  { title: 'Split', value: (v) => String(v.split), align: 'right' },
];

function registerHistory(data: Command, io: Io, runtime: Runtime): void {
  data
    .command('history')
    .description(
      'Every version of a stored bar as providers revised it: fetched when, from where, replaced when (see --known-at)',
    )
    .argument('<symbol>', 'the symbol')
    .requiredOption('--date <date>', 'the bar’s date (YYYY-MM-DD)')
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format)
    .action(async (symbol: string, options: { date: string; format: Format }, command: Command) => {
      const doc = await withDeps(command, runtime, (deps) =>
        dataHistory({ symbol, date: options.date }, deps),
      );
      io.out(
        renderDocument(options.format, {
          ...rowViews(doc.versions, historyColumns),
          json: doc,
        }),
      );
    });
}

/** Registers `ballast data fetch|import|list|history|quality|search|quote`. */
export function registerData(program: Command, io: Io, runtime: Runtime): void {
  const data = program
    .command('data')
    .description('Market data: fetch, import, list and check what is stored');
  registerFetch(data, io, runtime);
  registerImport(data, io, runtime);
  registerList(data, io, runtime);
  registerHistory(data, io, runtime);
  registerDataFx(data, io, runtime);
  registerDataQuality(data, io, runtime);
  registerDataLookup(data, io, runtime);
  registerDataRefresh(data, io, runtime);
  registerDataSchedule(data, io, runtime);
}

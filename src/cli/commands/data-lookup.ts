import type { Command } from 'commander';
import { dataQuote, dataSearch, type Quote, type SymbolMatch } from '../../app/data-lookup.ts';
import { withDeps, type Runtime } from '../context.ts';
import { renderDocument } from '../format/output.ts';
import { rowViews } from '../format/row-views.ts';
import type { Column } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';

const hitColumns: Column<SymbolMatch>[] = [
  { title: 'Symbol', value: (h) => h.symbol },
  { title: 'Name', value: (h) => h.name },
  { title: 'Exchange', value: (h) => h.exchange ?? '' },
  { title: 'Type', value: (h) => h.type ?? '' },
];

const quoteColumns: Column<Quote>[] = [
  { title: 'Symbol', value: (q) => q.symbol },
  { title: 'Price', value: (q) => String(q.price), align: 'right' },
  { title: 'Currency', value: (q) => q.currency ?? '' },
  { title: 'Time', value: (q) => q.time },
  { title: 'Source', value: (q) => q.source },
];

/** Registers `ballast data search QUERY` and `ballast data quote SYMBOL...` (live, never stored). */
export function registerDataLookup(data: Command, io: Io, runtime: Runtime): void {
  data
    .command('search')
    .description('Search symbols by name or ticker (live; Yahoo)')
    .argument('<query>', 'text to search for')
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format)
    .action(async (query: string, options: { format: Format }, command: Command) => {
      const hits = await withDeps(command, runtime, (deps) => dataSearch({ query }, deps));
      io.out(renderDocument(options.format, rowViews(hits, hitColumns)));
    });

  data
    .command('quote')
    .description('Latest quotes with their time and source (live; shown, never stored as history)')
    .argument('<symbols...>', 'symbols')
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format)
    .action(async (symbols: string[], options: { format: Format }, command: Command) => {
      const quotes = await withDeps(command, runtime, (deps) => dataQuote({ symbols }, deps));
      io.out(renderDocument(options.format, rowViews(quotes, quoteColumns)));
    });
}

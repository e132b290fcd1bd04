import type { Command } from 'commander';
import { fxRate, type FxRateLeg } from '../../app/fx-rate.ts';
import { withDeps, type Runtime } from '../context.ts';
import { renderDocument } from '../format/output.ts';
import { rowViews } from '../format/row-views.ts';
import type { Column } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { parseDateOption } from './options.ts';

const legColumns: Column<FxRateLeg>[] = [
  { title: 'Series', value: (l) => l.series },
  { title: 'Inverted', value: (l) => (l.inverted ? 'yes' : 'no') },
  { title: 'Date', value: (l) => l.date },
  { title: 'Value', value: (l) => String(l.value), align: 'right' },
  { title: 'Source', value: (l) => l.source },
  { title: 'Fetched at', value: (l) => l.fetchedAt },
];

/** Registers `ballast data fx-rate PAIR [--date D]` (docs/currencies.md). */
export function registerDataFx(data: Command, io: Io, runtime: Runtime): void {
  data
    .command('fx-rate')
    .description(
      'The stored FX rate of a pair on a date: the last on or before it, inverted or crossed via USD/EUR when needed',
    )
    .argument('<pair>', 'e.g. EURJPY (JPY per 1 EUR) or EUR/JPY')
    .option('--date <date>', 'the date (default: today)', (v) => parseDateOption('--date', v))
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format)
    .action(async (pair: string, options: { date?: string; format: Format }, command: Command) => {
      const doc = await withDeps(command, runtime, (deps) =>
        fxRate({ pair, date: options.date }, deps),
      );
      const views = rowViews(doc.legs, legColumns);
      io.out(
        renderDocument(options.format, {
          ...views,
          table: () =>
            [
              `1 ${doc.from} = ${doc.rate} ${doc.to} on ${doc.date} (rate of ${doc.rateDate})`,
              views.table(),
            ].join('\n'),
          json: doc,
        }),
      );
    });
}

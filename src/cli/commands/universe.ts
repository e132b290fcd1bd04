import type { Command } from 'commander';
import { universe, type Implementation, type UniverseDocument } from '../../app/universe.ts';
import { renderDocument } from '../format/output.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import type { Runtime } from '../context.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { registerUniverseStored } from './universe-stored.ts';

/** One-line description of an implementation, e.g. `etf_average SPY/IVV/VOO`. */
export function describeImplementation(impl: Implementation): string {
  switch (impl.type) {
    case 'etf_average':
    case 'fund_average':
      return `${impl.type} ${impl.tickers.join('/')}`;
    case 'fund':
      return `fund ${impl.ticker}`;
    case 'composite':
      return `composite ${impl.components.map((c) => `${c.weight}×${c.ticker}`).join('+')}`;
    case 'rate_series':
      return `rate_series ${impl.source}:${impl.series}`;
    case 'index':
      return `index ${impl.index}`;
    case 'notes':
      return 'notes';
  }
}

type Row = UniverseDocument['exposures'][number];

const implementations = (e: Row): string =>
  e.implementations
    .filter((i) => i.type !== 'notes')
    .map(describeImplementation)
    .join('; ');

function universeTable(doc: UniverseDocument): string {
  const columns: Column<Row>[] = [
    { title: 'Category', value: (e) => e.category },
    { title: 'Exposure', value: (e) => e.id },
    { title: 'Name', value: (e) => e.name },
    { title: 'Implementations (in order)', value: implementations },
  ];
  return [
    renderTable(doc.exposures, columns),
    `${doc.exposures.length} exposures in ${doc.categories.length} categories`,
  ].join('\n');
}

/**
 * Registers `ballast universe`: the exposure registry, by category; and `universe
 * save|stored|delete`, the user's named universes.
 */
export function registerUniverse(program: Command, io: Io, runtime: Runtime): void {
  const command = program
    .command('universe')
    .description(
      'The exposure universe: exposures, categories and their implementations (save|stored|delete: your named universes)',
    )
    .option(
      '--format <format>',
      'table | json | csv (csv: one row per exposure)',
      parseFormat,
      'table' as Format,
    )
    .action(async (options: { format: Format }) => {
      const doc = await universe({});
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () => universeTable(doc),
          csv: () =>
            renderCsv(doc.exposures, [
              { title: 'category', value: (e) => e.category },
              { title: 'id', value: (e) => e.id },
              { title: 'name', value: (e) => e.name },
              { title: 'implementations', value: implementations },
            ]),
        }),
      );
    });
  registerUniverseStored(command, io, runtime);
}

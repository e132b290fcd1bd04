/**
 * `ballast universe save NAME --symbols A,B,C`, `universe stored` and `universe delete NAME`:
 * named lists of symbols or exposure ids kept in the store (`ballast universe` alone prints the
 * shipped exposure universe).
 */

import type { Command } from 'commander';
import {
  universeDelete,
  universeSave,
  universeStoredList,
  type StoredUniverse,
  type UniverseSaveDocument,
} from '../../app/universe-stored.ts';
import { withDeps, type Runtime } from '../context.ts';
import { withFlagNames } from '../flag-errors.ts';
import { renderDocument } from '../format/output.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { parseFormat, parseTableOrJson, type Format, type Io } from '../io.ts';

/** Table columns; CSV gives the symbols separated by spaces (one cell). */
function columns(): Column<StoredUniverse>[] {
  return [
    { title: 'name', value: (u) => u.name },
    { title: 'symbols', value: (u) => u.symbols.join(' ') },
    { title: 'description', value: (u) => u.description ?? '' },
    { title: 'created_at', value: (u) => u.createdAt },
    { title: 'updated_at', value: (u) => u.updatedAt },
  ];
}

const savedText = (doc: UniverseSaveDocument): string =>
  `${doc.created ? 'Saved' : 'Replaced'} universe ${doc.name}: ${doc.symbols.length} symbol${doc.symbols.length === 1 ? '' : 's'} (${doc.symbols.join(', ')})`;

function registerSave(universe: Command, io: Io, runtime: Runtime): void {
  universe
    .command('save')
    .description('Store a named list of symbols or exposure ids (a taken name is replaced)')
    .argument('<name>', 'the name (letters, digits, ".", "_", "-")')
    .requiredOption('--symbols <list>', 'symbols or exposure ids, comma-separated: SPY,AGG,GLD')
    .option('--description <text>', 'a note (at most 500 characters)')
    .option('--format <format>', 'table | json', parseTableOrJson, 'table' as Format)
    .action(
      async (
        name: string,
        options: { symbols: string; description?: string; format: Format },
        command: Command,
      ) => {
        const symbols = options.symbols.split(',').map((s) => s.trim());
        const doc = await withDeps(command, runtime, (deps) =>
          withFlagNames({ name: 'NAME', symbols: '--symbols', description: '--description' }, () =>
            universeSave(
              {
                name,
                symbols,
                ...(options.description === undefined ? {} : { description: options.description }),
              },
              deps,
            ),
          ),
        );
        io.out(renderDocument(options.format, { json: doc, table: () => savedText(doc) }));
      },
    );
}

function registerList(universe: Command, io: Io, runtime: Runtime): void {
  universe
    .command('stored')
    .description('Universes stored with `universe save`: name, symbols, description, times')
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format)
    .action(async (options: { format: Format }, command: Command) => {
      const rows = await withDeps(command, runtime, (deps) => universeStoredList({}, deps));
      io.out(
        renderDocument(options.format, {
          json: rows,
          table: () => (rows.length === 0 ? 'No stored universes.' : renderTable(rows, columns())),
          csv: () => renderCsv(rows, columns()),
        }),
      );
    });
}

function registerDelete(universe: Command, io: Io, runtime: Runtime): void {
  universe
    .command('delete')
    .description('Delete a stored universe')
    .argument('<name>', 'the stored name (see `ballast universe stored`)')
    .option('--format <format>', 'table | json', parseTableOrJson, 'table' as Format)
    .action(async (name: string, options: { format: Format }, command: Command) => {
      const doc = await withDeps(command, runtime, (deps) =>
        withFlagNames({ name: 'NAME' }, () => universeDelete({ name }, deps)),
      );
      const line = `Deleted universe ${doc.name} (${doc.symbols.length} symbols)`;
      io.out(renderDocument(options.format, { json: doc, table: () => line }));
    });
}

/** Registers `universe save`, `universe stored` and `universe delete` under `universe`. */
export function registerUniverseStored(universe: Command, io: Io, runtime: Runtime): void {
  registerSave(universe, io, runtime);
  registerList(universe, io, runtime);
  registerDelete(universe, io, runtime);
}

/**
 * `ballast funds save NAME --file FILE`, `funds stored` and `funds delete NAME`: a user's own
 * fund files kept in the store, for every command's `--funds-stored NAME`.
 */

import type { Command } from 'commander';
import { warningLines } from '../../app/errors.ts';
import {
  fundsSave,
  type FundsSaveDocument,
  type StoredFundsSummary,
} from '../../app/funds-save.ts';
import { fundsDelete, fundsStoredList } from '../../app/funds-stored.ts';
import { withDeps, type Runtime } from '../context.ts';
import { withFlagNames } from '../flag-errors.ts';
import { renderDocument } from '../format/output.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { parseFormat, parseTableOrJson, type Format, type Io } from '../io.ts';

const plural = (n: number | null): string =>
  n === null ? 'unreadable fund definitions' : `${n} fund definition${n === 1 ? '' : 's'}`;

const COLUMNS: Column<StoredFundsSummary>[] = [
  { title: 'name', value: (s) => s.name },
  { title: 'funds', value: (s) => (s.funds === null ? '' : String(s.funds)), align: 'right' },
  { title: 'source', value: (s) => s.source },
  { title: 'created_at', value: (s) => s.createdAt },
  { title: 'updated_at', value: (s) => s.updatedAt },
];

function savedText(doc: FundsSaveDocument): string {
  const verb = doc.created ? 'Saved' : 'Replaced';
  const lines = [`${verb} ${plural(doc.funds)} as ${doc.name} (from ${doc.source})`];
  if (doc.warnings.length > 0)
    lines.push(
      `Warnings:\n${warningLines(doc.warnings)
        .map((l) => `  ${l}`)
        .join('\n')}`,
    );
  return lines.join('\n');
}

function registerSave(funds: Command, io: Io, runtime: Runtime): void {
  funds
    .command('save')
    .description(
      'Store a fund file under a name (validated like `funds validate`; a bad file stores nothing)',
    )
    .argument('<name>', 'the name (letters, digits, ".", "_", "-"); a taken name is replaced')
    .requiredOption('--file <file>', 'fund definitions YAML or JSON (canonical layout)')
    .option('--format <format>', 'table | json', parseTableOrJson, 'table' as Format)
    .action(async (name: string, options: { file: string; format: Format }, command: Command) => {
      const doc = await withDeps(command, runtime, (deps) =>
        withFlagNames({ name: 'NAME', funds: '--file' }, () =>
          fundsSave({ name, funds: { path: options.file } }, deps),
        ),
      );
      io.out(renderDocument(options.format, { json: doc, table: () => savedText(doc) }));
    });
}

function registerList(funds: Command, io: Io, runtime: Runtime): void {
  funds
    .command('stored')
    .description('Fund definitions stored with `funds save`: name, funds, source, times')
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format)
    .action(async (options: { format: Format }, command: Command) => {
      const rows = await withDeps(command, runtime, (deps) => fundsStoredList({}, deps));
      io.out(
        renderDocument(options.format, {
          json: rows,
          table: () =>
            rows.length === 0 ? 'No stored fund definitions.' : renderTable(rows, COLUMNS),
          csv: () => renderCsv(rows, COLUMNS),
        }),
      );
    });
}

function registerDelete(funds: Command, io: Io, runtime: Runtime): void {
  funds
    .command('delete')
    .description('Delete stored fund definitions (commands naming them then fail NOT_FOUND)')
    .argument('<name>', 'the stored name (see `ballast funds stored`)')
    .option('--format <format>', 'table | json', parseTableOrJson, 'table' as Format)
    .action(async (name: string, options: { format: Format }, command: Command) => {
      const doc = await withDeps(command, runtime, (deps) =>
        withFlagNames({ name: 'NAME' }, () => fundsDelete({ name }, deps)),
      );
      const line = `Deleted stored fund definitions ${doc.name} (${plural(doc.funds)})`;
      io.out(renderDocument(options.format, { json: doc, table: () => line }));
    });
}

/** Registers `funds save`, `funds stored` and `funds delete` under the `funds` command. */
export function registerFundsStored(funds: Command, io: Io, runtime: Runtime): void {
  registerSave(funds, io, runtime);
  registerList(funds, io, runtime);
  registerDelete(funds, io, runtime);
}

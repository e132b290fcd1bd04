import type { Command } from 'commander';
import { keyCreate, type KeyCreateDocument, type StoredApiKey } from '../../app/key-create.ts';
import { keyList } from '../../app/key-list.ts';
import { keyRevoke } from '../../app/key-revoke.ts';
import { withDeps, type Runtime } from '../context.ts';
import { withFlagNames } from '../flag-errors.ts';
import { renderDocument, type DocumentViews } from '../format/output.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { parseFormat, parseTableOrJson, type Format, type Io } from '../io.ts';

/** The columns of `keys list`; the table marks the prefix as a prefix (`blst_abcdefg…`). */
function listColumns(prefix: (k: StoredApiKey) => string): Column<StoredApiKey>[] {
  return [
    { title: 'id', value: (k) => String(k.id), align: 'right' },
    { title: 'name', value: (k) => k.name },
    { title: 'scope', value: (k) => k.scope },
    { title: 'prefix', value: prefix },
    { title: 'created_at', value: (k) => k.createdAt },
    { title: 'last_used_at', value: (k) => k.lastUsedAt ?? '' },
    { title: 'revoked_at', value: (k) => k.revokedAt ?? '' },
  ];
}

/** `keys list` as JSON (the stored keys), a table (or "No API keys.") and CSV. */
const listViews = (rows: readonly StoredApiKey[]): DocumentViews => ({
  json: rows,
  table: () =>
    rows.length === 0
      ? 'No API keys.'
      : renderTable(
          rows,
          listColumns((k) => `${k.prefix}…`),
        ),
  csv: () =>
    renderCsv(
      rows,
      listColumns((k) => k.prefix),
    ),
});

const FORMAT_HELP = 'table | json';

const createdLines = (doc: KeyCreateDocument): string =>
  [
    `Created ${doc.scope} key ${doc.id} (${doc.name}):`,
    doc.key,
    'This key will not be shown again: store it now (only its hash is kept).',
  ].join('\n');

function registerCreate(keys: Command, io: Io, runtime: Runtime): void {
  keys
    .command('create')
    .description('Create an API key; it is printed once and never shown again')
    .option('--scope <scope>', 'read (GET requests only) | write (every request)')
    .option('--name <name>', 'a label for the key (default: its prefix)')
    .option(
      '--format <format>',
      `${FORMAT_HELP} (json: the stored key and, this once, its secret in "key")`,
      parseTableOrJson,
      'table' as Format,
    )
    .action(
      async (options: { scope?: string; name?: string; format: Format }, command: Command) => {
        const doc = await withDeps(command, runtime, (deps) =>
          withFlagNames({ scope: '--scope', name: '--name' }, () =>
            keyCreate({ scope: options.scope as 'read', name: options.name }, deps),
          ),
        );
        io.out(renderDocument(options.format, { json: doc, table: () => createdLines(doc) }));
      },
    );
}

function registerList(keys: Command, io: Io, runtime: Runtime): void {
  keys
    .command('list')
    .description('API keys: id, name, scope, prefix, created, last used, revoked (never a secret)')
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format)
    .action(async (options: { format: Format }, command: Command) => {
      const rows = await withDeps(command, runtime, (deps) => keyList({}, deps));
      io.out(renderDocument(options.format, listViews(rows)));
    });
}

function registerRevoke(keys: Command, io: Io, runtime: Runtime): void {
  keys
    .command('revoke')
    .description('Revoke an API key: it authenticates nothing from now on')
    .argument('<id>', 'the key id (see `ballast keys list`)')
    .option('--format <format>', FORMAT_HELP, parseTableOrJson, 'table' as Format)
    .action(async (id: string, options: { format: Format }, command: Command) => {
      const key = await withDeps(command, runtime, (deps) =>
        withFlagNames({ id: 'ID' }, () => keyRevoke({ id }, deps)),
      );
      const line = `Revoked ${key.scope} key ${key.id} (${key.name}) at ${key.revokedAt ?? ''}`;
      io.out(renderDocument(options.format, { json: key, table: () => line }));
    });
}

/** Registers `ballast keys create|list|revoke`. */
export function registerKeys(program: Command, io: Io, runtime: Runtime): void {
  const keys = program
    .command('keys')
    .description('API keys of the HTTP API (`ballast serve`): create, list, revoke');
  registerCreate(keys, io, runtime);
  registerList(keys, io, runtime);
  registerRevoke(keys, io, runtime);
}

import type { Command } from 'commander';
import { keyCreate, type KeyCreateDocument, type StoredApiKey } from '../../app/key-create.ts';
import { keyList } from '../../app/key-list.ts';
import { keyRevoke } from '../../app/key-revoke.ts';
import { withDeps, type Runtime } from '../context.ts';
import { withFlagNames } from '../flag-errors.ts';
import type { Io } from '../io.ts';
import { renderTable, type Column } from '../format/table.ts';

const listColumns: Column<StoredApiKey>[] = [
  { title: 'id', value: (k) => String(k.id), align: 'right' },
  { title: 'name', value: (k) => k.name },
  { title: 'scope', value: (k) => k.scope },
  { title: 'prefix', value: (k) => `${k.prefix}…` },
  { title: 'created_at', value: (k) => k.createdAt },
  { title: 'last_used_at', value: (k) => k.lastUsedAt ?? '' },
  { title: 'revoked_at', value: (k) => k.revokedAt ?? '' },
];

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
    .action(async (options: { scope?: string; name?: string }, command: Command) => {
      const doc = await withDeps(command, runtime, (deps) =>
        withFlagNames({ scope: '--scope', name: '--name' }, () =>
          keyCreate({ scope: options.scope as 'read', name: options.name }, deps),
        ),
      );
      io.out(createdLines(doc));
    });
}

function registerList(keys: Command, io: Io, runtime: Runtime): void {
  keys
    .command('list')
    .description('API keys: id, name, scope, prefix, created, last used, revoked (never a secret)')
    .action(async (_options: object, command: Command) => {
      const rows = await withDeps(command, runtime, (deps) => keyList({}, deps));
      io.out(rows.length === 0 ? 'No API keys.' : renderTable(rows, listColumns));
    });
}

function registerRevoke(keys: Command, io: Io, runtime: Runtime): void {
  keys
    .command('revoke')
    .description('Revoke an API key: it authenticates nothing from now on')
    .argument('<id>', 'the key id (see `ballast keys list`)')
    .action(async (id: string, _options: object, command: Command) => {
      const key = await withDeps(command, runtime, (deps) =>
        withFlagNames({ id: 'ID' }, () => keyRevoke({ id }, deps)),
      );
      io.out(`Revoked ${key.scope} key ${key.id} (${key.name}) at ${key.revokedAt ?? ''}`);
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
